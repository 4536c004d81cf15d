import Testing
@testable import GrantLedgerCore

/// Every reader other than the ledger's holds its text to the same rule, located at the character:
/// scenario files, rules files, and every CSV cell (area data, last year's allocation, exports).
@Suite("The text rule in scenario, rules and CSV readers")
struct TextRuleReadersTests {
    @Test func aScenarioNameWithAControlCharacterIsLocated() throws {
        let text = "scenario plan\u{7}b  Equal thirds\n  pot  £100.00\n"
        let (_, diagnostics) = ScenarioFile.parse(Array(text.utf8), file: "s.scenario")
        let problem = try #require(diagnostics.first)
        #expect(diagnostics.map(\.code) == [.badText])
        #expect(problem.location == GrantLedgerCore.SourceLocation(file: "s.scenario", line: 1, column: 14))
    }

    @Test func aScenarioDescriptionLongerThanACellIsRefused() throws {
        let text = "scenario plan  Equal thirds\n  description  \(String(repeating: "d", count: 40_000))\n"
        let (_, diagnostics) = ScenarioFile.parse(Array(text.utf8), file: "s.scenario")
        let problem = try #require(diagnostics.first)
        #expect(problem.code == .badText)
        #expect(problem.location?.line == 2 && problem.location?.column == 16)
        #expect(problem.message.hasPrefix("the description value is 40000 characters long"))
    }

    @Test func aRulesLineWithANonCharacterIsLocated() throws {
        let (_, diagnostics) = ImportRulesReader.read(text: "column date  Posting Date\ncolumn supplier  Supp\u{FFFE}lier\n", name: "r.rules")
        let problem = try #require(diagnostics.first { $0.code == .badText })
        #expect(problem.location == GrantLedgerCore.SourceLocation(file: "r.rules", line: 2, column: 22))
    }

    @Test func areaNamesAndHeadingsAreHeldToTheRuleWithTheColumnOfTheCharacter() throws {
        // A quoted cell with a doubled quote before the control: the column counts the quote twice.
        let csv = "area,population\nAsh\u{0}field,100\n\"Say \"\"hi\"\"\u{1B}\",200\n\"Two\nlines\",300\n"
        let (_, diagnostics) = AreaTable.parse(Array(csv.utf8), file: "a.csv")
        let bad = diagnostics.filter { $0.code == .badText }
        #expect(bad.map(\.location) == [
            GrantLedgerCore.SourceLocation(file: "a.csv", line: 2, column: 4),
            GrantLedgerCore.SourceLocation(file: "a.csv", line: 3, column: 12),
            GrantLedgerCore.SourceLocation(file: "a.csv", line: 4, column: 5),
        ])
        #expect(bad.last?.hint == "write it on one line: a line break cannot be kept here")
    }

    /// A refused line gets one error: a lost `map` line's fields are not read into the rule before
    /// it (that gave a bogus duplicate-id), and a lost `column date` line is not also "missing".
    @Test func aRefusedRulesLineGivesOneErrorAndNoFollowOn() throws {
        let text = """
            column date  Posting Date
            column supplier  Supplier
            column amount  Net
            column reference  Ref
            paid-from  assets:bank
            map cost-centre L1
              grant ss
            map cost-centre C9\u{3}
              grant ss
            """
        let (_, diagnostics) = ImportRulesReader.read(text: text, name: "r.rules")
        #expect(diagnostics.map { "\($0.location?.line ?? 0) \($0.code.rawValue)" } == ["8 bad-text"])
        let (_, column) = ImportRulesReader.read(text: text.replacingOccurrences(of: "Posting Date", with: "Posting\u{2} Date"), name: "r.rules")
        #expect(column.map { "\($0.location?.line ?? 0) \($0.code.rawValue)" } == ["1 bad-text", "8 bad-text"])
    }

    /// A CR on its own in a file of LF line ends used to end the row silently (`A,1,ok\rB,2,ok` gave
    /// two areas); CR LF still ends a row.
    @Test func aCarriageReturnOnItsOwnInACSVIsRefusedAtItsColumn() throws {
        let (_, diagnostics) = AreaTable.parse(Array("area,population,note\nA,1,ok\rB,2,ok\n".utf8), file: "a.csv")
        #expect(diagnostics.map(\.code) == [.badText])
        #expect(diagnostics.first?.location == GrantLedgerCore.SourceLocation(file: "a.csv", line: 2, column: 7))
        let (table, clean) = AreaTable.parse(Array("area,population\r\nA,1\r\nB,2\r\n".utf8), file: "b.csv")
        #expect(clean.isEmpty)
        #expect(table?.areas.count == 2)
    }

    @Test func aCSVCellLongerThanACellIsRefused() throws {
        let csv = "area,population\n\(String(repeating: "x", count: 33_000)),100\n"
        let (_, diagnostics) = AreaTable.parse(Array(csv.utf8), file: "a.csv")
        #expect(diagnostics.map(\.code) == [.badText])
        #expect(diagnostics.first?.location == GrantLedgerCore.SourceLocation(file: "a.csv", line: 2, column: 1))
    }

    @Test func aPreviousAllocationAndAFinanceExportUseTheSameCells() throws {
        let (_, previous) = PreviousAllocation.parse(Array("area,amount\nAsh\u{7F}field,10.00\n".utf8), file: "p.csv")
        #expect(previous.contains { $0.code == .badText && $0.location?.column == 4 })
        let (rules, _) = ImportRulesReader.read(text: "column date  Date\ncolumn amount  Amount\ncolumn reference  Ref\n", name: "r.rules")
        let export = FinanceExport.read(text: "Date,Amount,Ref\n01/04/2021,1.00,INV\u{2}1\n", name: "e.csv", rules: rules)
        #expect(export.diagnostics.contains { $0.code == .badText && $0.location?.line == 2 && $0.location?.column == 20 })
    }
}
