/// Reads every value of a scenario draft (from a file or from command-line options, by the same
/// code): the pot (an amount, or a ledger line's budget), the area file, weights, derived
/// indicators, rounding unit, floors, caps, top-slices, last year's allocation, damping band and
/// per-head column. All problems are collected, each located where its value was written.
public enum ScenarioLoader {
    public static func load(_ draft: ScenarioDraft, ledgers: LedgerCache = LedgerCache()) -> (Scenario?, [Diagnostic]) {
        var reading = Reading(draft: draft, ledgers: ledgers)
        let (pot, potSource) = reading.pot()
        let table = reading.areas()
        let (weights, weightsRead) = reading.weights()
        let (definitions, definitionsRead) = reading.all(.indicator) { setting throws(SettingError) in
            try IndicatorDefinition.parse(setting.text, origin: setting.origin)
        }
        var unit: Located<Money>? = Located(Money(pence: 1))
        if let setting = draft.first(.round) {
            unit = reading.read { () throws(SettingError) in
                try AllocationSettings.amount(setting.text, option: setting.label, origin: setting.origin)
            }
        }
        let limits = reading.limits()
        let (topSlices, topSlicesRead) = reading.all(.topSlice) { setting throws(SettingError) in
            try TopSlice.parse(setting.text, origin: setting.origin)
        }
        let (previous, previousRead) = reading.previous()
        var damping: Located<DampingBand>?
        if let setting = draft.first(.damping) {
            damping = reading.read { () throws(SettingError) in
                Located(try DampingBand.parse(setting.text, origin: setting.origin), at: setting.origin)
            }
        }
        let perHead = draft.first(.perHead).map { Located($0.text, at: $0.origin) }
        var diagnostics = reading.diagnostics

        func settings(_ pot: Located<Money>, _ unit: Located<Money>) -> AllocationSettings {
            AllocationSettings(
                pot: pot, weights: weights, unit: unit, floor: limits.floor, cap: limits.cap, areaLimits: limits.areas,
                topSlices: topSlices, definitions: definitions, previous: previous, damping: damping, perHead: perHead,
                wording: draft.wording)
        }
        guard let pot, let unit, let table, weightsRead, !weights.isEmpty, definitionsRead, limits.read, topSlicesRead,
              previousRead, draft.first(.damping) == nil || damping != nil
        else {
            // Settings that need no area data are still checked, so that every problem shows in one run.
            if let pot, let unit, !weights.isEmpty {
                diagnostics += settings(pot, unit).problems().filter { problem in
                    // A weight that did not parse leaves the sum short: say so once, not twice.
                    !diagnostics.contains(problem) && (weightsRead || problem.code != .weightsNotOne)
                }
            }
            return (nil, diagnostics)
        }
        let info = name(draft).map { name in
            let description = draft.all(.description).map(\.text).joined(separator: " ")
            return ScenarioInfo(name: name, title: draft.first(.title)?.text, description: description.isEmpty ? nil : description,
                                file: draft.file, potSource: potSource)
        }
        var scenario = Scenario(info: info ?? ScenarioInfo(name: "", description: nil, file: nil, potSource: potSource),
                                table: table, settings: settings(pot, unit), isNamed: info != nil)
        if case .underspend(let underspend)? = draft.potOverride { scenario.underspend = underspend.value }
        return (scenario, diagnostics)
    }

    /// Every draft loaded and allocated, as `allocate` and `export` both do it: one ledger cache for
    /// all (a ledger named by several pots is read once), and, with several scenarios, each needing a
    /// name of its own so a comparison can tell them apart. Only the scenarios that allocated come back.
    public static func allocate(_ drafts: [ScenarioDraft], ledgers: LedgerCache) -> ([(Scenario, Allocation)], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var loaded: [(Scenario, Allocation)] = []
        var names: Set<String> = []
        // Two scenarios reading one file (last year's allocation, the area data) or given one option
        // would report its problems twice, word for word: once is enough.
        var said: Set<Diagnostic> = []
        for draft in drafts {
            let (scenario, problems) = load(draft, ledgers: ledgers)
            diagnostics += problems.filter { said.insert($0).inserted }
            guard let scenario else { continue }
            if drafts.count > 1, !names.insert(scenario.info.name).inserted {
                let message = "two scenarios are named \(scenario.info.name)"
                let hint = "give each scenario its own name on its scenario line, so the comparison can tell them apart"
                diagnostics.append(Diagnostic(.duplicateID, message, hint: hint, origin: draft.name?.origin))
            }
            let (allocation, more) = scenario.allocate()
            diagnostics += more.filter { said.insert($0).inserted }
            if let allocation { loaded.append((scenario, allocation)) }
        }
        return (loaded, diagnostics)
    }

