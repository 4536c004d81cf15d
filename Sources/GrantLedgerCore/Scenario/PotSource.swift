/// Where a scenario's pot comes from: an amount written out (`£270,750.00`), or a grant's budget
/// line in the ledger (`grant:pcc-nwps-2021-22 line:nwps ledger:../../ledgers/nottinghamshire`), so
/// that the allocation always shares what the books say the line holds.
public enum PotSource: Sendable, Equatable {
    case amount(Money)
    /// A grant's line (or, with no line, its whole award) in the ledger at `ledger`.
    case ledgerLine(ledger: String, grant: String, line: String?)

    static let form = "write an amount (£270,750.00) or a ledger line: grant:pcc-nwps-2021-22 line:nwps ledger:ledgers/nottinghamshire"

    /// Reads the pot setting. Paths in `ledger:` are resolved against `directory`; with no `ledger:`
    /// the books are `ledgers`, as for `grantledger check`.
    static func parse(_ setting: ScenarioSetting, directory: String?) throws(SettingError) -> (PotSource, grantOffset: Int, lineOffset: Int) {
        let text = setting.text
        if !text.contains("grant:") && !text.contains("line:") && !text.contains("ledger:") {
            return (.amount(try AllocationSettings.amount(text, option: setting.label, origin: setting.origin).value), 0, 0)
        }
        var ledger = "ledgers"
        var grant: String?
        var line: String?
        var grantOffset = 0
        var lineOffset = 0
        for word in SettingWords(text).words {
            let parts = word.text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty, ["grant", "line", "ledger"].contains(String(parts[0])) else {
                throw SettingError(Diagnostic(
                    .badPot, "\(setting.label): \(quoted(word.text)) is not grant:ID, line:ID or ledger:PATH", hint: form,
                    origin: setting.origin, offset: word.offset, length: word.length))
            }
            let value = String(parts[1])
            switch parts[0] {
            case "grant":
                grant = value
                grantOffset = word.offset + 6
            case "line":
                line = value
                lineOffset = word.offset + 5
            default:
                ledger = FilePaths.resolve(value, relativeTo: directory)
            }
        }
        guard let grant else {
            throw SettingError(Diagnostic(.badPot, "\(setting.label): a pot from the ledger names its grant: grant:ID",
                                          hint: form, origin: setting.origin))
        }
        return (.ledgerLine(ledger: ledger, grant: grant, line: line), grantOffset, lineOffset)
    }
}
