/// Everything that decides an allocation except the area data: the pot, the weights, the rounding
/// unit, limits, top-slices, derived indicators, last year's allocation and damping. Each keeps where
/// it was written, so a problem points at the option or the scenario line that caused it.
public struct AllocationSettings: Sendable {
    public var pot: Located<Money>
    public var weights: [WeightSetting]
    /// Amounts are whole multiples of this (default 1p).
    public var unit: Located<Money>
    /// Every area receives at least this much.
    public var floor: Located<Money>?
    /// No area receives more than this.
    public var cap: Located<Money>?
    /// Floors and caps of single areas, replacing the ones for every area.
    public var areaLimits: [AreaLimit]
    /// Taken off the pot before the formula.
    public var topSlices: [TopSlice]
    /// Indicators made from the area file's columns.
    public var definitions: [IndicatorDefinition]
    /// Last year's allocation: for change against last year, and what damping holds areas near.
    public var previous: PreviousAllocation?
    /// How far an area's amount may move from last year's.
    public var damping: Located<DampingBand>?
    /// The column per-head figures divide by (usually population).
    public var perHead: Located<String>?
    /// How hints show a setting written the right way, in its writer's syntax (a scenario file's
    /// lines unless the loader was given a draft worded otherwise).
    public var wording: ScenarioWording

    public init(
        pot: Located<Money>, weights: [WeightSetting], unit: Located<Money> = Located(Money(pence: 1)),
        floor: Located<Money>? = nil, cap: Located<Money>? = nil, areaLimits: [AreaLimit] = [],
        topSlices: [TopSlice] = [], definitions: [IndicatorDefinition] = [], previous: PreviousAllocation? = nil,
        damping: Located<DampingBand>? = nil, perHead: Located<String>? = nil, wording: ScenarioWording = .file
    ) {
        self.pot = pot
        self.weights = weights
        self.unit = unit
        self.floor = floor
        self.cap = cap
        self.areaLimits = areaLimits
        self.topSlices = topSlices
        self.definitions = definitions
        self.previous = previous
        self.damping = damping
        self.perHead = perHead
        self.wording = wording
    }

    /// Reads an amount setting (the pot, the rounding unit, a floor) with the strict money parser,
    /// named in messages as `option`; `offset` is where `text` starts in the setting.
    public static func amount(_ text: String, option: String, origin: SettingOrigin?, offset: Int = 0) throws(SettingError)
        -> Located<Money> {
        do throws(MoneyParseProblem) {
            return Located(try MoneyParser.parse(text), at: origin)
        } catch {
            throw SettingError(Diagnostic(
                .badAmount, "\(option): \(error.message(about: text))", hint: error.hint, origin: origin,
                offset: offset + error.offset, length: error.caretLength(in: text.utf8.count)))
        }
    }

    /// Every amount set within the spreadsheet limit (`AmountLimit`), so that every figure worked
    /// from them is exact in every output; the rest of the checks can then add them up safely.
    func amountsPastLimit() -> [Diagnostic] {
        var amounts: [(what: String, amount: Located<Money>)] = [("the pot", pot), ("the rounding unit", unit)]
        if let floor { amounts.append(("the floor", floor)) }
        if let cap { amounts.append(("the cap", cap)) }
        for limit in areaLimits {
            amounts.append(("the \(limit.kind.rawValue)\(limit.area.map { " for \($0)" } ?? "")", Located(limit.amount, at: limit.origin)))
        }
        for slice in topSlices { amounts.append(("top-slice \(slice.name)", Located(slice.amount, at: slice.origin))) }
        return amounts.filter { !$0.amount.value.isWithinSpreadsheetLimit }.map { what, amount in
            AmountLimit.pastLimit(amount.value, what: what, at: amount.origin?.location, length: amount.origin?.length ?? 1,
                                  excerpt: amount.origin?.excerpt)
        }
    }

    /// Problems with the settings that need no area data: sign, units, weights adding up to one.
    public func problems() -> [Diagnostic] {
        var problems = amountsPastLimit()
        if !problems.isEmpty { return problems }
        if pot.value.isNegative {
            problems.append(Diagnostic(.badPot, "the pot \(pot.value) is negative",
                                       hint: "the pot is the amount to share out: write it without a minus sign or brackets, e.g. £270,750.00", origin: pot.origin))
        }
        if unit.value.pence <= 0 {
            problems.append(Diagnostic(.badRoundingUnit, "the rounding unit must be more than zero, not \(unit.value)",
                                       hint: wording.hint(.round), origin: unit.origin))
        } else if !pot.value.isNegative && pot.value.pence % unit.value.pence != 0 {
            let left = Money(pence: pot.value.pence % unit.value.pence)
            problems.append(Diagnostic(
                .potNotWholeUnits,
                "the pot \(pot.value) is not a whole number of \(unit.value) units (\(left) would be left over)",
                hint: "round to a unit that divides the pot, such as \(Money(pence: 1)) or \(Money(pence: 100)), or change the pot",
                origin: unit.origin ?? pot.origin))
        }
        if let floor, let problem = amountProblem(
            floor.value, .badFloor, "the floor \(floor.value)", negative: "a floor is the least any area receives",
            units: "rounding could otherwise leave an area below the floor; make the floor a multiple of the unit", at: floor.origin) {
            problems.append(problem)
        }
        problems += limitProblems()
        problems += sliceProblems()
        if let damping, previous == nil {
            problems.append(Diagnostic(
                .badDamping, "damping holds areas near last year's amounts, but no previous allocation was given",
                hint: wording.hint(.previous), origin: damping.origin))
        }
        var definitionNames: Set<String> = []
        for definition in definitions where !definitionNames.insert(definition.name).inserted {
            problems.append(Diagnostic(
                .duplicateSetting, "indicator \(definition.name) is defined twice", hint: "keep one definition",
                origin: definition.origin, length: definition.name.utf8.count))
        }
        problems += weightProblems()
        return problems
    }

