import Testing
@testable import GrantLedgerCore

/// `near-duplicate-payment`: the same payment again within a fortnight, in the books (`check`) and
/// in the finance system's statement (`audit`).
@Suite("Near-duplicate payments")
struct NearDuplicatePaymentTests {
    static func payment(_ date: String, _ amount: String = "£250.00", ref: String? = "INV-7",
                        payee: String = "Secure Vision Ltd", account: String = "expenses:cctv") -> String {
        """
        \(date) * \(payee) | cameras   ; grant:ss4\(ref.map { ", ref:\($0)" } ?? "")
            \(account)  \(amount)   ; line:cctv
            assets:bank

        """
    }

    /// The near-duplicate findings of `check` on the declarations and `transactions`, which must read
    /// without errors.
    static func found(_ transactions: String, checks: [LedgerCheck] = LedgerCheck.standard) -> [Diagnostic] {
        let (_, diagnostics) = LedgerLoader.load(text: LedgerText.declarations + transactions, name: "t.ledger", checks: checks)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(DiagnosticRenderer().render(diagnostics))")
        return diagnostics.filter { $0.code == .nearDuplicatePayment || $0.code == .duplicateTransaction }
    }

    /// The line of the first transaction after the declarations; each `payment` takes three.
    static let firstLine = LedgerText.declarations.filter { $0 == "\n" }.count + 1

    @Test func aPaymentAgainAWeekLaterIsFound() throws {
        let found = Self.found(Self.payment("2022-10-03") + Self.payment("2022-10-10"))
        #expect(found.codes == [.nearDuplicatePayment])
        let finding = try #require(found.first)
        #expect(finding.message == "Secure Vision Ltd: £250.00 with reference INV-7 again, 7 days after the payment at t.ledger:\(Self.firstLine) dated 2022-10-03")
        #expect(finding.hint == "if it was paid twice, recover the overpayment from the supplier; if both are meant (instalments), ask finance to reference them apart (INV-1/1, INV-1/2), then import again")
        // At the later payment's first posting, once for the pair (its bank side repeats too).
        #expect(finding.location == SourceLocation(file: "t.ledger", line: Self.firstLine + 4, column: 5))
        #expect(finding.length == "expenses:cctv".utf8.count)
        #expect(finding.severity == .finding)
    }

    @Test func fourteenDaysApartIsFoundAndFifteenIsNot() {
        #expect(Self.found(Self.payment("2022-10-03") + Self.payment("2022-10-17")).codes == [.nearDuplicatePayment])
        #expect(Self.found(Self.payment("2022-10-03") + Self.payment("2022-10-18")).isEmpty)
        // A monthly charge that keeps its reference.
        #expect(Self.found(Self.payment("2022-10-03") + Self.payment("2022-10-31") + Self.payment("2022-11-28")).isEmpty)
    }

