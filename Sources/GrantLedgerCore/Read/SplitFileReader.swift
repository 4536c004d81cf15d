import Dispatch
import Foundation

/// Reading one large file on several threads, with exactly the results of reading it in one pass.
///
/// `FileSplitter` cuts the file's bytes after blank lines. This thread reads the first range with
/// the session's own parser, as usual (includes and all), while each later range is read on another
/// thread by a parser of its own that stops at the first directive. Then, in file order, each later
/// parser is absorbed into the session's (`LedgerParser.absorb`); where one stopped at a directive,
/// what it read before is absorbed and the rest of its range is read here, in order, so that
/// declarations, duplicates and includes are handled exactly as in one pass. Every range is a
/// range of the same file, opened once by `SourceFiles` (and, for a file left on disk, read a window
/// at a time by each range's thread through the one descriptor).
extension ReadSession {
    func readSplit(_ source: SourceFile, ranges: [FileRange], directory: String) {
        let later = ranges.dropFirst().map {
            RangeParse(source: source, range: $0, blockSize: splitting.blockSize, problemLimit: sources.policy.maximumProblems,
                       progress: progress)
        }
        // A thread of its own for each range, not a task on a shared pool: this thread waits for them,
        // and a pool whose threads all wait like this (many ledgers read at once) would never run them.
        let group = DispatchGroup()
        for work in later {
            group.enter()
            Thread {
                work.run()
                group.leave()
            }.start()
        }
        readLines(source, in: ranges[0].bytes, firstLine: ranges[0].firstLine, directory: directory)
        group.wait()
        for work in later {
            let (outcome, rangeParser) = work.take()
            parser.absorb(rangeParser)
            if case .stopped(let offset, let line) = outcome {
                readLines(source, in: offset..<work.range.bytes.upperBound, firstLine: line, directory: directory)
            }
        }
    }
}

/// A later range of a split file, read on another thread by a parser of its own.
final class RangeParse: @unchecked Sendable {
    // @unchecked: `parser` and `outcome` are used by one thread at a time: the worker in `run()`, then,
    // after `DispatchGroup.wait()` (which orders the worker's writes before it), the reading thread
    // in `take()`. `source` is immutable.
    let source: SourceFile
    let range: FileRange
    let progress: WorkProgress?
    private var parser: LedgerParser
    private var outcome = Outcome.complete

    enum Outcome {
        /// Read to the end of the range.
        case complete
        /// Stopped at a directive: the line starting at `offset`, numbered `line`, is not yet read.
        case stopped(offset: Int, line: Int)
    }

    init(source: SourceFile, range: FileRange, blockSize: Int, problemLimit: Int, progress: WorkProgress? = nil) {
        self.source = source
        self.range = range
        self.progress = progress
        parser = LedgerParser()
        parser.diagnostics = DiagnosticLog(limit: problemLimit)
        // A copy of the name with storage of its own: every transaction's location retains it, and
        // two threads retaining one string would fight over its reference count's cache line.
        parser.file = String(decoding: Array(source.name.utf8), as: UTF8.self)
        parser.stopsAtDirectives = true
        parser.rangeOutput = LedgerParser.RangeOutput(blockSize: blockSize)
        // Room for the range's texts up front, as `LedgerReader.reserveCapacity` makes for the
        // whole: an array doubling as it fills would leave its old buffers in this thread's heap.
        parser.ledger.texts.reserveCapacity(bytes: range.bytes.count / 5, texts: range.bytes.count / 100)
    }

    func run() {
        let parser = self.parser
        let parsed = progress.map { progress in { (bytes: Int) in progress.report(.parsed(bytes: bytes)) } }
        if let stop = source.forEachLine(in: range.bytes, firstLine: range.firstLine, parsed: parsed, { bytes, number, isCleanText in
            parser.read(line: bytes, number: number, isCleanText: isCleanText)
            return !parser.stoppedAtDirective
        }) {
            outcome = .stopped(offset: stop.offset, line: stop.line)
        } else {
            parser.endBlock()
            outcome = .complete
        }
    }

    /// The outcome and the parser, leaving an empty parser behind so the range's memory is freed
    /// once it has been absorbed.
    func take() -> (Outcome, LedgerParser) {
        let taken = parser
        parser = LedgerParser()
        return (outcome, taken)
    }
}
