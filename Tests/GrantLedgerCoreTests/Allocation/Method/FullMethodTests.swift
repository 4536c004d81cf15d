import Testing
@testable import GrantLedgerCore

/// Top-slices, caps, damping, derived indicators and per-head figures on small tables worked by hand,
/// and a located error for each way their settings can disagree with the area data.
@Suite("Allocation method")
struct FullMethodTests {
    static let csv = "area,population,crime,deprivation\nA,100,10,1.5\nB,300,30,2.5\nC,600,60,6\n"

    static func table(_ text: String = csv) throws -> AreaTable {
        let (table, problems) = AreaTable.parse(Array(text.utf8), file: "areas.csv")
        #expect(problems.isEmpty)
        return try #require(table)
    }

    static func settings(pot: Int64 = 100_000, _ change: (inout AllocationSettings) throws -> Void = { _ in }) throws -> AllocationSettings {
        var settings = AllocationSettings(pot: Located(Money(pence: pot)), weights: [WeightSetting(indicator: "population", weight: .one)])
        try change(&settings)
        return settings
    }

    static func run(_ settings: AllocationSettings, _ text: String = csv) throws -> (Allocation?, [Diagnostic]) {
        Allocator.allocate(try table(text), settings)
    }

    @Test func topSlicesComeOffFirst() throws {
        let settings = try Self.settings {
            $0.topSlices = [TopSlice(name: "officer", amount: Money(pence: 10_000)), TopSlice(name: "b", amount: Money(pence: 5_000), area: "B")]
        }
        let allocation = try #require(try Self.run(settings).0)
        #expect(allocation.formulaPot == Money(pence: 85_000))
        #expect(allocation.retained == Money(pence: 10_000))
        #expect(allocation.total == Money(pence: 90_000))
        #expect(allocation.areas.map(\.amount.pence) == [8_500, 25_500 + 5_000, 51_000])
        #expect(allocation.areas[1].topSlice == Money(pence: 5_000))
        #expect(AllocationTable.text(allocation).contains("Retained: officer"))
    }

    @Test func capsScaleTheOthersUp() throws {
        let settings = try Self.settings { $0.cap = Located(Money(pence: 50_000)) }
        let allocation = try #require(try Self.run(settings).0)
        // C's 60,000 is held at 50,000; A and B share the other 50,000 as 1 : 3.
        #expect(allocation.areas.map(\.amount.pence) == [12_500, 37_500, 50_000])
        #expect(allocation.areas.map(\.isCapped) == [false, false, true])
        #expect(allocation.flooring?.factor == Rational(5) * (try Rational(4).reciprocal()))
    }

    @Test func anAreasOwnLimitReplacesTheGeneralOne() throws {
        let settings = try Self.settings {
            $0.floor = Located(Money(pence: 20_000))
            $0.areaLimits = [AreaLimit(.floor, area: "B", amount: Money(pence: 0)), AreaLimit(.cap, area: "C", amount: Money(pence: 50_000))]
        }
        let allocation = try #require(try Self.run(settings).0)
        #expect(allocation.areas.map(\.floorAmount?.pence) == [20_000, 0, 20_000])
        // A is lifted to the floor, C held at its own cap; B, with no floor of its own, takes the rest.
        #expect(allocation.areas.map(\.amount.pence) == [20_000, 30_000, 50_000])
        #expect(allocation.total == allocation.pot)
    }