    /// Whether `amount` is a whole number of rounding units (true when the unit itself is bad, which
    /// is reported on its own).
    func isWholeUnits(_ amount: Money) -> Bool {
        unit.value.pence <= 0 || amount.pence % unit.value.pence == 0
    }

    /// An amount below zero, or not a whole number of rounding units (which rounding could break),
    /// named in messages as `what` (`the cap £60,000.00`).
    private func amountProblem(_ amount: Money, _ code: DiagnosticCode, _ what: String, negative: String, units: String,
                               at origin: SettingOrigin?) -> Diagnostic? {
        if amount.isNegative { return Diagnostic(code, "\(what) is negative", hint: negative, origin: origin) }
        guard !isWholeUnits(amount) else { return nil }
        return Diagnostic(code, "\(what) is not a whole number of \(unit.value) units", hint: units, origin: origin)
    }

    private func limitProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let cap {
            if let problem = amountProblem(
                cap.value, .badCap, "the cap \(cap.value)", negative: "a cap is the most any area receives",
                units: "rounding could otherwise take an area above the cap; make the cap a multiple of the unit", at: cap.origin) {
                problems.append(problem)
            } else if let floor, floor.value > cap.value {
                problems.append(Diagnostic(
                    .badCap, "the cap \(cap.value) is below the floor \(floor.value)",
                    hint: "every area must be able to receive at least the floor and at most the cap", origin: cap.origin))
            }
        }
        var seen: Set<String> = []
        for limit in areaLimits {
            guard let area = limit.area else { continue }
            let code: DiagnosticCode = limit.kind == .floor ? .badFloor : .badCap
            if !seen.insert(limit.kind.rawValue + "\u{0}" + area).inserted {
                problems.append(Diagnostic(
                    .duplicateSetting, "\(area) has two \(limit.kind.rawValue)s", hint: "give each area one \(limit.kind.rawValue)",
                    origin: limit.origin))
            } else if let problem = amountProblem(
                limit.amount, code, "the \(limit.kind.rawValue) for \(area), \(limit.amount),",
                negative: "a \(limit.kind.rawValue) is an amount of zero or more",
                units: "rounding could otherwise break the limit; make it a multiple of the unit", at: limit.origin) {
                problems.append(problem)
            }
        }
        return problems
    }

    private func sliceProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var names: Set<String> = []
        var total: Int64 = 0
        var overflow = false
        for slice in topSlices {
            if !names.insert(slice.name).inserted {
                problems.append(Diagnostic(
                    .duplicateSetting, "there are two top-slices named \(slice.name)", hint: "give each top-slice its own name",
                    origin: slice.origin, length: slice.name.utf8.count))
            }
            if let problem = amountProblem(
                slice.amount, .badTopSlice, "the top-slice \(slice.name), \(slice.amount),",
                negative: "a top-slice is an amount taken off the pot: zero or more",
                units: "the pot less the top-slices must still divide into whole units; make it a multiple of the unit",
                at: slice.origin) {
                problems.append(problem)
            }
            let (sum, o) = total.addingReportingOverflow(slice.amount.pence)
            total = sum
            overflow = overflow || o
        }
        if !pot.value.isNegative && !topSlices.isEmpty && (overflow || total > pot.value.pence) {
            let shown = overflow ? "more than can be held" : "\(Money(pence: total))"
            problems.append(Diagnostic(
                .topSlicesExceedPot, "the top-slices add up to \(shown), more than the pot \(pot.value)",
                hint: "lower the top-slices or raise the pot; what is left after them is shared by the formula",
                origin: topSlices.last?.origin))
        }
        return problems
    }

    private func weightProblems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        guard !weights.isEmpty else {
            return [Diagnostic(.noWeights, "no weights given", hint: (wording.missing[.weight] ?? ScenarioWording.file.missing[.weight])?.hint)]
        }
        var seen: Set<String> = []
        for setting in weights where !seen.insert(setting.indicator).inserted {
            problems.append(Diagnostic(
                .duplicateWeight, "\(setting.indicator) is weighted twice",
                hint: "give each indicator one weight", origin: setting.origin, length: setting.indicator.utf8.count))
        }
        let total = Rational.sum(weights.map(\.weight))
        if total != .one {
            let gap = total - .one
            let how = gap.isNegative ? "\(Self.describe(-gap)) short of one" : "\(Self.describe(gap)) over one"
            problems.append(Diagnostic(
                .weightsNotOne, "the weights sum to \(Self.describe(total)), \(how)",
                hint: "weights must sum to exactly one; thirds are best written 1/3, not 0.33",
                origin: weights.last?.origin))
        }
        return problems
    }

    /// `1/30 (0.033333…)` or `0.05`: a fraction shown exactly, with its decimal when it does not end.
    static func describe(_ value: Rational) -> String {
        if let exact = value.terminatingDecimal(maxPlaces: 12) { return exact }
        return "\(value) (≈ \(value.decimalString(places: 6)))"
    }
}
