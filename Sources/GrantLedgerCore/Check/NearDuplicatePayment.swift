/// A payment made again: the same payee, reference and amount a few days after the first. The one
/// home for how close is close and for the words, so `check` (postings in the books) and `audit`
/// (rows of the finance system's statement) say the same.
public enum NearDuplicatePayment {
    /// How many days apart two payments may be and still be taken for one paid twice.
    ///
    /// Fourteen because a payment run is weekly or fortnightly: an invoice keyed in again lands in
    /// the next one or two runs, at most fourteen days after the first. A monthly recurring charge
    /// that keeps its reference is 28 or more days apart, and is never taken for a repeat.
    public static let windowDays = 14

    /// The finding, said at the later payment: who was paid what (as signed at the caret) under which
    /// reference, and where and when the earlier one is (`place` is `file:line`).
    static func message(amount: Money, payee: String?, reference: String, earlier place: String, on earlierDate: Day,
                        daysLater days: Int) -> String {
        let who = payee.flatMap { $0.isEmpty ? nil : "\($0): " } ?? ""
        let when = days == 0 ? "on the same day as" : "\(days) day\(days == 1 ? "" : "s") after"
        return "\(who)\(amount) with reference \(reference) again, \(when) the payment at \(place) dated \(earlierDate)"
    }

    /// The fix is the finance system's, never a ledger edit: a reference changed in the books would
    /// make the next import of the same export add the payment again.
    static let hint = "if it was paid twice, recover the overpayment from the supplier; if both are meant (instalments), ask finance to reference them apart (INV-1/1, INV-1/2), then import again"
}
