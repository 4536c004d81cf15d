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
        #expect(messages.contains { $0.hasPrefix("POT ") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("LOWEST ") }, "\(messages)")
        #expect(messages.contains("give AREAS"), "\(messages)")
        // No wording for a missing weight: nothing is said for it here (the settings' own check says it).
        #expect(!messages.contains("no weights given"), "\(messages)")
    }
}
