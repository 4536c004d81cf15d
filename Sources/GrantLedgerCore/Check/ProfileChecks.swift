/// Each line's profile against its grant: the line exists, the grant has a period to profile over,
/// there is one amount for each period, and the amounts make the line's budget to the penny.
public enum ProfileChecks {
    @Sendable public static func run(_ ledger: Ledger) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for grant in ledger.grants {
            for declaration in grant.profiles {
                guard let line = grant.lines.first(where: { $0.id == declaration.lineID }) else {
                    problems.append(Diagnostic(
                        .unknownLine, "grant \(grant.id) has no line \"\(declaration.lineID)\" to profile", hint: grant.hint(forLine: declaration.lineID),
                        at: declaration.lineIDLocation, length: declaration.lineIDLength))
                    continue
                }
                guard case .failure(let problem) = BudgetProfile.resolve(declaration, budget: line.budget, period: grant.period) else { continue }
                problems.append(diagnostic(problem, declaration, grant: grant, line: line, shapes: ledger.shapes.map(\.id)))
            }
        }
        return problems
    }

    static func diagnostic(_ problem: BudgetProfile.Problem, _ declaration: ProfileDeclaration, grant: Grant, line: GrantLine,
                           shapes: [String]) -> Diagnostic {
        let periodWord = declaration.length == .month ? "month" : "quarter"
        switch problem {
        case .unknownShape(let id):
            let suggestion = Suggestion.closest(to: id, in: shapes).map { "did you mean \($0)? Or " } ?? ""
            return Diagnostic(.unknownShape, "line \(line.id)'s profile names the shape \"\(id)\", which no shape declares",
                              hint: suggestion + "declare it: shape \(id)  Its name, then an indented line such as quarterly  1 2 2 1",
                              at: declaration.spreadLocation, length: declaration.spreadLength)
        case .shapeLength(let shape):
            let own = shape.length == .month ? "monthly" : "quarterly"
            return Diagnostic(.badProfile, "line \(line.id) is profiled by \(periodWord), but shape \(shape.id) is \(own)",
                              hint: "write profile \(line.id)  \(own)  \(shape.id), or give the shape \(periodWord == "month" ? "monthly" : "quarterly") weights",
                              at: declaration.spreadLocation, length: declaration.spreadLength)
        case .noWeight(let shape):
            return Diagnostic(.badProfile,
                              "shape \(shape.id) gives no weight to any \(periodWord) of grant \(grant.id)'s period \(grant.period.map(\.description) ?? "")",
                              hint: "give the shape weight in the grant's \(periodWord)s, or profile line \(line.id) another way",
                              at: declaration.spreadLocation, length: declaration.spreadLength)
        case .noPeriod:
            return Diagnostic(.badProfile, "grant \(grant.id) has no period, so line \(line.id) has no \(periodWord)s to profile over",
                              hint: "give the grant a period (period  2019-20)", at: declaration.lineIDLocation, length: declaration.lineIDLength)
        case .wrongCount(let expected, let found):
            let listed = expected.count <= 6 ? expected.map(\.description).joined(separator: ", ")
                : "\(expected[0]) to \(expected[expected.count - 1])"
            return Diagnostic(.badProfile,
                              "line \(line.id)'s profile has \(found) amount\(found == 1 ? "" : "s"), but grant \(grant.id)'s period \(grant.period.map(\.description) ?? "") has \(expected.count) \(periodWord)\(expected.count == 1 ? "" : "s")",
                              hint: "give one amount for each \(periodWord), in order (\(listed)), or write even",
                              at: declaration.spreadLocation, length: declaration.spreadLength)
        case .notTheBudget(let sum, let budget):
            let short = sum < budget
            let gap = (try? (short ? budget.subtracting(sum) : sum.subtracting(budget))) ?? .zero
            return Diagnostic(.profileNotBudget,
                              "line \(line.id)'s profile adds up to \(sum), \(gap) \(short ? "less" : "more") than its budget of \(budget)",
                              hint: "make the amounts add up to \(budget), or write even", at: declaration.spreadLocation, length: declaration.spreadLength)
        case .overflow:
            return Diagnostic(.amountOverflow, "line \(line.id)'s profile adds up to more than can be held",
                              at: declaration.spreadLocation, length: declaration.spreadLength)
        }
    }
}
