/// What the committee workbook is built from besides the ledger.
public struct CommitteeWorkbookSettings: Sendable {
    /// The date the figures are as of: spend after it is left out, time elapsed is counted to it,
    /// and it is the workbook's creation date (so the same inputs give the same bytes).
    public var asOf: Day
    /// Narrows the workbook to one financial year, as `report --fy` does.
    public var financialYear: FinancialYear?
    /// One sheet each, in this order, titled by its `scenario` (a one-off run's by `Allocation.named`).
    public var scenarios: [Allocation]
    /// The books' findings (overspent lines and the like), listed on the Audit sheet.
    public var findings: [Diagnostic]
    public var provenance: Provenance
    public var author: String
    public var company: String?
    public var statusRule: SpendStatusRule
    /// How a reader sees every step of an allocation worked, named in the scenario sheets' notes
    /// (the CLI gives its command, `grantledger allocate --explain AREA`); `nil` names none. The
    /// caller's words, since the core knows no command line.
    public var stepsShownBy: String?
    /// How a reader re-runs an allocation with another pot, named by the pot of a locked scenario
    /// sheet (the CLI gives `grantledger allocate`); `nil` names none.
    public var reallocateBy: String?

    public init(
        asOf: Day, financialYear: FinancialYear? = nil, scenarios: [Allocation] = [],
        findings: [Diagnostic] = [], provenance: Provenance, author: String = "grantledger",
        company: String? = nil, statusRule: SpendStatusRule = SpendStatusRule(), stepsShownBy: String? = nil,
        reallocateBy: String? = nil
    ) {
        self.asOf = asOf
        self.financialYear = financialYear
        self.scenarios = scenarios
        self.findings = findings
        self.provenance = provenance
        self.author = author
        self.company = company
        self.statusRule = statusRule
        self.stepsShownBy = stepsShownBy
        self.reallocateBy = reallocateBy
    }

    /// The report filter every ledger sheet uses: the financial year's dates, up to the as-of date.
    public var filter: ReportFilter { ReportFilter(financialYear: financialYear, to: asOf) }
}

/// Where the workbook came from: enough to regenerate it and to prove which inputs were used.
public struct Provenance: Sendable {
    public var toolVersion: String
    /// The command as typed (program name first).
    public var commandLine: String
    public var inputs: [InputFile]

    public init(toolVersion: String, commandLine: String, inputs: [InputFile]) {
        self.toolVersion = toolVersion
        self.commandLine = commandLine
        self.inputs = inputs
    }
}

extension Provenance {
    /// The workbook's custom document properties, on every workbook grantledger writes: the tool,
    /// the day, the command and one fingerprint for all the inputs.
    func properties(asOf: Day) -> [WorkbookProperties.Property] {
        // One fingerprint for all the inputs: the SHA-256 of `sha256sum`-style lines.
        let fingerprint = SourceFile.sha256(of: Array(inputs.map { $0.path + "  " + $0.sha256 + "\n" }.joined().utf8))
        return [
            .init("Generator", "grantledger \(toolVersion)"),
            .init("As of", "\(asOf)"),
            // Excel holds at most 255 characters in a property; the Provenance sheet has it whole.
            .init("Command", WorkbookText.clipped(commandLine, toBytes: 255)),
            .init("Inputs SHA-256", fingerprint),
            .init("Security classification", "OFFICIAL"),
        ]
    }
}

/// One input file with its size and SHA-256.
public struct InputFile: Hashable, Sendable {
    public let path: String
    /// What it is: `ledger`, `area data`, `scenario`.
    public let role: String
    public let bytes: UInt64
    /// The SHA-256 of the bytes the figures came from, in lower-case hex. For a file as read, its
    /// `SourceFile` works it out once, on another thread from when it was read if the command said
    /// so (`SourceFiles.hashesAsRead`), else on first use: so an export hashes its inputs on one
    /// core while it reads and builds on another.
    public var sha256: String { source?.sha256 ?? given }
    private let given: String
    private let source: SourceFile?

    public init(path: String, role: String, bytes: UInt64, sha256: String) {
        self.path = path
        self.role = role
        self.bytes = bytes
        given = sha256
        source = nil
    }

    /// The file as it was read: its size and the hash of exactly the bytes the figures came from.
    public init(_ source: SourceFile, path: String, role: String) {
        self.path = path
        self.role = role
        bytes = UInt64(source.sizeOnDisk)
        given = ""
        self.source = source
    }

    public static func == (a: InputFile, b: InputFile) -> Bool {
        a.path == b.path && a.role == b.role && a.bytes == b.bytes && a.sha256 == b.sha256
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(role)
        hasher.combine(bytes)
        hasher.combine(sha256)
    }
}
