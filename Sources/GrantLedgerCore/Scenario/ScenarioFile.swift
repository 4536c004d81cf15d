import Foundation

/// Reads a `.scenario` file: a plain-text file in the ledger's style, one setting per line, indented
/// under a `scenario NAME Title` line, with `;` comments:
///
///     ; The board's method, December 2020
///     scenario nwps-2021-22-thirds  Equal thirds of population, crime and deprivation
///       description  The board's December 2020 method on the 2021-22 NWPS line
///       pot          grant:pcc-nwps-2021-22 line:nwps ledger:../../ledgers/nottinghamshire
///       areas        ../areas/nottinghamshire-districts.csv      ; relative to this file
///       weight       population   1/3
///
/// Every setting keeps the line, column and text it was written at, so a problem found later (a
/// weight that is not a number, a grant the ledger does not have) is shown on this line with a caret.
public enum ScenarioFile {
    public static func read(path: String, origin: SettingOrigin? = nil, sources: SourceFiles = SourceFiles()) -> (ScenarioDraft?, [Diagnostic]) {
        switch sources.read(path, role: "scenario", label: "scenario",
                            hint: "name a .scenario file, e.g. examples/scenarios/nwps-2021-22-thirds.scenario", at: origin) {
        case .success(let source): return parse(source)
        case .failure(let problem): return (nil, [problem])
        }
    }

    public static func parse(_ bytes: [UInt8], file: String) -> (ScenarioDraft?, [Diagnostic]) {
        parse(SourceFile(name: file, bytes: bytes))
    }

    public static func parse(_ source: SourceFile) -> (ScenarioDraft?, [Diagnostic]) {
        let file = source.name
        var draft = ScenarioDraft(file: file, directory: FilePaths.split(file).directory)
        var diagnostics = DiagnosticLog()
        var sawHeader = false

        for (number, line) in source.lines() {

            func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: number, column: column) }
            if let (problem, atMargin) = lineProblem(line, at: at) {
                if atMargin { sawHeader = true }
                diagnostics.append(problem)
                continue
            }
            let excerpt = String(decoding: line, as: UTF8.self)
            let parsed = line.withUnsafeBufferPointer { buffer -> (key: Range<Int>, value: Range<Int>, indented: Bool)? in
                var cursor = LineCursor(buffer)
                let indented = !cursor.atEnd && ASCII.isBlank(cursor.current)
                cursor.skipBlanks()
                if cursor.atEnd || cursor.current == ASCII.semicolon || cursor.current == ASCII.hash { return nil }
                let key = cursor.word()
                cursor.skipBlanks()
                let value = cursor.textUntilComment()
                return (key, value, indented)
            }
            guard let (keyRange, valueRange, indented) = parsed else { continue }
            let key = String(decoding: line[keyRange], as: UTF8.self)
            let value = String(decoding: line[valueRange], as: UTF8.self)
            let valueOrigin = SettingOrigin(location: at(valueRange.lowerBound + 1), length: max(1, valueRange.count), excerpt: excerpt)
            if let problem = line.withUnsafeBufferPointer({ TextRule.lengthProblem(in: $0, valueRange) }) {
                diagnostics.append(TextRule.diagnostic(problem, what: "the \(key) value", at: valueOrigin.location,
                                                       textLength: valueRange.count, excerpt: excerpt))
                continue
            }

