/// `--explain AREA`: how one area's amount was reached, step by step, every figure exact (fractions
/// in lowest terms, with decimals marked ≈ where they do not end), so that an officer can check it
/// by hand or in a spreadsheet. Steps for options not in use are left out.
public enum AllocationExplanation {
    /// The area named `name` (as `allocate --explain` names it, at `origin`), or a problem that lists
    /// the allocation's areas and the nearest to the name.
    public static func area(named name: String, in allocation: Allocation, origin: SettingOrigin?) throws(SettingError) -> AreaAllocation {
        if let area = allocation.area(named: name) { return area }
        let names = allocation.areas.map(\.name)
        throw SettingError(Diagnostic(.unknownArea, "\(allocation.areaFile) has no area \"\(name)\"",
                                      hint: Suggestion.hint(name, in: names, known: "the areas are " + names.joined(separator: ", ")),
                                      origin: origin))
    }

    public static func text(_ allocation: Allocation, area: AreaAllocation) -> String {
        var steps = Steps()
        var out = ""
        if let scenario = allocation.scenario { out += "Scenario \(scenario.name)\n" }
        out += "How \(area.name) receives \(area.amount.formatted(.display))\n"
        out += "Pot \(allocation.pot.formatted(.display)) across \(allocation.areas.count) areas of \(allocation.areaFile);"
        out += " weights \(ExactText.weights(allocation.indicators))\n"
        if let underspend = allocation.underspend { out += "Pot: \(underspend.description)\n" }

        let hasSlices = !allocation.topSlices.isEmpty
        out += topSliceStep(allocation, area, &steps)

        out += derivedStep(allocation, area, &steps)

        out += steps.next("Indicator shares: \(area.name)'s value / the column total")
        var rows: [[String]] = []
        for (k, indicator) in allocation.indicators.enumerated() {
            rows.append([indicator.name, "\(ExactText.value(area.values[k])) / \(ExactText.value(indicator.total))",
                         "= \(ExactText.fraction(area.shares[k]))"])
        }
        out += indent(rows)

        out += steps.next("Blended share: the sum of weight × share")
        rows = []
        for (k, indicator) in allocation.indicators.enumerated() {
            rows.append([indicator.name, "\(ExactText.value(indicator.weight)) × \(area.shares[k])",
                         "= \(ExactText.fraction(area.contributions[k]))"])
        }
        rows.append(["blended share", "", "= \(ExactText.fraction(area.blendedShare))"])
        out += indent(rows)

        out += steps.next(hasSlices ? "Formula amount: formula pot × blended share" : "Formula amount: pot × blended share")
        out += "  \(allocation.formulaPot.formatted(.display)) × \(area.blendedShare)\n"
        out += "  = \(ExactText.pounds(pence: area.formulaAmount))\n"
        if !area.topSlice.isZero {
            out += "  With its top-slice: \(ExactText.pounds(pence: area.formulaAmount + Rational(pence: area.topSlice)))\n"
        }

        out += limits(allocation, area, &steps)
        out += dampingStep(allocation, area, &steps)

        out += roundingStep(allocation, area, &steps)
        out += against(allocation, area)
        return out
    }

    /// Top-slices off the pot, when there are any.
    static func topSliceStep(_ allocation: Allocation, _ area: AreaAllocation, _ steps: inout Steps) -> String {
        guard !allocation.topSlices.isEmpty else { return "" }
        var out = ""
        out += steps.next("Top-slices, taken off the pot before the formula")
        for slice in allocation.topSlices {
            out += "  \(slice.name) \(slice.amount.formatted(.display)) " + (slice.area.map { "to \($0)" } ?? "retained centrally") + "\n"
        }
        // The formula pot is a part of the pot, within `Money.spreadsheetLimit`: this cannot overflow.
        let sliced = Money(pence: allocation.pot.pence - allocation.formulaPot.pence)
        out += "  The formula shares \(allocation.pot.formatted(.display)) − \(sliced.formatted(.display)) "
        out += "= \(allocation.formulaPot.formatted(.display)).\n"
        if !area.topSlice.isZero { out += "  \(area.name) receives \(area.topSlice.formatted(.display)) in top-slices on top of its formula amount.\n" }
        return out
    }

