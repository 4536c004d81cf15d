import Foundation
import Testing
@testable import GrantLedgerCore

/// The door's hints name the settings that lift its limits in the caller's words, and in plain
/// words when the caller gives none: the core never spells a command-line option.
@Suite("Input wording")
struct InputWordingTests {
    private func tooLargeHint(_ policy: InputPolicy) throws -> String? {
        let folder = try TemporaryFolder()
        let big = try folder.write("big", String(repeating: "x", count: 100))
        do { _ = try SourceFiles(policy: policy).open(big, role: "test"); return nil } catch { return error.hint }
    }

    @Test func aLibraryCallerGetsPlainWords() throws {
        let hint = try tooLargeHint(InputPolicy(maximumFileSize: 10))
        #expect(hint == "check it is the file you meant; to read it anyway, raise the limit on a file's size")
        let absolute = SourceFiles().includeRefusal(written: "/etc/passwd", canonical: "/etc/passwd")
        #expect(absolute?.hint == "write the path relative to this file, inside the books' folder, or allow includes outside the folder")
        let rules = ImportRulesReader.read(path: "/nonexistent/rules.rules").diagnostics
        #expect(rules.map(\.hint) == ["name the rules file that describes this export"])
    }

    @Test func aFolderTooLargeSaysHowToRaiseTheLimit() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("a.ledger", "")
        _ = try folder.write("b.ledger", "")
        guard case .failure(let plain) = LedgerFolder.expand(folder.path, maximumEntries: 1) else {
            Issue.record("two entries passed a limit of one"); return
        }
        #expect(plain.hint.hasSuffix("(or raise the limit on the entries walked)"))
        #expect(!plain.hint.contains("--"))
        guard case .failure(let worded) = LedgerFolder.expand(folder.path, maximumEntries: 1, raise: "raise N") else {
            Issue.record("two entries passed a limit of one"); return
        }
        #expect(worded.hint.hasSuffix("(or raise N)"))
    }

    @Test func theCallersWordsAreUsedWhereGiven() throws {
        let wording = InputWording([.maximumFileSize: "raise SIZE", .includesAnywhere: "set ANYWHERE"])
        #expect(try tooLargeHint(InputPolicy(maximumFileSize: 10, wording: wording))
                == "check it is the file you meant; to read it anyway, raise SIZE")
        let sources = SourceFiles(policy: InputPolicy(wording: wording))
        #expect(sources.includeRefusal(written: "/etc/passwd", canonical: "/etc/passwd")?.hint.hasSuffix("or set ANYWHERE") == true)
        // A setting the caller leaves out is still said plainly.
        #expect(wording.phrase(.rulesFile) == "name the rules file that describes this export")
    }
}