            if !indented {
                if key != "scenario" {
                    diagnostics.append(Diagnostic(
                        .badSyntax, sawHeader ? "settings are indented under the scenario line" : "a scenario file starts with its scenario line",
                        hint: sawHeader ? "indent \(key) with two spaces" : "begin with: scenario NAME  Title, e.g. scenario nwps-thirds  Equal thirds",
                        at: at(keyRange.lowerBound + 1), length: keyRange.count, excerpt: excerpt))
                    continue
                }
                if sawHeader {
                    diagnostics.append(Diagnostic(
                        .badSyntax, "a scenario file holds one scenario", hint: "put the second scenario in a file of its own",
                        at: at(keyRange.lowerBound + 1), length: keyRange.count, excerpt: excerpt))
                    continue
                }
                sawHeader = true
                if let problem = readHeader(value, keyRange: keyRange, valueRange: valueRange, excerpt: excerpt, at: at, into: &draft) {
                    diagnostics.append(problem)
                }
                continue
            }
            guard sawHeader else {
                diagnostics.append(Diagnostic(
                    .badSyntax, "a scenario file starts with its scenario line",
                    hint: "begin with: scenario NAME  Title, e.g. scenario nwps-thirds  Equal thirds",
                    at: at(keyRange.lowerBound + 1), length: keyRange.count, excerpt: excerpt))
                continue
            }
            switch setting(key, value, keyRange: keyRange, excerpt: excerpt, at: at, in: draft) {
            case .success(let scenarioKey): draft.settings.append(ScenarioSetting(scenarioKey, value, origin: valueOrigin))
            case .failure(let problem): diagnostics.append(problem.diagnostic)
            }
        }
        if !sawHeader && diagnostics.isEmpty {
            diagnostics.append(Diagnostic(
                .badSyntax, "the scenario file has no scenario line",
                hint: "begin with: scenario NAME  Title, then its settings indented below it",
                at: SourceLocation(file: file, line: 1, column: 1), excerpt: ""))
        }
        // Lines with problems are left out and the rest still read, so that every problem (a grant the
        // ledger lacks as well as a misspelt setting) shows in one run.
        draft.hasProblems = !diagnostics.isEmpty
        return (sawHeader ? draft : nil, diagnostics.all)
    }

    /// The problem with a line the text rule refuses (it holds for the whole line: no setting spans
    /// lines), and whether the line starts at the margin: that was the scenario line, so its settings
    /// are not also blamed for lacking one. A value too long for a cell is caught with its key.
    static func lineProblem(_ line: [UInt8], at: (Int) -> SourceLocation) -> (Diagnostic, atMargin: Bool)? {
        let lost = line.withUnsafeBufferPointer({ TextRule.firstByteProblem(in: $0, allowingLineEnds: false) })
        let atMargin = line.first.map { !ASCII.isBlank($0) } ?? false
        switch lost {
        case .invalidUTF8(let offset):
            return (Diagnostic(
                .badEncoding, "this line is not valid UTF-8", hint: "save the scenario as UTF-8",
                at: at(offset + 1), excerpt: String(decoding: line, as: UTF8.self)), atMargin)
        case .character(let problem):
            return (TextRule.diagnostic(problem, what: "this line", at: at(problem.byteOffset + 1),
                                        excerpt: String(decoding: line, as: UTF8.self)), atMargin)
        case nil:
            return nil
        }
    }

    /// The scenario line: its name and title into `draft`, or the problem when it has no name.
    static func readHeader(_ value: String, keyRange: Range<Int>, valueRange: Range<Int>, excerpt: String,
                           at: (Int) -> SourceLocation, into draft: inout ScenarioDraft) -> Diagnostic? {
        draft.headerOrigin = SettingOrigin(location: at(1), length: max(1, keyRange.count), excerpt: excerpt)
        let words = SettingWords(value)
        guard let name = words.words.first else {
            return Diagnostic(
                .badSyntax, "the scenario needs a name", hint: "write scenario NAME  Title, e.g. scenario nwps-thirds  Equal thirds",
                at: at(keyRange.upperBound + 1), excerpt: excerpt)
        }
        draft.name = Located(name.text, at: SettingOrigin(
            location: at(valueRange.lowerBound + name.offset + 1), length: name.length, excerpt: excerpt))
        let title = words.rest(from: 1)
        if !title.isEmpty, words.words.count > 1 {
            let offset = valueRange.lowerBound + words.words[1].offset
            draft.settings.append(ScenarioSetting(
                .title, title, origin: SettingOrigin(location: at(offset + 1), length: title.utf8.count, excerpt: excerpt)))
        }
        return nil
    }

    /// The key of a setting line, or the problem with it: no such setting, no value, or a
    /// setting given once already.
    static func setting(_ key: String, _ value: String, keyRange: Range<Int>, excerpt: String, at: (Int) -> SourceLocation,
                        in draft: ScenarioDraft) -> Result<ScenarioKey, SettingError> {
        guard let scenarioKey = ScenarioKey(rawValue: key), scenarioKey != .title else {
            let settings = ScenarioKey.allCases.filter { $0 != .title }.map(\.rawValue)
            let hint = Suggestion.hint(key, in: settings, known: "a scenario's settings are " + settings.joined(separator: ", "))
            return .failure(SettingError(Diagnostic(
                .unknownField, "a scenario has no setting \(quoted(key))", hint: hint,
                at: at(keyRange.lowerBound + 1), length: keyRange.count, excerpt: excerpt)))
        }
        if value.isEmpty {
            return .failure(SettingError(Diagnostic(
                .badSyntax, "\(key) needs a value", hint: "write it after the name: \(example(scenarioKey))",
                at: at(keyRange.upperBound + 1), excerpt: excerpt)))
        }
        if !scenarioKey.isRepeatable, let earlier = draft.first(scenarioKey) {
            return .failure(SettingError(Diagnostic(
                .duplicateSetting, "\(key) is given twice",
                hint: "a scenario has one \(key)\(earlier.origin.map { "; the first is on line \($0.location.line)" } ?? "")",
                at: at(keyRange.lowerBound + 1), length: keyRange.count, excerpt: excerpt)))
        }
        return .success(scenarioKey)
    }

    /// A setting's usual form, for hints.
    static func example(_ key: ScenarioKey) -> String {
        switch key {
        case .title: return "scenario nwps-thirds  Equal thirds"
        case .description: return "description  The board's December 2020 method"
        case .pot: return "pot  £270,750.00, or pot  grant:pcc-nwps-2021-22 line:nwps ledger:../../ledgers"
        case .areas: return "areas  ../areas/nottinghamshire-districts.csv"
        case .areaSheet: return "area-sheet  Districts"
        case .weight: return "weight  population  1/3"
        case .indicator: return "indicator  deprivation-pw = deprivation × population"
        case .round: return "round  0.01"
        case .floor: return "floor  £20,000.00, or floor  Mansfield £25,000.00"
        case .cap: return "cap  £60,000.00, or cap  Mansfield £50,000.00"
        case .topSlice: return "top-slice  evaluation £10,000.00, or top-slice  oak-tree £10,000 to Mansfield"
        case .previous: return "previous  nwps-2020-21-illustrative.csv"
        case .damping: return "damping  10%, or damping  -5%,+10%"
        case .perHead: return "per-head  population"
        }
    }
}
