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
        (" padded ", "\" padded \""),
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"),
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("-20", "'-20"),
        ("+44", "'+44"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "\"'\r=1\""),
        ("a=1", "a=1"),
        ("", ""),
    ])
    func textIsQuotedPerRFC4180AndKeptFromBeingReadAsAFormula(_ text: String, _ field: String) {
        #expect(CSVCell.text(text) == field)
    }

    @Test(arguments: ["-12.50", "270750.00", "-0.01", "12.3", "2022-06-01", "7"])
    func numbersAreWrittenAsTheyAre(_ number: String) {
        #expect(CSVCell.number(number) == number)
    }

    /// Text from the books that looks like a formula is guarded in every text column; a negative
    /// balance in the same report is not.
    @Test func aReportGuardsItsTextCellsAndNotItsFigures() throws {
        let (ledger, diagnostics) = LedgerReader.read(text: """
            funder ho  =HYPERLINK("http://evil.example","click")
            account assets:bank
            account expenses:cctv

            grant g1  @SUM(1+1)
              funder  ho
              period  2022-23
              award   £100.00
              line    l1  £100.00  -Lights

            2022-06-01 Spend  ; grant:g1, line:l1
                expenses:cctv  £12.50
                assets:bank

            """)
        #expect(diagnostics.isEmpty)
        let balance = CSVWriter.render(try BalanceReport.build(ledger))
        #expect(balance.contains("assets:bank,-12.50\n"), "\(balance)")
        let grants = CSVWriter.render(try GrantsReport.build(ledger, ReportFilter()))
        #expect(grants.contains("g1,'@SUM(1+1),ho,2022-23,100.00,100.00,12.50,87.50,12.5\n"), "\(grants)")
        let lines = CSVWriter.render(try LinesReport.build(ledger, ReportFilter()))
        #expect(lines.contains(",'-Lights,"), "\(lines)")
        #expect(!(grants + lines).contains(",=") && !(grants + lines).contains(",@") && !lines.contains(",-L"))
    }
}
