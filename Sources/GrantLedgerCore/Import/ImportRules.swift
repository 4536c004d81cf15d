/// A rules file: how to read one finance system's export and turn its rows into ledger postings.
///
/// Written in the ledger's own style (see `examples/finance/README.md`): `column ROLE  Heading`
/// lines name the columns used, `date-format` and `paid-from` say how to read and balance a row,
/// and `skip` and `map` rules, tried in file order, decide what each row becomes. A `skip` that
/// matches drops the row (a VAT line, a cost centre that is not grant funded). For each field, the
/// first `map` that matches and sets it gives it; a later match cannot change it, so a specific
/// rule written above a general one (`map cost-centre CS2101` above `map "Service Area" prefix
/// "Community Safety"`) wins, as in a list of exceptions read top down, while rules setting
/// different fields combine: a cost-centre rule can give the grant, line, area and initiative and an
/// account-code rule the class.
public struct ImportRules: Sendable {
    public var file: String
    /// The export's heading for each role, with where the rules file says so.
    public var columns: [ColumnRole: Located<String>] = [:]
    public var dateFormat: ExportDateFormat = .dayMonthYearSlash
    /// The account each transaction is balanced against: the bank, or a creditor.
    public var paidFrom: Located<String>?
    /// How many days apart a ledger posting and a statement row may be dated and still be paired
    /// by date and exact amount when their references differ.
    public var dateTolerance: Int = 3
    public var rules: [MappingRule] = []
    /// The export's encoding when it is not UTF-8 (`encoding windows-1252`): converted as it is read.
    public var encoding: Located<TextEncoding>?
    /// The days a statement covers (`period 2022-10-01..2022-12-31`), which an audit compares when
    /// it is given no dates of its own; without it, the statement's first and last dates.
    public var period: Located<Period>?
    /// The sheet of an .xlsx export to read (`sheet Transactions`); the first when not named.
    public var sheet: Located<String>?
    /// What happens to VAT (`vat recoverable ACCOUNT`, `vat irrecoverable`), for exports with VAT columns.
    public var vat: Located<VATTreatment>?
    /// The VAT account's name as written, located for the check against the books.
    public var vatAccount: Located<String>?

    /// How the rows give their amount, from the columns named: found once by the reader (nil only
    /// when the rules had errors), not again for every row.
    public var amountShape: AmountShape?

    public init(file: String) { self.file = file }

    /// Grants the `map` rules name: what a statement read with these rules covers.
    public var grantIDs: [String] {
        var seen: Set<String> = []
        return rules.compactMap { $0.fields[.grant]?.value }.filter { seen.insert($0).inserted }
    }
}

/// One `skip` or `map` rule: conditions on the row's cells (`RuleCondition`), all of which must hold;
/// a `map` with none holds for every row.
public struct MappingRule: Sendable {
    public enum Kind: Sendable { case skip, map }

    public enum Field: String, CaseIterable, Sendable {
        case grant, line, account, area, initiative
        case spendClass = "class"
        case match
        /// `recoverable` or `irrecoverable`: the VAT treatment of the rows this rule codes.
        case vat
    }

    public let kind: Kind
    public let conditions: [RuleCondition]
    public var fields: [Field: Located<String>] = [:]
    public let location: SourceLocation
    public let note: String?

    public init(kind: Kind, conditions: [RuleCondition], location: SourceLocation, note: String?) {
        self.kind = kind
        self.conditions = conditions
        self.location = location
        self.note = note
    }
}
