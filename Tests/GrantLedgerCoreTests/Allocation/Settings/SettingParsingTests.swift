import Testing
@testable import GrantLedgerCore

/// The method's settings read exactly, with the caret under the bad part of a bad one.
@Suite("Allocation settings")
struct SettingParsingTests {
    static let origin = SettingOrigin(location: SourceLocation(file: "command line", line: 1, column: 10), length: 30, excerpt: "x")

    @Test func topSlices() throws {
        let retained = try TopSlice.parse("project-officer £60,000.00")
        #expect(retained.name == "project-officer")
        #expect(retained.amount == Money(pence: 6_000_000))
        #expect(retained.area == nil)
        let toArea = try TopSlice.parse("oak-tree  £10,000  to  Newark and Sherwood")
        #expect(toArea.area == "Newark and Sherwood")
        #expect(toArea.amount == Money(pence: 1_000_000))
    }

    @Test(arguments: [
        ("evaluation", DiagnosticCode.badTopSlice, 10),
        ("evaluation £1,0000", .badAmount, 24),
        ("evaluation £100 for Mansfield", .badTopSlice, 27),
        ("evaluation £100 to", .badTopSlice, 27),
    ])
    func badTopSlices(_ text: String, _ code: DiagnosticCode, _ column: Int) {
        #expect(throws: SettingError.self) { try TopSlice.parse(text, origin: Self.origin) }
        do {
            _ = try TopSlice.parse(text, origin: Self.origin)
        } catch {
            #expect(error.diagnostic.code == code)
            #expect(error.diagnostic.location?.column == column, "\(error.diagnostic)")
        }
    }

    @Test func limitsForEveryAreaAndForOne() throws {
        let every = try AreaLimit.parse("£20,000.00", kind: .floor)
        #expect(every.area == nil)
        #expect(every.amount == Money(pence: 2_000_000))
        let one = try AreaLimit.parse("Newark and Sherwood £25,000", kind: .cap)
        #expect(one.area == "Newark and Sherwood")
        #expect(one.amount == Money(pence: 2_500_000))
        let equals = try AreaLimit.parse("Area 3, North=25000.50", kind: .floor)
        #expect(equals.area == "Area 3, North")
        #expect(equals.amount == Money(pence: 2_500_050))
        #expect(throws: SettingError.self) { try AreaLimit.parse("Mansfield", kind: .floor) }
        #expect(throws: SettingError.self) { try AreaLimit.parse("Mansfield £2.5.0", kind: .cap) }
        #expect(throws: SettingError.self) { try AreaLimit.parse("=£20", kind: .cap) }
    }

    @Test func dampingBands() throws {
        let tenth = try ExactNumberParser.parseWeight("1/10")
        #expect(try DampingBand.parse("10%") == DampingBand(down: tenth, up: tenth))
        #expect(try DampingBand.parse("0.1") == DampingBand(down: tenth, up: tenth))
        #expect(try DampingBand.parse("-5%,+10%") == DampingBand(down: try ExactNumberParser.parseWeight("5%"), up: tenth))
        #expect(try DampingBand.parse("5%, 10%") == DampingBand(down: try ExactNumberParser.parseWeight("5%"), up: tenth))
        #expect(try DampingBand.parse("-5%") == DampingBand(down: try ExactNumberParser.parseWeight("5%"), up: nil))
        #expect(try DampingBand.parse("+150%") == DampingBand(down: nil, up: try ExactNumberParser.parseWeight("3/2")))
        #expect(try DampingBand.parse("-5%,+10%").description == "−5% / +10%")
        #expect(try DampingBand.parse("10%").description == "±10%")
        for bad in ["150%", "-120%", "+5%,-5%", "5%,6%,7%", "ten", "", "--5%"] {
            #expect(throws: SettingError.self, "\(bad)") { try DampingBand.parse(bad) }
        }
        do {
            _ = try DampingBand.parse("-5%,+1O%", origin: Self.origin)
        } catch {
            #expect(error.diagnostic.code == .badDamping)
            #expect(error.diagnostic.location?.column == 16)
        }
    }

    @Test func derivedIndicators() throws {
        let product = try IndicatorDefinition.parse("deprivation-pw = deprivation × population")
        #expect(product.name == "deprivation-pw")
        #expect(product.formula == .product(["deprivation", "population"]))
        #expect(try IndicatorDefinition.parse("d=deprivation*population").formula == .product(["deprivation", "population"]))
        let severity = try IndicatorDefinition.parse("crime-harm = severity(violence=8, theft=1, sexual offences=1/2)")
        #expect(severity.formula == .severity([
            SeverityTerm(column: "violence", weight: Rational(8)), SeverityTerm(column: "theft", weight: .one),
            SeverityTerm(column: "sexual offences", weight: try ExactNumberParser.parseWeight("1/2")),
        ]))
        #expect(severity.formulaText == "severity(violence=8, theft=1, sexual offences=0.5)")
        let bad: [(String, Int)] = [
            ("harm", 10), ("= a × b", 10), ("harm = ", 15), ("harm = crime", 17), ("harm = severity(crime 8)", 26),
            ("harm = severity(crime=x)", 32), ("harm = severity(crime=-1)", 32), ("harm = severity(crime=1", 32),
            ("harm = severity()", 17), ("harm = log(crime) × 2", 17), ("two words = a × b", 10),
            ("harm = severity(crime=1, crime=2)", 35),
        ]
        for (text, column) in bad {
            do {
                _ = try IndicatorDefinition.parse(text, origin: Self.origin)
                Issue.record("\(text) parsed")
            } catch {
                #expect(error.diagnostic.code == .badIndicatorDefinition, "\(text)")
                #expect(error.diagnostic.location?.column == column, "\(text): \(error.diagnostic)")
            }
        }
    }

    @Test func derivedValuesAreExact() throws {
        let csv = "area,violence,theft,deprivation,population\nMansfield,3575,2598,28.503,110500\nBassetlaw,2935,3500,22.588,117800\n"
        let (table, problems) = AreaTable.parse(Array(csv.utf8), file: "areas.csv")
        #expect(problems.isEmpty)
        let severity = try IndicatorDefinition.parse("harm = severity(violence=8, theft=1/2)")
        let (harm, _) = severity.evaluate(try #require(table))
        #expect(harm?.values == [Rational(8 * 3575 + 1299), Rational(8 * 2935 + 1750)])
        let product = try IndicatorDefinition.parse("pw = deprivation × population")
        let (pw, _) = product.evaluate(try #require(table))
        // 28.503 × 110,500 and 22.588 × 117,800, exactly.
        #expect(pw?.values.map(\.description) == ["6299163/2", "13304332/5"])
        let (_, unknown) = try IndicatorDefinition.parse("x = severity(violnce=1)", origin: Self.origin).evaluate(try #require(table))
        #expect(unknown.first?.code == .unknownIndicator)
        #expect(unknown.first?.hint?.hasPrefix("did you mean \"violence\"?") == true)
        #expect(unknown.first?.location?.column == 23)
    }

    @Test func weightsWithABlank() throws {
        let weight = try WeightSetting.parse("population   1/3")
        #expect(weight.indicator == "population")
        #expect(weight.weight == (try ExactNumberParser.parseWeight("1/3")))
        #expect(try WeightSetting.parse("crime = 25%").weight == (try ExactNumberParser.parseWeight("0.25")))
    }
}
