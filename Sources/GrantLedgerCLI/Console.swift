import Foundation
import GrantLedgerCore

/// The only place the program writes to the terminal. A write that fails (a full disk behind
/// `> file`, a closed stream) ends the program with its own error and exit 2, never a crash.
///
/// Here, once per stream and nowhere else, it is decided how output looks:
/// - **Colour** (`outStyle`, `errorStyle`) when the stream is a terminal and `TERM` is not `dumb`;
///   never when `NO_COLOR` is set to anything but the empty string (https://no-color.org), and
///   always, terminal or not, when `CLICOLOR_FORCE` is set and not `0` (for `less -R`). `NO_COLOR`
///   wins over `CLICOLOR_FORCE`. Standard output and standard error are decided apart, so
///   `check 2>file` on a terminal colours only what stays on it. Only text for people is coloured:
///   diagnostics and report tables, never CSV, JSON, iCalendar or a file written.
/// - **A progress line** (`progress`) on standard error when it is a terminal and `TERM` is not
///   `dumb`, once the work has gone on for `GRANTLEDGER_PROGRESS_AFTER` seconds (2 by default;
///   the tests set 0). Every write here erases it first, so no half line is left behind.
enum Console {
    static let outStyle = style(for: STDOUT_FILENO)
    static let errorStyle = style(for: STDERR_FILENO)

    /// The progress line, when standard error is a terminal that can redraw one.
    static let progress: ProgressLine? = {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDERR_FILENO) == 1, environment["TERM"] != "dumb" else { return nil }
        let line = ProgressLine(descriptor: STDERR_FILENO, delay: milliseconds(environment["GRANTLEDGER_PROGRESS_AFTER"]) ?? 2000)
        // However the program ends (a command's exit, an error thrown to the argument parser), the line goes.
        atexit { Console.progress?.finish() }
        return line
    }()

    /// `GRANTLEDGER_PROGRESS_AFTER`'s seconds (`2`, `0.5`; a negative number is 0) as whole
    /// milliseconds; nil, for the default, when it is not a number of seconds.
    static func milliseconds(_ seconds: String?) -> Int? {
        guard let seconds, !seconds.isEmpty else { return nil }
        let parts = seconds.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let negative = parts[0].hasPrefix("-")
        let whole = negative ? parts[0].dropFirst() : parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !(whole.isEmpty && fraction.isEmpty), whole.count <= 9,
              (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if negative { return 0 }
        let thousandths = (fraction.prefix(3) + String(repeating: "0", count: max(0, 3 - fraction.count)))
        return (Int(whole) ?? 0) * 1000 + (Int(thousandths) ?? 0)
    }

    /// What the core tells of long work, for the progress line; nil when there is none to draw.
    static var progressHook: WorkProgress? { progress?.hook }

    static func out(_ text: String) {
        let failure: (any Error)? = withLineCleared {
            do {
                // By the last byte: "\r\n" is one Character, so hasSuffix("\n") would add a second line end to iCalendar.
                try FileHandle.standardOutput.write(contentsOf: Data((text.utf8.last == 0x0A ? text : text + "\n").utf8))
                return nil
            } catch {
                return error
            }
        }
        guard let failure else { return }
        // Whatever it wrote before is complete: only this output is lost.
        stop(FileError.system(errno: errnoCode(failure), "write", "standard output", written: true))
    }

    /// A write to standard output failed: said on standard error, and the run ends (exit 2).
    private static func stop(_ problem: FileError) -> Never {
        Self.error(Run.report([Diagnostic(problem.code, problem.message,
                                          hint: "send the output somewhere it can be written, then run the command again")]))
        exit(ExitStatus.badInput.rawValue)
    }

    /// Output written a megabyte at a time as `body` makes it (`send` takes each piece), the progress
    /// line held off meanwhile; a failed write is told as `out` tells it.
    static func stream(_ body: (@escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void) {
        let failure: (any Error)? = withLineCleared {
            do {
                try body { bytes in try StandardOutput.write(bytes) }
                return nil
            } catch {
                return error
            }
        }
        guard let failure else { return }
        stop(failure as? FileError ?? FileError.system(errno: EIO, "write", "standard output", written: true))
    }

    /// Problems and notes; when even they cannot be written, the exit code is all that is left.
    static func error(_ text: String) {
        let written = withLineCleared {
            (try? FileHandle.standardError.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))) != nil
        }
        if !written { exit(ExitStatus.badInput.rawValue) }
    }

    /// `body` with the progress line erased (and held off) while it writes. Nothing in it may
    /// exit: the exit erases the line too, and would wait for itself.
    private static func withLineCleared<T>(_ body: () -> T) -> T {
        guard let progress else { return body() }
        return progress.cleared(body)
    }

    /// Whether text for people written to `descriptor` is coloured (see above).
    static func style(for descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        if let refused = environment["NO_COLOR"], !refused.isEmpty { return .plain }
        if let forced = environment["CLICOLOR_FORCE"], !forced.isEmpty, forced != "0" { return .ansi }
        return isatty(descriptor) == 1 && environment["TERM"] != "dumb" ? .ansi : .plain
    }

    /// The system's reason for a failed write, as `errno`.
    private static func errnoCode(_ error: any Error) -> Int32 {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = underlying, posix.domain == NSPOSIXErrorDomain { return Int32(posix.code) }
        if (error as NSError).domain == NSPOSIXErrorDomain { return Int32((error as NSError).code) }
        return EIO
    }
}
