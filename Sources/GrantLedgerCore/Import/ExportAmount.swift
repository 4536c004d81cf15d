/// Amounts as finance systems export them: `1234.56`, `1,234.56`, `-1,234.56`, `£1,234.56`, and the
/// accountants' `(1,234.56)` for a negative (a credit note). Read by the strict `MoneyParser`, which
/// reads brackets for every reader of money (a ledger's too), so `1,5` or three decimals are errors
/// here as everywhere, in the same words, never guesses.
public enum ExportAmount {
    /// The amount, or the problem with the byte offset into `text` where it is.
    public static func parse(_ text: String) -> Result<Money, MoneyParseProblem> {
        do throws(MoneyParseProblem) { return .success(try MoneyParser.parse(text)) } catch { return .failure(error) }
    }
}
