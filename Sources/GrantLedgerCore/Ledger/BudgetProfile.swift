/// How a line's budget is expected to be spent through the grant's months or quarters, as written
/// under the grant: `profile nwps  quarterly  even`, or the amount for each period in turn
/// (`profile cctv  quarterly  £0 £150,000.00 £100,000.00 £25,000.00 £25,000.00`). The periods are those
/// the grant's period touches, first to last; the amounts must add up to the line's budget exactly.
public struct ProfileDeclaration: Hashable, Sendable {
    public enum Spread: Hashable, Sendable {
        /// The budget in equal parts, the odd pennies to the earliest periods (largest remainder).
        case even
        /// One amount per period, in order.
        case amounts([Money])
        /// In proportion to a declared shape's weights (`ProfileShape`), by its id; the shape is
        /// filled in once every file is read (nil: no shape has that id).
        case shape(String, ProfileShape?)
    }

    public let lineID: String
    public let length: FinancialPeriod.Length
    public internal(set) var spread: Spread
    /// Where the line's id is written (for a problem with the profile as a whole), and its length.
    public let lineIDLocation: SourceLocation
    public let lineIDLength: Int
    /// Where the amounts (or `even`) are written, and how many bytes they take.
    public let spreadLocation: SourceLocation
    public let spreadLength: Int
}

/// A line's profile resolved against its grant: the amount due in each period. An amount is due
/// at its period's end (or the grant's, when the grant ends first), so "profile to date" counts the
/// periods ended by the day, and a quarter's amount falls in the month that ends it: one rule,
/// exact, with nothing split.
public struct BudgetProfile: Hashable, Sendable {
    public let length: FinancialPeriod.Length
    public let periods: [FinancialPeriod]
    public let amounts: [Money]
    /// Whether it was written in the ledger (false: the default, even by month).
    public let declared: Bool
    /// The grant's last day: a period running past it falls due then.
    public let lastDay: Day

    /// The day each period's amount falls due.
    public var dueDates: [Day] { periods.map { min($0.period.end, lastDay) } }

    /// What falls due within `span` (both ends included).
    public func due(in span: Period) -> Money { total { span.contains($0) } }

    /// What falls due on or before `day`.
    public func due(through day: Day) -> Money { total { $0 <= day } }

    /// What falls due after `day`: the rest of the profile.
    public func due(after day: Day) -> Money { total { $0 > day } }

    /// The period under way on `day` (begun, its amount not yet due), with its amount.
    public func current(at day: Day) -> (period: FinancialPeriod, amount: Money)? {
        for (index, date) in dueDates.enumerated() where periods[index].period.start <= day && day < date {
            return (periods[index], amounts[index])
        }
        return nil
    }

    /// The rest of the profile after `day`, less what has been spent already in the period under
    /// way (`spentInCurrent`, up to that period's amount): money spent early in a quarter is that
    /// quarter's profile being spent, not more on top of it.
    public func rest(after day: Day, spentInCurrent: Money) -> Money {
        let rest = due(after: day)
        guard let current = current(at: day), spentInCurrent.pence > 0 else { return rest }
        return Money(pence: rest.pence - min(spentInCurrent.pence, current.amount.pence))
    }

    private func total(_ counts: (Day) -> Bool) -> Money {
        var total = Money.zero
        for (date, amount) in zip(dueDates, amounts) where counts(date) {
            // None is negative and together they make the line's budget, so no part of them can overflow.
            total = (try? total.adding(amount)) ?? total
        }
        return total
    }

    /// Why a declared profile cannot be used.
    public enum Problem: Error, Equatable, Sendable {
        case noPeriod
        case wrongCount(expected: [FinancialPeriod], found: Int)
        case unknownShape(String)
        /// The shape's weights could not be read (reported where they are written).
        case shapeUnread
        /// A quarterly profile on a monthly shape, or the other way about.
        case shapeLength(ProfileShape)
        /// The shape gives every period the grant touches no weight.
        case noWeight(ProfileShape)
        case notTheBudget(sum: Money, budget: Money)
        case overflow
    }

    /// The line's profile: the one declared, or the default (even by month over the grant's period);
    /// nil when the grant has no period to profile over.
    public static func of(line: GrantLine, in grant: Grant) -> BudgetProfile? {
        of(budget: line.budget, declared: grant.profiles.first { $0.lineID == line.id }, period: grant.period)
    }

    /// An initiative's profile, over its period (its grant's when it gives none): the one declared, or
    /// even by month; nil without a budget or a period.
    public static func of(initiative: Initiative, in ledger: Ledger) -> BudgetProfile? {
        guard let budget = initiative.budget else { return nil }
        return of(budget: budget, declared: initiative.profile, period: initiative.budgetPeriod(in: ledger))
    }

    static func of(budget: Money, declared: ProfileDeclaration?, period: Period?) -> BudgetProfile? {
        if let declared {
            if case .success(let profile) = resolve(declared, budget: budget, period: period) { return profile }
            return nil
        }
        guard let period else { return nil }
        let periods = FinancialPeriod.covering(period, by: .month)
        return BudgetProfile(length: .month, periods: periods, amounts: even(budget, over: periods.count), declared: false,
                             lastDay: period.end)
    }

    /// A declaration made into amounts per period, or why it cannot be.
    public static func resolve(_ declaration: ProfileDeclaration, budget: Money, period: Period?) -> Result<BudgetProfile, Problem> {
        guard let period else { return .failure(.noPeriod) }
        let periods = FinancialPeriod.covering(period, by: declaration.length)
        switch declaration.spread {
        case .even:
            return .success(BudgetProfile(length: declaration.length, periods: periods,
                                          amounts: even(budget, over: periods.count), declared: true, lastDay: period.end))
        case .shape(let id, let shape):
            guard let shape else { return .failure(.unknownShape(id)) }
            guard shape.length != nil else { return .failure(.shapeUnread) }
            guard shape.length == declaration.length else { return .failure(.shapeLength(shape)) }
            guard let amounts = LargestRemainder.share(budget, by: periods.map(shape.weight(of:))) else { return .failure(.noWeight(shape)) }
            return .success(BudgetProfile(length: declaration.length, periods: periods, amounts: amounts, declared: true,
                                          lastDay: period.end))
        case .amounts(let amounts):
            guard amounts.count == periods.count else { return .failure(.wrongCount(expected: periods, found: amounts.count)) }
            guard let sum = try? Money.sum(amounts) else { return .failure(.overflow) }
            guard sum == budget else { return .failure(.notTheBudget(sum: sum, budget: budget)) }
            return .success(BudgetProfile(length: declaration.length, periods: periods, amounts: amounts, declared: true,
                                          lastDay: period.end))
        }
    }

    /// `budget` in `count` equal parts to the penny, the odd pennies one each to the earliest.
    static func even(_ budget: Money, over count: Int) -> [Money] {
        LargestRemainder.share(budget, by: [Rational](repeating: .one, count: count)) ?? []
    }
}

/// Why a line's actual in a period is off its profile, as the officer wrote it under the grant:
/// `variance-note youth-crime  2019-20-Q3  Six months pending review: no spend after September`.
public struct VarianceNote: Hashable, Sendable {
    public let lineID: String
    public let period: FinancialPeriod
    public let text: String
    public let location: SourceLocation
    /// Where its period is written, and its length.
    public var periodLocation: SourceLocation?
    public var periodLength = 0
}
