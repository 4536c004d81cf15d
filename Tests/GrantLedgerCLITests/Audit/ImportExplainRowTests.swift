import Foundation
import Testing

/// `grantledger import --explain-row N`, end to end on copies of the shipped books and exports: the
/// explanation of a mapped, a skipped and an unmapped row, a line that is no data row, and books
/// with errors; nothing is ever written.
@Suite("import --explain-row", .serialized)
struct ImportExplainRowTests {
    static let nwps = ["examples/finance/ncc-nwps-2021-q2.csv", "--rules", "examples/finance/ncc-nwps.rules",
                       "--into", ImportCommandTests.nwpsFile]

    static func explain(_ arguments: [String], row: String, in folder: ScratchFolder) throws -> Grantledger.Result {
        try Grantledger.run(["import"] + arguments + ["--explain-row", row, "ledgers"], in: folder.url)
    }

    /// The line of `text` that starts with `start`.
    static func line(_ text: String, _ start: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(start) }.map(String.init)
    }

    @Test func aMappedRowShowsEveryRuleTheFieldsTheirRulesAndThePosting() throws {
        let folder = try ImportCommandTests.books()
        let snapshot = try folder.snapshot()
        let result = try Self.explain(Self.nwps, row: "5", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == """
            examples/finance/ncc-nwps-2021-q2.csv:5: NCC,2021/22,04,06/07/2021,71052021,INV,1,CS2105,NWPS Mansfield,5410,Revenue grants and contributions,S100367,Mansfield District Council,INV-21-0701,03/07/2021,"NWPS focus areas, diversionary youth sessions",OS,"4,012.50",20/07/2021,BACS210720,AP0421,AP.BATCH

            The rules in examples/finance/ncc-nwps.rules, in file order (any skip that matches drops the row; each field comes from the first map that matches and sets it):
              line 17  skip account is 9210        no: account is 5410             ; VAT input: recoverable, so grant spend is net of VAT
              line 18  skip cost-centre is CS2000  no: cost-centre is CS2105       ; SNB core running costs, not grant funded
              line 19  skip cost-centre is CS3100  no: cost-centre is CS2105       ; domestic abuse services, another budget
              line 22  map cost-centre is CS2101   no: cost-centre is CS2105       ; NWPS Ashfield
              line 25  map cost-centre is CS2102   no: cost-centre is CS2105       ; NWPS Bassetlaw
              line 28  map cost-centre is CS2103   no: cost-centre is CS2105       ; NWPS Broxtowe
              line 31  map cost-centre is CS2104   no: cost-centre is CS2105       ; NWPS Gedling
              line 34  map cost-centre is CS2105   yes: gave area, initiative      ; NWPS Mansfield
              line 37  map cost-centre is CS2106   no: cost-centre is CS2105       ; NWPS Newark and Sherwood
              line 40  map cost-centre is CS2107   no: cost-centre is CS2105       ; NWPS Rushcliffe
              line 45  map (every row)             yes: gave grant, line, account
              line 50  map account is 4110         no: account is 5410             ; Capital - works and equipment
              line 52  map account is 5410         yes: gave class                 ; Revenue grants and contributions

            Fields:
              grant       pcc-nwps-2021-22                line 45
              line        nwps                            line 45
              account     expenses:community-safety:nwps  line 45
              area        mansfield                       line 34
              initiative  nwps-mansfield                  line 34
              class       revenue                         line 52

            It becomes the posting: 2021-07-06 £4,012.50 expenses:community-safety:nwps grant:pcc-nwps-2021-22 line:nwps area:mansfield initiative:nwps-mansfield class:revenue
              ref INV-21-0701, payee Mansfield District Council
            
            """)
        try ImportCommandTests().expectUnchanged(folder, snapshot)
    }

    @Test func aSkippedRowNamesItsSkipRule() throws {
        let folder = try ImportCommandTests.books()
        let result = try Self.explain(Self.nwps, row: "3", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  line 18  skip cost-centre is CS2000  yes: the row is skipped"))
        #expect(result.stdout.contains("  line 45  map (every row)             yes (not applied: the row is skipped)"))
        #expect(result.stdout.hasSuffix("\nSkipped by the rule on line 18: nothing is imported from this row.\n"))
        #expect(!result.stdout.contains("Fields:"))
    }

    @Test func anUnmappedRowSaysWhyEachRuleFailedAndShowsTheError() throws {
        let folder = try ImportCommandTests.books()
        let statement = try String(contentsOf: folder.url.appendingPathComponent("examples/finance/bassetlaw-ss4-statement.csv"), encoding: .utf8)
        let header = String(statement.split(whereSeparator: \.isNewline)[0])
        try folder.write("unmapped.csv", header + "\nBDC,2022/23,05,31/08/2022,60041099,INV,1,BC4999,SS4 Unknown,5210,Contracted services,S1,Brightway,BDC-X-1,28/08/2022,Leaflets,S,240.00,14/09/2022,BACS1,AP0522,AP.BATCH\n")
        let snapshot = try folder.snapshot()
        let result = try Self.explain(["unmapped.csv", "--rules", "examples/finance/bassetlaw-ss4.rules",
                                       "--into", "ledgers/nottinghamshire/safer-streets.ledger"], row: "2", in: folder)
        #expect(result.status == 2)
        #expect(Self.line(result.stdout, "  line 25  map cost-centre is BC4101 ")?.contains(" no: cost-centre is BC4999 ") == true)
        #expect(Self.line(result.stdout, "  line 79  map cost-centre is BC4501 ")?.contains(" no: cost-centre is BC4999 ") == true)
        #expect(Self.line(result.stdout, "  line 90  map account is 5210 ")?.contains(" yes: gave class ") == true)
        #expect(result.stdout.contains("  account     (none)\n"))
        #expect(result.stdout.hasSuffix("It cannot be imported: 1 problem, shown below.\n"))
        #expect(result.stderr.hasPrefix("unmapped.csv:2:"))
        #expect(result.stderr.contains("error[unmapped-row]: no map rule gives this row an account (cost-centre BC4999, account 5210)"))
        try ImportCommandTests().expectUnchanged(folder, snapshot)
    }

    @Test func eachTestSaysWhyItFailedOnTheCell() throws {
        let folder = try ImportCommandTests.books()
        let rules = try String(contentsOf: folder.url.appendingPathComponent("examples/finance/bassetlaw-ss4.rules"), encoding: .utf8)
        try folder.write("tests.rules", rules + """
            map "Cost Centre Name" prefix "SS4 CCTV"
              area  bassetlaw
            map "Line Description" contains CCTV
              area  bassetlaw
            map supplier matches "^Secure (Vision|Doors)"
              area  bassetlaw
            map "Cost Centre Name" "SS4 Unknown" supplier Brightway
              account  expenses:safer-streets:cctv

            """)
        let statement = try String(contentsOf: folder.url.appendingPathComponent("examples/finance/bassetlaw-ss4-statement.csv"), encoding: .utf8)
        let header = String(statement.split(whereSeparator: \.isNewline)[0])
        try folder.write("row.csv", header + "\nBDC,2022/23,05,31/08/2022,60041099,INV,1,BC4999,SS4 Unknown,5210,Contracted services,S1,Brightway,BDC-X-1,28/08/2022,Leaflets,S,240.00,14/09/2022,BACS1,AP0522,AP.BATCH\n")
        let result = try Self.explain(["row.csv", "--rules", "tests.rules", "--into", "ledgers/nottinghamshire/safer-streets.ledger"],
                                      row: "2", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.line(result.stdout, "  line 94   map \"Cost Centre Name\" prefix \"SS4 CCTV\" ")?
            .hasSuffix("no: \"Cost Centre Name\" is \"SS4 Unknown\", which does not start with \"SS4 CCTV\"") == true)
        #expect(Self.line(result.stdout, "  line 96   map \"Line Description\" contains CCTV ")?
            .hasSuffix("no: \"Line Description\" is Leaflets, which does not contain CCTV") == true)
        #expect(Self.line(result.stdout, "  line 98   map supplier matches \"^Secure (Vision|Doors)\" ")?
            .hasSuffix("no: supplier is Brightway, which does not match \"^Secure (Vision|Doors)\"") == true)
        #expect(Self.line(result.stdout, "  line 100  map \"Cost Centre Name\" is \"SS4 Unknown\" supplier is Brightway ")?
            .hasSuffix("yes: gave account") == true)
        #expect(result.stdout.contains("  account     expenses:safer-streets:cctv  line 100\n"))
        #expect(result.stdout.contains("  area        (none)\n"))
    }

    @Test(arguments: [("1", "line 1 of examples/finance/ncc-nwps-2021-q2.csv is its heading row, not a data row"),
                      ("24", "examples/finance/ncc-nwps-2021-q2.csv has no row on line 24: its last row is on line 23"),
                      ("0", "there is no line 0: lines are numbered from 1")])
    func aLineThatIsNoDataRowIsALocatedUsageError(_ row: String, _ message: String) throws {
        let folder = try ImportCommandTests.books()
        let result = try Self.explain(Self.nwps, row: row, in: folder)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let column = "grantledger import \(Self.nwps.joined(separator: " ")) --explain-row ".utf8.count + 1
        #expect(result.stderr.hasPrefix("command line:1:\(column): error[bad-value]: \(message)\n"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: give the line of a data row as an editor numbers it: 2 to 23"))
    }

    @Test func theBooksNeedNotBeClean() throws {
        let folder = try ImportCommandTests.books()
        try folder.write("ledgers/broken.ledger", "2021-07-01 * A broken transaction\n    expenses:nowhere  £1.00\n")
        #expect(try Grantledger.run(["check", "ledgers"], in: folder.url).status == 2, "the books have errors")
        let result = try Self.explain(Self.nwps, row: "5", in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("It becomes the posting: 2021-07-06 £4,012.50 expenses:community-safety:nwps"))
        #expect(result.stderr.hasPrefix("grantledger: note: the books have "))
        #expect(result.stderr.contains("the row's ids were checked against what of them could be read"))
    }
}
