/// Reads every value of a scenario draft (from a file or from command-line options, by the same
/// code): the pot (an amount, or a ledger line's budget), the area file, weights, derived
/// indicators, rounding unit, floors, caps, top-slices, last year's allocation, damping band and
/// per-head column. All problems are collected, each located where its value was written.
public enum ScenarioLoader {
    public static func load(_ draft: ScenarioDraft, ledgers: LedgerCache = LedgerCache()) -> (Scenario?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func read<T>(_ body: () throws(SettingError) -> T) -> T? {
            do throws(SettingError) { return try body() } catch {
                diagnostics.append(error.diagnostic)
                return nil
            }
        }

        // The pot.
        var pot: Located<Money>?
        var potSource = ""
        if let setting = draft.first(.pot) {
            if let (source, grantOffset, lineOffset) = read({ () throws(SettingError) in try PotSource.parse(setting, directory: draft.directory) }) {
                switch source {
                case let .amount(money):
                    pot = Located(money, at: setting.origin)
                    potSource = money.formatted(.display)
                case let .ledgerLine(ledger, grantID, lineID):
                    let (books, found) = ledgers.load(ledger)
                    // A ledger that is not there is a problem with this setting: show it here.
                    let problems = found.map { problem in
                        guard problem.code == .fileNotFound, problem.location == nil else { return problem }
                        return diagnostic(.fileNotFound, "the ledger \(ledger) named by \(setting.label) is not there",
                                          hint: "ledger: is a ledger file or folder, relative to the scenario file (e.g. ledger:../../ledgers)",
                                          at: setting.origin)
                    }
                    diagnostics += problems
                    if problems.isEmpty {
                        if let (money, text) = budget(books, ledger, grantID, lineID, setting, grantOffset, lineOffset, &diagnostics) {
                            pot = Located(money, at: setting.origin)
                            potSource = text
                        }
                    }
                }
            }
        } else {
            diagnostics.append(contentsOf: [missing(draft, draft.file == nil ? "no pot given (--pot)" : "no pot given", hint: draft.file == nil
                ? "name the amount to share out: --pot £270,750.00"
                : "add a line: pot  £270,750.00 (or pot  grant:ID line:ID ledger:PATH)", code: .badPot)].compactMap { $0 })
        }

        // The area data.
        var table: AreaTable?
        if let setting = draft.first(.areas) {
            let path = FilePaths.resolve(setting.text, relativeTo: draft.directory)
            let (read, problems) = AreaTable.read(path: path, origin: setting.origin, sources: ledgers.sources)
            table = read
            diagnostics += problems
        } else {
            diagnostics.append(contentsOf: [missing(draft, draft.file == nil ? "no area file given (--areas)" : "no area file given", hint: draft.file == nil
                ? "name a CSV of areas and indicators: --areas examples/areas/nottinghamshire-districts.csv"
                : "add a line: areas  ../areas/nottinghamshire-districts.csv (relative to the scenario file)", code: .fileNotFound)].compactMap { $0 })
        }

        let weightSettings = draft.all(.weight)
        let weights = weightSettings.compactMap { setting in
            read { () throws(SettingError) in try WeightSetting.parse(setting.text, origin: setting.origin) }
        }
        if weightSettings.isEmpty {
            diagnostics.append(contentsOf: [missing(draft, draft.file == nil ? "no weights given (--weight)" : "no weights given", hint: draft.file == nil
                ? "name each indicator with its weight: --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3"
                : "add a line per indicator: weight  population  1/3", code: .noWeights)].compactMap { $0 })
        }
        let definitions = draft.all(.indicator).compactMap { setting in
            read { () throws(SettingError) in try IndicatorDefinition.parse(setting.text, origin: setting.origin) }
        }
        var unit: Located<Money>? = Located(Money(pence: 1))
        if let setting = draft.first(.round) {
            unit = read { () throws(SettingError) in try AllocationSettings.amount(setting.text, option: setting.label, origin: setting.origin) }
        }

        var floor: Located<Money>?
        var cap: Located<Money>?
        var areaLimits: [AreaLimit] = []
        var limitsRead = true
        for setting in draft.all(.floor) + draft.all(.cap) {
            let kind: AreaLimit.Kind = setting.key == .floor ? .floor : .cap
            guard let limit = read({ () throws(SettingError) in try AreaLimit.parse(setting.text, kind: kind, origin: setting.origin) }) else {
                limitsRead = false
                continue
            }
            if limit.area != nil {
                areaLimits.append(limit)
            } else if (kind == .floor ? floor : cap) != nil {
                diagnostics.append(diagnostic(
                    .duplicateSetting, "two \(kind.rawValue)s for every area", hint: "give one; a single area's own is written \(setting.label) 'AREA AMOUNT'",
                    at: setting.origin))
            } else if kind == .floor {
                floor = Located(limit.amount, at: setting.origin)
            } else {
                cap = Located(limit.amount, at: setting.origin)
            }
        }
        let topSliceSettings = draft.all(.topSlice)
        let topSlices = topSliceSettings.compactMap { setting in
            read { () throws(SettingError) in try TopSlice.parse(setting.text, origin: setting.origin) }
        }
        var previous: PreviousAllocation?
        var previousRead = true
        if let setting = draft.first(.previous) {
            let path = FilePaths.resolve(setting.text, relativeTo: draft.directory)
            let (read, problems) = PreviousAllocation.read(path: path, origin: setting.origin, sources: ledgers.sources)
            previous = read
            previousRead = read != nil && !problems.contains { $0.severity == .error }
            diagnostics += problems
        }
        var damping: Located<DampingBand>?
        var dampingRead = true
        if let setting = draft.first(.damping) {
            damping = read { () throws(SettingError) in Located(try DampingBand.parse(setting.text, origin: setting.origin), at: setting.origin) }
            dampingRead = damping != nil
        }
        let perHead = draft.first(.perHead).map { Located($0.text, at: $0.origin) }

        let description = draft.all(.description).map(\.text).joined(separator: " ")
        let name = draft.name?.value ?? draft.file.map { file in
            let base = file.split(separator: "/").last.map(String.init) ?? file
            return base.hasSuffix(".scenario") ? String(base.dropLast(".scenario".count)) : base
        }

        guard let pot, let unit, let table, weights.count == weightSettings.count, !weights.isEmpty,
              definitions.count == draft.all(.indicator).count, limitsRead, topSlices.count == topSliceSettings.count,
              previousRead, dampingRead
        else {
            // Settings that need no area data are still checked, so that every problem shows in one run.
            if let pot, let unit, !weights.isEmpty {
                diagnostics += AllocationSettings(
                    pot: pot, weights: weights, unit: unit, floor: floor, cap: cap, areaLimits: areaLimits, topSlices: topSlices,
                    definitions: definitions, previous: previous, damping: damping, perHead: perHead
                ).problems().filter { problem in
                    // A weight that did not parse leaves the sum short: say so once, not twice.
                    !diagnostics.contains(problem) && (weights.count == weightSettings.count || problem.code != .weightsNotOne)
                }
            }
            return (nil, diagnostics)
        }
        let settings = AllocationSettings(
            pot: pot, weights: weights, unit: unit, floor: floor, cap: cap, areaLimits: areaLimits, topSlices: topSlices,
            definitions: definitions, previous: previous, damping: damping, perHead: perHead)
        let info = name.map { name in
            ScenarioInfo(name: name, title: draft.first(.title)?.text, description: description.isEmpty ? nil : description,
                         file: draft.file, potSource: potSource)
        }
        return (Scenario(info: info ?? ScenarioInfo(name: "", description: nil, file: nil, potSource: potSource),
                         table: table, settings: settings, isNamed: info != nil), diagnostics)
    }

