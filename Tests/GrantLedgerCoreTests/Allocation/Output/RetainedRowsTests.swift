import Foundation
import Testing
@testable import GrantLedgerCore

/// Every output of an allocation with top-slices retained centrally carries them, so that its rows
/// add up to the pot: the table's footer, the CSV's `kind=retained` rows, the JSON's `retained`.
@Suite("Allocation outputs: retained top-slices")
struct RetainedRowsTests {
    /// A £1,000 pot: £100 retained for an officer, £50 for an evaluation, £30 paid to B; the
    /// formula shares £820 by population 1 : 3 : 6.
    static func allocation() throws -> Allocation {
        let settings = try FullMethodTests.settings {
            $0.topSlices = [TopSlice(name: "officer", amount: Money(pence: 10_000)),
                            TopSlice(name: "b-youth", amount: Money(pence: 3_000), area: "B"),
                            TopSlice(name: "evaluation", amount: Money(pence: 5_000))]
        }
        return try #require(try FullMethodTests.run(settings).0)
    }

    @Test func theCSVListsEachRetainedSliceAfterTheAreas() throws {
        let a = try Self.allocation()
        let lines = AllocationCSV.text(a).split(separator: "\n").map(String.init)
        #expect(lines.first == "area,share,amount,top_slice,kind")
        #expect(lines.suffix(2) == ["officer,,100.00,,retained", "evaluation,,50.00,,retained"])
        #expect(lines.dropFirst().dropLast(2).allSatisfy { $0.hasSuffix(",area") })
        let pence = lines.dropFirst().map { Int($0.split(separator: ",", omittingEmptySubsequences: false)[2].replacingOccurrences(of: ".", with: "")) ?? -1 }
        #expect(pence == [8_200, 24_600 + 3_000, 49_200, 10_000, 5_000])
        #expect(pence.reduce(0, +) == 100_000)
    }

    @Test func withoutARetainedSliceTheCSVIsAsItWas() throws {
        let settings = try FullMethodTests.settings { $0.topSlices = [TopSlice(name: "b-youth", amount: Money(pence: 3_000), area: "B")] }
        let a = try #require(try FullMethodTests.run(settings).0)
        let text = AllocationCSV.text(a)
        #expect(text.hasPrefix("area,share,amount,top_slice\n"))
        #expect(!text.contains("retained"))
    }

    @Test func theTableEndsWithEachRetainedSliceAndThePot() throws {
        let lines = AllocationTable.text(try Self.allocation()).split(separator: "\n")
        #expect(lines.suffix(3).map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["Retained:", "Retained:", "Pot"])
        #expect(lines.suffix(3).map { $0.split(separator: " ").last.map(String.init) ?? "" } == ["£100.00", "£50.00", "£1,000.00"])
        #expect(lines.contains { $0.hasPrefix("Total to areas") && $0.contains("£850.00") })
    }

    @Test func theJSONsAreasAndRetainedSlicesAddUpToThePot() throws {
        let json = AllocationJSON.text(try Self.allocation())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func pence(_ text: Any?) -> Int { Int(((text as? String) ?? "").replacingOccurrences(of: ".", with: "")) ?? -1 }
        let areas = try #require(object["areas"] as? [[String: Any]]).map { pence($0["amount"]) }
        let slices = try #require(object["top_slices"] as? [[String: Any]])
        let retained = slices.filter { $0["area"] is NSNull }.map { pence($0["amount"]) }
        #expect(retained == [10_000, 5_000])
        #expect(pence(object["retained"]) == 15_000)
        #expect(areas.reduce(0, +) + retained.reduce(0, +) == pence(object["pot"]))
        #expect(pence(object["total"]) + pence(object["retained"]) == 100_000)
    }

    @Test func theComparisonHasARetainedRowPerNameWithZeroWhereAScenarioHasNone() throws {
        let plain = try #require(try FullMethodTests.run(try FullMethodTests.settings()).0).named("plain")
        let sliced = try Self.allocation().named("sliced")
        let comparison = AllocationComparison([plain, sliced])
        #expect(comparison.retainedNames == ["officer", "evaluation"])
        #expect(comparison.retained == [[.zero, Money(pence: 10_000)], [.zero, Money(pence: 5_000)]])
        let lines = ComparisonTable.csv(comparison).split(separator: "\n")
        #expect(lines.first == "area,plain,sliced,sliced - plain,kind")
        #expect(lines.suffix(2) == ["officer,0.00,100.00,100.00,retained", "evaluation,0.00,50.00,50.00,retained"])
    }

    @Test func theComparisonJSONCarriesTheRetainedRowsSoEachScenarioAddsUpToItsPot() throws {
        let plain = try #require(try FullMethodTests.run(try FullMethodTests.settings()).0).named("plain")
        let sliced = try Self.allocation().named("sliced")
        let json = ComparisonTable.json(AllocationComparison([plain, sliced]))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        func pence(_ text: Any?) -> Int { Int(((text as? String) ?? "").replacingOccurrences(of: ".", with: "")) ?? 0 }
        let retained = try #require(object["retained_centrally"] as? [[String: Any]])
        #expect(retained.map { $0["name"] as? String } == ["officer", "evaluation"])
        #expect(retained.map { ($0["amounts"] as? [Any] ?? []).map(pence) } == [[0, 10_000], [0, 5_000]])
        #expect(retained.map { ($0["differences"] as? [Any] ?? []).map(pence) } == [[10_000], [5_000]])
        let rows = try #require(object["comparison"] as? [[String: Any]])
        for s in 0..<2 {
            let areas = rows.map { pence(($0["amounts"] as? [Any])?[s]) }.reduce(0, +)
            let kept = retained.map { pence(($0["amounts"] as? [Any])?[s]) }.reduce(0, +)
            #expect(areas + kept == 100_000, "scenario \(s)")
        }
        let none = ComparisonTable.json(AllocationComparison([plain, plain]))
        #expect(none.contains("\"retained_centrally\": []"), "a stable key, empty when nothing is retained")
    }

    @Test func lastYearsFileReadsItsRetainedRowsAsNoAreasAndRefusesAnyOtherKind() throws {
        let good = PreviousAllocation.parse(Array("area,amount,kind\nA,100.00,area\nofficer,50.00,retained\n".utf8), file: "p.csv")
        #expect(good.1.isEmpty, "\(good.1)")
        #expect(good.0?.rows.map(\.area) == ["A"] && good.0?.rows.first?.amount.pence == 10_000)
        let bad = PreviousAllocation.parse(Array("area,amount,kind\nA,100.00,area\nB,50.00,foo\n".utf8), file: "p.csv")
        #expect(bad.1.map(\.code) == [.badValue])
        #expect(bad.1.first?.location?.line == 3 && bad.1.first?.location?.column == 9)
    }
}
