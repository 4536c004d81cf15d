import Foundation

/// Reads a rules file (see `ImportRules`), collecting every problem with its line and column.
///
/// The syntax follows the ledger's: keywords at the left margin, a `map` rule's fields on indented
/// lines under it, `;` comments. Ids and accounts are checked against the books separately
/// (`ImportRules.problems(against:)`), since the rules file is read before them.
public enum ImportRulesReader {
    /// Reads the rules file at `path` through `sources`; `origin` is where it was named (`--rules`).
    public static func read(path: String, sources: SourceFiles = SourceFiles(), origin: SettingOrigin? = nil) -> (rules: ImportRules, diagnostics: [Diagnostic]) {
        switch sources.read(path, role: "import rules", label: "the rules file",
                            hint: sources.policy.wording.phrase(.rulesFile), at: origin) {
        case .success(let source): return read(source)
        case .failure(let problem): return (ImportRules(file: path), [problem])
        }
    }

    public static func read(text: String, name: String = "<rules>") -> (rules: ImportRules, diagnostics: [Diagnostic]) {
        read(SourceFile(name: name, text: text))
    }

    static func read(bytes: [UInt8], name: String) -> (rules: ImportRules, diagnostics: [Diagnostic]) {
        read(SourceFile(name: name, bytes: bytes))
    }

    public static func read(_ source: SourceFile) -> (rules: ImportRules, diagnostics: [Diagnostic]) {
        var state = RulesParser(file: source.name)
        source.forEachLine { line, number, _ in
            state.read(Array(line), number: number)
            return true
        }
        state.finish()
        return (state.rules, state.diagnostics.all)
    }
}

/// One line's words with their byte offsets, up to a comment.
struct RulesLine {
    let bytes: [UInt8]
    let text: String
    let number: Int
    let file: String
    /// Words as (offset, text), before any comment.
    let words: [(offset: Int, text: String)]
    let indented: Bool
    let comment: String?

