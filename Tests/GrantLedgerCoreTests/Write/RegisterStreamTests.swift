import Foundation
import PropertyBased
import Testing
@testable import GrantLedgerCore

/// The streamed register against the register as a `Report` drawn by the table, CSV and JSON
/// writers: the same bytes, on books whose texts take every path (printable ASCII, UTF-8 and
/// combining marks, text cut at the table's width, commas, quotes, backslashes, text a spreadsheet
/// would run as a formula), on random books under random filters, and on the shipped books.
@Suite("Register stream")
struct RegisterStreamTests {
    static let books = """
        funder f  F
        account expenses:community-safety:a-very-long-account-name-that-is-cut-in-a-table
        account expenses:café
        account assets:bank
        area north  North
        area north-east  North East
          within  north
        grant g  G
          funder  f
          period  2019-20
          award   £9,000,000,000.00
          line youth  £9,000,000,000.00  Youth

        2019-05-01 Mansfield Youth Club | sessions   ; grant:g
            expenses:café  £10.00   ; line:youth, area:north, ref:R-1
            assets:bank

        2019-05-01 Café Noël, Ashfield | "warm spaces" \\ winter   ; grant:g, ref:"Q",1
            expenses:community-safety:a-very-long-account-name-that-is-cut-in-a-table  £1,234,567.89   ; area:north-east
            assets:bank

        2019-06-01 =SUM(A1:A9) paid | formula-looking text kept as text   ; grant:g
            expenses:café  £0.01   ; line:youth, ref:=1+1
            assets:bank  -£0.01

        2019-06-02 A description that runs well past the forty-four characters a table shows
            expenses:café  £8,999,999,999.00   ; grant:g, line:youth, ref:-R2
            assets:bank

        2019-06-03 Ünïcödé description that runs well past the width a table shows é́ 👩‍👩‍👧
            assets:bank  £1.00   ; ref:@home
            expenses:café  -£1.00   ; grant:g

        2019-06-05 Exactly forty-four characters of description!
            assets:bank  £2.00   ; ref:forty-five-characters-of-reference-text-here
            expenses:café  -£2.00   ; grant:g, ref:forty-four-characters-of-reference-text-her

        2019-06-06 Éxactly forty-four characters of description!
            assets:bank  £3.00   ; ref:Éorty-five-characters-of-reference-text-here
            expenses:café  -£3.00   ; grant:g, ref:Éorty-four-characters-of-reference-text-her

        2019-06-04 +44 Ltd
            assets:bank  £0.00
            expenses:café  £0.00   ; grant:g, ref:ab,cd

        """

    /// The streamed register's text in `format`.
    static func streamed(_ ledger: Ledger, _ format: ReportFormat, _ filter: ReportFilter = ReportFilter(),
                         _ query: RegisterReport.Query = RegisterReport.Query()) throws -> String {
        let stream = try RegisterStream(ledger, filter, query)
        let layout = try stream.measure(for: format)
        var bytes: [UInt8] = []
        try stream.write(layout, to: { bytes.append(contentsOf: $0) })
        return String(decoding: bytes, as: UTF8.self)
    }

    static func drawn(_ ledger: Ledger, _ format: ReportFormat, _ filter: ReportFilter = ReportFilter(),
                      _ query: RegisterReport.Query = RegisterReport.Query()) throws -> String {
        format.render(try RegisterReport.build(ledger, filter, query))
    }

