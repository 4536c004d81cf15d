import ArgumentParser
import GrantLedgerCore

/// TAB in bash, zsh and fish where a value is an id (`--grant pcc-s<TAB>`, `claim ss4<TAB>`):
/// swift-argument-parser's generated scripts call the binary back (`grantledger ---completion report
/// -- --grant …` and the words typed so far) and print what these closures return. The ids come
/// from the books the command would read (its words parsed by the command itself, see
/// `CompletesFromBooks`), through the one input door by the reader alone: declarations are what is
/// offered, so the checks (balances, budgets) are not run. Any problem the reader meets (no books,
/// an error in them, an include not there, a path that is no regular file) offers nothing:
/// completion prints only candidates, and never hangs, crashes or writes to standard error.
enum ShellCompletion {
    /// What a value names.
    enum Declared: Sendable {
        case grant, line, area, initiative, account
        /// Last year's allocation for `--previous`: `allocation:ID` as the books agreed it, or a file.
        case previousAllocation
    }

    /// Where the ids are read from: ledger files or folders, and for lines the grant they are of
    /// (`--grant` given on the line), when one is.
    struct Books {
        var paths: [String]
        var grant: String?

        /// The paths a command was given, its default (ledgers/, as for `check`) when none.
        init(_ paths: [String], grant: String? = nil) {
            self.paths = paths.isEmpty ? ["ledgers"] : paths
            self.grant = grant
        }
    }

    /// Ledger files and the folders that hold them: the books a command reads.
    static let books = CompletionKind.file(extensions: ["ledger"])
    /// A CSV file or an .xlsx workbook: area data, a finance-system export or statement.
    static let tables = CompletionKind.file(extensions: ["csv", "xlsx"])
    /// A workbook to write.
    static let workbook = CompletionKind.file(extensions: ["xlsx"])

    /// The candidates for a value naming `declared`.
    static func ids(_ declared: Declared) -> CompletionKind {
        .custom { words, _, prefix in
            let typed = ShellWords.unquoted(prefix)
            var found = declared == .previousAllocation ? PathCandidates.completing(typed, extensions: ["csv", "xlsx"]) : []
            // The books are read only while an id may still be what is typed, not a path.
            if declared != .previousAllocation || "allocation:".hasPrefix(typed) || typed.hasPrefix("allocation:") {
                found += declaredIDs(declared, words)
            }
            return Set(found.filter { $0.hasPrefix(typed) }).sorted().compactMap { ShellWords.literal($0, for: .requesting) }
        }
    }

    /// The command being typed, its words (after `grantledger SUBCOMMAND`) unquoted as the shell
    /// will pass them and parsed by the command itself; nil while they do not parse (its defaults
    /// then hold).
    private static func parsed(_ words: [String]) -> (any CompletesFromBooks)? {
        guard words.count > 1, let command = GrantLedger.configuration.subcommands.first(where: { $0._commandName == words[1] }) else {
            return nil
        }
        return (try? command.parseAsRoot(words.dropFirst(2).map { ShellWords.unquoted($0, expandingHome: true) })) as? any CompletesFromBooks
    }

    /// The ids of `declared` in the books the command being typed would read, within the door's
    /// limits it would set; none when anything in them is an error.
    private static func declaredIDs(_ declared: Declared, _ words: [String]) -> [String] {
        let command = parsed(words)
        let books = command?.books(for: declared) ?? Books([])
        let policy = command?.inputOptions.policy ?? InputPolicy(wording: InputOptions.wording)
        let (ledger, diagnostics) = LedgerLoader.load(paths: books.paths, sources: SourceFiles(policy: policy), checks: [])
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return [] }
        switch declared {
        case .grant: return ledger.grants.map(\.id)
        case .line:
            // The lines of the grant asked for; none of an unknown grant, which the command refuses.
            guard let grant = books.grant else { return ledger.lineIDs() }
            return ledger.grantIndex[grant].map { ledger.lineIDs(ofGrant: $0) } ?? []
        case .area: return ledger.areas.map(\.id)
        case .initiative: return ledger.initiatives.map(\.id)
        case .account: return ledger.accounts.map(\.name)
        case .previousAllocation: return ledger.allocations.map { "allocation:" + $0.id }
        }
    }
}