    init(_ bytes: [UInt8], number: Int, file: String) {
        self.bytes = bytes
        self.text = String(decoding: bytes, as: UTF8.self)
        self.number = number
        self.file = file
        indented = bytes.first.map(ASCII.isBlank) ?? false
        var words: [(Int, String)] = []
        var index = 0
        var comment: String?
        while index < bytes.count {
            while index < bytes.count && ASCII.isBlank(bytes[index]) { index += 1 }
            guard index < bytes.count else { break }
            if bytes[index] == ASCII.semicolon || (bytes[index] == ASCII.hash && words.isEmpty) {
                let rest = String(decoding: bytes[(index + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                comment = rest.isEmpty ? nil : rest
                break
            }
            let start = index
            while index < bytes.count && !ASCII.isBlank(bytes[index]) { index += 1 }
            words.append((start, String(decoding: bytes[start..<index], as: UTF8.self)))
        }
        self.words = words
        self.comment = comment
    }

    /// The text from word `index` to the comment, as written (a heading may hold spaces).
    func rest(from index: Int) -> (offset: Int, text: String)? {
        guard index < words.count, let last = words.last else { return nil }
        let start = words[index].offset
        let end = last.offset + last.text.utf8.count
        return (start, String(decoding: bytes[start..<end], as: UTF8.self))
    }

    func origin(_ offset: Int, _ length: Int) -> SettingOrigin {
        SettingOrigin(location: SourceLocation(file: file, line: number, column: offset + 1), length: max(1, length), excerpt: text)
    }

    func located(_ word: (offset: Int, text: String)) -> Located<String> {
        Located(word.text, at: origin(word.offset, word.text.utf8.count))
    }
}

/// The state of reading one rules file.
struct RulesParser {
    var rules: ImportRules
    var diagnostics = DiagnosticLog()
    /// The `map` rule whose fields are being read.
    var openRule: MappingRule?
    /// Its conditions could not be read: its fields are read (so they are not reported as stray
    /// lines) but the rule is dropped.
    var openRuleBroken = false
    var sawDateFormat = false
    /// A line refused by the text rule opened a block: its indented fields are passed over, not
    /// read into the rule before it.
    var skippingLostBlock = false
    /// What refused lines were setting (`column date`, `paid-from`, `map`): counted as given, so a
    /// refused line gets one error, not a second saying its setting is missing.
    var lostRoles: Set<ColumnRole> = []
    var lostPaidFrom = false
    var lostMap = false
    /// The line each one-off setting (`paid-from`, `vat`, `encoding`…) was first given on: a second
    /// is an error, never a silent change of how every row reads.
    var settingLines: [String: Int] = [:]

    init(file: String) { rules = ImportRules(file: file) }

    /// Passes over a line the text rule refused (already reported).
    mutating func lose(_ bytes: [UInt8]) {
        guard let first = bytes.first, !ASCII.isBlank(first) else { return }
        finishRule()
        skippingLostBlock = true
        let words = bytes.split(whereSeparator: { ASCII.isBlank($0) }).prefix(2).map { String(decoding: $0, as: UTF8.self) }
        switch words.first {
        case "column": if words.count > 1, let role = ColumnRole(rawValue: words[1]) { lostRoles.insert(role) }
        case "paid-from": lostPaidFrom = true
        case "map": lostMap = true
        default: break
        }
    }

    /// A line the text rule refuses (bad UTF-8, a refused character, longer than a cell) is reported
    /// and lost whole.
    mutating func refusesText(_ bytes: [UInt8], number: Int) -> Bool {
        // The text rule holds for the whole line: no rule spans lines, so no line break is allowed.
        switch bytes.withUnsafeBufferPointer({ TextRule.firstByteProblem(in: $0, allowingLineEnds: false) }) {
        case .invalidUTF8(let offset):
            diagnostics.append(Diagnostic(
                .badEncoding, "this line is not valid UTF-8", hint: "save the rules file as UTF-8",
                at: SourceLocation(file: rules.file, line: number, column: offset + 1),
                excerpt: String(decoding: bytes, as: UTF8.self)))
            lose(bytes)
            return true
        case .character(let problem):
            diagnostics.append(TextRule.diagnostic(
                problem, what: "this line", at: SourceLocation(file: rules.file, line: number, column: problem.byteOffset + 1),
                excerpt: String(decoding: bytes, as: UTF8.self)))
            lose(bytes)
            return true
        case nil:
            break
        }
        if bytes.count > TextRule.maxCellUnits,
           let tooLong = bytes.withUnsafeBufferPointer({ TextRule.lengthProblem(in: $0, 0..<$0.count) }) {
            // Every word of a rules file (an id, an account, a heading, a pattern) is short: a line
            // longer than a cell is refused whole, at its start.
            diagnostics.append(TextRule.diagnostic(
                tooLong, what: "this line", at: SourceLocation(file: rules.file, line: number, column: 1),
                textLength: bytes.count, excerpt: String(decoding: bytes, as: UTF8.self)))
            lose(bytes)
            return true
        }
        return false
    }

    /// `column ROLE  Heading`.
    mutating func readColumn(_ line: RulesLine) {
        guard line.words.count >= 3, let heading = line.rest(from: 2) else {
            report(line, 0, line.bytes.count, .badSyntax, "a column line is a role and the export's heading",
                   hint: "for example: column date  Posting Date")
            return
        }
        let roleWord = line.words[1]
        guard let role = ColumnRole(rawValue: roleWord.text) else {
            report(line, roleWord.offset, roleWord.text.utf8.count, .unknownField, "unknown column role \"\(roleWord.text)\"",
                   hint: suggestion(roleWord.text, ColumnRole.allCases.map(\.rawValue)))
            return
        }
        if let earlier = rules.columns[role] {
            report(line, roleWord.offset, roleWord.text.utf8.count, .duplicateID, "the \(role.rawValue) column is named twice",
                   hint: "it was first named on line \(earlier.origin?.location.line ?? 0); keep one")
            return
        }
        rules.columns[role] = line.located(heading)
    }

    /// `skip CONDITIONS` or `map CONDITIONS` (whose indented fields follow).
    mutating func readRule(_ line: RulesLine, _ first: (offset: Int, text: String)) {
        var (conditions, note, broken) = readConditions(line, first)
        if first.text == "skip" && conditions.isEmpty && !broken {
            report(line, 0, first.text.utf8.count, .missingField, "skip needs a condition, or it would skip every row",
                   hint: "for example: skip account 9210   ; VAT input")
            broken = true
        }
        let rule = MappingRule(kind: first.text == "skip" ? .skip : .map, conditions: conditions,
                               location: SourceLocation(file: rules.file, line: line.number, column: 1), note: note)
        if first.text == "skip" {
            if !broken { rules.rules.append(rule) }
        } else {
            // Read its fields even when the conditions are broken, so they are not reported again.
            openRule = rule
            openRuleBroken = broken
        }
    }

    mutating func read(_ bytes: [UInt8], number: Int) {
        if refusesText(bytes, number: number) { return }
        let line = RulesLine(bytes, number: number, file: rules.file)
        guard let first = line.words.first else { return }
        if line.indented {
            if skippingLostBlock { return }
            guard openRule != nil else {
                report(line, first.offset, line.bytes.count - first.offset, .badSyntax, "an indented line outside a map rule",
                       hint: "indent only the fields of a map rule: grant, line, account, area, initiative, class, match, vat")
                return
            }
            readField(line)
            return
        }
        finishRule()
        skippingLostBlock = false
        if Self.oneOffSettings.contains(first.text) {
            if let earlier = settingLines[first.text] {
                return report(line, 0, first.text.utf8.count, .duplicateSetting, "\(first.text) is set twice",
                              hint: "it was first set on line \(earlier); keep one")
            }
            settingLines[first.text] = line.number
        }
        switch first.text {
        case "column":
            readColumn(line)
        case "date-format":
            guard let value = line.rest(from: 1) else { return missingValue(line, first) }
            if let format = ExportDateFormat(rawValue: value.text) {
                rules.dateFormat = format
                sawDateFormat = true
            } else {
                report(line, value.offset, value.text.utf8.count, .badValue, "unknown date format \"\(value.text)\"",
                       hint: "write one of: " + ExportDateFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
        case "paid-from":
            guard line.words.count == 2 else { return line.words.count < 2 ? missingValue(line, first) : extraWords(line, 2) }
            let account = line.words[1]
            rules.paidFrom = line.located(account)
        case "date-tolerance":
            guard line.words.count >= 2 else { return missingValue(line, first) }
            let value = line.words[1]
            let unitOK = line.words.count == 2 || (line.words.count == 3 && ["day", "days"].contains(line.words[2].text))
            if let days = Int(value.text), (0...366).contains(days), value.text.utf8.allSatisfy(ASCII.isDigit), unitOK {
                rules.dateTolerance = days
            } else {
                report(line, value.offset, line.rest(from: 1)?.text.utf8.count ?? 1, .badValue,
                       "a date tolerance is a whole number of days from 0 to 366, not \"\(line.rest(from: 1)?.text ?? "")\"",
                       hint: "for example: date-tolerance 5 days")
            }
        case "skip", "map":
            readRule(line, first)
        case "encoding":
            readEncoding(line, first)
        case "sheet":
            readSheet(line, first)
        case "vat":
            readVAT(line, first)
        case "period":
            readPeriod(line, first)
        default:
            report(line, 0, first.text.utf8.count, .unknownDirective, "unknown rules keyword \"\(first.text)\"",
                   hint: suggestion(first.text, ["column", "date-format", "paid-from", "date-tolerance", "encoding", "sheet", "vat", "period", "skip", "map"]))
        }
    }

    private mutating func readField(_ line: RulesLine) {
        let key = line.words[0]
        guard let field = MappingRule.Field(rawValue: key.text) else {
            report(line, key.offset, key.text.utf8.count, .unknownField, "a map rule has no field \"\(key.text)\"",
                   hint: suggestion(key.text, MappingRule.Field.allCases.map(\.rawValue)))
            return
        }
        guard line.words.count >= 2 else { return missingValue(line, key) }
        guard line.words.count == 2 else { return extraWords(line, 2) }
        let value = line.words[1]
        if field == .spendClass && value.text != "capital" && value.text != "revenue" {
            report(line, value.offset, value.text.utf8.count, .badValue, "class must be capital or revenue, not \"\(value.text)\"",
                   hint: "write class  capital, or class  revenue")
            return
        }
        if field == .vat && value.text != "recoverable" && value.text != "irrecoverable" {
            report(line, value.offset, value.text.utf8.count, .badValue, "vat must be recoverable or irrecoverable, not \"\(value.text)\"",
                   hint: "write vat  irrecoverable for rows whose VAT is a cost, or vat  recoverable")
            return
        }
        if value.text.contains(",") {
            report(line, value.offset, value.text.utf8.count, .badValue, "an id cannot hold a comma: \"\(value.text)\"",
                   hint: "ids are letters, digits, -, _ and .; accounts are words joined by colons")
            return
        }
        if openRule?.fields[field] != nil {
            report(line, key.offset, key.text.utf8.count, .duplicateID, "\(field.rawValue) is set twice in this rule",
                   hint: "keep one")
            return
        }
        openRule?.fields[field] = line.located(value)
    }

    mutating func finishRule() {
        guard let rule = openRule else { return }
        openRule = nil
        if openRuleBroken { return }
        if rule.fields.isEmpty {
            diagnostics.append(Diagnostic(
                .missingField, "this map rule sets nothing", hint: "give it fields on indented lines: grant, line, account, area, initiative, class",
                at: rule.location, length: 3))
            return
        }
        rules.rules.append(rule)
    }

    mutating func finish() {
        finishRule()
        let top = SourceLocation(file: rules.file, line: 1, column: 1)
        for role in ColumnRole.required where rules.columns[role] == nil && !lostRoles.contains(role) {
            diagnostics.append(Diagnostic(
                .missingField, "the rules do not say which column holds the \(role.rawValue)",
                hint: "add a line such as: column \(role.rawValue)  \(Self.exampleHeading(role))", at: top))
        }
        finishAmounts()
        if rules.paidFrom == nil && !lostPaidFrom {
            diagnostics.append(Diagnostic(
                .missingField, "the rules do not say which account pays (the other side of each transaction)",
                hint: "add a line such as: paid-from  assets:bank:snb", at: top))
        }
        if !rules.rules.contains(where: { $0.kind == .map }) && !lostMap {
            diagnostics.append(Diagnostic(
                .missingField, "the rules have no map rule, so no row could become a posting",
                hint: "add one such as: map cost-centre CS2101, then indented grant, line and account lines", at: top))
        }
    }

    /// The settings a rules file gives once.
    static let oneOffSettings: Set<String> = ["date-format", "paid-from", "date-tolerance", "encoding", "sheet", "vat", "period"]

    static func exampleHeading(_ role: ColumnRole) -> String {
        switch role {
        case .date: return "Posting Date"
        case .amount: return "Amount"
        case .reference: return "Invoice No"
        case .supplier: return "Supplier Name"
        case .description: return "Line Description"
        case .costCentre: return "Cost Centre"
        case .account: return "Account Code"
        case .debit: return "Debit"
        case .credit: return "Credit"
        case .net: return "Net"
        case .vat: return "VAT"
        case .gross: return "Gross"
        }
    }

    mutating func missingValue(_ line: RulesLine, _ word: (offset: Int, text: String)) {
        report(line, word.offset, word.text.utf8.count, .missingField, "\(word.text) needs a value", hint: "write \(word.text) and its value on the same line")
    }

    mutating func extraWords(_ line: RulesLine, _ from: Int) {
        let start = line.words[from].offset
        let last = line.words[line.words.count - 1]
        report(line, start, last.offset + last.text.utf8.count - start, .badSyntax, "unexpected words after the value",
               hint: "put notes after ; as a comment")
    }

    func suggestion(_ word: String, _ known: [String]) -> String {
        Suggestion.hint(word, in: known, known: "known: " + known.joined(separator: ", "))
    }

    mutating func report(_ line: RulesLine, _ offset: Int, _ length: Int, _ code: DiagnosticCode, _ message: String, hint: String) {
        diagnostics.append(Diagnostic(code, message, hint: hint, origin: line.origin(offset, length)))
    }
}