    @Test func dampingHoldsAreasWithinTheBand() throws {
        let previous = PreviousAllocation.parse(Array("area,amount\nA,300.00\nB,300.00\nC,400.00\n".utf8), file: "last.csv").0
        let settings = try Self.settings {
            $0.previous = previous
            $0.damping = Located(try DampingBand.parse("10%"))
        }
        let allocation = try #require(try Self.run(settings).0)
        // Formula 100, 300, 600 against 300, 300, 400: A is lifted to 270 (cost 170), C held at 440
        // (saving 160); the other 10 comes from the one gainer, C, whose gain is scaled to 30/200.
        #expect(allocation.areas.map(\.amount.pence) == [27_000, 30_000, 43_000])
        #expect(allocation.damping?.scaledGroup == .gainers)
        #expect(allocation.damping?.factor.description == "3/20")
        for area in allocation.areas {
            let damping = try #require(area.damping)
            #expect(Rational(pence: area.amount) >= damping.low)
            if let high = damping.high { #expect(Rational(pence: area.amount) <= high) }
        }
        #expect(allocation.areas.map(\.change?.pence) == allocation.areas.map { $0.amount.pence - ($0.previous?.pence ?? 0) })
    }

    @Test func dampingScalesTheGainersToPayForTheLosers() throws {
        let previous = PreviousAllocation.parse(Array("area,amount\nA,300.00\nB,250.00\nC,450.00\n".utf8), file: "last.csv").0
        let settings = try Self.settings {
            $0.previous = previous
            $0.damping = Located(try DampingBand.parse("-10%"))
        }
        let allocation = try #require(try Self.run(settings).0)
        // A is lifted from 100 to 270 (cost 170); B gains 50 and C gains 150: gains × 30/200 pay for it.
        let damping = try #require(allocation.damping)
        #expect(damping.scaledGroup == .gainers)
        #expect(damping.factor.description == "3/20")
        #expect(allocation.areas.map(\.amount.pence) == [27_000, 25_750, 47_250])
        #expect(AllocationCSV.text(allocation).contains("A,0.100000000000,270.00,lifted,300.00,-30.00,-10.00"))
    }

    @Test func perHeadAndDerivedIndicators() throws {
        let settings = try Self.settings {
            $0.definitions = [try IndicatorDefinition.parse("pw = deprivation × population")]
            $0.weights = [WeightSetting(indicator: "pw", weight: .one)]
            $0.perHead = Located("population")
        }
        let allocation = try #require(try Self.run(settings).0)
        // 150 : 750 : 3600 of 4500.
        #expect(allocation.areas.map(\.amount.pence) == [3_333, 16_667, 80_000])
        #expect(allocation.areas[2].perHead == Rational(80_000) * (try Rational(600).reciprocal()))
        #expect(allocation.indicators[0].definition?.formulaText == "deprivation × population")
        #expect(allocation.sourceColumns.map(\.name) == ["deprivation", "population"])
    }

    @Test(arguments: [
        ("a top-slice to an unknown area", DiagnosticCode.unknownArea),
        ("a floor for an unknown area", .unknownArea),
        ("a cap below the floor", .badCap),
        ("a top-slice above its area's cap", .badCap),
        ("floors and top-slices beyond the pot", .floorsExceedPot),
        ("caps that cannot hold the pot", .capsBelowPot),
        ("top-slices beyond the pot", .topSlicesExceedPot),
        ("damping without last year", .badDamping),
        ("last year without an area", .missingPreviousArea),
        ("last year with an unknown area", .unknownArea),
        ("a band too narrow", .dampingInfeasible),
        ("a cap not in whole units", .badCap),
        ("a top-slice not in whole units", .badTopSlice),
        ("a slice named twice", .duplicateSetting),
    ])
    func settingsTheAreaDataRefuses(_ name: String, _ code: DiagnosticCode) throws {
        let origin = SettingOrigin(location: SourceLocation(file: "x.scenario", line: 3, column: 5), length: 4, excerpt: "    here")
        let settings = try Self.settings { settings in
            switch name {
            case "a top-slice to an unknown area": settings.topSlices = [TopSlice(name: "x", amount: Money(pence: 1), area: "D", origin: origin)]
            case "a floor for an unknown area": settings.areaLimits = [AreaLimit(.floor, area: "D", amount: .zero, origin: origin)]
            case "a cap below the floor":
                settings.floor = Located(Money(pence: 100))
                settings.areaLimits = [AreaLimit(.cap, area: "A", amount: Money(pence: 50), origin: origin)]
            case "a top-slice above its area's cap":
                settings.topSlices = [TopSlice(name: "x", amount: Money(pence: 500), area: "A")]
                settings.areaLimits = [AreaLimit(.cap, area: "A", amount: Money(pence: 400), origin: origin)]
            case "floors and top-slices beyond the pot":
                settings.floor = Located(Money(pence: 30_000), at: origin)
                settings.topSlices = [TopSlice(name: "x", amount: Money(pence: 20_000))]
            case "caps that cannot hold the pot": settings.cap = Located(Money(pence: 30_000), at: origin)
            case "top-slices beyond the pot":
                settings.topSlices = [TopSlice(name: "x", amount: Money(pence: 60_000)), TopSlice(name: "y", amount: Money(pence: 60_000), origin: origin)]
            case "damping without last year": settings.damping = Located(try DampingBand.parse("10%"), at: origin)
            case "last year without an area":
                settings.previous = PreviousAllocation.parse(Array("area,amount\nA,1\nB,1\n".utf8), file: "last.csv").0
            case "last year with an unknown area":
                settings.previous = PreviousAllocation.parse(Array("area,amount\nA,1\nB,1\nC,1\nD,1\n".utf8), file: "last.csv").0
            case "a band too narrow":
                settings.previous = PreviousAllocation.parse(Array("area,amount\nA,300\nB,300\nC,300\n".utf8), file: "last.csv").0
                settings.damping = Located(try DampingBand.parse("5%"), at: origin)
            case "a cap not in whole units":
                settings.unit = Located(Money(pence: 100))
                settings.cap = Located(Money(pence: 50_050), at: origin)
            case "a top-slice not in whole units":
                settings.unit = Located(Money(pence: 100))
                settings.topSlices = [TopSlice(name: "x", amount: Money(pence: 1_050), origin: origin)]
            default: settings.topSlices = [TopSlice(name: "x", amount: Money(pence: 1)), TopSlice(name: "x", amount: Money(pence: 2), origin: origin)]
            }
        }
        let (allocation, diagnostics) = try Self.run(settings)
        #expect(allocation == nil)
        #expect(diagnostics.map(\.code).contains(code), "\(diagnostics)")
        for diagnostic in diagnostics { #expect(diagnostic.location != nil, "\(diagnostic) is not located") }
    }
}
