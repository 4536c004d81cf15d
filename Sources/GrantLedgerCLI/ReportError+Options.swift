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
    /// The problem worded with the options that set each filter, and placed on this process's
    /// command line (`diagnostic(_:)`).
    var diagnostic: Diagnostic { diagnostic(ArgumentLocator()) }

    /// The problem worded with the options that set each filter; when it is one value given to an
    /// option (an id the books do not have, a date that is not one), shown there with a caret under
    /// it, as a bad line of a file is: `command line:1:40: error[unknown-grant]: …`.
    func diagnostic(_ locator: ArgumentLocator) -> Diagnostic {
        let said = diagnostic(naming: \.option)
        guard let (setting, value) = settingAtFault, let origin = locator.lastOrigin(option: setting.option, value: value) else {
            return said
        }
        return Diagnostic(said.code, said.message, hint: said.hint, origin: origin)
    }
}
