extension FinancialPeriod.Length {
    /// The option that names a period of this length (`--quarter 2022-23-Q3`), as report and claim take it.
    public var optionName: String {
        switch self {
        case .month: return "month"
        case .quarter: return "quarter"
        case .year: return "fy"
        }
    }

    /// The period in words: `month`, `quarter`, `financial year`.
    public var noun: String { self == .year ? "financial year" : rawValue }
}
