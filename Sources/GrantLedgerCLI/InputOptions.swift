import ArgumentParser
import GrantLedgerCore

/// What every command that reads files lets through the door (see `InputPolicy`).
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("max-file-size"), help: ArgumentHelp(
        "Refuse input files larger than this (default 4G; K, M, G or T).", valueName: "SIZE"))
    var maximumFileSize: String?

    @Flag(name: .customLong("allow-includes-anywhere"), help: "Let include name an absolute path or a file outside the books' folder.")
    var includesAnywhere = false

    @Option(name: .customLong("max-problems"), help: ArgumentHelp(
        "Show at most this many problems; the rest are counted by code (default 500).", valueName: "N"))
    var maximumProblems: Int?

    @Option(name: .customLong("max-folder-entries"), help: ArgumentHelp(
        "Walk at most this many files and folders looking for .ledger files (default 100000).", valueName: "N"))
    var maximumFolderEntries: Int?

    func validate() throws {
        if let maximumFolderEntries, maximumFolderEntries < 1 {
            throw ValidationError("--max-folder-entries \(maximumFolderEntries): allow at least one entry")
        }
        if let maximumFileSize, InputPolicy.parseSize(maximumFileSize) == nil {
            throw ValidationError("--max-file-size \(maximumFileSize): write a size such as 250M, 4G or 1048576")
        }
        if let maximumProblems, maximumProblems < 1 {
            throw ValidationError("--max-problems \(maximumProblems): show at least one problem")
        }
    }

    var policy: InputPolicy {
        InputPolicy(maximumFileSize: maximumFileSize.flatMap(InputPolicy.parseSize) ?? InputPolicy.defaultMaximumFileSize,
                    includesAnywhere: includesAnywhere,
                    maximumProblems: maximumProblems ?? InputPolicy.defaultMaximumProblems,
                    maximumFolderEntries: maximumFolderEntries ?? InputPolicy.defaultMaximumFolderEntries,
                    wording: Self.wording)
    }

    /// The door's hints with the options that lift each limit (the core words them neutrally).
    static let wording = InputWording([
        .includesAnywhere: "allow it with --allow-includes-anywhere",
        .maximumFileSize: "raise the limit with --max-file-size (e.g. --max-file-size 16G)",
        .maximumFolderEntries: "raise --max-folder-entries",
        .rulesFile: "name the rules file that describes this export: --rules RULES",
    ])
}
