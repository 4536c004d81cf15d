import Testing
@testable import GrantLedgerCore

@Suite("Areas nest without cycles")
struct AreaChecksTests {
    @Test func districtsWithinPartnershipsWithinACountyAreClean() {
        let text = """
            area notts  Nottinghamshire
              type    county
            area bns-csp  Bassetlaw, Newark and Sherwood CSP
              type    csp
              within  notts
            area bassetlaw  Bassetlaw
              type    district
              within  bns-csp
            """
        #expect(AreaChecks.noCycles(LedgerText.read(text).ledger).isEmpty)
        #expect(LedgerText.codes(text).isEmpty)
    }

    @Test func aCycleIsReportedOnceAtItsFirstArea() throws {
        let text = """
            area a  A
              within  c
            area b  B
              within  a
            area c  C
              within  b
            area d  D
              within  a
            """
        let problems = AreaChecks.noCycles(LedgerText.read(text).ledger)
        #expect(problems.map(\.code) == [.areaCycle])
        let problem = try #require(problems.first)
        #expect(problem.location?.line == 1)
        #expect(problem.message.contains("a → c → b → a"))
    }

    @Test func anAreaWithinItselfIsACycle() {
        let text = """
            area a  A
              within  a
            """
        #expect(LedgerText.codes(text) == [.areaCycle])
    }

    /// 100,000 areas each within the next: the cycle check and an area filter walk each area once
    /// (the old walk took about five billion steps), and a cycle at the top of the chain is still found.
    static func chain(_ count: Int, closed: Bool) -> String {
        var text = ""
        text.reserveCapacity(count * 40)
        for index in 0..<count {
            let parent = index + 1 < count ? "a\(index + 1)" : (closed ? "a\(count - 3)" : nil)
            text += "area a\(index)  Area \(index)\n" + (parent.map { "  within  \($0)\n" } ?? "")
        }
        return text
    }

    @Test func aHundredThousandNestedAreasAreCheckedInLinearTime() throws {
        let open = LedgerText.read(Self.chain(100_000, closed: false)).ledger
        #expect(AreaChecks.noCycles(open).isEmpty)
        let under = open.areas(under: try #require(open.areaIndex["a50000"]))
        #expect(under.filter { $0 }.count == 50_001)
        #expect(under[0] && under[50_000] && !under[50_001])
        let closed = LedgerText.read(Self.chain(100_000, closed: true)).ledger
        let problems = AreaChecks.noCycles(closed)
        #expect(problems.map(\.code) == [.areaCycle])
        #expect(problems.first?.message == "area a99997 ends up within itself: a99997 → a99998 → a99999 → a99997")
        #expect(closed.areas(under: try #require(closed.areaIndex["a99998"])).filter { $0 }.count == 100_000)
    }
}
