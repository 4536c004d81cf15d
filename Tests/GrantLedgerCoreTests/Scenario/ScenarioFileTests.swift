import Testing
@testable import GrantLedgerCore

/// Scenario files read line by line, every setting keeping its place, every problem located.
@Suite("Scenario files")
struct ScenarioFileTests {
    static func parse(_ text: String, file: String = "examples/scenarios/x.scenario") -> (ScenarioDraft?, [Diagnostic]) {
        ScenarioFile.parse(Array(text.utf8), file: file)
    }

    @Test func settingsKeepTheirPlace() throws {
        let text = """
        \u{FEFF}; a comment
        # another
        scenario nwps-thirds  Equal thirds ; of everything\r
          description  The board's method,
          description  December 2020.
          pot          £270,750.00   ; a comment after a value
          weight       population   1/3
          weight       crime=2/3
          top-slice    oak-tree £5,000 to Newark and Sherwood

        """
        let (draft, problems) = Self.parse(text)
        #expect(problems.isEmpty, "\(problems)")
        let scenario = try #require(draft)
        #expect(scenario.name?.value == "nwps-thirds")
        #expect(scenario.first(.title)?.text == "Equal thirds")
        #expect(scenario.all(.description).map(\.text) == ["The board's method,", "December 2020."])
        #expect(scenario.first(.pot)?.text == "£270,750.00")
        let pot = try #require(scenario.first(.pot)?.origin)
        #expect(pot.location == SourceLocation(file: "examples/scenarios/x.scenario", line: 6, column: 16))
        #expect(pot.length == "£270,750.00".utf8.count)
        #expect(scenario.all(.weight).map(\.text) == ["population   1/3", "crime=2/3"])
        #expect(scenario.first(.topSlice)?.text == "oak-tree £5,000 to Newark and Sherwood")
        #expect(scenario.directory == "examples/scenarios")
    }

    @Test(arguments: [
        ("  pot £1\n", DiagnosticCode.badSyntax, 1, 3),
        ("scenario\n", .badSyntax, 1, 9),
        ("scenario a\n  pot £1\n  pot £2\n", .duplicateSetting, 3, 3),
        ("scenario a\n  wieght crime 1\n", .unknownField, 2, 3),
        ("scenario a\n  title T\n", .unknownField, 2, 3),
        ("scenario a\npot £1\n", .badSyntax, 2, 1),
        ("scenario a\n  pot\n", .badSyntax, 2, 6),
        ("scenario a\nscenario b\n", .badSyntax, 2, 1),
        ("; only a comment\n", .badSyntax, 1, 1),
        ("scenario a\n  description caf\u{E9}\n", .badEncoding, 2, 18),
    ])
    func problemsAreLocated(_ text: String, _ code: DiagnosticCode, _ line: Int, _ column: Int) {
        var bytes = Array(text.utf8)
        // A Windows-1252 é: one byte E9, not UTF-8.
        if let index = bytes.firstIndex(of: 0xC3), bytes[index + 1] == 0xA9 { bytes.replaceSubrange(index...(index + 1), with: [0xE9]) }
        let (_, problems) = ScenarioFile.parse(bytes, file: "x.scenario")
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.code == code)
        #expect(problems.first?.location == SourceLocation(file: "x.scenario", line: line, column: column), "\(problems)")
        #expect(problems.first?.hint != nil)
    }

    @Test func unknownSettingsSuggestTheNearest() {
        let (_, problems) = Self.parse("scenario a\n  per_head population\n")
        #expect(problems.first?.hint?.hasPrefix("did you mean per-head?") == true)
    }

    @Test func pathsAreRelativeToTheFile() {
        #expect(FilePaths.resolve("../areas/x.csv", relativeTo: "examples/scenarios") == "examples/areas/x.csv")
        #expect(FilePaths.resolve("../../ledgers", relativeTo: "examples/scenarios") == "ledgers")
        #expect(FilePaths.resolve("../../../x", relativeTo: "examples/scenarios") == "../x")
        #expect(FilePaths.resolve("/abs/x.csv", relativeTo: "examples") == "/abs/x.csv")
        #expect(FilePaths.resolve("./x.csv", relativeTo: nil) == "x.csv")
        #expect(FilePaths.resolve("x.csv", relativeTo: ".") == "x.csv")
        #expect(FilePaths.split("a.scenario").directory == ".")
        #expect(FilePaths.split("/a.scenario").directory == "/")
    }

    @Test func optionsOverrideTheFilesSettings() throws {
        let (file, _) = Self.parse("scenario a\n  pot £1\n  weight population 1/2\n  weight crime 1/2\n  floor £0.10\n")
        let options = ScenarioDraft(settings: [ScenarioSetting(.weight, "crime=1", origin: nil, label: "--weight")])
        let merged = try #require(file).overridden(by: options)
        #expect(merged.all(.weight).map(\.text) == ["crime=1"])
        #expect(merged.first(.pot)?.text == "£1")
        #expect(merged.first(.floor)?.text == "£0.10")
        #expect(merged.name?.value == "a")
    }

    @Test func aLedgerLineIsThePot() throws {
        let ledger = """
        funder f  Funder
        grant g  A grant
          funder  f
          period  2021-22
          award   £300.00
          line a  £100.00  First
          line b  £200.00  Second
        """
        let directory = try TemporaryFolder()
        try directory.write("books.ledger", ledger)
        try directory.write("areas.csv", "area,population\nA,1\nB,3\n")
        try directory.write("s.scenario", "scenario s\n  pot grant:g line:b ledger:books.ledger\n  areas areas.csv\n  weight population 1\n")
        let (draft, problems) = ScenarioFile.read(path: directory.path + "/s.scenario")
        #expect(problems.isEmpty)
        let (scenario, more) = ScenarioLoader.load(try #require(draft))
        #expect(more.isEmpty, "\(more)")
        let (allocation, _) = try #require(scenario).allocate()
        #expect(allocation?.pot == Money(pence: 20_000))
        #expect(allocation?.areas.map { $0.amount.pence } == [5_000, 15_000])
        #expect(allocation?.scenario?.potSource.hasPrefix("line b of grant g in ") == true)

        try directory.write("t.scenario", "scenario t\n  pot grant:g ledger:books.ledger\n  areas areas.csv\n  weight population 1\n")
        let (whole, _) = ScenarioLoader.load(try #require(ScenarioFile.read(path: directory.path + "/t.scenario").0))
        #expect(try #require(whole).allocate().0?.pot == Money(pence: 30_000), "no line: the whole award")

        for (text, code, column) in [("grant:h line:a", DiagnosticCode.unknownGrant, 13), ("grant:g line:c", .unknownLine, 20),
                                     ("grant:g lines:a", .badPot, 15), ("line:a", .badPot, 7)] {
            try directory.write("u.scenario", "scenario u\n  pot \(text) ledger:books.ledger\n  areas areas.csv\n  weight population 1\n")
            let (_, problems) = ScenarioLoader.load(try #require(ScenarioFile.read(path: directory.path + "/u.scenario").0))
            #expect(problems.map { $0.code } == [code], "\(text): \(problems)")
            #expect(problems.first?.location?.line == 2)
            #expect(problems.first?.location?.column == column, "\(text): \(problems)")
        }
    }
}
