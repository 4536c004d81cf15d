/// One row of a finance-system export that the rules turned into a posting: read, checked and
/// coded, with where each cell was, so that later problems (a conflict with the ledger, a
/// difference found by the audit) point at the row.
public struct ExportRow: Sendable {
    public let file: String
    /// The line the row starts on.
    public let line: Int
    public let date: Day
    /// The spend: what the row's spend account is debited (net when VAT is recoverable, gross when not).
    public let amount: Money
    /// Recoverable VAT, posted to `vatAccount`; zero when the export has no VAT or it is a cost.
    public let vat: Money
    public let vatAccount: String?
    public let reference: String
    public let supplier: String?
    public let description: String?
    public let costCentre: String?
    public let accountCode: String?
    /// What the `map` rules set, each with where the rules file set it.
    public let coding: [MappingRule.Field: Located<String>]
    /// Where each used cell starts, for carets. `.amount` is the cell the spend was read from
    /// (the debit or credit, the net or gross) whatever the export's shape.
    public let cells: [ColumnRole: CSVField]

    public init(file: String, line: Int, date: Day, amount: Money, vat: Money = Money(pence: 0), vatAccount: String? = nil,
                reference: String, supplier: String?, description: String?, costCentre: String?, accountCode: String?,
                coding: [MappingRule.Field: Located<String>], cells: [ColumnRole: CSVField]) {
        self.file = file
        self.line = line
        self.date = date
        self.amount = amount
        self.vat = vat
        self.vatAccount = vatAccount
        self.reference = reference
        self.supplier = supplier
        self.description = description
        self.costCentre = costCentre
        self.accountCode = accountCode
        self.coding = coding
        self.cells = cells
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line, column: 1) }

    public func value(_ field: MappingRule.Field) -> String? { coding[field]?.value }
    public var grantID: String? { value(.grant) }
    public var lineID: String? { value(.line) }
    public var account: String? { value(.account) }

    /// The location of a used cell (the row's start when the column is not used).
    public func location(of role: ColumnRole) -> (location: SourceLocation, length: Int) {
        guard let cell = cells[role] else { return (location, 1) }
        return (SourceLocation(file: file, line: cell.line, column: cell.column), cell.length)
    }

    /// `ss4-bns/cctv`, or what there is of it.
    public var grantLineText: String { Self.grantLineText(grantID, lineID) }

    static func grantLineText(_ grant: String?, _ line: String?) -> String {
        switch (grant, line) {
        case let (grant?, line?): return "\(grant)/\(line)"
        case let (grant?, nil): return "\(grant) (no line)"
        default: return "no grant"
        }
    }
}