    /// A problem with the scenario as a whole: at its `scenario` line, or, for options, unlocated
    /// with the message naming the option that is missing (there is no value to point at).
    static func missing(_ draft: ScenarioDraft, _ message: String, hint: String, code: DiagnosticCode) -> Diagnostic? {
        if draft.hasProblems { return nil }
        if let origin = draft.headerOrigin { return origin.diagnostic(code, message, hint: hint) }
        return Diagnostic(code, message, hint: hint)
    }

    /// The budget of the grant's line (or its award, with no line), or a located problem.
    static func budget(
        _ books: Ledger, _ ledger: String, _ grantID: String, _ lineID: String?, _ setting: ScenarioSetting,
        _ grantOffset: Int, _ lineOffset: Int, _ diagnostics: inout [Diagnostic]
    ) -> (Money, String)? {
        guard let index = books.grantIndex[grantID] else {
            let ids = books.grants.map(\.id)
            var hint = "the grants in \(ledger) are " + ids.joined(separator: ", ")
            if let close = Suggestion.closest(to: grantID, in: ids) { hint = "did you mean \(close)? " + hint }
            diagnostics.append(diagnostic(.unknownGrant, "\(ledger) has no grant \(grantID)", hint: hint, at: setting.origin,
                                          offset: grantOffset, length: grantID.utf8.count))
            return nil
        }
        let grant = books.grants[index]
        guard let lineID else {
            guard let award = grant.award else {
                diagnostics.append(diagnostic(.badPot, "grant \(grantID) has no award to share out",
                                              hint: "name one of its lines: line:ID", at: setting.origin, offset: grantOffset))
                return nil
            }
            return (award, "the award of grant \(grantID) in \(ledger) (\(award.formatted(.display)))")
        }
        guard let line = grant.lineIndex(lineID).map({ grant.lines[$0] }) else {
            let ids = grant.lines.map(\.id)
            var hint = ids.isEmpty ? "grant \(grantID) has no lines" : "the lines of \(grantID) are " + ids.joined(separator: ", ")
            if let close = Suggestion.closest(to: lineID, in: ids) { hint = "did you mean \(close)? " + hint }
            diagnostics.append(diagnostic(.unknownLine, "grant \(grantID) has no line \(lineID)", hint: hint, at: setting.origin,
                                          offset: lineOffset, length: lineID.utf8.count))
            return nil
        }
        return (line.budget, "line \(lineID) of grant \(grantID) in \(ledger) (\(line.budget.formatted(.display)))")
    }
}
