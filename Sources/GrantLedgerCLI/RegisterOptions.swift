import ArgumentParser
import GrantLedgerCore

/// `report register`'s query, beside the dates, grant and area every report takes.
struct RegisterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only postings on this line (of --grant, or of any grant).", valueName: "ID"))
    var line: String?

    @Option(help: ArgumentHelp("Only postings for this initiative.", valueName: "ID"))
    var initiative: String?

    @Option(help: ArgumentHelp("Only this account and the accounts under it.", valueName: "NAME"))
    var account: String?

    @Option(help: ArgumentHelp("Only transactions whose payee contains this text (any case).", valueName: "TEXT"))
    var payee: String?

    var query: RegisterReport.Query {
        RegisterReport.Query(lineID: line, initiativeID: initiative, account: account, payee: payee)
    }
}
