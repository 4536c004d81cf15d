import Foundation
import GrantLedgerTestSupport
@testable import GrantLedgerCore
import PropertyBased
import Testing
@testable import GrantLedgerXlsx

/// The Spend sheet's rows are streamed cell by cell from the ledger's bytes (`SpendRows`,
/// `StreamedRowWriter`) rather than written from `SheetRow`s: the file must be the one the held
/// rows give, byte for byte, whatever the texts hold.
@Suite("Streamed rows")
struct StreamedRowsTests {
    /// Texts that take every way through a streamed cell: plain, escaped (`_x0041_`), past ASCII,
    /// control characters and tabs, formula-like starts, wrapped (taller rows), a payee before `|`,
    /// an empty description, no supplier at all, a refund, and a spend class.
    static let ledger = """
        funder opcc  Office of the Police and Crime Commissioner
        area ashfield  Ashfield
        area bassetlaw  Bassetlaw
        grant snb  PCC grant 2019-20
          funder     opcc
          period     2019-20
          award      £625,118.00
          line nwps   £270,750.00  Neighbourhood Working Problem Solving
          line other  £354,368.00  Everything else
        initiative jc-survey  Residents' survey
          grant  snb
        account assets:bank
        account expenses:nwps

        2019-04-02 * Café Ümlaut — with £   ; grant:snb, ref:=HYPERLINK("x")
            expenses:nwps   £12.34   ; line:nwps, area:ashfield, supplier:Zoë's Café
            assets:bank

        2019-04-03 * Payee Name | what it was for, a rather long description that has to wrap across several lines   ; grant:snb, ref:-1234
            expenses:nwps   £1,234.56   ; line:other, area:bassetlaw, initiative:jc-survey
            assets:bank

        2019-04-04 * underscore _x0041_ escape and _X00e9_ too   ; grant:snb, ref:@ref_x1234_
            expenses:nwps   £5.00   ; area:ashfield, supplier:+plus_supplier, class:capital
            assets:bank

        2019-04-05 * refund   ; grant:snb
            expenses:nwps   -£7.50   ; line:nwps, supplier:A Supplier With An Extraordinarily Long Name That Wraps Many Times Over, class:revenue
            assets:bank

        2019-04-06 * | only a note after the pipe   ; grant:snb, ref:R2
            expenses:nwps   £1.00   ; line:nwps
            assets:bank

        2019-04-07 * tab\tinside   ; grant:snb, ref:tab\tref
            expenses:nwps   £2.00   ; line:nwps, area:bassetlaw, supplier:中文供应商
            assets:bank

        2019-04-08 * Averyveryveryveryveryveryveryveryveryveryveryveryveryverylongwordwithoutspaces   ; grant:snb
            expenses:nwps   £3.00   ; line:nwps
            assets:bank
        """

    @Test func streamedSpendIsTheWorkbookItsHeldRowsGive() throws {
        let (ledger, problems) = LedgerLoader.load(text: Self.ledger)
        #expect(!problems.contains { $0.severity == .error }, "\(problems.map(\.message))")
        let model = try CommitteeWorkbook.build(ledger, LargeBooks.settings)
        let index = try #require(model.sheets.firstIndex { $0.name == SpendSheet.name })
        let streamed = model.sheets[index].rows
        #expect(streamed.stream != nil && streamed.stream?.count == 7)
        var held = model
        held.sheets[index].rows = SheetRows((0..<streamed.count).map { streamed[$0] })
        #expect(held.sheets[index].rows.stream == nil)

        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let paths = [scratch.file("streamed.xlsx"), scratch.file("held.xlsx")]
        try WorkbookModelWriter.write(model, to: paths[0])
        try WorkbookModelWriter.write(held, to: paths[1])
        let files = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(files[0] == files[1])
        let sheet = try XlsxPackage(path: paths[0]).text("xl/worksheets/sheet5.xml")
        for text in ["_x005F_x0041_", "Zoë's Café", "=HYPERLINK(\"x\")", "中文供应商", "Payee Name"] {
            #expect(sheet.contains(text), "\(text)")
        }
        #expect(sheet.contains("customHeight=\"1\""))
    }

    @Test func aStreamedRowReadThroughTheModelIsTheRowItDescribes() throws {
        let (ledger, _) = LedgerLoader.load(text: Self.ledger)
        let model = try CommitteeWorkbook.build(ledger, LargeBooks.settings)
        let spend = try #require(model.sheet(named: SpendSheet.name))
        let first = spend.rows[spend.rows.streamStart]
        #expect(first.cells.count == SpendSheet.titles.count)
        #expect(first.cells[1] == .text("snb"))
        #expect(first.cells[5] == .text("Zoë's Café", .wrapped))
        #expect(first.cells[7] == .text("=HYPERLINK(\"x\")"))
        #expect(first.cells[4] == SheetCell(.empty, .body))
        let payee = spend.rows[spend.rows.streamStart + 1]
        #expect(payee.cells[5] == .text("Payee Name", .wrapped))
        #expect(payee.cells[4] == .text("jc-survey"))
        #expect(payee.height != nil)
        let noted = spend.rows[spend.rows.streamStart + 4]
        #expect(noted.cells[5] == SheetCell(.empty, .wrapped))
        #expect(spend.rows[spend.rows.streamStart + 2].cells[2] == SheetCell(.empty, .body))
        #expect(spend.rows[spend.rows.streamStart + 2].cells[8] == .text("capital"))
    }

    @Test func bytesPassedAsTheyAreAreExactlyTheTextsCellTextLeavesAlone() {
        for plain in ["", "a", "INV-0001234", "Supplier 12", "payment 123456 for services", "tab\there", "line\nbreak",
                      "snake_case", "trailing_", "_", "=SUM(A1)", "-12", "+x", "@me", String(repeating: "abcdefgh", count: 9)] {
            #expect(Self.passed(plain), "\(plain.debugDescription)")
        }
        for other in ["_x", "a_X", "_x0041_", "é", "£1", "\u{7F}", "\u{01}", "a\u{0}b", "\u{FFFE}", String(repeating: "a", count: 32_768)] {
            #expect(!Self.passed(other), "\(other.debugDescription)")
        }
    }

    /// On random texts near the word boundaries, whatever goes through as it is is left alone by
    /// `VisibleText.cellText`.
    @Test func bytesPassedAsTheyAreAreNeverOnesCellTextChanges() async {
        let pieces = ["a", "Z", " ", "_", "x", "X", "_x", "0041_", "\t", "\n", "\r", "\u{1}", "\u{7F}", "é", "£", "-", "=", "~"]
        await propertyCheck(count: 2000, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let text = (0..<Int.random(in: 0...20, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
            if Self.passed(text) { #expect(VisibleText.cellText(text) == text, "\(text.debugDescription)") }
        }
    }

    static func passed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { CellTextBytes.isWritableAsIs($0) }
    }
}
