import Foundation
import GrantLedgerCore

/// What every reader promises about the problems it reports, whatever the bytes: each renders (the
/// caret line drawn from the file as read), and each error about a file's content says where it is
/// (DESIGN.md, "Located errors, all of them").
public enum Promises {
    /// `located`: the diagnostics come from reading files, so every error but one about a whole
    /// file (it is missing, too large, not a file) or a tally of omitted ones has a location.
    public static func reported(_ diagnostics: [Diagnostic], sources: SourceFiles, located: Bool) {
        let renderer = DiagnosticRenderer(sources: sources)
        let text = renderer.render(diagnostics)
        if verbose { FileHandle.standardError.write(Data(text.utf8)) }
        expect(diagnostics.isEmpty || !text.isEmpty, "\(diagnostics.count) diagnostics render as nothing")
        for diagnostic in diagnostics {
            if let location = diagnostic.location {
                expect(location.line >= 1 && location.column >= 1,
                       "\(diagnostic.code.rawValue) at line \(location.line) column \(location.column)")
            } else if located, diagnostic.severity == .error, diagnostic.omitted == 0 {
                expect(wholeFileCodes.contains(diagnostic.code),
                       "unlocated \(diagnostic.code.rawValue): \(diagnostic.message)")
            }
        }
    }

    /// `FUZZ_VERBOSE=1` prints every diagnostic: to see how far a replayed input gets.
    public static let verbose = ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil

    /// Problems with a file as a whole rightly name no line.
    static let wholeFileCodes: Set<DiagnosticCode> = [.fileNotFound, .readFailed, .fileTooLarge, .notARegularFile, .folderTooLarge]
}
