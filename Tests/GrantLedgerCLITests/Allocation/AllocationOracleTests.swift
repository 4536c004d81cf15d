import Foundation
import Testing

/// `grantledger allocate --format csv` against an independent exact computation in Python's
/// `fractions` (Tests/tools/allocation_oracle.py) on random area files, awkward weights (thirds,
/// sevenths, percentages) and pots that do not divide evenly: every line must be equal.
@Suite("Allocation against the Python oracle", .serialized)
struct AllocationOracleTests {
    struct Case: Codable {
        let id: String
        let areas: String
        let pot: String
        let weights: [String: String]
        let round: String
        let floor: String?
        let weightArguments: [String]
    }

    static let indicatorNames = ["population", "crime", "deprivation", "income"]

    /// Weights summing to one, in the forms people write: `1/3`, `2/7`, `25%`, `0.35`.
    static func weights(_ count: Int, _ rng: inout SeededGenerator) -> [String] {
        let style = Int.random(in: 0..<4, using: &rng)
        let denominator = [3, 7, 9, 11, 100, 20][Int.random(in: 0..<6, using: &rng)]
        if style == 0 && count == 3 { return ["1/3", "1/3", "1/3"] }
        if denominator < count { return Array(repeating: "1/\(count)", count: count) }
        // Split the denominator into `count` positive parts.
        var parts = [Int](repeating: 1, count: count)
        var left = max(0, denominator - count)
        for index in 0..<(count - 1) {
            let take = Int.random(in: 0...left, using: &rng)
            parts[index] += take
            left -= take
        }
        parts[count - 1] += left
        return parts.map { part in
            switch (denominator, Int.random(in: 0..<2, using: &rng)) {
            case (100, 0): return "\(part)%"
            case (100, _) where part == 100: return "1"
            case (100, _): return part % 10 == 0 ? "0.\(part / 10)" : (part < 10 ? "0.0\(part)" : "0.\(part)")
            case (20, 0): return "\(part * 5)%"
            default: return "\(part)/\(denominator)"
            }
        }
    }

    static func value(_ rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return "0"
        case 1: return String(Int.random(in: 1...500_000, using: &rng))
        case 2:
            let whole = Int.random(in: 1_000...9_999_999, using: &rng)
            var text = ""
            for (index, character) in String(whole).reversed().enumerated() {
                if index > 0 && index % 3 == 0 { text.append(",") }
                text.append(character)
            }
            return "\"" + String(text.reversed()) + "\""
        case 3: return "\(Int.random(in: 0...80, using: &rng)).\(Int.random(in: 0...999, using: &rng))"
        case 4: return "\(Int.random(in: 0...9, using: &rng)).\(String(format: "%02d", Int.random(in: 0...99, using: &rng)))"
        default: return String(Int.random(in: 1...30, using: &rng))
        }
    }

    static func pounds(_ pence: Int64) -> String { "\(pence / 100).\(String(format: "%02d", pence % 100))" }

    static func makeCases(count: Int, in directory: URL) throws -> [Case] {
        var rng = SeededGenerator(state: 20_210_422)
        var cases: [Case] = []
        for number in 0..<count {
            let areaCount = Int.random(in: 1...30, using: &rng)
            let indicatorCount = Int.random(in: 1...4, using: &rng)
            let names = Array(indicatorNames.prefix(indicatorCount))
            var csv = "area," + names.joined(separator: ",") + ",note\n"
            for area in 0..<areaCount {
                let name: String
                switch area % 7 {
                case 3: name = "\"Area \(area), North\""
                case 5: name = "\"The \"\"Area\"\" \(area)\""
                default: name = "Area \(area)"
                }
                var cells = names.map { _ in value(&rng) }
                if area == 0 { cells = cells.map { $0 == "0" ? "1" : $0 } }
                csv += name + "," + cells.joined(separator: ",") + ",text \(area)\n"
            }
            let file = directory.appendingPathComponent("case-\(number).csv")
            try csv.write(to: file, atomically: true, encoding: .utf8)

            let unitPence: Int64 = [1, 1, 1, 100, 10_000][Int.random(in: 0..<5, using: &rng)]
            var potPence = Int64.random(in: 1...90_000_000_00, using: &rng)
            if number % 4 == 0 { potPence = 270_750_00 + Int64(number) }  // near the real NWPS pot, odd pence
            potPence = max(unitPence, potPence / unitPence * unitPence)
            var floor: String?
            if Int.random(in: 0..<3, using: &rng) == 0 {
                let most = potPence / Int64(areaCount) / unitPence
                floor = pounds(Int64.random(in: 0...most, using: &rng) * unitPence)
            }
            let weightTexts = weights(indicatorCount, &rng)
            cases.append(Case(
                id: "case-\(number)", areas: file.path, pot: pounds(potPence),
                weights: Dictionary(uniqueKeysWithValues: zip(names, weightTexts)), round: pounds(unitPence), floor: floor,
                weightArguments: zip(names, weightTexts).map { "\($0)=\($1)" }))
        }
        return cases
    }

    @Test func csvMatchesPythonFractionsOn120RandomFiles() throws {
        #expect(FileManager.default.isExecutableFile(atPath: AllocateCLI.binary.path),
                "build the command first: swift build")
        let directory = try AllocateCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = try Self.makeCases(count: 120, in: directory)
        let manifest = directory.appendingPathComponent("cases.json")
        try JSONEncoder().encode(cases).write(to: manifest)

        let oracle = try AllocateCLI.python([AllocateCLI.root.appendingPathComponent("Tests/tools/allocation_oracle.py").path, manifest.path])
        try #require(oracle.status == 0, "oracle failed: \(oracle.stderr)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(oracle.stdout.utf8)) as? [String: String])
        #expect(expected.count == cases.count)

        var floored = 0
        for item in cases {
            var arguments = ["--pot", item.pot, "--areas", item.areas, "--round", item.round, "--format", "csv"]
            for weight in item.weightArguments { arguments += ["--weight", weight] }
            if let floor = item.floor { arguments += ["--floor", floor]; floored += 1 }
            let output = try AllocateCLI.allocate(arguments)
            #expect(output.status == 0, "\(item.id): \(output.stderr)")
            #expect(output.stdout == expected[item.id], "\(item.id) \(arguments)")
        }
        #expect(floored >= 20)
    }
}
