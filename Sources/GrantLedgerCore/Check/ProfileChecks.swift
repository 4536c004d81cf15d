/// Each profile against what it profiles (and an initiative's period against its grant's, which its
/// budget is counted within): a grant's line exists, and an initiative's profile has a
/// budget to share; there is a period to profile over (the grant's; an initiative's own or its
/// grant's), one amount for each of its periods, or a shape that fits them, and the amounts make
/// the budget to the penny.
public enum ProfileChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let shapes = ledger.shapes.map(\.id)
        for grant in ledger.grants {
            for declaration in grant.profiles {
                guard let line = grant.lines.first(where: { $0.id == declaration.lineID }) else {
                    problems.append(Diagnostic(
                        .unknownLine, "grant \(grant.id) has no line \"\(declaration.lineID)\" to profile", hint: grant.hint(forLine: declaration.lineID),
                        at: declaration.lineIDLocation, length: declaration.lineIDLength))
                    continue
                }
                guard case .failure(let problem) = BudgetProfile.resolve(declaration, budget: line.budget, period: grant.period),
                      problem != .shapeUnread else { continue }
                let subject = Subject(name: "line \(line.id)", periodOwner: "grant \(grant.id)'s period \(grant.period.map(\.description) ?? "")",
                                      budget: line.budget,
                                      noPeriod: ("grant \(grant.id) has no period, so line \(line.id)", "give the grant a period (period  2019-20)"))
                problems.append(diagnostic(problem, declaration, subject, shapes: shapes))
            }
        }
        for initiative in ledger.initiatives {
            if let period = initiative.period, let grant = initiative.grantID.flatMap({ ledger.grantIndex[$0] }).map({ ledger.grants[$0] }),
               let own = grant.period, period.end < own.start || own.end < period.start {
                // Its spend is counted on its grant within its period: none of it ever could be.
                problems.append(Diagnostic(
                    .badPeriod, "initiative \(initiative.id)'s period \(period) lies outside grant \(grant.id)'s period \(own)",
                    hint: "give it a period within \(own), or leave it out to take the grant's",
                    at: initiative.periodLocation ?? initiative.location, length: initiative.periodLocation == nil ? initiative.id.utf8.count : period.description.utf8.count))
            }
            guard let declaration = initiative.profile else { continue }
            guard let budget = initiative.budget else {
                problems.append(Diagnostic(
                    .missingField, "initiative \(initiative.id) has a profile but no budget to share",
                    hint: "add an indented line: budget  £12,000.00", at: declaration.lineIDLocation, length: declaration.lineIDLength))
                continue
            }
            let period = initiative.budgetPeriod(in: ledger)
            guard case .failure(let problem) = BudgetProfile.resolve(declaration, budget: budget, period: period),
                  problem != .shapeUnread else { continue }
            let subject = Subject(name: "initiative \(initiative.id)",
                                  periodOwner: (initiative.period == nil ? "its grant's period " : "its period ")
                                      + (period.map(\.description) ?? ""), budget: budget,
                                  noPeriod: ("initiative \(initiative.id) has no period, nor a grant with one, so it",
                                             "give it a period (period  2019-20), or the grant it is for"))
            problems.append(diagnostic(problem, declaration, subject, shapes: shapes))
        }
        return problems
    }

    /// What a profile belongs to, in a message's words.
    struct Subject {
        /// `line cctv`, `initiative bns-cctv`.
        let name: String
        /// Whose period the periods are, and it: `grant ss4-bns's period 2022-07-01..2023-09-30`.
        let periodOwner: String
        let budget: Money
        /// The message's start and the hint when there is no period.
        let noPeriod: (message: String, hint: String)
    }

    static func diagnostic(_ problem: BudgetProfile.Problem, _ declaration: ProfileDeclaration, _ subject: Subject,
                           shapes: [String]) -> Diagnostic {
        let periodWord = declaration.length == .month ? "month" : "quarter"
        let at = declaration.spreadLocation, length = declaration.spreadLength
        switch problem {
        case .noPeriod:
            return Diagnostic(.badProfile, "\(subject.noPeriod.message) has no \(periodWord)s to profile over", hint: subject.noPeriod.hint,
                              at: declaration.lineIDLocation, length: declaration.lineIDLength)
        case .wrongCount(let expected, let found):
            let listed = expected.count <= 6 ? expected.map(\.description).joined(separator: ", ")
                : "\(expected[0]) to \(expected[expected.count - 1])"
            return Diagnostic(.badProfile,
                              "\(subject.name)'s profile has \(found) amount\(found == 1 ? "" : "s"), but \(subject.periodOwner) has \(expected.count) \(periodWord)\(expected.count == 1 ? "" : "s")",
                              hint: "give one amount for each \(periodWord), in order (\(listed)), or write even", at: at, length: length)
        case .notTheBudget(let sum, let budget):
            let short = sum < budget
            let gap = (try? (short ? budget.subtracting(sum) : sum.subtracting(budget))) ?? .zero
            return Diagnostic(.profileNotBudget,
                              "\(subject.name)'s profile adds up to \(sum), \(gap) \(short ? "less" : "more") than its budget of \(budget)",
                              hint: "make the amounts add up to \(budget), or write even", at: at, length: length)
        case .shapeUnread:
            // Reported where the shape's weights are written; `run` passes over it.
            return Diagnostic(.badProfile, "shape of \(subject.name)'s profile could not be read", at: at, length: length)
        case .overflow:
            return Diagnostic(.amountOverflow, "\(subject.name)'s profile adds up to more than can be held", at: at, length: length)
        case .unknownShape(let id):
            let suggestion = Suggestion.closest(to: id, in: shapes).map { "did you mean \($0)? Or " } ?? ""
            return Diagnostic(.unknownShape, "\(subject.name)'s profile names the shape \"\(id)\", which no shape declares",
                              hint: suggestion + "declare it: shape \(id)  Its name, then an indented line such as quarterly  1 2 2 1",
                              at: at, length: length)
        case .shapeLength(let shape):
            let own = shape.length == .month ? "monthly" : "quarterly", wanted = periodWord == "month" ? "monthly" : "quarterly"
            return Diagnostic(.badProfile, "\(subject.name) is profiled by \(periodWord), but shape \(shape.id) is \(own)",
                              hint: "profile \(subject.name) \(own), or give shape \(shape.id) \(wanted) weights", at: at, length: length)
        case .noWeight(let shape):
            return Diagnostic(.badProfile, "shape \(shape.id) gives no weight to any \(periodWord) of \(subject.periodOwner)",
                              hint: "give the shape weight in those \(periodWord)s, or profile \(subject.name) another way", at: at, length: length)
        }
    }
}
