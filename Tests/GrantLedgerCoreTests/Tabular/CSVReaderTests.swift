@testable import GrantLedgerCore
import Testing

/// The one CSV reader: CRLF and LF line ends alike, line numbers as the renderer counts them (LF
/// ends a line), and a stray CR shown where it is.
@Suite("CSV reader")
struct CSVReaderTests {
    static func read(_ bytes: [UInt8]) -> (records: [CSVRecord], problems: [Diagnostic]) {
        var reader = CSVReader(file: "export.csv")
        let records = reader.records(SourceFile(name: "export.csv", bytes: bytes))
        return (records, reader.diagnostics.all)
    }

    @Test func crlfAndLFReadTheSame() {
        let lf = Self.read(Array("Name,Amount\nAshfield,\"1,250.00\"\nGedling,3.50\n".utf8))
        let crlf = Self.read(Array("Name,Amount\r\nAshfield,\"1,250.00\"\r\nGedling,3.50\r\n".utf8))
        #expect(lf.problems.isEmpty && crlf.problems.isEmpty)
        #expect(crlf.records.map { $0.fields.map(\.text) } == [["Name", "Amount"], ["Ashfield", "1,250.00"], ["Gedling", "3.50"]])
        #expect(crlf.records.map { $0.fields.map(\.text) } == lf.records.map { $0.fields.map(\.text) })
        #expect(crlf.records.map(\.line) == [1, 2, 3])
    }

    @Test func crCrLfIsOneLineWithOneProblem() {
        let (records, problems) = Self.read(Array("Name,Amount\r\r\nAshfield,1.00\r\r\nGedling,3.50\r\n".utf8))
        #expect(records.map(\.line) == [1, 2, 3], "line numbers as the renderer counts them")
        #expect(problems.map(\.code) == [.badText, .badText])
        #expect(problems.compactMap(\.location?.line) == [1, 2])
        #expect(problems.first?.location?.column == 12, "at the stray CR, after Amount")
    }
}
