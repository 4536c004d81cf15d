/// How far long work has got, told to whoever shows it (the CLI's progress line on a terminal):
/// the core never prints, it calls this hook.
///
/// Calls are coarse — once per window of a file parsed (`SourceFile.validationWindow`, 4 MiB), once
/// per `WorkProgress.every` rows or transactions written — never per line or posting, so passing a
/// hook costs nothing a benchmark can see, and nil (the default everywhere) costs a branch. The
/// hook may be called from several threads at once (a large file's ranges are parsed side by side),
/// so it must be quick and thread-safe: record the figures, and draw them elsewhere.
public struct WorkProgress: Sendable {
    public enum Event: Sendable, Hashable {
        /// Ledger files holding `bytes` more are about to be read (the files named, then each include).
        case reading(bytes: Int)
        /// `bytes` more of the ledger text have been parsed (on whichever thread parsed them).
        case parsed(bytes: Int)
        /// The books are read; their `transactions` are being checked.
        case checking(transactions: Int)
        /// `row` of the `rows` of the sheet named `sheet` are written.
        case writingSheet(String, row: Int, of: Int)
        /// Every sheet is written; the workbook is being packed into its file.
        case packingWorkbook
        /// `transaction` of the `transactions` are written to the hledger journal.
        case writingJournal(transaction: Int, of: Int)
    }

    /// How many rows or transactions are written between two calls.
    public static let every = 10_000

    private let hook: @Sendable (Event) -> Void

    public init(_ hook: @escaping @Sendable (Event) -> Void) {
        self.hook = hook
    }

    public func report(_ event: Event) { hook(event) }
}
