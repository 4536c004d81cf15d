import Testing
@testable import GrantLedgerCore

@Suite("Bid lifecycle")
struct BidChecksTests {
    static func bid(requested: String = "£750,000.00", _ history: [String]) -> String {
        """
        bid b  A bid
          requested  \(requested)
        \(history.map { "  " + $0 }.joined(separator: "\n"))
        """
    }

    @Test(arguments: [
        ["2022-01-20  draft", "2022-02-24  submitted", "2022-06-30  awarded  £750,000.00"],
        ["2022-01-20  draft", "2022-02-24  submitted", "2022-06-30  part-awarded  £500,000.00"],
        ["2022-01-20  draft", "2022-02-24  submitted", "2022-06-30  rejected"],
        ["2022-01-20  draft", "2022-02-24  submitted", "2022-03-01  withdrawn"],
        ["2022-01-20  draft", "2022-01-21  withdrawn"],
        ["2022-02-24  submitted", "2022-02-24  awarded  £750,000.00"],
        ["2022-01-20  draft"],
        [],
    ])
    func legalHistories(_ history: [String]) {
        let diagnostics = LedgerText.load(Self.bid(history)).diagnostics
        #expect(diagnostics.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
    }

    @Test(arguments: [
        (["2022-01-20  draft", "2022-06-30  awarded  £1.00"], "bid b cannot move from draft to awarded"),
        (["2022-01-20  draft", "2022-06-30  rejected"], "bid b cannot move from draft to rejected"),
        (["2022-01-20  submitted", "2022-06-30  draft"], "bid b cannot move from submitted to draft"),
        (["2022-01-20  submitted", "2022-06-30  submitted"], "bid b cannot move from submitted to submitted"),
        (["2022-01-20  submitted", "2022-02-20  rejected", "2022-06-30  awarded  £1.00"], "bid b cannot move from rejected to awarded"),
        (["2022-01-20  submitted", "2022-02-20  awarded  £1.00", "2022-06-30  withdrawn"], "bid b cannot move from awarded to withdrawn"),
        (["2022-06-30  awarded  £1.00"], "bid b starts as awarded; a bid starts as draft or submitted"),
        (["2022-06-30  rejected"], "bid b starts as rejected; a bid starts as draft or submitted"),
        (["2022-02-24  submitted", "2022-01-20  draft"], "bid b is draft on 2022-01-20, before it was submitted on 2022-02-24"),
    ])
    func illegalMoves(_ history: [String], _ message: String) throws {
        let diagnostics = LedgerText.load(Self.bid(history)).diagnostics
        #expect(diagnostics.codes == [.illegalBidStatus])
        let problem = try #require(diagnostics.first)
        #expect(problem.message == message)
        #expect(problem.location?.line == 2 + history.count)
        #expect(problem.location?.column == 15)
    }

    @Test func theHintSaysWhereABidCanGo() {
        #expect(BidChecks.movesHint(from: .draft) == "from draft a bid can become submitted or withdrawn")
        #expect(BidChecks.movesHint(from: .submitted) == "from submitted a bid can become awarded or part-awarded or rejected or withdrawn")
        #expect(BidChecks.movesHint(from: .rejected) == "rejected is final: a bid does not move after it")
    }

    @Test func everyStatusAndMove() {
        let allowed: Set<String> = ["draft>submitted", "draft>withdrawn", "submitted>awarded", "submitted>part-awarded",
                                    "submitted>rejected", "submitted>withdrawn"]
        for from in BidStatus.allCases {
            for to in BidStatus.allCases {
                #expect(from.canMove(to: to) == allowed.contains("\(from.rawValue)>\(to.rawValue)"))
            }
        }
        #expect(BidStatus.allCases.filter(\.carriesAmount) == [.awarded, .partAwarded])
    }

    @Test func anAwardAboveTheRequestIsAFinding() throws {
        let text = Self.bid(requested: "£100.00", ["2022-01-20  submitted", "2022-06-30  awarded  £100.01"])
        let diagnostics = LedgerText.load(text).diagnostics
        #expect(diagnostics.codes == [.awardExceedsRequest])
        let problem = try #require(diagnostics.first)
        #expect(problem.severity == .finding)
        #expect(problem.message == "bid b was awarded £100.01, more than the £100.00 it asked for")
        #expect(ExitStatus(diagnostics) == .findings)
        // Exactly the request, or less, is fine.
        #expect(LedgerText.load(Self.bid(requested: "£100.00", ["2022-01-20  submitted", "2022-06-30  awarded  £100.00"]))
            .diagnostics.isEmpty)
    }
}
