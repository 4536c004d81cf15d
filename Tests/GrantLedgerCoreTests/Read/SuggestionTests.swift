import Testing
@testable import GrantLedgerCore

/// "Did you mean": a near typo gets the id meant; an ambiguous or empty start gets no guess.
@Suite struct SuggestionTests {
    let grants = ["pcc-snb-2019-20", "pcc-nwps-2021-22", "ss1-ncity-burglary", "ss1-ncity-youth", "ss4-bns", "vru-2019-20", "eiyf"]

    @Test func nearTyposAndCaseFindTheId() {
        #expect(Suggestion.closest(to: "ss4-bnz", in: grants) == "ss4-bns")
        #expect(Suggestion.closest(to: "SS4-BNS", in: grants) == "ss4-bns")
        #expect(Suggestion.closest(to: "vru", in: grants) == "vru-2019-20")
        #expect(Suggestion.closest(to: "Newark", in: ["Ashfield", "Newark and Sherwood"]) == "Newark and Sherwood")
    }

    @Test func ambiguousEmptyOrShortStartsGetNoGuess() {
        #expect(Suggestion.closest(to: "", in: grants) == nil)
        #expect(Suggestion.closest(to: "ss", in: grants) == nil)
        #expect(Suggestion.closest(to: "pcc", in: grants) == nil)
        #expect(Suggestion.closest(to: "ss1-ncity", in: grants) == nil)
        #expect(Suggestion.closest(to: "home-office", in: ["ho", "opcc-notts"]) == nil)
        #expect(Suggestion.closest(to: "n", in: ["nottinghamshire-force", "newark-sherwood"]) == nil)
    }
}
