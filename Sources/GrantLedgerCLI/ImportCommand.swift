import ArgumentParser
import GrantLedgerCore

/// `grantledger import FILE.csv --rules RULES --into LEDGER`: appends a finance-system export's new
/// rows to a ledger file. The job is the core's (`ImportJob`: everything is checked first and
/// nothing is written if anything is wrong; a failure or a kill leaves the ledger as it was or as
/// it will be, never half-written); the command parses, calls it and words the outcome.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append a finance-system export's new rows to a ledger, idempotently.",
        discussion: """
        Rows are read with the rules file (see examples/finance/README.md), grouped into one transaction per reference and date, and appended to the --into ledger in the ledger's own syntax. A reference already in the ledger with the same content is skipped; with different content it is an error showing both. The books (PATH…, default ledgers/) must check without errors after the import. --explain-row N shows how the rules treat the row on line N instead (each rule tried, which rule gave each field, the posting it becomes) and changes nothing. 
        """
    )

    @Argument(help: ArgumentHelp("The export, a CSV file.", valueName: "FILE.csv"), completion: ShellCompletion.tables)
    var file: String

    @Option(help: ArgumentHelp("The rules file describing the export.", valueName: "RULES"), completion: .file(extensions: ["rules"]))
    var rules: String

    @Option(help: ArgumentHelp("The ledger file to append to (one of the books, or a new .ledger file in a books folder).", valueName: "LEDGER"),
            completion: ShellCompletion.books)
    var into: String

    @Flag(help: "Print what would be added, and change nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Explain how the rules treat the row on line N of the export (as an editor numbers it: the line errors give), and change nothing. The books are read only to check the ids the row names; they need not be clean.", valueName: "N"))
    var explainRow: Int?

    @Argument(help: "The books: ledger files or folders (default: ledgers/).", completion: ShellCompletion.books)
    var paths: [String] = []

    @OptionGroup(title: "Input files")
    var inputOptions: InputOptions

    func run() throws {
        Run.start(inputOptions)
        let locator = ArgumentLocator()
        let job = ImportJob(export: file, rules: rules, into: into, books: paths.isEmpty ? ["ledgers"] : paths, dryRun: dryRun,
                            exportOrigin: locator.origin(argument: file), rulesOrigin: locator.origin(option: "--rules", value: rules),
                            intoOrigin: locator.origin(option: "--into", value: into))
        if let explainRow { return try explain(job, line: explainRow, origin: locator.origin(option: "--explain-row", value: "\(explainRow)")) }
        switch job.run(sources: Run.sources) {
        case .refused(let diagnostics, let refusal):
            if !diagnostics.isEmpty { Console.error(Run.report(diagnostics)) }
            switch refusal {
            case .input: break
            case .booksHaveErrors: Console.error("grantledger: the books have errors: correct them before importing; nothing was written")
            case .booksWouldNotCheck: Console.error("grantledger: the books would not check after this import; nothing was written")
            }
            throw ExitCode(ExitStatus.badInput.rawValue)
        case .nothingNew(let counts):
            Console.out("nothing to import from \(file): \(Self.already(counts))")
        case .wouldImport(let block, let counts):
            Console.out(block)
            Console.out("would import \(Self.summary(counts)) into \(into); \(Self.already(counts))")
        case .imported(let counts, let findings):
            Console.out("imported \(Self.summary(counts)) into \(into); \(Self.already(counts))")
            if findings > 0 {
                Console.error("grantledger: note: the books have \(findings) finding\(findings == 1 ? "" : "s"); `grantledger check` lists them")
            }
        }
    }

    /// `--explain-row N`: the explanation on standard output; the row's problems, if any, as
    /// diagnostics (exit 2), as an import would show them.
    func explain(_ job: ImportJob, line: Int, origin: SettingOrigin?) throws {
        switch job.explain(line: line, lineOrigin: origin, sources: Run.sources) {
        case .refused(let diagnostics):
            try Run.stopOnErrors(diagnostics)
        case .explained(let explanation, let bookErrors):
            Console.out(RowExplanationText.text(explanation, rules: rules))
            if bookErrors > 0 {
                Console.error("grantledger: note: the books have \(bookErrors) error\(bookErrors == 1 ? "" : "s") (`grantledger check` lists them); the row's ids were checked against what of them could be read")
            }
            if case .problems(let problems) = explanation.outcome { try Run.stopOnErrors(problems) }
        }
    }

    /// `2 transactions (3 rows)`.
    static func summary(_ counts: ImportJob.Counts) -> String {
        "\(counts.transactions) transaction\(counts.transactions == 1 ? "" : "s") (\(counts.rowsToAdd) row\(counts.rowsToAdd == 1 ? "" : "s"))"
    }

    /// `1 row already in the ledger, 0 skipped by the rules`.
    static func already(_ counts: ImportJob.Counts) -> String {
        "\(counts.rowsAlreadyImported) row\(counts.rowsAlreadyImported == 1 ? "" : "s") already in the ledger, \(counts.rowsSkipped) skipped by the rules"
    }
}
