import Testing
import GrantLedgerCore
@testable import GrantLedgerXlsx

@Suite("Header and footer codes")
struct HeaderFooterTests {
    @Test("header and footer codes escape ampersands in text")
    func headerCodes() {
        let footer = HeaderFooter(left: [.text("Crime & disorder")], center: [.sheetName],
                                  right: [.text("Page "), .pageNumber, .text(" of "), .pageCount])
        #expect(footer.code == "&LCrime && disorder&C&A&RPage &P of &N")
        #expect(HeaderFooter().code == "")
        let setup = PageSetup.committee()
        #expect(setup.orientation == .landscape)
        #expect(setup.fitToPagesWide == 1)
        #expect(setup.fitToPagesTall == 0)
        #expect(setup.repeatRows == 0...0)
        #expect(setup.header?.code == "&COFFICIAL")
        #expect(setup.footer?.code == "&L&A&COFFICIAL&RPage &P of &N")
    }
}
