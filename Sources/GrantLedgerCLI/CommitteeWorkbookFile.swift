import Foundation
import GrantLedgerCore
import GrantLedgerXlsx

/// Writing a workbook: the committee workbook for `export --xlsx` and `audit --xlsx`, and through
/// `fingerprints`, `refuseInput` and `write` the claim returns of `claim --xlsx` too. Refuse to
/// overwrite an input, fingerprint every input for the Provenance sheet, have the core build the
/// model and GrantLedgerXlsx write it (temporary file, then rename).
enum CommitteeWorkbookFile {
    static func write(
        _ ledger: Ledger, to path: String, asOf: Day, financialYear: FinancialYear?, scenarios: [Allocation],
        findings: [Diagnostic], inputs: [(path: String, role: String)], commandLine: String,
        author: String?, company: String?
    ) throws {
        try refuseInput(path, inputs)
        // Hashed as they were read (`SourceFiles.hashesAsRead`, set by export and claim): the
        // Provenance sheet, built last, waits for any hash not yet done.
        let files = try fingerprints(inputs)
        let settings = CommitteeWorkbookSettings(
            asOf: asOf, financialYear: financialYear, scenarios: scenarios, findings: findings,
            provenance: Provenance(toolVersion: GrantLedger.version, commandLine: commandLine, inputs: files),
            author: author ?? "grantledger", company: company, stepsShownBy: "`grantledger allocate --explain AREA`",
            reallocateBy: "`grantledger allocate`")
        let model: WorkbookModel
        do {
            Console.progress?.begin("building the workbook")
            model = try CommitteeWorkbook.build(ledger, settings)
        } catch {
            throw LedgerInput.fail(error.diagnostic)
        }
        try write(model, to: path, asOf: asOf)
    }

    /// A workbook is never written over a file it is made from (nor over a ledger).
    static func refuseInput(_ path: String, _ inputs: [(path: String, role: String)]) throws {
        let target = FilePaths.canonical(path)
        if path.hasSuffix(".ledger") || inputs.contains(where: { FilePaths.canonical($0.path) == target }) {
            throw LedgerInput.fail(Diagnostic(.badValue, "refusing to write the export over an input file: \(path)",
                                              hint: "name a new file, for example committee.xlsx",
                                              origin: ArgumentLocator().origin(option: "--xlsx", value: path)))
        }
    }

    /// Each file once (however its path was written), in the order first read, with the hash of
    /// the bytes that were read (worked out when first asked for): never read again, so the hash is
    /// of what the figures came from.
    static func fingerprints(_ inputs: [(path: String, role: String)]) throws -> [InputFile] {
        var fingerprints: [InputFile] = []
        var seen: Set<String> = []
        for input in inputs where seen.insert(FilePaths.canonical(input.path)).inserted {
            guard let source = Run.sources.file(atPath: input.path) else {
                throw LedgerInput.fail(Diagnostic(.readFailed, "cannot record the SHA-256 of \(input.path): it was not among the files read",
                                                  hint: "this is a bug in grantledger; please report it; no file was changed"))
            }
            try checkReadWhole(source)
            fingerprints.append(InputFile(source, path: input.path, role: input.role))
        }
        // Anything else that came in by the door (a file a future reader opens) is listed too:
        // a figure must never come from a file the Provenance sheet does not name.
        for (source, role) in Run.sources.opened where seen.insert(source.canonicalPath ?? source.name).inserted {
            try checkReadWhole(source)
            fingerprints.append(InputFile(source, path: source.name, role: role))
        }
        return fingerprints
    }

    /// A large ledger left on disk is hashed from disk, after it was parsed: a read that failed, or
    /// a change to the file meanwhile, is an error (exit 2), never a hash of other bytes than the
    /// figures came from.
    private static func checkReadWhole(_ source: SourceFile) throws {
        _ = source.sha256
        if let problem = source.readProblem { throw LedgerInput.fail(problem.diagnostic) }
    }

    /// Writes a built workbook (temporary file, then rename) and says what it holds.
    /// The line saying so goes to standard error when standard output carries CSV or JSON.
    static func write(_ model: WorkbookModel, to path: String, asOf: Day, sayingOnStandardError: Bool = false) throws {
        do {
            try WorkbookModelWriter.write(model, to: path, progress: Console.progressHook)
        } catch {
            if case .file(let problem) = error { throw LedgerInput.fail(problem.diagnostic(at: ArgumentLocator().origin(option: "--xlsx", value: path))) }
            // Past Excel's grid (a Spend sheet of more than a million postings) is no fault of the folder.
            let hint = if case .cellOutOfRange = error {
                "a worksheet holds 1,048,576 rows: export one financial year (--fy 2019-20) or split the books; no file was changed"
            } else {
                "check the folder exists and can be written; no file was changed"
            }
            throw LedgerInput.fail(Diagnostic(.writeFailed, "\(error)", hint: hint))
        }
        let said = "wrote \(path): \(model.sheets.count) sheets (\(model.sheets.map(\.name).joined(separator: ", ")))"
                    + ", as of \(asOf)"
        if sayingOnStandardError { Console.error(said) } else { Console.out(said) }
    }
}
