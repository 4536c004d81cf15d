import Foundation
import Testing

/// The allocation the board agreed, recorded in the shipped books: the areas' budgets in report
/// areas, and last year's allocation for the next (the README's blocks run in the underspend suite).
@Suite("Agreed allocation")
struct AgreedAllocationCommandTests {
    @Test func theAgreedSharesAreTheAreasBudgetsAndNextYearsPrevious() throws {
        let areas = try Grantledger.run(["report", "areas", "--grant", "pcc-nwps-2021-22", "--format", "csv"])
        #expect(areas.status == 0, "\(areas.stderr)")
        // By the books' last day the 2021-22 grant is over: each area's forecast is what it spent.
        #expect(areas.stdout.contains("\nashfield,Ashfield,district,ma-csp,11108.57,3,48240.83,11108.57,37132.26,11108.57\n"))
        // The shares add up to the line: £270,750.00.
        let shares = areas.stdout.split(separator: "\n").dropFirst().compactMap { WorkbookOracle.pence(String($0.split(separator: ",").reversed()[3])) }
        #expect(shares.reduce(0, +) == 27_075_000)
        // Mid-year, the areas' forecasts add up to the line's forecast in report budget, to the penny.
        let september = try Grantledger.run(["report", "areas", "--grant", "pcc-nwps-2021-22", "--to", "2021-09-30", "--format", "csv"])
        let forecasts = september.stdout.split(separator: "\n").dropFirst().compactMap { WorkbookOracle.pence(String($0.split(separator: ",").last ?? "")) }
        let budget = try Grantledger.run(["report", "budget", "--grant", "pcc-nwps-2021-22", "--as-of", "2021-09-30", "--format", "json"])
        let line = (try JSONSerialization.jsonObject(with: Data(budget.stdout.utf8)) as? [String: Any])?["rows"] as? [[String: Any]]
        #expect(forecasts.reduce(0, +) == WorkbookOracle.pence(line?.first?["forecast"] as? String ?? ""))
        #expect(forecasts.reduce(0, +) == 20_067_932)
        let next = try Grantledger.run(["allocate", "--pot", "£280,000.00", "--areas", "examples/areas/nottinghamshire-districts.csv",
                                        "--weight", "crime=1", "--previous", "allocation:nwps-2021-22-agreed", "--format", "csv"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("\nAshfield,") && next.stdout.contains(",48240.83,"), "last year's Ashfield is the agreed share")
    }
}