    @Test func theOrderInTheFileDoesNotMatterOnlyTheDates() throws {
        let found = Self.found(Self.payment("2022-10-10") + Self.payment("2022-10-03"))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.location?.line == Self.firstLine + 1)
        #expect(finding.message.hasSuffix("7 days after the payment at t.ledger:\(Self.firstLine + 3) dated 2022-10-03"))
    }

    @Test func aPaymentSplitUnderDifferentReferencesIsNotARepeat() {
        #expect(Self.found(Self.payment("2022-10-03", ref: "INV-7/1") + Self.payment("2022-10-10", ref: "INV-7/2")).isEmpty)
    }

    @Test func twoEqualLinesOfOneTransactionAreNotARepeat() {
        let twoLines = """
            2022-10-03 * Secure Vision Ltd | two cameras   ; grant:ss4, ref:INV-7
                expenses:cctv  £250.00   ; line:cctv
                expenses:cctv  £250.00   ; line:cctv
                assets:bank

            """
        #expect(Self.found(twoLines).isEmpty)
        // A later repeat of it is one finding, not one per line.
        #expect(Self.found(twoLines + twoLines.replacingOccurrences(of: "2022-10-03", with: "2022-10-10")).count == 1)
    }

    @Test func anInvoiceAndItsCreditNoteAreNotARepeat() {
        let credit = """
            2022-10-10 * Secure Vision Ltd | credit note   ; grant:ss4, ref:INV-7
                expenses:cctv  -£250.00   ; line:cctv
                assets:bank

            """
        #expect(Self.found(Self.payment("2022-10-03") + credit).isEmpty)
    }

    @Test func paymentsWithoutAReferenceAreNeverCompared() {
        #expect(Self.found(Self.payment("2022-10-03", ref: nil) + Self.payment("2022-10-10", ref: nil)).isEmpty)
    }

    @Test func anotherPayeeOrAmountIsAnotherPayment() {
        #expect(Self.found(Self.payment("2022-10-03") + Self.payment("2022-10-10", payee: "Other Ltd")).isEmpty)
        #expect(Self.found(Self.payment("2022-10-03") + Self.payment("2022-10-10", "£250.01")).isEmpty)
    }

    /// Coded to another line, the payment still left the bank twice: the bank side repeats.
    @Test func theSamePaymentCodedElsewhereRepeatsOnItsBankSide() throws {
        let found = Self.found(Self.payment("2022-10-03") + Self.payment("2022-10-10", account: "expenses:lighting"))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.hasPrefix("Secure Vision Ltd: -£250.00 with reference INV-7 again, 7 days after"))
        #expect(finding.location?.line == Self.firstLine + 5)
    }

    /// `check` has no duplicates check: a copy on the same day is a near duplicate there. The audit
    /// runs both, and the pair is one finding, the stronger `duplicate-transaction`.
    @Test func aCopyOnTheSameDayIsReportedOnce() {
        let twice = Self.payment("2022-10-03") + Self.payment("2022-10-03")
        let checked = Self.found(twice)
        #expect(checked.codes == [.nearDuplicatePayment])
        #expect(checked.first?.message.contains("again, on the same day as the payment at") == true)
        #expect(Self.found(twice, checks: LedgerCheck.audit).codes == [.duplicateTransaction])
        // A third a week later is still a near duplicate of the second.
        let thrice = Self.found(twice + Self.payment("2022-10-10"), checks: LedgerCheck.audit)
        #expect(thrice.codes == [.duplicateTransaction, .nearDuplicatePayment])
    }

    /// The window holds only the last fortnight's postings and forgets the rest: on books long
    /// enough to grow and empty its tables many times, it finds exactly the transactions a comparison
    /// of every pair finds (from 2022, from 1961, and across 1 January 1970, where the days start counting).
    @Test(arguments: [19_174, -3_000, -200] as [Int32])
    func theWindowFindsWhatComparingEveryPairFinds(_ firstDay: Int32) {
        var random = SplitMix(seed: 20261125)
        var text = ""
        var rows: [(day: Int, payee: Int, ref: Int, amount: Int)] = []
        for _ in 0..<1500 {
            let row = (day: Int(random.next() % 400), payee: Int(random.next() % 3), ref: Int(random.next() % 40),
                       amount: Int(random.next() % 3) + 1)
            rows.append(row)
            let date = Day(daysSinceEpoch: firstDay + Int32(row.day))
            text += Self.payment("\(date)", "£\(row.amount).00", ref: "R\(row.ref)", payee: "Payee \(row.payee)")
        }
        let (ledger, diagnostics) = LedgerLoader.load(text: LedgerText.declarations + text, name: "t.ledger")
        let flagged = Set(diagnostics.filter { $0.code == .nearDuplicatePayment }.compactMap(\.location?.line))
        // Transaction i is at line firstLine + 3i; the later of a pair by date, then by place in the file.
        var expected: Set<Int> = []
        for (i, a) in rows.enumerated() {
            for (j, b) in rows.enumerated() where j != i && (b.day, j) < (a.day, i) && a.day - b.day <= 14
                && (a.payee, a.ref, a.amount) == (b.payee, b.ref, b.amount) {
                expected.insert(Self.firstLine + 3 * i + 1)
            }
        }
        #expect(ledger.transactions.count == rows.count)
        #expect(!expected.isEmpty)
        #expect(flagged == expected)
    }

    // MARK: The window's spans

    /// The window cuts days into spans of `windowDays + 1` (`PaymentWindow.span(of:)`); these are
    /// the first days of spans in 2022, in 1965 and on either side of 1 January 1970.
    static let spanStarts: [Int32] = [1279 * 15, -100 * 15, -15, 0, 15]

    static func date(_ daysSinceEpoch: Int32) -> String { "\(Day(daysSinceEpoch: daysSinceEpoch))" }

    /// `found` for payments on any day: outside the grant's period is the only error allowed.
    static func foundOnAnyDay(_ transactions: String) -> [Diagnostic] {
        let (_, diagnostics) = LedgerLoader.load(text: LedgerText.declarations + transactions, name: "t.ledger")
        #expect(diagnostics.allSatisfy { $0.severity != .error || $0.code == .spendOutsidePeriod },
                "\(DiagnosticRenderer().render(diagnostics))")
        return diagnostics.filter { $0.code == .nearDuplicatePayment || $0.code == .duplicateTransaction }
    }

    @Test func spansAreRoundedDownBeforeNineteenSeventyToo() {
        #expect(PaymentWindow.span(of: 0) == 0)
        #expect(PaymentWindow.span(of: 14) == 0)
        #expect(PaymentWindow.span(of: 15) == 1)
        #expect(PaymentWindow.span(of: -1) == -1)
        #expect(PaymentWindow.span(of: -15) == -1)
        #expect(PaymentWindow.span(of: -16) == -2)
        #expect(PaymentWindow.span(of: -1500) == -100)
        #expect(PaymentWindow.span(of: -1501) == -101)
    }

    /// Wherever the earlier payment falls in its span (so the later one is in the same span, the
    /// next, or, 15 days on from a span's last day, the one after), 14 days on is found and 15 is not.
    @Test(arguments: spanStarts)
    func fourteenDaysIsFoundAndFifteenIsNotAcrossASpanBoundary(_ start: Int32) {
        for offset in Int32(0)...14 {
            let first = start + offset
            let fourteen = Self.foundOnAnyDay(Self.payment(Self.date(first)) + Self.payment(Self.date(first + 14)))
            #expect(fourteen.codes == [.nearDuplicatePayment], "from \(Self.date(first))")
            #expect(fourteen.first?.message.hasSuffix("14 days after the payment at t.ledger:\(Self.firstLine) dated \(Self.date(first))") == true)
            #expect(Self.foundOnAnyDay(Self.payment(Self.date(first)) + Self.payment(Self.date(first + 15))).isEmpty,
                    "from \(Self.date(first))")
        }
        // 14 days from a span's second day ends on the next span's first; 15 from its first day is
        // found in the previous span's table and must be turned away by its day.
        #expect(PaymentWindow.span(of: start + 1) + 1 == PaymentWindow.span(of: start + 15))
        #expect(PaymentWindow.span(of: start) + 1 == PaymentWindow.span(of: start + 15))
    }

    /// Each repeat is reported against the latest before it, not the first: the window holds a
    /// key's latest posting, and one found in the previous span's table is held again in the
    /// current one, so it is still there a span later.
    @Test(arguments: spanStarts)
    func repeatsInARowAreEachReportedAgainstTheOneBefore(_ start: Int32) throws {
        // The last day of a span, 11 days on (the next span, found in the previous table), 10 days
        // on again (the span after: found only if the second was held again in its span's table),
        // and 9 more (the same span).
        let days = [start - 1, start + 10, start + 20, start + 29]
        #expect(days.map(PaymentWindow.span(of:)) == [-1, 0, 1, 1].map { PaymentWindow.span(of: start) + $0 })
        let found = Self.foundOnAnyDay(days.map { Self.payment(Self.date($0)) }.joined())
        #expect(found.count == 3)
        for (finding, (later, gap)) in zip(found, [(1, 11), (2, 10), (3, 9)]) {
            #expect(finding.location?.line == Self.firstLine + 3 * later + 1)
            #expect(finding.message.hasSuffix("\(gap) days after the payment at t.ledger:\(Self.firstLine + 3 * (later - 1)) dated \(Self.date(days[later - 1]))"),
                    "\(finding.message)")
        }
        // Three within a fortnight of the first: the third is said against the second (7 days), not the first (14).
        let close = Self.foundOnAnyDay([start - 3, start + 4, start + 11].map { Self.payment(Self.date($0)) }.joined())
        #expect(close.count == 2)
        #expect(close.last?.message.hasSuffix("7 days after the payment at t.ledger:\(Self.firstLine + 3) dated \(Self.date(start + 4))") == true)
        // Three in one span: the second takes the first's slot, and the third is said against it (5 days), not the first (10).
        #expect(PaymentWindow.span(of: start) == PaymentWindow.span(of: start + 10))
        let oneSpan = Self.foundOnAnyDay([start, start + 5, start + 10].map { Self.payment(Self.date($0)) }.joined())
        #expect(oneSpan.count == 2)
        #expect(oneSpan.last?.message.hasSuffix("5 days after the payment at t.ledger:\(Self.firstLine + 3) dated \(Self.date(start + 5))") == true)
    }

    @Test func paymentsBeforeNineteenSeventyAreCompared() {
        #expect(Self.foundOnAnyDay(Self.payment("1965-03-25") + Self.payment("1965-04-08")).codes == [.nearDuplicatePayment])
        #expect(Self.foundOnAnyDay(Self.payment("1965-03-25") + Self.payment("1965-04-09")).isEmpty)
        #expect(Self.foundOnAnyDay(Self.payment("1969-12-25") + Self.payment("1970-01-08")).codes == [.nearDuplicatePayment])
        #expect(Self.foundOnAnyDay(Self.payment("1969-12-25") + Self.payment("1970-01-09")).isEmpty)
        // The first day the books accept (a spreadsheet shows nothing earlier).
        #expect(Self.foundOnAnyDay(Self.payment("1900-03-01") + Self.payment("1900-03-15")).codes == [.nearDuplicatePayment])
        #expect(Self.foundOnAnyDay(Self.payment("1900-03-01") + Self.payment("1900-03-16")).isEmpty)
    }

    /// The window itself: a posting is found up to `windowDays` later, across one span and not two,
    /// and an emptied table holds nothing, however large it had grown.
    @Test func theWindowForgetsWhatIsOlderThanAFortnight() {
        let same: (Int32) -> Bool = { _ in true }
        var window = PaymentWindow()
        window.move(to: -16)
        window.hold(7, hash: 42, day: -16, in: nil)
        window.move(to: -2)
        #expect(window.latest(42, day: -2, same: same)?.posting == 7)
        #expect(window.latest(42, day: -2, same: same)?.slot == nil)
        #expect(window.latest(42, day: -1, same: same) == nil)
        window.move(to: 20)
        #expect(window.latest(42, day: 20, same: same) == nil)
        // Held again in the current span's table, then replaced in its slot by the latest.
        window.hold(8, hash: 42, day: 20, in: nil)
        let slot = window.latest(42, day: 21, same: same)?.slot
        #expect(slot != nil)
        window.hold(9, hash: 42, day: 21, in: slot)
        #expect(window.latest(42, day: 21, same: same)?.posting == 9)

        var table = PaymentWindow.Table()
        for posting in Int32(0)..<1000 { table.add(posting, hash: UInt64(posting) &* 0x9E37_79B9_7F4A_7C15, day: posting) }
        #expect(table.slot(UInt64(999) &* 0x9E37_79B9_7F4A_7C15, same) != nil)
        table.removeAll()
        #expect(table.entries.allSatisfy { $0.posting < 0 })
        #expect((Int32(0)..<1000).allSatisfy { table.slot(UInt64($0) &* 0x9E37_79B9_7F4A_7C15, same) == nil })
        table.add(5, hash: 1, day: 0)
        #expect(table.slot(1, same).map { table.entries[$0].posting } == 5)
    }

    // MARK: The statement

    static func audit(_ transactions: String, _ csv: String) -> AuditResult {
        let (ledger, diagnostics) = LedgerLoader.load(text: LedgerText.declarations + transactions, name: "t.ledger", checks: LedgerCheck.audit)
        // The import tests' rules: they read a supplier.
        let rules = ImportRulesReader.read(text: ImportPlanTests.rulesText, name: "r.rules").rules
        let export = FinanceExport.read(text: "Date,Invoice,Supplier,Text,CC,Amount\n" + csv, name: "s.csv", rules: rules)
        #expect(export.diagnostics.isEmpty)
        return Auditor.audit(ledger: ledger, checkFindings: diagnostics, statement: (export.rows, rules, "s.csv"), financialYear: nil)
    }

    @Test func aStatementRowAgainAWeekLaterIsFound() throws {
        let result = Self.audit(Self.payment("2022-10-03"), """
            03/10/2022,INV-7,Secure Vision Ltd,cameras,C1,250.00
            10/10/2022,INV-7,Secure Vision Ltd,cameras,C1,250.00

            """)
        // The repeat is said to be that, and it is still a row the ledger lacks: the totals' gap holds it.
        #expect(result.findings.map(\.code) == [.nearDuplicatePayment, .unmatchedStatementRow])
        let finding = try #require(result.findings.first)
        #expect(finding.diagnostic.message == "Secure Vision Ltd: £250.00 with reference INV-7 again, 7 days after the payment at s.csv:2 dated 2022-10-03")
        #expect(finding.diagnostic.hint == NearDuplicatePayment.hint)
        #expect(finding.location == SourceLocation(file: "s.csv", line: 3, column: 12))
        #expect(finding.reference == "INV-7")
    }

    @Test func statementRowsFifteenDaysApartOrOtherwiseDifferentAreNotRepeats() {
        let ledger = Self.payment("2022-10-03") + Self.payment("2022-10-18")
        #expect(Self.audit(ledger, """
            03/10/2022,INV-7,Secure Vision Ltd,cameras,C1,250.00
            18/10/2022,INV-7,Secure Vision Ltd,cameras,C1,250.00

            """).findings.isEmpty)
        let split = Self.payment("2022-10-03", "£200.00", ref: "INV-7/1") + Self.payment("2022-10-10", "£50.00", ref: "INV-7/2")
        #expect(Self.audit(split, """
            03/10/2022,INV-7/1,Secure Vision Ltd,cameras,C1,200.00
            10/10/2022,INV-7/2,Secure Vision Ltd,cameras,C1,50.00

            """).findings.isEmpty)
        let credit = Self.payment("2022-10-03") + Self.payment("2022-10-10", "-£250.00")
        #expect(Self.audit(credit, """
            03/10/2022,INV-7,Secure Vision Ltd,cameras,C1,250.00
            10/10/2022,INV-7,Secure Vision Ltd,cameras,C1,(250.00)

            """).findings.isEmpty)
    }
}
