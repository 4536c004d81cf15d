import GrantLedgerCore
import Testing

/// The loader words its messages as the draft's writer names the settings: a scenario file's own
/// words by default; the CLI hands over its options' names. The core never spells an option.
@Suite("Scenario wording")
struct ScenarioWordingTests {
    @Test func aFileSaysWhatIsMissingInItsOwnWords() {
        let (draft, _) = ScenarioFile.parse(Array("scenario a\n  description nothing else\n".utf8), file: "a.scenario")
        let (_, problems) = ScenarioLoader.load(draft ?? ScenarioDraft())
        #expect(problems.map(\.message) == ["no pot given", "no area file given", "no weights given"])
        #expect(problems.allSatisfy { !$0.message.contains("--") && !($0.hint ?? "").contains("--") })
        #expect(problems.first?.hint == "add a line: pot  £270,750.00 (or pot  grant:ID line:ID ledger:PATH)")
    }

    @Test func theWriterNamesTheSettings() {
        var draft = ScenarioDraft(settings: [
            ScenarioSetting(.pot, "£1.0.0", origin: nil, label: "POT"),
            ScenarioSetting(.floor, "Mansfield", origin: nil, label: "FLOOR"),
        ])
        draft.wording = ScenarioWording(limitNames: [.floor: "LOWEST", .cap: "HIGHEST"],
                                        missing: [.areas: .init("give AREAS", hint: "AREAS FILE")])
        let (_, problems) = ScenarioLoader.load(draft)
        let messages = problems.map(\.message)
        #expect(messages.contains { $0.hasPrefix("POT: ") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("LOWEST: ") }, "\(messages)")
        #expect(messages.contains("give AREAS"), "\(messages)")
        // No wording for a missing weight: the file's words, never silence (exit 2 with nothing said).
        #expect(messages.contains("no weights given"), "\(messages)")
    }

    /// The problems `text`, read as a scenario file, gives (no area file: the settings' own checks still run).
    static func problems(_ text: String) -> [Diagnostic] {
        let (draft, read) = ScenarioFile.parse(Array(text.utf8), file: "s.scenario")
        return read + ScenarioLoader.load(draft ?? ScenarioDraft()).1
    }

    @Test func aRoundingUnitOfZeroIsShownAsAFileWritesIt() throws {
        let problems = Self.problems("scenario a\n  pot £100.00\n  weight population 1\n  round 0\n")
        let unit = try #require(problems.first { $0.code == .badRoundingUnit }, "\(problems)")
        #expect(unit.hint == "for example: round  0.01 (pence), round  1 (pounds) or round  100")
        #expect(unit.location?.line == 4)
    }

    @Test func aWeightWithoutAValueIsShownAsAFileWritesIt() throws {
        let problems = Self.problems("scenario a\n  pot £100.00\n  weight population\n")
        let weight = try #require(problems.first { $0.code == .badWeight }, "\(problems)")
        #expect(weight.message == "a weight is written NAME VALUE, not \"population\"")
        #expect(weight.hint == "for example: weight  population  1/3, weight  crime  0.25 or weight  deprivation  25%")
    }

    @Test func aSettingTheOptionsReplaceIsShownInTheOptionsWords() throws {
        let (file, _) = ScenarioFile.parse(Array("scenario a\n  pot £100.00\n  weight population 1\n  round 1\n".utf8),
                                           file: "s.scenario")
        var options = ScenarioDraft(settings: [ScenarioSetting(.round, "0", origin: nil, label: "ROUND")])
        options.wording = ScenarioWording(limitNames: [:], missing: [:], hints: [.round: "ROUND 0.01"])
        let (_, problems) = ScenarioLoader.load(try #require(file).overridden(by: options))
        #expect(problems.first { $0.code == .badRoundingUnit }?.hint == "ROUND 0.01", "\(problems)")
    }
}