    @Test(arguments: ReportFormat.allCases)
    func everyKindOfTextIsWrittenAsTheWritersWriteIt(_ format: ReportFormat) throws {
        let (ledger, diagnostics) = LedgerLoader.load(text: Self.books)
        try #require(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        try #require(ledger.postings.count == 16)
        try #require(ledger.transactions.contains { ledger.description(of: $0).count == 44 })
        let drawn = try Self.drawn(ledger, format)
        #expect(try Self.streamed(ledger, format) == drawn)
        // The cases are really there: a cut text, a quoted CSV cell, an escaped JSON string.
        switch format {
        case .table: #expect(drawn.contains("…") && drawn.contains("£8,999,999,999.00"))
        case .csv: #expect(drawn.contains("\"Café Noël, Ashfield") && drawn.contains("'=SUM"))
        case .json: #expect(drawn.contains(#"\"warm spaces\" \\ winter"#))
        }
        for (filter, query) in [(ReportFilter(areaID: "north"), RegisterReport.Query()),
                                (ReportFilter(grantID: "g"), RegisterReport.Query(lineID: "youth")),
                                (ReportFilter(), RegisterReport.Query(account: "expenses", payee: "café")),
                                (ReportFilter(), RegisterReport.Query(payee: "nobody at all"))] {
            #expect(try Self.streamed(ledger, format, filter, query) == Self.drawn(ledger, format, filter, query), "\(filter) \(query)")
        }
    }

    @Test func randomBooksUnderRandomFiltersAreWrittenTheSame() async throws {
        var compared = 0
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000_000)) { seed throws in
            let (ledger, diagnostics) = LedgerLoader.load(text: RandomBooks.text(seed: seed))
            guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
            var rng = GeneratedLedger.Rng(state: UInt64(seed))
            for filter in ReportTotalsPropertyTests.filters(for: ledger, seed: seed) {
                // The register's own query too, drawn from what the books hold.
                let query = RegisterReport.Query(
                    lineID: Bool.random(using: &rng) ? ledger.grants.randomElement(using: &rng)?.lines.randomElement(using: &rng)?.id : nil,
                    initiativeID: Bool.random(using: &rng) ? ledger.initiatives.randomElement(using: &rng)?.id : nil,
                    account: Bool.random(using: &rng) ? ledger.accounts.randomElement(using: &rng)?.name : nil,
                    payee: Bool.random(using: &rng) ? "a" : nil)
                let narrowed = (try? RegisterReport.figures(ledger, filter, query)) != nil ? query : RegisterReport.Query()
                for format in ReportFormat.allCases {
                    #expect(try Self.streamed(ledger, format, filter, narrowed) == Self.drawn(ledger, format, filter, narrowed),
                            "\(format) \(filter) \(narrowed)")
                }
                compared += 1
            }
        }
        #expect(compared > 20, "random books compared: \(compared)")
    }

    @Test(arguments: ReportFormat.allCases)
    func theShippedBooksAreWrittenTheSame(_ format: ReportFormat) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let (ledger, diagnostics) = LedgerLoader.load(paths: [root.appendingPathComponent("ledgers").path])
        try #require(!diagnostics.contains { $0.severity == .error } && ledger.postings.count > 100)
        #expect(try Self.streamed(ledger, format) == Self.drawn(ledger, format))
        #expect(try Self.streamed(ledger, format, ReportFilter(grantID: ledger.grants[0].id))
                == Self.drawn(ledger, format, ReportFilter(grantID: ledger.grants[0].id)))
    }

    @Test func outputIsSentInPiecesThatAddUpToTheWhole() throws {
        var text = "account assets:a\naccount assets:b\n\n"
        for day in 1...28 {
            for _ in 0..<400 { text += "2019-05-\(day < 10 ? "0" : "")\(day) Payee \(day)\n    assets:a  £1.00\n    assets:b\n\n" }
        }
        let (ledger, _) = LedgerLoader.load(text: text)
        let stream = try RegisterStream(ledger)
        let layout = try stream.measure(for: .table)
        var pieces: [[UInt8]] = []
        try stream.write(layout, to: { pieces.append(Array($0)) })
        #expect(pieces.count > 1, "more than a megabyte is sent in more than one piece")
        #expect(pieces.allSatisfy { $0.count <= 1 << 20 })
        #expect(String(decoding: pieces.joined(), as: UTF8.self) == ReportFormat.table.render(try RegisterReport.build(ledger)))
    }
}
