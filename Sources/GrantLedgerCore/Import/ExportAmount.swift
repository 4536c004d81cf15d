/// Amounts as finance systems export them: `1234.56`, `1,234.56`, `-1,234.56`, `£1,234.56`, and the
/// accountants' `(1,234.56)` for a negative (a credit note). The figure inside is read by the
/// strict `MoneyParser`, so `1,5` or three decimals are errors here too, never guesses.
public enum ExportAmount {
    /// The amount, or the problem with the byte offset into `text` where it is.
    public static func parse(_ text: String) -> Result<Money, MoneyParseProblem> {
        var inner = text
        var offset = 0
        var negate = false
        if text.hasPrefix("(") {
            guard text.hasSuffix(")"), text.utf8.count >= 2 else {
                return .failure(MoneyParseProblem(.strayCharacter, at: 0))
            }
            inner = String(text.dropFirst().dropLast())
            offset = 1
            negate = true
            if inner.hasPrefix("-") || inner.hasPrefix("+") { return .failure(MoneyParseProblem(.strayCharacter, at: 1)) }
        }
        do throws(MoneyParseProblem) {
            let value = try MoneyParser.parse(inner)
            if negate {
                guard let negated = try? value.negated() else { return .failure(MoneyParseProblem(.overflow, at: offset)) }
                return .success(negated)
            }
            return .success(value)
        } catch {
            return .failure(MoneyParseProblem(error.kind, at: error.offset + offset))
        }
    }
}