    /// How derived indicators were worked out for the area, when any is derived.
    static func derivedStep(_ allocation: Allocation, _ area: AreaAllocation, _ steps: inout Steps) -> String {
        var out = ""
        let derived = allocation.indicators.enumerated().filter { $0.element.definition != nil }
        if !derived.isEmpty {
            out += steps.next("Indicators made from the area file's columns")
            for (k, indicator) in derived {
                guard let definition = indicator.definition else { continue }
                let parts = definition.columns.map { column in
                    allocation.sourceColumns.first { $0.name == column }.map { ExactText.value($0.values[area.index]) } ?? "?"
                }
                let working: String
                switch definition.formula {
                case .product: working = parts.joined(separator: " × ")
                case let .severity(terms):
                    working = zip(terms, parts).map { "\(ExactText.value($0.weight, maxPlaces: 6)) × \($1)" }.joined(separator: " + ")
                }
                out += "  \(indicator.name) = \(definition.formulaText)\n"
                out += "    = \(working) = \(ExactText.value(area.values[k]))\n"
            }
        }
        return out
    }

    /// Rounding down to whole units and the leftover units by largest remainder.
    static func roundingStep(_ allocation: Allocation, _ area: AreaAllocation, _ steps: inout Steps) -> String {
        let unit = allocation.unit.formatted(.display)
        var out = ""
        out += steps.next("Rounding to \(unit) by largest remainder")
        // The rounded-down part is at most the area's amount, a part of the pot: this cannot overflow.
        let down = Money(pence: area.wholeUnits * allocation.unit.pence).formatted(.display)
        out += "  Rounded down to whole units of \(unit): \(down) (\(Thousands.grouped(String(area.wholeUnits))) units), "
        out += "leaving \(ExactText.fraction(area.remainder)) of a unit.\n"
        let leftover = allocation.leftoverUnits
        out += "  With every area rounded down, \(leftover) unit\(leftover == 1 ? " was" : "s were") left over; "
        out += "they go one each to the largest remainders, ties to the area first in the file.\n"
        if let rank = area.remainderRank {
            out += "  \(area.name)'s remainder is number \(rank) of \(allocation.areas.filter { $0.remainderRank != nil }.count): "
            out += area.receivesLeftoverUnit ? "it receives one unit.\n" : "it receives none.\n"
        } else {
            out += "  \(area.name) has no remainder: its amount was already whole units.\n"
        }
        out += "  Amount: \(area.amount.formatted(.display))\n"
        return out
    }

    /// Per head and change against last year, when asked for.
    static func against(_ allocation: Allocation, _ area: AreaAllocation) -> String {
        var out = ""
        if let column = allocation.perHeadColumn, let base = area.perHeadBase {
            out += "\nPer head: \(area.amount.formatted(.display)) / \(ExactText.value(base)) (\(column)) = "
            out += area.perHead.map { ExactText.perHead($0) } ?? "n/a"
            out += "\n"
        }
        if let previous = area.previous, let change = area.change {
            out += "Against last year (\(previous.formatted(.display))): \(SensitivityTable.change(change.pence))"
            out += area.changeFraction.map { ", \(ExactText.signedPercent($0))" } ?? ""
            out += "\n"
        }
        return out
    }

