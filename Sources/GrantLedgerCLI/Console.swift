import Foundation
import GrantLedgerCore

/// The only place the program writes to the terminal. A write that fails (a full disk behind
/// `> file`, a closed stream) ends the program with its own error and exit 2, never a crash.
enum Console {
    static func out(_ text: String) {
        do {
            // By the last byte: "\r\n" is one Character, so hasSuffix("\n") would add a second line end to iCalendar.
            try FileHandle.standardOutput.write(contentsOf: Data((text.utf8.last == 0x0A ? text : text + "\n").utf8))
        } catch {
            let failure = FileError.system(errno: errnoCode(error), "write", "standard output", written: true)
            // Whatever it wrote before is complete: only this output is lost.
            Self.error(Run.report([Diagnostic(failure.code, failure.message,
                                              hint: "send the output somewhere it can be written, then run the command again")]))
            exit(ExitStatus.badInput.rawValue)
        }
    }

    /// Problems and notes; when even they cannot be written, the exit code is all that is left.
    static func error(_ text: String) {
        do {
            try FileHandle.standardError.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
        } catch {
            exit(ExitStatus.badInput.rawValue)
        }
    }

    /// The system's reason for a failed write, as `errno`.
    private static func errnoCode(_ error: any Error) -> Int32 {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = underlying, posix.domain == NSPOSIXErrorDomain { return Int32(posix.code) }
        if (error as NSError).domain == NSPOSIXErrorDomain { return Int32((error as NSError).code) }
        return EIO
    }
}
