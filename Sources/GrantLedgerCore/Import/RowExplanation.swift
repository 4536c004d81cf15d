/// How the rules treat one row of an export, step by step, for `import --explain-row`: every rule
/// tried in file order and how it went (for one that failed, the condition and the cell it
/// tested), which rule gave each field, whether a skip dropped the row, and what the row became.
/// A finance officer asking "why did this invoice land on that line?" gets the rules' reasoning,
/// not a guess. Data only: the command words it.
public struct RowExplanation: Sendable {
    public let export: String
    /// The row's line, as an editor numbers it, and its text as read (a control character, which
    /// the text rule refuses, shown as U+FFFD, as in every diagnostic).
    public let line: Int
    public let text: String

    /// A condition that did not hold, and the cell it tested (nil: the export has no such column,
    /// as when the rules test a role they name no column for; control characters as U+FFFD).
    public struct Failure: Sendable {
        public let condition: RuleCondition
        public let cell: String?
    }

    /// One rule tried on the row.
    public struct Trial: Sendable {
        public let rule: MappingRule
        /// Nil when the rule matched.
        public let failure: Failure?
        /// For a `map` rule that matched: the fields it gave the row, and the fields it sets that an
        /// earlier rule had already given (first match wins, so they are not changed).
        public let gave: [MappingRule.Field]
        public let alreadyGiven: [MappingRule.Field]

        public var matched: Bool { failure == nil }
    }

    /// A field the map rules gave the row, and the trial (index in `trials`) whose rule gave it.
    public struct Given: Sendable {
        public let field: MappingRule.Field
        public let value: String
        public let trial: Int
    }

    /// What the row became.
    public enum Outcome: Sendable {
        /// A skip rule dropped it: nothing is imported from it.
        case skipped
        /// The row read and coded: the posting it becomes (`posting`).
        case posting(ExportRow)
        /// What is wrong with it: its cells, its coding, or ids the books do not declare.
        case problems([Diagnostic])
    }

    /// Every rule, in file order; empty when the row could not be read into cells (a ragged row),
    /// so no rule was tried.
    public let trials: [Trial]
    /// In `MappingRule.Field` order.
    public let fields: [Given]
    /// The skip rule that dropped the row (index in `trials`): the first that matched.
    public let skippedBy: Int?
    public var outcome: Outcome

    /// What the row's posting says, when it becomes one.
    public var posting: PostingContent? {
        if case .posting(let row) = outcome { return PostingContent(row) }
        return nil
    }

    /// Its recoverable VAT, posted apart to the rules' VAT account; nil when there is none.
    public var vatPosting: PostingContent? {
        if case .posting(let row) = outcome { return ImportedTransaction.vatPosting([row]) }
        return nil
    }
}