    /// The floors-and-caps step, or a note that none was set.
    static func limits(_ allocation: Allocation, _ area: AreaAllocation, _ steps: inout Steps) -> String {
        guard let flooring = allocation.flooring else {
            guard allocation.damping == nil && allocation.topSlices.isEmpty else { return "" }
            return steps.next("Floor") + "  No floor was set: the exact amount is the formula amount.\n"
        }
        let hasCaps = allocation.cap != nil || allocation.areas.contains { $0.capAmount != nil }
        var out = steps.next(hasCaps ? "Floors and caps" : "Floor")
        let fixed = flooring.flooredCount + flooring.cappedCount
        if let floor = allocation.floor, !hasCaps, allocation.areas.allSatisfy({ $0.floorAmount == floor }) {
            out += "  Every area receives at least \(floor.formatted(.display)). \(flooring.flooredCount) area"
            out += flooring.flooredCount == 1 ? " was" : "s were"
            out += " below it and lifted to it; the \(allocation.areas.count - fixed) others share the remaining "
        } else {
            if let floor = area.floorAmount { out += "  \(area.name)'s floor is \(floor.formatted(.display))" } else { out += "  \(area.name) has no floor" }
            out += area.capAmount.map { " and its cap \($0.formatted(.display)).\n" } ?? (hasCaps ? " and no cap.\n" : ".\n")
            out += "  \(flooring.flooredCount) area\(flooring.flooredCount == 1 ? " was" : "s were") below their floor and lifted to it"
            if hasCaps { out += ", \(flooring.cappedCount) above their cap and held at it" }
            out += "; the \(allocation.areas.count - fixed) others share the remaining "
        }
        out += "\(ExactText.pounds(pence: flooring.remainingPot)) in proportion to their formula amounts.\n"
        out += "  Their formula amounts total \(ExactText.pounds(pence: flooring.scaledTotal)),\n"
        out += "  so each is multiplied by \(ExactText.pounds(pence: flooring.remainingPot)) / that total "
        out += "= \(ExactText.fraction(flooring.factor))\n"
        out += "  (the lifting and scaling are repeated until no area is outside its limits).\n"
        let slice = area.topSlice.isZero ? "" : " (its top-slice included)"
        if area.isFloored, let floor = area.floorAmount {
            out += "  \(area.name) was below the floor: its amount is \(floor.formatted(.display))\(slice).\n"
        } else if area.isCapped, let cap = area.capAmount {
            out += "  \(area.name) was above its cap: its amount is \(cap.formatted(.display))\(slice).\n"
        } else {
            out += "  \(area.name): \(area.formulaAmount) pence × \(flooring.factor)"
            out += area.topSlice.isZero ? "\n" : " + its top-slice \(area.topSlice.formatted(.display))\n"
            out += "  = \(ExactText.pounds(pence: area.limitedAmount))\n"
        }
        return out
    }

    static func dampingStep(_ allocation: Allocation, _ area: AreaAllocation, _ steps: inout Steps) -> String {
        guard let damping = allocation.damping, let own = area.damping, let previous = area.previous else { return "" }
        var out = steps.next("Damping: within \(damping.band.description) of last year")
        out += "  Last year \(area.name) received \(previous.formatted(.display)) (\(damping.previousFile)).\n"
        out += "  Its band, in whole units of \(allocation.unit.formatted(.display)) and within its own floor and cap: "
        out += "\(ExactText.pounds(pence: own.low)) to " + (own.high.map { ExactText.pounds(pence: $0) } ?? "no limit") + ".\n"
        let before = ExactText.pounds(pence: area.limitedAmount)
        out += "  Before damping it would receive \(before): "
        out += own.isGainer ? "a gain on last year.\n" : "no gain on last year.\n"

        out += "  Areas below their band are lifted to it and areas above it held at its top. "
        switch damping.scaledGroup {
        case .gainers:
            out += "The lifting costs more than the holding saves, so every gainer's gain (its amount above last year's) "
            out += "is multiplied by \(ExactText.fraction(damping.factor)) to pay for it.\n"
        case .losers:
            out += "The holding saves more than the lifting costs, so every loser's loss (its amount below last year's) "
            out += "is multiplied by \(ExactText.fraction(damping.factor)) to share the saving.\n"
        case .none:
            out += "The lifting and the holding cancel out: no other area's amount changes.\n"
        }
        switch own.position {
        case .low: out += "  \(area.name) is lifted to the bottom of its band: \(ExactText.pounds(pence: area.exactAmount))\n"
        case .high: out += "  \(area.name) is held at the top of its band: \(ExactText.pounds(pence: area.exactAmount))\n"
        case .free:
            if own.isScaled {
                out += "  \(area.name): \(previous.formatted(.display)) + (\(before) − \(previous.formatted(.display))) × \(damping.factor)\n"
                out += "  = \(ExactText.pounds(pence: area.exactAmount))\n"
            } else {
                out += "  \(area.name) is within its band and unchanged: \(ExactText.pounds(pence: area.exactAmount))\n"
            }
        }
        return out
    }

    /// Numbered step headings, so that steps left out leave no gaps.
    struct Steps {
        var number = 0
        mutating func next(_ title: String) -> String {
            number += 1
            return "\nStep \(number). \(title)\n"
        }
    }

    /// Rows with their columns aligned, indented two spaces.
    static func indent(_ rows: [[String]]) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        var out = ""
        for row in rows {
            var line = " "
            for (index, cell) in row.enumerated() {
                line += " " + cell + (index == row.count - 1 ? "" : String(repeating: " ", count: widths[index] - cell.count))
            }
            out += line + "\n"
        }
        return out
    }
}
