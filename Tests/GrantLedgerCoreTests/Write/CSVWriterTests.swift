import GrantLedgerCore
import Testing

@Suite struct CSVWriterTests {
    let ledger = SampleBooks.ledger()

    @Test func balanceCSVIsExactlyAccountAndBalanceWithNoTotals() throws {
        let csv = CSVWriter.render(try BalanceReport.build(ledger))
        #expect(csv == """
        account,balance
        assets:bank:bns-csp,51750.00
        assets:bank:snb,552418.00
        expenses:safer-streets:cctv,48250.00
        expenses:snb:iom,5000.00
        expenses:snb:nwps,67700.00
        income:grants,-725118.00

        """)
    }

    @Test func amountsArePlainDecimalsAndGrantRowsLeaveTheLineEmpty() throws {
        let csv = CSVWriter.render(try GrantsReport.build(ledger, ReportFilter(grantID: "ss4-bns")))
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0] == "grant,line,name,funder,period,budget,allocated,spent,remaining,spent_percent")
        #expect(lines[1] == "ss4-bns,,\"Safer Streets round 4 - Bassetlaw, Newark and Sherwood\",home-office,"
                + "2022-07-01..2023-09-30,750000.00,750000.00,48250.00,701750.00,6.4")
        #expect(lines[2] == "ss4-bns,cctv,CCTV cameras and monitoring,,,300000.00,,48250.00,251750.00,16.1")
        #expect(lines.count == 4, "header, grant, two lines; no totals row")
        #expect(!csv.contains("£"))
    }

    @Test(arguments: [
        ("plain", "plain"),
        ("Bassetlaw, Newark", "\"Bassetlaw, Newark\""),
        ("the \"Safe Space\" Pledge", "\"the \"\"Safe Space\"\" Pledge\""),
        ("two\nlines", "\"two\nlines\""),
        ("=SUM(A1:A2)", "=SUM(A1:A2)"),
        ("-20", "-20"),
        ("+44", "+44"),
        ("@risk", "@risk"),
        ("", ""),
    ])
    func quotesPerRFC4180AndLeavesFormulaLikeTextAsData(_ text: String, _ field: String) {
        #expect(CSVWriter.field(text) == field)
    }
}
