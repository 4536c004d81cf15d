import Foundation
import Testing

/// The full method — top-slices, derived indicators, floors and caps (for every area and for one),
/// damping against last year, change and per-head columns — against the independent Python oracle
/// (Tests/tools/allocation_oracle.py) on random area files: every CSV line equal, and every case the
/// oracle refuses (floors or caps that cannot be met, a damping band too narrow) refused with the
/// same code and exit 2.
@Suite("Full allocation method against the Python oracle", .serialized)
struct FullMethodOracleTests {
    struct Slice: Codable {
        let name: String
        let amount: String
        let area: String?
    }

    struct Definition: Codable {
        let name: String
        let product: [String]?
        let severity: [String: String]?
    }

    struct Case: Codable {
        let id: String
        let areas: String
        let pot: String
        let weights: [String: String]
        let round: String
        let floor: String?
        let cap: String?
        let areaFloors: [String: String]?
        let areaCaps: [String: String]?
        let topSlices: [Slice]?
        let indicators: [Definition]?
        let previous: String?
        let damping: String?
        let perHead: String?
        let arguments: [String]

        enum CodingKeys: String, CodingKey {
            case id, areas, pot, weights, round, floor, cap, previous, damping, arguments, indicators
            case areaFloors = "area_floors", areaCaps = "area_caps", topSlices = "top_slices", perHead = "per_head"
        }
    }

    static let columns = ["population", "crime", "deprivation", "income"]

    static func pounds(_ pence: Int64) -> String { AllocationOracleTests.pounds(pence) }

    static func makeCases(count: Int, in directory: URL) throws -> [Case] {
        var rng = SeededGenerator(state: 20_220_401)
        var cases: [Case] = []
        for number in 0..<count {
            let areaCount = Int.random(in: 1...25, using: &rng)
            var names: [String] = []
            var csv = "area," + columns.joined(separator: ",") + "\n"
            var written: [String] = []
            for area in 0..<areaCount {
                let (name, cell): (String, String)
                switch area % 6 {
                case 4: (name, cell) = ("Area \(area), North", "\"Area \(area), North\"")
                case 5: (name, cell) = ("The \"Area\" \(area)", "\"The \"\"Area\"\" \(area)\"")
                default: (name, cell) = ("Area \(area)", "Area \(area)")
                }
                names.append(name)
                written.append(cell)
                var values = columns.map { _ in AllocationOracleTests.value(&rng) }
                if area == 0 { values = values.map { $0 == "0" ? "1" : $0 } }
                csv += cell + "," + values.joined(separator: ",") + "\n"
            }
            let file = directory.appendingPathComponent("full-\(number).csv")
            try csv.write(to: file, atomically: true, encoding: .utf8)

            // Weights over one to three indicators, one of which may be derived.
            var definitions: [Definition] = []
            var arguments: [String] = []
            var pool = columns
            switch Int.random(in: 0..<4, using: &rng) {
            case 0:
                definitions.append(Definition(name: "deprivation-pw", product: ["deprivation", "population"], severity: nil))
                arguments += ["--indicator", "deprivation-pw = deprivation × population"]
                pool[2] = "deprivation-pw"
            case 1:
                definitions.append(Definition(name: "harm", product: nil, severity: ["crime": "8", "income": "1/2", "population": "0.01"]))
                arguments += ["--indicator", "harm = severity(crime=8, income=1/2, population=0.01)"]
                pool[1] = "harm"
            default: break
            }
            let weightCount = Int.random(in: 1...3, using: &rng)
            let weighted = Array(pool.prefix(weightCount))
            let weightTexts = AllocationOracleTests.weights(weightCount, &rng)
            for (name, text) in zip(weighted, weightTexts) { arguments += ["--weight", "\(name)=\(text)"] }

            let unit: Int64 = [1, 1, 100, 10_000][Int.random(in: 0..<4, using: &rng)]
            var pot = Int64.random(in: 100_000...900_000_000, using: &rng)
            if number % 5 == 0 { pot = 270_750_00 + Int64(number) }
            pot = max(unit, pot / unit * unit)
            let share = pot / Int64(areaCount)

            var slices: [Slice] = []
            var retained: Int64 = 0
            if Int.random(in: 0..<3, using: &rng) == 0 {
                for index in 0..<Int.random(in: 1...2, using: &rng) {
                    let amount = Int64.random(in: 0...(pot / 5 / unit), using: &rng) * unit
                    let area: String? = Bool.random(using: &rng) ? names[Int.random(in: 0..<areaCount, using: &rng)] : nil
                    slices.append(Slice(name: "slice-\(index)", amount: pounds(amount), area: area))
                    if area == nil { retained += amount }
                    arguments += ["--top-slice", "slice-\(index) £\(pounds(amount))" + (area.map { " to \($0)" } ?? "")]
                }
            }
            var floor: String?
            var areaFloors: [String: String] = [:]
            if Int.random(in: 0..<3, using: &rng) == 0 {
                floor = pounds(Int64.random(in: 0...(share * 9 / 10 / unit), using: &rng) * unit)
                arguments += ["--floor", floor ?? ""]
            }
            if Int.random(in: 0..<6, using: &rng) == 0 {
                let name = names[Int.random(in: 0..<areaCount, using: &rng)]
                let amount = pounds(Int64.random(in: 0...(share / unit), using: &rng) * unit)
                areaFloors[name] = amount
                arguments += ["--floor", "\(name) £\(amount)"]
            }
            var cap: String?
            var areaCaps: [String: String] = [:]
            if Int.random(in: 0..<4, using: &rng) == 0 {
                let percent = Int64.random(in: 105...250, using: &rng)
                cap = pounds((share * percent / 100 / unit + 1) * unit)
                arguments += ["--cap", cap ?? ""]
            }
            if Int.random(in: 0..<6, using: &rng) == 0 {
                let name = names[Int.random(in: 0..<areaCount, using: &rng)]
                let amount = pounds((share * Int64.random(in: 80...200, using: &rng) / 100 / unit + 1) * unit)
                areaCaps[name] = amount
                arguments += ["--cap", "\(name)=£\(amount)"]
            }
            var previous: String?
            var damping: String?
            if Int.random(in: 0..<2, using: &rng) == 0 {
                // Last year's amounts: uneven, adding up to about this year's pot less central top-slices.
                var text = "area,amount,note\n"
                let raw = written.map { _ in Int.random(in: 0..<8, using: &rng) == 0 ? 0 : Int64.random(in: 60...140, using: &rng) }
                let total = (pot - retained) * Int64.random(in: 97...103, using: &rng) / 100
                let sum = max(1, raw.reduce(0, +))
                for (index, cell) in written.enumerated() {
                    text += "\(cell),\(pounds(total / sum * raw[index] + total % sum * raw[index] / sum)),illustrative \(index)\n"
                }
                let path = directory.appendingPathComponent("previous-\(number).csv")
                try text.write(to: path, atomically: true, encoding: .utf8)
                previous = path.path
                arguments += ["--previous", path.path]
                if Int.random(in: 0..<3, using: &rng) > 0 {
                    damping = ["10%", "-5%,+10%", "-20%", "+15%", "1/8", "25%", "0.3,0.5"][Int.random(in: 0..<7, using: &rng)]
                    arguments += ["--damping=\(damping ?? "")"]
                }
            }
            var perHead: String?
            if Int.random(in: 0..<3, using: &rng) == 0 {
                perHead = "population"
                arguments += ["--per-head", "population"]
            }
            cases.append(Case(
                id: "full-\(number)", areas: file.path, pot: pounds(pot), weights: Dictionary(uniqueKeysWithValues: zip(weighted, weightTexts)),
                round: pounds(unit), floor: floor, cap: cap, areaFloors: areaFloors.isEmpty ? nil : areaFloors,
                areaCaps: areaCaps.isEmpty ? nil : areaCaps, topSlices: slices.isEmpty ? nil : slices,
                indicators: definitions.isEmpty ? nil : definitions, previous: previous, damping: damping, perHead: perHead,
                arguments: arguments))
        }
        return cases
    }

