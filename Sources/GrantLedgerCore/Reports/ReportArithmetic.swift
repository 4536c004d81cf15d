/// Checked arithmetic for report builders: an overflow becomes a `ReportError` naming the figure,
/// so absurd books get a message, never a trap.
extension Money {
    func plus(_ other: Money, _ what: String) throws(ReportError) -> Money {
        do throws(MoneyError) { return try adding(other) } catch { throw .overflow(what) }
    }

    func minus(_ other: Money, _ what: String) throws(ReportError) -> Money {
        do throws(MoneyError) { return try subtracting(other) } catch { throw .overflow(what) }
    }

    static func total<S: Sequence>(_ amounts: S, _ what: String) throws(ReportError) -> Money where S.Element == Money {
        do throws(MoneyError) { return try sum(amounts) } catch { throw .overflow(what) }
    }
}

extension Optional where Wrapped == String {
    /// A text cell, or a blank one when the ledger left the field out.
    var cell: ReportCell { map { .text($0) } ?? .empty }
}

extension Optional where Wrapped == Day {
    var cell: ReportCell { map { .date($0) } ?? .empty }
}

extension Optional where Wrapped == Money {
    var cell: ReportCell { map { .money($0) } ?? .empty }
}
