/// A row's amount in each of the shapes an export gives it (`AmountShape`), read cell by cell by
/// the one amount reader, so a mistake in a Debit or a VAT cell is worded as in an Amount cell.
extension FinanceExport {
    /// What a row's money comes to: the spend, the recoverable VAT and where it is posted, and the
    /// cell the spend was read from (for carets).
    struct RowAmounts {
        var spend: Money
        var vat = Money(pence: 0)
        var vatAccount: String?
        var field: CSVField
    }

    /// Reads the row's amount cells in `shape`; nil when a cell is wrong (reported at it).
    static func readAmounts(shape: AmountShape, treatment: VATTreatment?, cell: (ColumnRole) -> CSVField?,
                            name: String, limit: inout AmountLimit, into diagnostics: inout DiagnosticLog) -> RowAmounts? {
        switch shape {
        case .single:
            guard let field = cell(.amount), let amount = readAmount(field, name: name, limit: &limit, into: &diagnostics) else { return nil }
            return RowAmounts(spend: amount, field: field)
        case .debitCredit:
            return readDebitCredit(cell: cell, name: name, limit: &limit, into: &diagnostics)
        case .vat:
            return readVAT(treatment: treatment, cell: cell, name: name, limit: &limit, into: &diagnostics)
        }
    }

    /// A money cell that may be empty (a debit on a credit row, no VAT on a zero-rated line):
    /// `.some(nil)` when empty, nil when it is wrong.
    private static func optionalAmount(_ field: CSVField?, name: String, limit: inout AmountLimit,
                                       into diagnostics: inout DiagnosticLog) -> Money?? {
        guard let field, !field.text.isEmpty else { return .some(nil) }
        guard let amount = readAmount(field, name: name, limit: &limit, into: &diagnostics) else { return nil }
        return .some(amount)
    }

    /// Debit − credit, from a row that fills one of them.
    private static func readDebitCredit(cell: (ColumnRole) -> CSVField?, name: String, limit: inout AmountLimit,
                                        into diagnostics: inout DiagnosticLog) -> RowAmounts? {
        guard let debitField = cell(.debit), let creditField = cell(.credit),
              let debit = optionalAmount(debitField, name: name, limit: &limit, into: &diagnostics),
              let credit = optionalAmount(creditField, name: name, limit: &limit, into: &diagnostics) else { return nil }
        let zero = Money(pence: 0)
        // Each column holds its side as a positive figure: a signed one would turn a credit into spend.
        for (value, field, side) in [(debit, debitField, "debit"), (credit, creditField, "credit")] {
            guard let value, value < zero else { continue }
            diagnostics.append(located(field, in: name, .badAmount, "the \(side) column holds a negative amount (\(value))",
                                       hint: "a debit/credit export writes both sides as positive figures, so the sign is the column's; "
                                           + "if this export signs its amounts, name one column as amount instead"))
            return nil
        }
        switch (debit, credit) {
        case (nil, nil):
            diagnostics.append(located(debitField, in: name, .badAmount, "this row has no amount: its debit and credit are both empty",
                                       hint: "every row that is not skipped needs a debit (spend) or a credit (a refund or credit note)"))
            return nil
        case let (debit?, credit?) where debit != zero && credit != zero:
            diagnostics.append(located(creditField, in: name, .badAmount,
                                       "this row has both a debit (\(debit)) and a credit (\(credit))",
                                       hint: "a line is a debit or a credit, never both: correct the row in the finance system"))
            return nil
        case let (debit?, credit):
            if debit == zero, let credit { return RowAmounts(spend: Self.negative(credit), field: creditField) }
            return RowAmounts(spend: debit, field: debitField)
        case let (nil, credit?):
            return RowAmounts(spend: Self.negative(credit), field: creditField)
        }
    }

    /// Net, VAT and gross: the two named give the third, three named must agree; the treatment
    /// (the rule's, else the rules') says whether VAT is posted apart or kept in the spend.
    private static func readVAT(treatment: VATTreatment?, cell: (ColumnRole) -> CSVField?, name: String,
                                limit: inout AmountLimit, into diagnostics: inout DiagnosticLog) -> RowAmounts? {
        let netField = cell(.net), vatField = cell(.vat), grossField = cell(.gross)
        let before = diagnostics.count
        var net = netField.flatMap { required($0, "net amount", name: name, limit: &limit, into: &diagnostics) }
        var gross = grossField.flatMap { required($0, "gross amount", name: name, limit: &limit, into: &diagnostics) }
        var vat: Money?
        // An empty VAT cell is no VAT: a zero-rated or exempt line.
        if vatField != nil {
            guard let read = optionalAmount(vatField, name: name, limit: &limit, into: &diagnostics) else { return nil }
            vat = read ?? Money(pence: 0)
        }
        guard diagnostics.count == before else { return nil }
        // Every cell is within the spreadsheet limit, so these sums and differences cannot overflow.
        switch (net, vat, gross) {
        case let (net?, vat?, gross?):
            if (try? net.adding(vat)) != gross, let grossField {
                diagnostics.append(located(grossField, in: name, .badAmount,
                                           "the net \(net) and the VAT \(vat) make \((try? net.adding(vat)) ?? net), not the gross \(gross)",
                                           hint: "net + VAT = gross on every row: correct the row in the finance system"))
                return nil
            }
        case let (net?, vat?, nil): gross = try? net.adding(vat)
        case let (net?, nil, gross?): vat = try? gross.subtracting(net)
        case let (nil, vat?, gross?): net = try? gross.subtracting(vat)
        default: break
        }
        guard let net, let vat, let gross else { return nil }
        // VAT goes with its net: a refund's VAT is refunded too. VAT the other way, or more than the
        // whole, is a keying slip, never posted.
        let zero = Money(pence: 0)
        if vat != zero, (net < zero) != (vat < zero) || (gross < zero) != (vat < zero) || net == zero, let at = vatField ?? grossField {
            diagnostics.append(located(at, in: name, .badAmount,
                                       "the VAT (\(vat)) does not go with the net (\(net)) and the gross (\(gross)): VAT has the net's sign and is part of the gross",
                                       hint: "correct the row in the finance system; a credit note's net, VAT and gross are all negative"))
            return nil
        }
        switch treatment {
        case .recoverable(let account)?:
            guard let field = netField ?? grossField else { return nil }
            return RowAmounts(spend: net, vat: vat, vatAccount: vat == Money(pence: 0) ? nil : account, field: field)
        case .irrecoverable?, nil:
            guard let field = grossField ?? netField else { return nil }
            return RowAmounts(spend: gross, field: field)
        }
    }

    /// A money cell that must be filled.
    private static func required(_ field: CSVField, _ what: String, name: String, limit: inout AmountLimit,
                                 into diagnostics: inout DiagnosticLog) -> Money? {
        if field.text.isEmpty {
            diagnostics.append(located(field, in: name, .badAmount, "this row has no \(what)",
                                       hint: "every row that is not skipped needs its \(what)"))
            return nil
        }
        return readAmount(field, name: name, limit: &limit, into: &diagnostics)
    }

    /// −amount. Amounts are within the spreadsheet limit (`readAmount`), far inside Int64, so negating
    /// one cannot overflow; were it ever to, nothing plausible stands in: the largest negative.
    private static func negative(_ amount: Money) -> Money { (try? amount.negated()) ?? Money(pence: Int64.min) }
}
