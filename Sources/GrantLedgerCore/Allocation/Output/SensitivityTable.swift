/// The sensitivity as a table for people (change in £ against the base amount, per weight moved up
/// and down) or as CSV (`area,amount,` then one column per shift, in plain pounds).
public enum SensitivityTable {
    public static func text(_ sensitivity: Sensitivity) -> String {
        let base = sensitivity.base
        let step = ExactText.percent(sensitivity.step, places: 2)
        var header = ["Area", "Amount"]
        header += sensitivity.shifts.map { "\($0.indicator) \($0.direction > 0 ? "+" : "−")\(step)" }
        var rows: [[String]] = []
        for (index, area) in base.areas.enumerated() {
            var row = [area.name, area.amount.formatted(.display)]
            row += sensitivity.shifts.map { shift in
                guard let allocation = shift.allocation else { return "n/a" }
                return change(allocation.areas[index].amount.pence - area.amount.pence)
            }
            rows.append(row)
        }
        var totals = ["Total", base.total.formatted(.display)]
        totals += sensitivity.shifts.map { shift in
            guard let allocation = shift.allocation else { return "n/a" }
            return change(allocation.total.pence - base.total.pence)
        }
        var out = "Sensitivity of \(base.pot.formatted(.display)) across \(base.areas.count) areas (\(base.areaFile))\n"
        if let underspend = base.underspend { out += "Pot: \(underspend.description)\n" }
        out += "Weights: \(ExactText.weights(base.indicators)); each moved up and down by \(step) of the whole blend"
        out += " (added to or taken from the weight), the others rescaled in proportion\n"
        for shift in sensitivity.shifts {
            let sign = shift.direction > 0 ? "+" : "−"
            if let weights = shift.weights {
                let text = zip(base.indicators, weights).map { "\($0.name) \(ExactText.value($1, maxPlaces: 6))" }
                out += "  \(shift.indicator) \(sign)\(step): \(text.joined(separator: ", "))\n"
            } else {
                out += "  \(shift.indicator) \(sign)\(step): not possible (a weight would leave 0 to 1)\n"
            }
        }
        out += "\n"
        out += AllocationTable.layout([header] + rows, totals: totals)
        return out
    }

    public static func csv(_ sensitivity: Sensitivity) -> String {
        let step = sensitivity.step.decimalString(places: 6)
        var out = "area,amount"
        for shift in sensitivity.shifts {
            out += ",\(CSVCell.text("\(shift.indicator)\(shift.direction > 0 ? "+" : "-")\(step)"))"
        }
        out += "\n"
        for (index, area) in sensitivity.base.areas.enumerated() {
            out += CSVCell.text(area.name) + "," + area.amount.formatted(.plain)
            for shift in sensitivity.shifts {
                out += "," + (shift.allocation.map { $0.areas[index].amount.formatted(.plain) } ?? "")
            }
            out += "\n"
        }
        return out
    }

    /// `+£1,234.56`, `−£0.01`, `£0.00`.
    static func change(_ pence: Int64) -> String {
        if pence == 0 { return "£0.00" }
        let magnitude = Money(pence: pence < 0 ? -pence : pence).formatted(.display)
        return (pence > 0 ? "+" : "−") + magnitude
    }
}
