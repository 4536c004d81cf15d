import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `grantledger` with standard output, standard error or both on a real
/// pseudo-terminal (`openpty`), as a user at a terminal would, and reads everything written to
/// it until the program has gone. A stream not on the terminal goes to a file, as `> file` would.
enum PseudoTerminal {
    struct Result {
        let status: Int32
        let reason: Process.TerminationReason
        /// What the terminal received, byte for byte (its `\n` become `\r\n`, as a terminal's do).
        let terminal: String
        /// The streams that were not on the terminal.
        let stdout: String
        let stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `grantledger ARGS` with `environment` over the test's own (TERM=xterm by default; the
    /// colour and progress variables of the test's own environment are left out). `watch` sees the
    /// terminal's text so far after each read, with the process (to interrupt it); `closingEarly`
    /// closes the terminal as soon as the program starts, as a reader that goes away would.
    static func run(_ arguments: [String], environment: [String: String] = [:], stdoutOnTerminal: Bool = true,
                    stderrOnTerminal: Bool = true, closingEarly: Bool = false,
                    in directory: URL = Grantledger.packageRoot, watch: ((String, Process) -> Void)? = nil) throws -> Result {
        let (master, slave) = try open()
        defer { if !closingEarly { close(master) } }
        let scratch = try ScratchFolder()
        let outURL = scratch.url.appendingPathComponent("stdout"), errURL = scratch.url.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)

        let process = Process()
        process.executableURL = Grantledger.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var inherited = ProcessInfo.processInfo.environment
        for name in ["NO_COLOR", "CLICOLOR_FORCE", "GRANTLEDGER_PROGRESS_AFTER"] { inherited.removeValue(forKey: name) }
        inherited["TERM"] = "xterm"
        process.environment = inherited.merging(environment) { $1 }
        process.standardOutput = stdoutOnTerminal ? terminal : out
        process.standardError = stderrOnTerminal ? terminal : err
        process.standardInput = FileHandle.nullDevice
        do {
            try startUnblocked(process)
        } catch {
            close(slave)
            if closingEarly { close(master) }
            throw error
        }
        // Only the child holds the terminal now: when it has gone, reading the master ends.
        close(slave)
        var received: [UInt8] = []
        if closingEarly {
            close(master)
        } else {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                // EIO: every holder of the terminal has closed it (Linux's end of file for a terminal).
                if count <= 0 { break }
                received += buffer[..<count]
                watch?(String(decoding: received, as: UTF8.self), process)
            }
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Result(status: process.terminationStatus, reason: process.terminationReason,
                      terminal: String(decoding: received, as: UTF8.self),
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Starts `process` with no signal blocked, as a shell starts a command. The test runner's
    /// threads block SIGINT, and a child inherits the mask of the thread that starts it: an
    /// interrupt sent to it would wait for ever, unseen.
    private static func startUnblocked(_ process: Process) throws {
        var saved = sigset_t(), none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try process.run()
    }

    /// A new terminal: its master and slave, neither inherited by other programs the tests start.
    private static func open() throws -> (master: Int32, slave: Int32) {
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, nil) == 0 else { throw Failure(description: "openpty: errno \(errno)") }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        return (master, slave)
    }

    /// The colours taken out: what a reader sees, as text.
    static func withoutColour(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    /// The progress line's drawings and erasures taken out, and the terminal's line ends made `\n`
    /// again: what is left is what the program wrote to its streams.
    static func withoutProgress(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\rgrantledger: [^\r\n]*?\u{1B}\\[K", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r\u{1B}[K", with: "")
    }

    /// The progress lines drawn, in order.
    static func progressLines(_ text: String) -> [String] {
        let pattern = try? NSRegularExpression(pattern: "\rgrantledger: ([^\r\n]*?)\u{1B}\\[K")
        let range = NSRange(text.startIndex..., in: text)
        return (pattern?.matches(in: text, range: range) ?? []).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
    }

    /// Whether every progress line drawn is followed by another drawing or its erasure (a `\r` that
    /// starts no line end), never by other output, and the text does not end with one still shown:
    /// no half line is left over.
    static func leavesNoProgressBehind(_ text: String) -> Bool {
        text.range(of: "\rgrantledger: [^\r\n]*?\u{1B}\\[K(?!\r(?!\n))", options: .regularExpression) == nil
    }
}
