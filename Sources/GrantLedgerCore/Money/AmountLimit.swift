/// The gate that keeps every figure a command computes from a file within ±`Money.spreadsheetLimit`,
/// so `check` passes only what every report, audit and export can show exactly.
///
/// The rule, applied by each reader to the amounts it reads: every amount written is within the
/// limit, and so is the sum of their sizes (signs ignored). It is sound because every figure a
/// command shows from one file — a balance (parent accounts too), spent, remaining, a variance, a
/// total row — is a signed sum in which each written amount counts at most once (an inferred
/// amount is minus the others of its transaction, so it cancels or replaces them, never adds a second
/// copy), and such a sum is never larger than the sum of the sizes; a share of a figure (percent
/// spent, match funding at 20% or 50%) is smaller than the figure. Audit's differences between the
/// books and a statement combine two files, each gated, so lie within twice the limit (an Int64
/// holds that) and are shown only as text, never in a workbook cell. It costs one 128-bit add and one
/// compare per amount, as it is read, and needs no second pass. It is also explainable: the error
/// points at the largest amount, which is where extra digits usually are.
public struct AmountLimit: Sendable {
    /// The sum of the sizes of the amounts counted.
    public private(set) var sizes: UInt128 = 0
    /// The size of the largest amount counted, and where it stands (the first of equals).
    private var largestSize: UInt64 = 0
    private var largestPlace: (location: SourceLocation?, length: Int, excerpt: String?)?
    /// Set when an amount was past the limit on its own: that was reported where it stands, and the
    /// total then says nothing new.
    private var sawAmountPastLimit = false

    public init() {}

    /// Counts `amount`, or returns the problem when it is past the limit on its own. `place` is
    /// asked for only then, or when the amount is the largest so far.
    @inline(__always)
    public mutating func count(_ amount: Money, what: String? = nil,
                               at place: () -> (location: SourceLocation?, length: Int, excerpt: String?)) -> Diagnostic? {
        let size = amount.pence.magnitude
        guard size <= UInt64(Money.spreadsheetLimit.pence) else {
            sawAmountPastLimit = true
            let (location, length, excerpt) = place()
            return Self.pastLimit(amount, what: what, at: location, length: length, excerpt: excerpt)
        }
        sizes += UInt128(size)
        if size > largestSize {
            largestSize = size
            largestPlace = place()
        }
        return nil
    }

    /// Takes in what `later` counted, as if counted here after everything else (ties keep the earlier).
    public mutating func absorb(_ later: AmountLimit) {
        sizes += later.sizes
        sawAmountPastLimit = sawAmountPastLimit || later.sawAmountPastLimit
        if later.largestSize > largestSize {
            largestSize = later.largestSize
            largestPlace = later.largestPlace
        }
    }

    /// The problem when the sizes add up past the limit, located at the largest amount; `whose` says
    /// what the amounts are ("the books", "the statement").
    public func totalProblem(_ whose: String) -> Diagnostic? {
        guard !sawAmountPastLimit, sizes > UInt128(Money.spreadsheetLimit.pence), let place = largestPlace else { return nil }
        let total = MoneyTotal(pence: Int128(clamping: sizes))
        return Diagnostic(
            .totalPastLimit,
            "the amounts in \(whose), added up regardless of sign, come to \(total), more than \(Money.spreadsheetLimit): "
                + "a total of them could not be shown to the penny in every report and spreadsheet",
            hint: "this is the largest of them, \(Money(pence: Int64(largestSize))); check it and the other large amounts for extra digits",
            at: place.location, length: place.length, excerpt: place.excerpt)
    }

    /// An amount past the limit on its own, at `location`.
    public static func pastLimit(_ amount: Money, what: String? = nil, at location: SourceLocation?, length: Int,
                                 excerpt: String? = nil) -> Diagnostic {
        Diagnostic(
            .amountPastLimit,
            "\(what.map { "\($0) of " } ?? "")\(amount) is more than \(Money.spreadsheetLimit), the largest amount grantledger accepts",
            hint: "past it a spreadsheet cannot show every penny (Excel keeps 15 digits), so no report or export could show the figure exactly; "
                + "check the amount for extra digits",
            at: location, length: length, excerpt: excerpt)
    }
}
