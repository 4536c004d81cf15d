import Dispatch
import Foundation

/// Reading one large file on several threads, with exactly the results of reading it in one pass.
///
/// `FileSplitter` cuts the file after blank lines. This thread reads the first range with the
/// session's own parser, as usual (includes and all), while each later range is read on another
/// thread by a parser of its own that stops at the first directive. Then, in file order, each later
/// parser is absorbed into the session's (`LedgerParser.absorb`); where one stopped at a directive,
/// what it read before is absorbed and the rest of its range is read here, in order, so that
/// declarations, duplicates and includes are handled exactly as in one pass. A typical large
/// ledger (declarations first, then transactions) is thus read entirely in parallel, and an
/// unusual one still correctly.
extension ReadSession {
    /// Reads `file` (its bytes from `source`) as `ranges`; false when reading failed part way
    /// (reading stops there, as in one pass).
    func readSplit(_ file: String, from source: String, ranges: [FileRange], directory: String) -> Bool {
        let later = ranges.dropFirst().map {
            RangeParse(file: file, source: source, range: $0, blockSize: splitting.blockSize)
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
        var complete = readRange(file, from: source, ranges[0], directory: directory)
        group.wait()
        for work in later {
            guard complete else { break }
            let (outcome, rangeParser) = work.take()
            switch outcome {
            case .complete:
                parser.absorb(rangeParser)
            case .stopped(let offset, let line):
                parser.absorb(rangeParser)
                complete = readRange(file, from: source, FileRange(bytes: offset..<work.range.bytes.upperBound, firstLine: line),
                                     directory: directory)
            case .failed:
                complete = readRange(file, from: source, work.range, directory: directory)
            }
        }
        return complete
    }

    /// Reads one range with the session's parser, on this thread.
    private func readRange(_ file: String, from source: String, _ range: FileRange, directory: String) -> Bool {
        guard let reader = ChunkedLineReader(path: source, range: range.bytes, firstLine: range.firstLine) else { return false }
        return readLines(reader, of: file, directory: directory)
    }
}

/// A later range of a split file, read on another thread by a parser of its own.
final class RangeParse: @unchecked Sendable {
    // @unchecked: `parser` and `outcome` are used by one thread at a time: the worker in `run()`, then,
    // after `DispatchGroup.wait()` (which orders the worker's writes before it), the reading thread
    // in `take()`.
    let source: String
    let range: FileRange
    private var parser: LedgerParser
    private var outcome = Outcome.failed

    enum Outcome {
        /// Read to the end of the range.
        case complete
        /// Stopped at a directive: the line starting at `offset`, numbered `line`, is not yet read.
        case stopped(offset: Int, line: Int)
        /// The file could not be read: the range must be read again to report it in order.
        case failed
    }

    /// Reads `range` of `source`, reporting it as `file`.
    init(file: String, source: String, range: FileRange, blockSize: Int) {
        self.source = source
        self.range = range
        parser = LedgerParser()
        // A copy of the name with storage of its own: every transaction's location retains it, and
        // two threads retaining one string would fight over its reference count's cache line.
        parser.file = String(decoding: Array(file.utf8), as: UTF8.self)
        parser.stopsAtDirectives = true
        parser.rangeOutput = LedgerParser.RangeOutput(blockSize: blockSize)
    }

    func run() {
        let parser = self.parser
        guard let reader = ChunkedLineReader(path: source, range: range.bytes, firstLine: range.firstLine) else { return }
        do {
            if let stop = try reader.forEachLine({ bytes, number, isValidUTF8 in
                parser.read(line: bytes, number: number, isValidUTF8: isValidUTF8)
                return !parser.stoppedAtDirective
            }) {
                outcome = .stopped(offset: stop.offset, line: stop.line)
            } else {
                parser.endBlock()
                outcome = .complete
            }
        } catch {
            outcome = .failed
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
