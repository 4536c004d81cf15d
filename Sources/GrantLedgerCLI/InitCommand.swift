import ArgumentParser
import Foundation
import GrantLedgerCore

/// `grantledger init [FOLDER]`: books for a new office (`StarterBooks`), written all or nothing into
/// a new or empty folder, never over or beside anything; then what was written and what to do next.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start your own books: write example ledgers for a new office into FOLDER.",
        discussion: """
        Writes main.ledger and the files it includes: funders and accounts, example areas to replace \
        with your own, one example grant with its budget lines and profiles, one bid with its \
        history, and a few example payments, dated in the financial year \(StarterBooks.year). Every \
        entry is labelled as an example, the comments explain how the books are written, and they \
        pass grantledger check as they are.

        FOLDER is created, inside a folder that exists; an existing FOLDER must be empty. Nothing is \
        ever written over or beside files already there, and a failed init leaves nothing behind. \
        The default, ledgers, is the folder check, report and export read when none is named.

        Example:
          grantledger init my-books
          grantledger check my-books
        """
    )

    @Argument(help: ArgumentHelp("The folder to create.", valueName: "FOLDER"), completion: .directory)
    var folder = "ledgers"

    func run() throws {
        Run.startWriting()
        do throws(FileError) {
            try StarterBooks.write(to: folder)
        } catch {
            // At FOLDER on the command line (past `init` itself, when the folder is named init).
            let origin = ArgumentLocator().origin(argument: folder, occurrence: folder == "init" ? 1 : 0, flags: ["--"])
            throw LedgerInput.fail(error.diagnostic(at: origin))
        }
        Console.out(summary)
    }

    /// What was written, and the first commands to run on it. The folder as typed, but for any
    /// control character in its name, shown as `�` (as diagnostics show one) rather than sent to the terminal.
    var summary: String {
        let named = DiagnosticRenderer.printable(folder)
        let shown = named.hasSuffix("/") ? named : named + "/"
        let width = StarterBooks.files.map(\.name.count).max() ?? 0
        var lines = ["wrote \(StarterBooks.files.count) files to \(shown):"]
        for file in StarterBooks.files {
            lines.append("  " + file.name + String(repeating: " ", count: width - file.name.count + 2) + file.purpose)
        }
        // The default folder is every command's default: `grantledger check` needs no path.
        let books = folder == "ledgers" ? "" : " " + ShellWords.pasteable(named)
        lines += [
            "Every entry is an invented example, labelled so. Next:",
            "  grantledger check\(books)",
            "  then put your own areas in \(shown)areas.ledger and your grant in \(shown)grants.ledger, and check again",
            "  grantledger report grants --fy \(StarterBooks.year)\(books)",
        ]
        return lines.joined(separator: "\n")
    }
}
