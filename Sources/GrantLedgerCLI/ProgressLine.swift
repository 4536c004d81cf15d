import Foundation
import GrantLedgerCore

/// The line on a terminal's standard error that says what long work is doing
/// (`grantledger: reading ledgers… 142 MB of 190 MB`), redrawn in place (`\r`, then `ESC[K` to
/// clear what is left of the old one) at most four times a second, by a thread of its own once the
/// work has gone on for `delay` (milliseconds). `Console` erases it before anything else is written to
/// either stream, and at exit; an interrupt (Ctrl-C) or a terminate erases it before the program
/// dies of the signal, so the shell's prompt starts on a clean line.
///
/// The core's calls (`WorkProgress`) and the command's own stages only record figures, under the
/// lock; the figures are drawn by the thread. A write that fails (the terminal has gone away) ends
/// the drawing, silently: the line is a courtesy, never a reason to fail or crash.
final class ProgressLine: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `lock`.
    private let lock = NSLock()
    /// How long work goes on before the line is drawn, in milliseconds.
    private let delay: Int
    private let descriptor: Int32

    /// What the work is doing now; nil when there is nothing to show (before the first stage, and
    /// after other output erased the line until the next stage begins).
    private var stage: Stage?
    /// Ledger bytes to read and read so far.
    private var toRead = 0, read = 0
    /// The text on the terminal now, nil when no line is shown.
    private var shown: String?
    private var threadStarted = false
    /// The delay has passed: stages are drawn as they begin, and figures on the thread's ticks.
    private var visible = false
    /// At exit, or after a write failed: nothing is drawn again.
    private var finished = false

    enum Stage: Equatable {
        case reading, checking(Int), step(String), sheet(String, row: Int, of: Int), packing, journal(Int, of: Int)
    }

    init(descriptor: Int32, delay: Int) {
        self.descriptor = descriptor
        self.delay = delay
    }

    /// The hook the core calls.
    var hook: WorkProgress {
        WorkProgress { [self] event in record(event) }
    }

    /// A stage of the command's own (`building the workbook`), shown until the next.
    func begin(_ words: String) {
        update(.step(words))
    }

    private func record(_ event: WorkProgress.Event) {
        switch event {
        case .reading(let bytes):
            lock.lock()
            toRead += bytes
            lock.unlock()
            update(.reading)
        case .parsed(let bytes):
            lock.lock()
            read += bytes
            lock.unlock()
        case .checking(let transactions): update(.checking(transactions))
        case .writingSheet(let name, let row, let rows): update(.sheet(name, row: row, of: rows))
        case .packingWorkbook: update(.packing)
        case .writingJournal(let done, let total): update(.journal(done, of: total))
        }
    }

    /// A new stage is drawn at once once the delay has passed; new figures in a stage wait for a tick.
    private func update(_ next: Stage) {
        lock.lock()
        defer { lock.unlock() }
        let changed = !sameKind(stage, next)
        stage = next
        if !threadStarted {
            threadStarted = true
            // With no delay the line is up from the first stage, whether or not the thread has run
            // yet: what a test of a short run can count on.
            if delay <= 0 { becomeVisible() }
            Thread.detachNewThread { [self] in run() }
        }
        if visible && changed { draw() }
    }

    /// From now on the line is drawn; an interrupt will erase it.
    private func becomeVisible() {
        visible = true
        ProgressSignals.install()
    }

    private func sameKind(_ a: Stage?, _ b: Stage) -> Bool {
        switch (a, b) {
        case (.reading?, .reading), (.checking?, .checking), (.packing?, .packing), (.journal?, .journal): return true
        case let (.sheet(x, _, _)?, .sheet(y, _, _)): return x == y
        case let (.step(x)?, .step(y)): return x == y
        default: return false
        }
    }

    private func run() {
        if delay > 0 { Self.sleep(milliseconds: delay) }
        while true {
            lock.lock()
            if finished {
                lock.unlock()
                return
            }
            if !visible { becomeVisible() }
            draw()
            lock.unlock()
            Self.sleep(milliseconds: 250)
        }
    }

    /// Runs `body` (a write to either stream) with no line shown, and no stage left to redraw until
    /// the work says where it is again.
    func cleared<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        erase()
        stage = nil
        return try body()
    }

    /// Erases the line for good: at exit.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        erase()
        finished = true
    }

    // MARK: Drawing (with `lock` held)

    private func draw() {
        guard !finished, let stage else { return }
        let text = fitted("grantledger: " + words(stage))
        guard text != shown else { return }
        if send("\r" + text + "\u{1B}[K") { shown = text }
    }

    private func erase() {
        guard shown != nil else { return }
        shown = nil
        _ = send("\r\u{1B}[K")
    }

    private func words(_ stage: Stage) -> String {
        switch stage {
        case .reading: return "reading ledgers… \(ProgressLine.size(min(read, toRead), of: max(read, toRead)))"
        case .checking(let count): return "checking \(Thousands.grouped(count)) transaction\(count == 1 ? "" : "s")…"
        case .step(let words): return words + "…"
        case .sheet(let name, let row, let rows): return "writing \(name) sheet… \(Thousands.grouped(row)) of \(Thousands.grouped(rows)) rows"
        case .packing: return "packing the workbook…"
        case .journal(let done, let total):
            return "writing the hledger journal… \(Thousands.grouped(done)) of \(Thousands.grouped(total)) transactions"
        }
    }

    /// `142 MB of 190 MB` (decimal units, as `ls -lh --si` and file managers show); kB below a megabyte.
    static func size(_ done: Int, of total: Int) -> String {
        total >= 1_000_000 ? "\(Thousands.grouped(done / 1_000_000)) MB of \(Thousands.grouped(total / 1_000_000)) MB"
            : "\(Thousands.grouped(done / 1_000)) kB of \(Thousands.grouped(total / 1_000)) kB"
    }

    /// The text cut to the terminal's width less one column, so it never wraps (a wrapped line
    /// cannot be taken back with `\r`).
    private func fitted(_ text: String) -> String {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 1, text.count >= Int(size.ws_col) else { return text }
        return String(text.prefix(Int(size.ws_col) - 2)) + "…"
    }

    /// Writes all of `text`; false, and no more drawing ever, when the terminal refuses it.
    private func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                finished = true
                return false
            }
        }
        return true
    }

    /// Sleeps this thread; whole milliseconds, so no binary fraction of a second is carried about.
    private static func sleep(milliseconds: Int) {
        var wait = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000), left = timespec()
        while nanosleep(&wait, &left) == -1 && errno == EINTR { wait = left }
    }
}