    /// The scenario's name: its own, or its file's without `.scenario`; `nil` for unnamed options.
    static func name(_ draft: ScenarioDraft) -> String? {
        draft.name?.value ?? draft.file.map { file in
            let base = file.split(separator: "/").last.map(String.init) ?? file
            return base.hasSuffix(".scenario") ? String(base.dropLast(".scenario".count)) : base
        }
    }

    /// One draft being read: each value parsed where it was written, every problem collected.
    struct Reading {
        let draft: ScenarioDraft
        let ledgers: LedgerCache
        var diagnostics: [Diagnostic] = []

        mutating func read<T>(_ body: () throws(SettingError) -> T) -> T? {
            do throws(SettingError) { return try body() } catch {
                diagnostics.append(error.diagnostic)
                return nil
            }
        }

        /// Every setting of `key` parsed, and whether all of them were.
        mutating func all<T>(_ key: ScenarioKey, _ parse: (ScenarioSetting) throws(SettingError) -> T) -> ([T], Bool) {
            let settings = draft.all(key)
            let parsed = settings.compactMap { setting in read { () throws(SettingError) in try parse(setting) } }
            return (parsed, parsed.count == settings.count)
        }

        /// A required setting that is missing: at the scenario line, or unlocated for options (there
        /// is no value to point at), in the draft's wording. Nothing when lines were already left out.
        mutating func missing(_ key: ScenarioKey, _ code: DiagnosticCode) {
            // A wording that leaves a required setting out gets the file's words: never no message at all.
            guard !draft.hasProblems, let wording = draft.wording.missing[key] ?? ScenarioWording.file.missing[key] else { return }
            diagnostics.append(Diagnostic(code, wording.message, hint: wording.hint, origin: draft.headerOrigin))
        }

        /// The pot and how it is described: an amount, or a ledger line's budget.
        mutating func pot() -> (Located<Money>?, String) {
            switch draft.potOverride {
            case .underspend(let underspend)?: return (Located(underspend.value.money, at: underspend.origin), underspend.value.description)
            case .unavailable?: return (nil, "")
            case nil: break
            }
            guard let setting = draft.first(.pot) else {
                missing(.pot, .badPot)
                return (nil, "")
            }
            let directory = draft.directory
            guard let (source, grantOffset, lineOffset) = read({ () throws(SettingError) in
                try PotSource.parse(setting, directory: directory)
            }) else { return (nil, "") }
            switch source {
            case let .amount(money):
                return (Located(money, at: setting.origin), money.formatted(.display))
            case let .ledgerLine(ledger, grantID, lineID):
                let (books, found) = ledgers.load(ledger)
                // A ledger that is not there is a problem with this setting: show it here.
                let problems = found.map { problem in
                    guard problem.code == .fileNotFound, problem.location == nil else { return problem }
                    return Diagnostic(.fileNotFound, "the ledger \(ledger) named by \(setting.label) is not there",
                                      hint: "ledger: is a ledger file or folder, relative to the scenario file (e.g. ledger:../../ledgers)",
                                      origin: setting.origin)
                }
                diagnostics += problems
                guard problems.isEmpty,
                      let (money, text) = ScenarioLoader.budget(books, ledger, grantID, lineID, setting, grantOffset, lineOffset, &diagnostics)
                else { return (nil, "") }
                return (Located(money, at: setting.origin), text)
            }
        }

        mutating func areas() -> AreaTable? {
            guard let setting = draft.first(.areas) else {
                missing(.areas, .fileNotFound)
                return nil
            }
            let path = FilePaths.resolve(setting.text, relativeTo: draft.directory)
            let sheet = draft.first(.areaSheet)
            let (table, problems) = AreaTable.read(path: path, origin: setting.origin, sources: ledgers.sources,
                                                   sheet: sheet?.text, sheetOrigin: sheet?.origin)
            diagnostics += problems
            return table
        }

