import ArgumentParser
import GrantLedgerCore

/// `report register`'s query, beside the dates, grant and area every report takes.
struct RegisterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only postings on this line (of --grant, or of any grant).", valueName: "ID"), completion: ShellCompletion.ids(.line))
    var line: String?

    @Option(help: ArgumentHelp("Only postings for this initiative.", valueName: "ID"), completion: ShellCompletion.ids(.initiative))
    var initiative: String?

    @Option(help: ArgumentHelp("Only this account and the accounts under it.", valueName: "NAME"), completion: ShellCompletion.ids(.account))
    var account: String?

    @Option(help: ArgumentHelp("Only transactions whose payee contains this text (any case).", valueName: "TEXT"))
    var payee: String?

    /// The options given, by name (refused for any other report).
    var given: [(option: String, value: String)] {
        [("--line", line), ("--initiative", initiative), ("--account", account), ("--payee", payee)]
            .compactMap { option, value in value.map { (option, $0) } }
    }

    /// The query, its text held to the one text rule (a control character would reach the
    /// terminal in the title) and an empty payee refused (it would match every payee, or none).
    func query(_ locator: ArgumentLocator) throws -> RegisterReport.Query {
        var problems = locator.textProblems([("--line", line.map { [$0] } ?? []), ("--initiative", initiative.map { [$0] } ?? []),
                                             ("--account", account.map { [$0] } ?? []), ("--payee", payee.map { [$0] } ?? [])])
        if let payee, payee.allSatisfy(\.isWhitespace) {
            problems.append(Diagnostic(.badValue, "--payee needs some text to look for", hint: "for example --payee 'Youth Trust'",
                                       origin: locator.origin(option: "--payee", value: payee)))
        }
        try Run.stopOnErrors(problems)
        return RegisterReport.Query(lineID: line, initiativeID: initiative, account: account, payee: payee)
    }
}
