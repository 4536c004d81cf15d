import GrantLedgerCore

/// The report filter's settings as the command line spells them: the core's errors say which
/// setting is wrong, the CLI says it with its option names.
extension ReportFilter.Setting {
    var option: String {
        switch self {
        case .financialYear: "--fy"
        case .quarter: "--quarter"
        case .month: "--month"
        case .from: "--from"
        case .to: "--to"
        case .grant: "--grant"
        case .area: "--area"
        case .line: "--line"
        case .initiative: "--initiative"
        case .account: "--account"
        case .payee: "--payee"
        }
    }
}

extension ReportError {
    /// The problem worded with the options that set each filter.
    var diagnostic: Diagnostic { diagnostic(naming: \.option) }
}