        mutating func weights() -> ([WeightSetting], Bool) {
            let wording = draft.wording
            let parsed = all(.weight) { setting throws(SettingError) in
                try WeightSetting.parse(setting.text, origin: setting.origin, wording: wording)
            }
            if draft.all(.weight).isEmpty { missing(.weight, .noWeights) }
            return parsed
        }

        /// Floors and caps: for every area (one each) and for single areas.
        mutating func limits() -> (floor: Located<Money>?, cap: Located<Money>?, areas: [AreaLimit], read: Bool) {
            var floor: Located<Money>?
            var cap: Located<Money>?
            var areaLimits: [AreaLimit] = []
            var limitsRead = true
            for setting in draft.all(.floor) + draft.all(.cap) {
                let kind: AreaLimit.Kind = setting.key == .floor ? .floor : .cap
                let label = draft.wording.limitNames[kind]
                guard let limit = read({ () throws(SettingError) in
                    try AreaLimit.parse(setting.text, kind: kind, label: label, origin: setting.origin)
                }) else {
                    limitsRead = false
                    continue
                }
                if limit.area != nil {
                    areaLimits.append(limit)
                } else if (kind == .floor ? floor : cap) != nil {
                    diagnostics.append(Diagnostic(
                        .duplicateSetting, "two \(kind.rawValue)s for every area",
                        hint: "give one; a single area's own is written \(setting.label) 'AREA AMOUNT'", origin: setting.origin))
                } else if kind == .floor {
                    floor = Located(limit.amount, at: setting.origin)
                } else {
                    cap = Located(limit.amount, at: setting.origin)
                }
            }
            return (floor, cap, areaLimits, limitsRead)
        }

        /// Last year's allocation, and whether it was read without errors.
        mutating func previous() -> (PreviousAllocation?, Bool) {
            guard let setting = draft.first(.previous) else { return (nil, true) }
            if setting.text.hasPrefix("allocation:") { return agreedPrevious(setting) }
            let path = FilePaths.resolve(setting.text, relativeTo: draft.directory)
            let (previous, problems) = PreviousAllocation.read(path: path, origin: setting.origin, sources: ledgers.sources)
            diagnostics += problems
            return (previous, previous != nil && !problems.contains { $0.severity == .error })
        }
    }

    /// The budget of the grant's line (or its award, with no line), or a located problem.
    static func budget(
        _ books: Ledger, _ ledger: String, _ grantID: String, _ lineID: String?, _ setting: ScenarioSetting,
        _ grantOffset: Int, _ lineOffset: Int, _ diagnostics: inout [Diagnostic]
    ) -> (Money, String)? {
        guard let index = books.grantIndex[grantID] else {
            let hint = books.suggestedGrant(for: grantID).hint("grants in \(ledger)", listedBy: "report grants", declaredAs: "grant ID  Name")
            diagnostics.append(Diagnostic(.unknownGrant, "\(ledger) has no grant \(grantID)", hint: hint, origin: setting.origin,
                                          offset: grantOffset, length: grantID.utf8.count))
            return nil
        }
        let grant = books.grants[index]
        guard let lineID else {
            guard let award = grant.award else {
                diagnostics.append(Diagnostic(.badPot, "grant \(grantID) has no award to share out",
                                              hint: "name one of its lines: line:ID", origin: setting.origin, offset: grantOffset))
                return nil
            }
            return (award, "the award of grant \(grantID) in \(ledger) (\(award.formatted(.display)))")
        }
        guard let line = grant.lineIndex(lineID).map({ grant.lines[$0] }) else {
            let ids = grant.lines.map(\.id)
            let hint = ids.isEmpty ? "grant \(grantID) has no lines"
                : SuggestedName(lineID, among: ids).hint("lines of \(grantID)", listedBy: "report lines --grant \(grantID)", declaredAs: "line ID  AMOUNT  Name")
            diagnostics.append(Diagnostic(.unknownLine, "grant \(grantID) has no line \(lineID)", hint: hint, origin: setting.origin,
                                          offset: lineOffset, length: lineID.utf8.count))
            return nil
        }
        return (line.budget, "line \(lineID) of grant \(grantID) in \(ledger) (\(line.budget.formatted(.display)))")
    }
}
