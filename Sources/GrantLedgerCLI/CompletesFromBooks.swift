import ArgumentParser

/// A command whose values complete from books (`ShellCompletion`): the books it reads for a value of
/// each kind, as its own arguments say once parsed, and the door's limits it reads them within.
protocol CompletesFromBooks: ParsableCommand {
    var inputOptions: InputOptions { get }
    func books(for declared: ShellCompletion.Declared) -> ShellCompletion.Books
}

extension CompletesFromBooks {
    /// `previous  allocation:ID` is read from ledgers/ (a scenario's `ledger:` default), whatever
    /// books the command itself reads.
    func books(for declared: ShellCompletion.Declared) -> ShellCompletion.Books { .init([]) }
}

extension ReportCommand: CompletesFromBooks {
    /// The report's books, and its `--grant` for `--line`.
    func books(for declared: ShellCompletion.Declared) -> ShellCompletion.Books { .init(paths, grant: grant) }
}

extension ClaimCommand: CompletesFromBooks {
    func books(for declared: ShellCompletion.Declared) -> ShellCompletion.Books { .init(paths) }
}

extension AllocateCommand: CompletesFromBooks {
    /// `--underspend`'s grant is one of `--ledger`'s books.
    func books(for declared: ShellCompletion.Declared) -> ShellCompletion.Books {
        .init(declared == .grant ? underspendOptions.ledger.map { [$0] } ?? [] : [])
    }
}

extension ExportCommand: CompletesFromBooks {}
extension AuditCommand: CompletesFromBooks {}
