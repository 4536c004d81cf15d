import Foundation
@testable import GrantLedgerCore
import Testing
@testable import GrantLedgerXlsx

/// The 1.1.4 work-arounds (a sheet's C name swapped while a local name is defined, its quoted name
/// replaced) run only on the libxlsxwriter they were read from. A program without the guard would
/// write through another version's structs as if they were 1.1.4's.
@Suite("libxlsxwriter version guard")
struct LibxlsxwriterVersionTests {
    @Test func thisMachineHasTheVersionTheWorkaroundsWereReadFrom() {
        // If this fails, libxlsxwriter was upgraded: re-read its defined-name lookup and quoting
        // before moving `LibxlsxwriterVersion.read`.
        #expect(LibxlsxwriterVersion.current == LibxlsxwriterVersion(headers: 114, library: 114))
        #expect(LibxlsxwriterVersion.current.isTheOneRead)
        #expect(LibxlsxwriterVersion.text(114) == "1.1.4")
    }

    @Test func headersThatAreNotTheLoadedLibraryStopTheWriterBeforeItTouchesAnything() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.file("book.xlsx")
        do {
            _ = try WorkbookWriter(path: path, properties: SampleWorkbook.properties, options: WorkbookOptions(),
                                   library: LibxlsxwriterVersion(headers: 114, library: 120))
            Issue.record("a writer started on a library its headers do not describe")
        } catch {
            #expect(error.description.contains("libxlsxwriter 1.2.0 is loaded") && error.description.contains("rebuild"))
        }
        #expect(try scratch.contents().isEmpty)
    }

    /// Another (self-consistent) version: the library's documented call for local names. A plain
    /// sheet name works; one 1.1.4 cannot look up is refused with a message, not a crash.
    @Test func anotherVersionUsesTheDocumentedCallAndRefusesPlainly() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let other = LibxlsxwriterVersion(headers: 114, library: 114)
        let pretend = LibxlsxwriterVersion(headers: 115, library: 115)
        #expect(other.isTheOneRead && !pretend.isTheOneRead && pretend.layoutMatches)
        let path = scratch.file("plain.xlsx")
        let writer = try WorkbookWriter(path: path, properties: SampleWorkbook.properties, options: WorkbookOptions(),
                                        library: pretend)
        _ = try writer.addWorksheet(named: "Plan")
        _ = try writer.addWorksheet(named: "it's")
        try writer.defineName("Pot", formula: "=Plan!$B$2", scope: "Plan")
        do {
            try writer.defineName("Pot", formula: "='it''s'!$B$2", scope: "it's")
            Issue.record("1.1.4's lookup cannot find it's by the documented call")
        } catch {
            #expect(error.description.contains("'it''s'!Pot") && error.description.contains("libxlsxwriter 1.1.5 refused it"))
        }
        try writer.close()
        let workbook = try XlsxPackage(path: path).text("xl/workbook.xml")
        #expect(workbook.contains("<definedName name=\"Pot\" localSheetId=\"0\">Plan!$B$2</definedName>"))
    }
}
