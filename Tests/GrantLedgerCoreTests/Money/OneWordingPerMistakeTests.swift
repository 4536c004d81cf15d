import Testing
@testable import GrantLedgerCore

/// One wording per mistake: each mistake read through every reader that can meet it (a ledger, a
/// finance export, a scenario file, last year's allocation, area data) gives the same message and
/// hint, from the one home for them (`MoneyParseProblemKind`, `DateProblem`). A reader puts first only
/// what it says about where (`pot: …`, `last year's amount for Ashfield: …`).
@Suite("One wording per mistake, in every reader")
struct OneWordingPerMistakeTests {
    // MARK: The readers

    /// The problems of a ledger whose one posting has `amount` (and an assertion after it, if any).
    static func ledger(amount: String, assertion: String = "") -> (Ledger, [Diagnostic]) {
        LedgerReader.read(text: """
            account assets:bank
            account expenses:cctv

            2022-10-31 * Secure Vision Ltd | cameras   ; ref:INV-1
                expenses:cctv  \(amount)\(assertion)
                assets:bank

            """, name: "t.ledger")
    }

    static func ledger(date: String) -> [Diagnostic] {
        LedgerReader.read(text: "account assets:bank\naccount expenses:cctv\n\n\(date) * Secure Vision Ltd | cameras\n"
                          + "    expenses:cctv  £1.00\n    assets:bank\n", name: "t.ledger").diagnostics
    }

    static func rules(dateFormat: String = "DD/MM/YYYY") -> ImportRules {
        ImportRulesReader.read(text: """
            column date       Date
            column amount     Amount
            column reference  Invoice
            date-format  \(dateFormat)
            paid-from    assets:bank
            map
              account  expenses:cctv

            """, name: "r.rules").rules
    }

    /// A finance export of one row, its amount cell written `amount` (quoted, as a CSV writes a cell
    /// holding a comma).
    static func export(amount: String, date: String = "31/10/2022", dateFormat: String = "DD/MM/YYYY") -> FinanceExport.Reading {
        FinanceExport.read(text: "Date,Invoice,Amount\n\(date),INV-1,\"\(amount)\"\n", name: "s.csv", rules: rules(dateFormat: dateFormat))
    }

    /// The problems of loading a scenario whose pot is `pot` (its other settings sound, its area file
    /// one not found, which is left out).
    static func scenario(pot: String = "£270,750.00", weight: String = "1") -> [Diagnostic] {
        let (draft, problems) = ScenarioFile.parse(Array("""
            scenario s  S
              pot     \(pot)
              areas   no-such-areas.csv
              weight  population \(weight)

            """.utf8), file: "s.scenario")
        #expect(problems.isEmpty, "\(problems)")
        guard let draft else { return problems }
        return ScenarioLoader.load(draft).1.filter { $0.code != .fileNotFound }
    }

    static func previous(amount: String) -> [Diagnostic] {
        PreviousAllocation.parse(Array("area,amount\nAshfield,\"\(amount)\"\n".utf8), file: "p.csv").1
    }

    static func areaData(deprivation: String) -> [Diagnostic] {
        let (table, problems) = AreaTable.parse(Array("area,population,deprivation\nAshfield,126300,\"\(deprivation)\"\n".utf8), file: "a.csv")
        #expect(problems.isEmpty, "\(problems)")
        return table?.numbers(named: "deprivation").1 ?? problems
    }

    /// The one problem of `diagnostics`, which must be the only one.
    static func only(_ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        #expect(diagnostics.count == 1, "\(DiagnosticRenderer().render(diagnostics))", sourceLocation: sourceLocation)
        return diagnostics.first
    }

    // MARK: Amounts

    /// Every reader of money, with what it puts before the shared message.
    static func amountReaders(_ text: String) -> [(reader: String, context: String, diagnostic: Diagnostic?)] {
        [("ledger", "", only(ledger(amount: text).1)),
         ("finance export", "", only(export(amount: text).diagnostics)),
         ("scenario", "pot: ", only(scenario(pot: text))),
         ("last year's allocation", "last year's amount for Ashfield: ", only(previous(amount: text)))]
    }