    @Test func csvMatchesPythonFractionsOn160RandomCases() throws {
        #expect(FileManager.default.isExecutableFile(atPath: AllocateCLI.binary.path), "build the command first: swift build")
        let directory = try AllocateCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = try Self.makeCases(count: 160, in: directory)
        let manifest = directory.appendingPathComponent("cases.json")
        try JSONEncoder().encode(cases).write(to: manifest)

        let oracle = try AllocateCLI.python([AllocateCLI.root.appendingPathComponent("Tests/tools/allocation_oracle.py").path, manifest.path])
        try #require(oracle.status == 0, "oracle failed: \(oracle.stderr)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(oracle.stdout.utf8)) as? [String: String])
        #expect(expected.count == cases.count)

        var met: [String: Int] = [:]
        for item in cases {
            let arguments = ["--pot", item.pot, "--areas", item.areas, "--round", item.round, "--format", "csv"] + item.arguments
            let output = try AllocateCLI.allocate(arguments)
            let want = try #require(expected[item.id])
            if want.hasPrefix("ERROR ") {
                let code = String(want.dropFirst(6))
                #expect(output.status == 2, "\(item.id): expected \(code), got \(output.stdout)")
                #expect(output.stderr.contains("error[\(code)]"), "\(item.id) \(arguments): \(output.stderr)")
                met["refused: " + code, default: 0] += 1
                continue
            }
            #expect(output.status == 0, "\(item.id) \(arguments): \(output.stderr)")
            #expect(output.stdout == want, "\(item.id) \(arguments)")
            if item.topSlices != nil { met["top-slices", default: 0] += 1 }
            if item.indicators != nil { met["derived", default: 0] += 1 }
            if item.floor != nil || item.areaFloors != nil { met["floors", default: 0] += 1 }
            if item.cap != nil || item.areaCaps != nil { met["caps", default: 0] += 1 }
            if item.damping != nil { met["damping", default: 0] += 1 }
            if want.contains(",lifted,") || want.contains(",held,") { met["damping held", default: 0] += 1 }
            if want.contains(",yes") { met["a limit met", default: 0] += 1 }
        }
        // Each option is exercised on enough accepted cases to mean something.
        for (feature, least) in ["top-slices": 25, "derived": 40, "floors": 35, "caps": 25, "damping": 30, "damping held": 15,
                                 "a limit met": 20] {
            #expect(met[feature, default: 0] >= least, "\(feature): only \(met[feature, default: 0]) cases (\(met))")
        }
    }
}
