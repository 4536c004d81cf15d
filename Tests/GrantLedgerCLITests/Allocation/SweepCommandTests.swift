import Foundation
import Testing

/// `grantledger allocate … --sweep N`, the benchmark entry point: it runs N weightings and prints their
/// count and a checksum of every amount (and the time, which no test looks at). The integer kernel and
/// the general path must print the same checksum.
@Suite("grantledger allocate --sweep", .serialized)
struct SweepCommandTests {
    static func summary(_ output: AllocateCLI.Output) -> (count: String, checksum: String)? {
        guard output.status == 0, let line = output.stdout.split(separator: "\n").first,
              let checksum = line.range(of: "checksum ") else { return nil }
        let count = line.dropFirst("swept ".count).prefix { $0 != " " }
        return (String(count), String(line[checksum.upperBound...].prefix { $0 != ";" }))
    }

    @Test func theKernelAndTheGeneralPathAgree() throws {
        for scenario in ["nwps-2021-22-thirds", "nwps-2021-22-damped", "mansfield-bassetlaw-severity"] {
            let path = "examples/scenarios/\(scenario).scenario"
            let fast = try AllocateCLI.allocate([path, "--sweep", "40", "--floor", "£1,000", "--cap", "£60,000"])
            let general = try AllocateCLI.allocate([path, "--sweep", "40", "--floor", "£1,000", "--cap", "£60,000", "--sweep-path", "general"])
            let a = try #require(Self.summary(fast), "\(fast.stderr)")
            let b = try #require(Self.summary(general), "\(general.stderr)")
            #expect(a.count == "40" && b.count == "40")
            #expect(a.checksum == b.checksum, "\(scenario)")
        }
        let damped = try AllocateCLI.allocate(["examples/scenarios/nwps-2021-22-damped.scenario", "--sweep", "3"])
        #expect(damped.stdout.contains("0 by the integer kernel, 3 by the general path"), "damping is the general path's")
    }

    @Test func aBadSweepIsAnError() throws {
        let output = try AllocateCLI.allocate(["examples/scenarios/nwps-2021-22-thirds.scenario", "--sweep", "0"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("error[bad-value]: --sweep needs a count of 1 or more"))
        let help = try AllocateCLI.allocate(["--help"])
        #expect(!help.stdout.contains("--sweep"), "a benchmark option, hidden from help")
    }
}
