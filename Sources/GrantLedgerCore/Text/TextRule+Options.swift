/// The text rule for text given on the command line: the same rule as in files, reported as a
/// problem with the option, located on the command line like any other bad option value.
extension TextRule {
    /// The problem with `value` given to `option` (`--author`), at `origin` (where the value sits on
    /// the command line), or nil when the text may be kept. No option takes more than one line.
    public static func optionProblem(_ option: String, _ value: String, at origin: SettingOrigin?) -> Diagnostic? {
        guard let problem = firstProblem(in: value) else { return nil }
        let message = "\(option) \(problem.explanation)"
        switch problem {
        case .control, .nonCharacter:
            let length = problem.isControl ? 1 : 3
            return Diagnostic(.badText, message, hint: problem.hint, origin: origin,
                              offset: problem.byteOffset, length: length)
        case .tooLong:
            return Diagnostic(.badText, message, hint: problem.hint, origin: origin)
        }
    }
}

extension TextRule.Problem {
    var isControl: Bool {
        if case .control = self { return true }
        return false
    }
}
