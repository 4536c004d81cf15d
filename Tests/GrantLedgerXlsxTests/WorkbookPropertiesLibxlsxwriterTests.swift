import Testing
import GrantLedgerCore
@testable import GrantLedgerXlsx

/// Core's File › Properties as libxlsxwriter records them: a creation time it will not replace with
/// the clock, and texts within Excel's 255 characters.
@Suite("Document properties for libxlsxwriter")
struct WorkbookPropertiesLibxlsxwriterTests {
    private func created(_ day: Day?) throws -> WorkbookProperties {
        WorkbookProperties(title: "t", author: "a", created: try #require(day))
    }

    @Test("the creation time is midnight UTC of the as-of day, from 1900 to 9999; 1970-01-01 one second past (0 is now)")
    func creationTimestamp() throws {
        #expect(try created(Day(year: 2025, month: 11, day: 25)).creationTimestamp() == 1_764_028_800)
        #expect(try created(Day(year: 1900, month: 1, day: 1)).creationTimestamp() == -2_208_988_800)
        #expect(try created(Day(year: 9999, month: 12, day: 31)).creationTimestamp() == 253_402_214_400)
        #expect(try created(Day(year: 1970, month: 1, day: 1)).creationTimestamp() == 1)
        #expect(throws: WorkbookError.self) { _ = try created(Day(year: 1899, month: 12, day: 31)).creationTimestamp() }
        #expect(throws: WorkbookError.self) { _ = try created(Day(daysSinceEpoch: 2_932_897)).creationTimestamp() }
    }

    @Test("property text is shown escaped and clipped to 255 characters")
    func writableText() {
        #expect(WorkbookProperties.writable("plain") == "plain")
        #expect(WorkbookProperties.writable("nul\u{0}") == "nul<U+0000>")
        let long = WorkbookProperties.writable(String(repeating: "é", count: 300))
        #expect(long == String(repeating: "é", count: 254) + "…")
    }
}
