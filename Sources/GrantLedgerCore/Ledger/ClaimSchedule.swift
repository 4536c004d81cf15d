/// How a grant is claimed from its funder, as written under it: `claims  arrears quarterly` (a claim
/// for each quarter, made once it has ended), `claims  advance monthly`, and optionally the days the
/// funder allows (`claims  arrears quarterly within 20 days`). The claims fall on the financial
/// year's months, quarters or years that the grant's period touches (Q1 is April to June).
public struct ClaimSchedule: Hashable, Sendable {
    public enum Timing: String, Sendable {
        /// For spend made: a period is claimed once it has ended.
        case arrears
        /// Before spend: a period is claimed before it starts.
        case advance
    }

    public let timing: Timing
    public let frequency: FinancialPeriod.Length
    /// The days the funder allows after a period ends (arrears) to claim it; nil when not said.
    public let withinDays: Int?

    /// One claim the schedule asks for: the period it covers (cut to the grant's), and when it falls due.
    public struct Claim: Hashable, Sendable {
        public let period: FinancialPeriod
        public let covers: Period
        /// Arrears: the first day it can be made (the day after the period); advance: the day it is
        /// made by (the period's first).
        public let opens: Day
        /// Arrears with `within`: the last day to make it; otherwise nil.
        public let dueBy: Day?
    }

    /// The claims over a grant's `period`, first to last.
    public func claims(over period: Period) -> [Claim] {
        FinancialPeriod.covering(period, by: frequency).map { financial in
            let covers = Period(start: max(financial.period.start, period.start), end: min(financial.period.end, period.end))
            switch timing {
            case .arrears:
                // A claim cannot fall after the last day a date can be written (a grant running to 9999).
                return Claim(period: financial, covers: covers, opens: min(covers.end.adding(days: 1), Day.latest),
                             dueBy: withinDays.map { min(covers.end.adding(days: Int32($0)), Day.latest) })
            case .advance:
                return Claim(period: financial, covers: covers, opens: covers.start, dueBy: nil)
            }
        }
    }

    /// How it is written: `arrears quarterly within 20 days`.
    public var description: String {
        "\(timing.rawValue) \(Self.frequencies.first { $0.length == frequency }?.word ?? "")" + (withinDays.map { " within \($0) days" } ?? "")
    }

    /// The frequencies by the words that write them.
    static let frequencies: [(word: String, length: FinancialPeriod.Length)] = [("monthly", .month), ("quarterly", .quarter), ("annually", .year)]

    /// The schedule written as `arrears|advance  monthly|quarterly|annually  [within N days]`, or nil.
    public static func parse(_ text: String) -> ClaimSchedule? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count == 2 || words.count == 5, let timing = Timing(rawValue: words[0]) else { return nil }
        guard let frequency = frequencies.first(where: { $0.word == words[1] })?.length else { return nil }
        guard words.count == 5 else { return ClaimSchedule(timing: timing, frequency: frequency, withinDays: nil) }
        // Up to a year: past that a "deadline" is no deadline, and the day arithmetic stays small.
        guard timing == .arrears, words[2] == "within", words[4] == "days" || words[4] == "day",
              words[3].utf8.allSatisfy(ASCII.isDigit), let days = Int(words[3]), (1...366).contains(days) else { return nil }
        return ClaimSchedule(timing: timing, frequency: frequency, withinDays: days)
    }
}
