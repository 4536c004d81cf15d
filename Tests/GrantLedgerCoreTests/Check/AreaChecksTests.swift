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
}
