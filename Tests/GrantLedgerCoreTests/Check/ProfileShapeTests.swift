import Testing
@testable import GrantLedgerCore

/// A named shape, declared once and used by profiles: the budget in proportion to the weights of the
/// periods the grant touches, to the penny by largest remainder; every way of getting it wrong is a
/// located error.
@Suite("Profile shapes")
struct ProfileShapeTests {
    static func books(period: String = "2019-20", shape: String = "quarterly  0 1 1 1", _ profiles: [String]) -> String {
        ProfileChecksTests.books(period: period, profiles) + """

        shape after-award  Nothing in Q1, then even
          \(shape)
        """
    }

    @Test func theBudgetGoesByTheWeightsToThePenny() throws {
        // £600 over weights 0, 1, 1, 1: £200 each from Q2; £400 likewise £133.34, £133.33, £133.33.
        let text = Self.books(["a  quarterly  after-award", "b  quarterly  after-award"])
        #expect(ProfileChecksTests.problems(text).isEmpty, "\(ProfileChecksTests.problems(text))")
        #expect(try ProfileChecksTests.profile(text, line: "a").amounts.map(\.pence) == [0, 20_000, 20_000, 20_000])
        #expect(try ProfileChecksTests.profile(text, line: "b").amounts.map(\.pence) == [0, 13_334, 13_333, 13_333])
    }

    @Test func aGrantPartOfAYearTakesItsPeriodsWeights() throws {
        // July 2022 to September 2023 is 2022-23 Q2, Q3, Q4, 2023-24 Q1, Q2: weights 2, 3, 4, 1, 2 (of 12).
        let text = Self.books(period: "2022-07-01..2023-09-30", shape: "quarterly  1 2 3 4", ["a  quarterly  after-award"])
        #expect(try ProfileChecksTests.profile(text, line: "a").amounts.map(\.pence) == [10_000, 15_000, 20_000, 5_000, 10_000])
    }

    @Test func aShapeMayComeAfterOrInAnotherFile() throws {
        // Declared before the grant here (the books put it after): the same amounts.
        let after = Self.books(["a  quarterly  after-award"])
        let parts = after.components(separatedBy: "\nshape ")
        let before = "shape " + parts[1] + "\n" + parts[0]
        #expect(try ProfileChecksTests.profile(before, line: "a").amounts == ProfileChecksTests.profile(after, line: "a").amounts)
    }

    @Test func weightsAreExact() throws {
        // Percentages, fractions and decimals weigh alike: 25% = 1/4 = 0.25, and 1 is four times each.
        let text = Self.books(shape: "quarterly  25% 1/4 0.25 1", ["a  quarterly  after-award"])
        #expect(try ProfileChecksTests.profile(text, line: "a").amounts.map(\.pence) == [8_572, 8_571, 8_571, 34_286])
    }

    @Test(arguments: [
        ("a  quarterly  after-awrd", "quarterly  0 1 1 1", DiagnosticCode.unknownShape,
         Optional("line a's profile names the shape \"after-awrd\", which no shape declares")),
        ("a  monthly  after-award", "quarterly  0 1 1 1", .badProfile, "line a is profiled by month, but shape after-award is quarterly"),
        ("a  quarterly  after-award", "quarterly  0 1 1", .badProfile, "a quarterly shape has 4 weights, not 3"),
        ("a  quarterly  after-award", "quarterly  0 -1 1 1", .badProfile, "\"-1\" is not a weight"),
        ("a  quarterly  after-award", "quarterly  0 0 0 0", .badProfile, "a shape's weights cannot all be nothing"),
        ("a  quarterly  after-award", "weekly  1", .unknownField, nil),
    ])
    func badShapesAreLocatedErrors(_ profile: String, _ shape: String, _ code: DiagnosticCode, _ message: String?) throws {
        let problems = ProfileChecksTests.problems(Self.books(shape: shape, [profile]))
        #expect(problems.map(\.code) == [code], "one problem, said once: \(problems)")
        if let message { #expect(problems.first?.message == message) }
        #expect(problems.first?.location != nil)
    }

    @Test func theUnknownShapeIsSuggested() throws {
        let problem = try #require(ProfileChecksTests.problems(Self.books(["a  quarterly  after-awrd"])).first)
        #expect(problem.hint?.hasPrefix("did you mean after-award?") == true)
        #expect(problem.location?.line == 8 && problem.location?.column == 25)
    }

    @Test func aShapeGivingTheGrantNoWeightIsAnError() throws {
        // A grant of April to June only, on a shape with nothing in Q1.
        let text = Self.books(period: "2019-04-01..2019-06-30", ["a  quarterly  after-award"])
        let problem = try #require(ProfileChecksTests.problems(text).first)
        #expect(problem.code == .badProfile)
        #expect(problem.message == "shape after-award gives no weight to any quarter of grant g's period 2019-04-01..2019-06-30")
    }

    @Test func aShapeWithoutWeightsIsMissingThem() {
        let text = ProfileChecksTests.books([]) + "\nshape s  A shape\n"
        #expect(ProfileChecksTests.problems(text).map(\.code) == [.missingField])
    }

    @Test(arguments: ["even", "100"])
    func aShapeCannotTakeANameAProfileReadsOtherwise(_ id: String) throws {
        let text = ProfileChecksTests.books([]) + "\nshape \(id)  Front-loaded\n  quarterly  4 3 2 1\n"
        let problems = ProfileChecksTests.problems(text)
        #expect(problems.map(\.code) == [.badSyntax], "\(problems)")
        #expect(problems.first?.location?.line == 9 && problems.first?.location?.column == 7, "\(problems)")
    }
}
