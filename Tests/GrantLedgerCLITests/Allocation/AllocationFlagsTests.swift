import Foundation
import Testing

/// `allocate` and `export --xlsx` share one group of allocation options and one loader: a setting
/// the old export flags lacked (a top-slice) is now read by export too, with allocate's message.
@Suite("Allocation flags")
struct AllocationFlagsTests {
    static let settings = ["--pot", "£100.00", "--areas", "examples/areas/nottinghamshire-districts.csv",
                           "--weight", "population=1", "--top-slice", "evaluation £200.00"]

    @Test func exportReadsEverySettingAsAllocateDoes() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        let target = folder.appendingPathComponent("committee.xlsx")
        let export = try ReportTestCLI.grantledger(["export", "--xlsx", target.path] + Self.settings)
        let allocate = try ReportTestCLI.grantledger(["allocate"] + Self.settings)
        let message = "error[top-slices-exceed-pot]: the top-slices add up to £200.00, more than the pot £100.00"
        #expect(export.status == 2)
        #expect(allocate.status == 2)
        #expect(export.stderr.contains(message), "\(export.stderr)")
        #expect(allocate.stderr.contains(message), "\(allocate.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }
}