    @Test(arguments: [
        ("£125.125", MoneyParseProblemKind.tooManyDecimals),
        ("£1.234", .tooManyDecimals),
        ("£1.234,56", .decimalComma),
        ("12,40", .decimalComma),
        ("(£1,250.00", .badBrackets),
        ("(-£1,250.00)", .badBrackets),
    ])
    func anAmountMistakeIsWordedAlikeByEveryReader(_ text: String, _ kind: MoneyParseProblemKind) throws {
        let shared = MoneyParseProblem(kind, at: 0)
        for (reader, context, diagnostic) in Self.amountReaders(text) {
            let diagnostic = try #require(diagnostic, "\(reader)")
            #expect(diagnostic.code == .badAmount, "\(reader)")
            #expect(diagnostic.message == context + shared.message(about: text), "\(reader)")
            #expect(diagnostic.hint == kind.hint, "\(reader)")
        }
    }

    @Test func theWordsOfEachAmountMistake() {
        #expect(MoneyParseProblem(.tooManyDecimals, at: 0).message(about: "£125.125") == "an amount has at most two decimal places: £125.125")
        #expect(MoneyParseProblemKind.tooManyDecimals.hint
                == "money is exact to the penny: round it to two decimals yourself; if the point groups thousands (European style), write a comma: £1,234")
        #expect(MoneyParseProblem(.decimalComma, at: 0).message(about: "£1.234,56") == "a decimal comma (European style) is not accepted: £1.234,56")
        #expect(MoneyParseProblemKind.decimalComma.hint
                == "write the decimals after a point, and commas only between thousands: 1.234,56 is 1,234.56 and 12,40 is 12.40")
        #expect(MoneyParseProblem(.badBrackets, at: 0).message(about: "(£1,250.00")
                == "a negative amount in brackets needs both brackets and no sign inside: (£1,250.00")
        #expect(MoneyParseProblemKind.badBrackets.hint == "write a credit as (£1,250.00) or -£1,250.00: both brackets, and no sign inside them")
    }

    /// A decimal comma in a number that is not money (an indicator, a weight): the same words, said
    /// after what the number is.
    @Test func aDecimalCommaInANumberIsWordedAsInAnAmount() throws {
        let kind = MoneyParseProblemKind.decimalComma
        let area = try #require(Self.only(Self.areaData(deprivation: "26,3")))
        #expect(area.code == .badIndicatorValue)
        #expect(area.message == "deprivation for Ashfield is not a number: \(kind.message)")
        #expect(area.hint == kind.hint)
        let weight = try #require(Self.only(Self.scenario(weight: "0,5").filter { $0.code == .badWeight }))
        #expect(weight.message.hasSuffix(kind.message))
        #expect(weight.hint == kind.hint)
    }

    /// Brackets are the accountants' negative in every reader: a posting and its balance assertion,
    /// an export's credit note; a pot or last year's amount in brackets is refused as negative.
    @Test func bracketsAreANegativeAmountInEveryReader() throws {
        let (books, problems) = Self.ledger(amount: "(£1,250.00)", assertion: "  = (£1,250.00)")
        #expect(problems.isEmpty, "\(problems)")
        #expect(books.postings.first?.amount == Money(pence: -125_000))
        #expect(books.postings.first?.hasAssertion == true && books.assertions[0] == Money(pence: -125_000))
        #expect(books.postings.last?.amount == Money(pence: 125_000))
        #expect(Self.export(amount: "(£1,250.00)").rows.first?.amount == Money(pence: -125_000))
        #expect(Self.scenario(pot: "(£1,250.00)").map(\.message) == ["the pot -£1,250.00 is negative"])
        #expect(Self.previous(amount: "(£1,250.00)").map(\.message) == ["last year's amount for Ashfield is negative"])
    }

    // MARK: Dates

    /// `03/12/2026` where `YYYY-MM-DD` is expected: the ledger's layout and an export whose rules
    /// say so give the same message; the hint is how each is fixed (the ledger's date written again,
    /// the rules' date-format).
    @Test func aDateInDayMonthOrderIsWordedAlikeByEveryReader() throws {
        let ledger = try #require(Self.only(Self.ledger(date: "03/12/2026")))
        let export = try #require(Self.only(Self.export(amount: "1.00", date: "03/12/2026", dateFormat: "YYYY-MM-DD").diagnostics))
        let shared = DateProblem("03/12/2026", expected: "YYYY-MM-DD")
        for diagnostic in [ledger, export] {
            #expect(diagnostic.code == .badDate)
            #expect(diagnostic.message == shared.message)
        }
        #expect(shared.message
                == "dates are written YYYY-MM-DD, and 03/12/2026 is ambiguous: 3 December 2026 written DD/MM/YYYY, or 12 March 2026 written MM/DD/YYYY")
        #expect(ledger.hint == shared.hint(.rewrite))
        #expect(ledger.hint == "if the day comes first, write 2026-12-03 (3 December 2026); if the month does, 2026-03-12")
        #expect(export.hint == shared.hint(.dateFormat))
        #expect(export.hint == "if the export writes the day first, say so in the rules: date-format DD/MM/YYYY")
    }

    @Test(arguments: [
        // text, expected layout, message, the ledger's hint, the export's hint
        ("31/10/2022", "YYYY-MM-DD", "dates are written YYYY-MM-DD, and 31/10/2022 is 31 October 2022 written DD/MM/YYYY",
         "write 2022-10-31", "if the export writes the day first, say so in the rules: date-format DD/MM/YYYY"),
        ("3.12.2026", "YYYY-MM-DD", "dates are written YYYY-MM-DD, and 3.12.2026 is ambiguous: 3 December 2026 written D.MM.YYYY, or 12 March 2026 written M.DD.YYYY",
         "if the day comes first, write 2026-12-03 (3 December 2026); if the month does, 2026-03-12",
         "if the export writes the day first, say so in the rules: date-format DD.MM.YYYY"),
        ("12/13/2026", "DD/MM/YYYY", "dates are written DD/MM/YYYY, and 12/13/2026 is 13 December 2026 written MM/DD/YYYY",
         "write 2026-12-13", "grantledger reads no dates written MM/DD/YYYY: ask for the export with dates written DD/MM/YYYY or YYYY-MM-DD"),
        ("2026-12-03", "DD/MM/YYYY", "dates are written DD/MM/YYYY, and 2026-12-03 is 3 December 2026 written YYYY-MM-DD",
         "write 2026-12-03", "if the export writes the year first, say so in the rules: date-format YYYY-MM-DD"),
        ("2019-4-30", "YYYY-MM-DD", "dates are written YYYY-MM-DD, and 2019-4-30 is 30 April 2019 written YYYY-M-DD",
         "write 2019-04-30", "grantledger reads no dates written YYYY-M-DD: ask for the export with dates written DD/MM/YYYY or YYYY-MM-DD"),
        ("31st Oct", "YYYY-MM-DD", "\"31st Oct\" is not a date written YYYY-MM-DD",
         "for example 2023-03-31", "the rules say dates are written YYYY-MM-DD; change date-format if the export writes them another way"),
    ])
    func eachShapeOfDateIsNamed(_ text: String, _ expected: String, _ message: String, _ rewrite: String, _ dateFormat: String) {
        let problem = DateProblem(text, expected: expected)
        #expect(problem.message == message)
        #expect(problem.hint(.rewrite) == rewrite)
        #expect(problem.hint(.dateFormat) == dateFormat)
    }

    /// A declaration's dates are the ledger's too: a field's date, and each end of a period.
    @Test func aDeclarationsDatesAreWordedAsATransactionsAre() throws {
        let (_, problems) = LedgerReader.read(text: """
            funder ho  Home Office
            grant g  G
              funder    ho
              period    2022-07-01..30/09/2023
              deadline  03/12/2026
              award     £1.00

            """, name: "t.ledger")
        #expect(problems.map(\.code) == [.badPeriod, .badDate])
        #expect(problems.map(\.message) == [DateProblem("30/09/2023", expected: "YYYY-MM-DD").message,
                                            DateProblem("03/12/2026", expected: "YYYY-MM-DD").message])
        #expect(problems.first?.hint == "write 2023-09-30")
        #expect(problems.first?.location == SourceLocation(file: "t.ledger", line: 4, column: 25))
    }

    /// The export says what `DateProblem` says whatever the rules' layout, an impossible day read
    /// month first included; a day that cannot be in any order stays `impossible-date`.
    @Test func theExportReaderGivesTheSharedWords() throws {
        let monthFirst = try #require(Self.only(Self.export(amount: "1.00", date: "12/13/2026").diagnostics))
        #expect(monthFirst.code == .badDate)
        #expect(monthFirst.message == DateProblem("12/13/2026", expected: "DD/MM/YYYY").message)
        let impossible = try #require(Self.only(Self.export(amount: "1.00", date: "31/04/2023").diagnostics))
        #expect(impossible.code == .impossibleDate)
        #expect(impossible.message == "there is no such date as 31/04/2023")
        let ledgerImpossible = try #require(Self.only(Self.ledger(date: "2023-02-29")))
        #expect(ledgerImpossible.code == .impossibleDate)
        #expect(ledgerImpossible.message == "there is no such date as 2023-02-29")
        #expect(ledgerImpossible.hint == impossible.hint)
    }
}
