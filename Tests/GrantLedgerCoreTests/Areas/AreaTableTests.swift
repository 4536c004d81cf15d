import Testing
@testable import GrantLedgerCore

@Suite("Area tables")
struct AreaTableTests {
    static func parse(_ text: String) -> (AreaTable?, [Diagnostic]) {
        AreaTable.parse(Array(text.utf8), file: "areas.csv")
    }

    @Test func quotesCRLFAndByteOrderMark() throws {
        let text = "\u{FEFF}area,population,note\r\n\"Newark and Sherwood\",\"122,900\",\"says \"\"hi\"\", twice\"\r\n\r\nAshfield,126300,x\r\n"
        let (table, problems) = Self.parse(text)
        #expect(problems.isEmpty)
        let areas = try #require(table).areas
        #expect(areas.map(\.name) == ["Newark and Sherwood", "Ashfield"])
        #expect(areas[0].cells[1].text == "says \"hi\", twice")
        let (indicator, more) = try #require(table).indicator(named: "population")
        #expect(more.isEmpty)
        #expect(indicator?.total == Rational(249_200))
    }

    @Test func textColumnsAreReadOnlyWhenWeighted() throws {
        let (table, problems) = Self.parse("area,population,csp\nA,1,South Notts\n")
        #expect(problems.isEmpty)
        let (_, columnProblems) = try #require(table).indicator(named: "csp")
        #expect(columnProblems.map(\.code) == [.badIndicatorValue])
        #expect(columnProblems.first?.location == SourceLocation(file: "areas.csv", line: 2, column: 5))
    }

    @Test func unknownColumnSuggestsTheNearest() throws {
        let (table, _) = Self.parse("area,population,crime\nA,1,1\n")
        let (_, problems) = try #require(table).indicator(named: "crim")
        #expect(problems.first?.code == .unknownIndicator)
        #expect(problems.first?.hint?.hasPrefix("did you mean \"crime\"?") == true)
    }

    @Test func everyBadCellIsReported() throws {
        let (table, _) = Self.parse("area,crime\nA,x\nB,-1\nC,1,5\nD,\"1,5\"\n")
        let (_, problems) = try #require(table).indicator(named: "crime")
        #expect(problems.map(\.code) == [.badIndicatorValue, .negativeIndicator, .badIndicatorValue])
        #expect(problems.map { $0.location?.line } == [2, 3, 5])
    }

    @Test func trailingCommaMakesAnEmptyCell() {
        let (_, problems) = Self.parse("area,crime\nA,1,\n")
        #expect(problems.map(\.code) == [.raggedRow])
    }
}
