import Foundation
import GrantLedgerCore
import Testing

@Suite struct JSONWriterTests {
    let ledger = SampleBooks.ledger()

    @Test func amountsAreExactStringsAndKeysFollowTheColumns() throws {
        let report = try GrantsReport.build(ledger, ReportFilter(financialYear: FinancialYear(startYear: 2019)))
        let json = JSONWriter.render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Grants (2019-20)")
        let columns = try #require(object["columns"] as? [[String: String]])
        #expect(columns.map { $0["key"] ?? "" } == report.columns.map(\.key))
        #expect(columns[5] == ["key": "budget", "title": "Award", "kind": "money"])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 8)
        #expect(rows[0]["level"] as? Int == 0)
        #expect(rows[0]["budget"] as? String == "625118.00")
        #expect(rows[0]["line"] is NSNull)
        #expect(rows[0]["spent_percent"] as? String == "11.6")
        #expect(rows[2]["level"] as? Int == 1)
        #expect(rows[2]["line"] as? String == "nwps")
        #expect(rows[2]["budget"] as? String == "270750.00")
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["grant"] as? String == "Total")
        #expect(totals["remaining"] as? String == "552418.00")
        // The order of keys in the text is the column order, the same on every run.
        let first = try #require(json.split(separator: "\n").first { $0.contains("\"level\": 0") })
        let keys = report.columns.map { "\"\($0.key)\":" }
        var position = first.startIndex
        for key in keys {
            let found = try #require(first[position...].range(of: key), "\(key) in order")
            position = found.upperBound
        }
    }

    @Test func countsAreNumbersAndBlanksAreNull() throws {
        let json = JSONWriter.render(try InitiativesReport.build(ledger))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows[0]["postings"] as? Int == 1)
        #expect(rows[1]["lead"] is NSNull)
    }

    @Test func escapesStrings() {
        #expect(JSONWriter.string("a \"b\" \\ c\n\u{1}£") == "\"a \\\"b\\\" \\\\ c\\n\\u0001£\"")
    }

    @Test func anEmptyReportIsStillValidJSON() throws {
        let report = try GrantsReport.build(ledger, ReportFilter(financialYear: FinancialYear(startYear: 2030)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(JSONWriter.render(report).utf8)) as? [String: Any])
        #expect((object["rows"] as? [Any])?.isEmpty == true)
    }
}
