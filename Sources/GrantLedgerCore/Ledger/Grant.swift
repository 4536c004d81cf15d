/// An award of money with the conditions its funder attached, split into budget lines.
public struct Grant: Hashable, Sendable {
    public let id: String
    public let name: String
    public var funderID: String?
    public var recipient: String?
    public var period: Period?
    public var award: Money?
    /// The last day spend may be dated; the end of the period when not given.
    public var deadline: Day?
    public var tranches: [Tranche] = []
    /// Required match funding, in hundredths of a percent (50% is 5000): exact, never a float.
    public var matchBasisPoints: Int64?
    public var capitalCap: Money?
    public var revenueCap: Money?
    /// How it is claimed from the funder (`claims  arrears quarterly`), read by `ClaimSchedule`.
    public var claims: ClaimSchedule?
    public var lines: [GrantLine] = []
    /// How lines' budgets are expected to be spent through the period, as written (`BudgetProfile`
    /// resolves them; the `profiles` check reports those it cannot).
    public var profiles: [ProfileDeclaration] = []
    /// A period's actual off its profile by more than this share of it needs a variance note
    /// (`variance-threshold  10%`); nil: none is required.
    public var varianceThreshold: Rational?
    public var varianceThresholdLocation: SourceLocation?
    public var varianceNotes: [VarianceNote] = []
    /// The officer's forecasts of lines' outturns, in the order written (`ForecastEntry`).
    public var forecasts: [ForecastEntry] = []
    public let location: SourceLocation
    /// Where the `period` and `deadline` fields' values are written, for pointing at them.
    public var periodLocation: SourceLocation?
    public var deadlineLocation: SourceLocation?
    /// Where the `award` field was written, for pointing at it.
    public var awardLocation: SourceLocation?
    /// How many bytes the award takes as written, for the caret.
    public var awardLength: Int = 1

    public init(id: String, name: String, location: SourceLocation) {
        self.id = id
        self.name = name
        self.location = location
    }

    public var spendDeadline: Day? { deadline ?? period?.end }

    public func lineIndex(_ id: String) -> Int? { lines.firstIndex { $0.id == id } }
}

/// One budget line of a grant.
public struct GrantLine: Hashable, Sendable {
    public let id: String
    public let name: String
    public let budget: Money
    public let location: SourceLocation
}

/// Money that must be spent within one financial year and cannot be carried over.
public struct Tranche: Hashable, Sendable {
    public let financialYear: FinancialYear
    public let cap: Money
    public let spendBy: Day
    public let location: SourceLocation
    /// Where its spend-by date is written.
    public var spendByLocation: SourceLocation?
}
