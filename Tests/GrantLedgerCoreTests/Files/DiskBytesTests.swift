import Foundation
import Testing
@testable import GrantLedgerCore

/// A large ledger left on disk (`DiskBytes`) reads as the same file held whole: the same lines
/// with the same numbers and cleanliness, whatever the window (lines longer than it, CRLF, a byte-
/// order mark, no final line end, bad UTF-8); the same cuts, line starts, excerpts, hash and
/// bytes; and a file cut short or written over while it is read is said to be changed.
@Suite("Ledgers left on disk")
struct DiskBytesTests {
    /// Every line `forEachLine` gives, with its number and whether it is known clean; stopping at
    /// the line `stopAt` (if any), whose offset and number are kept too.
    static func lines(_ file: SourceFile, in range: Range<Int>? = nil, window: Int, stopAt: Int? = nil)
        -> (lines: [String], stop: String) {
        var lines: [String] = []
        let stop = file.forEachLine(in: range, window: window) { bytes, number, clean in
            lines.append("\(number) \(clean) \(Array(bytes))")
            return number != stopAt
        }
        return (lines, stop.map { "\($0.offset) \($0.line)" } ?? "end")
    }

    static let samples: [[UInt8]] = {
        var rng = GeneratedLedger.Rng(state: 7)
        var samples = [Array("2019-04-01 A\n    assets:a  £1.00\n    assets:b\n\n".utf8),
                       Array("\u{FEFF}line one\r\nline two\r\n\r\nthree without an end".utf8),
                       [0x61, 0x0A, 0xFF, 0xFE, 0x0A, 0x62, 0x0A, 0x0A, 0x0A],
                       Array(String(repeating: "a long line with no end in sight ", count: 40).utf8) + [0x0A, 0x62]]
        samples.append(GeneratedLedger.bytes(seed: 3, shape: GeneratedLedger.Shape(seed: 3)))
        var shape = GeneratedLedger.Shape(seed: 4)
        shape.crlf = true
        samples.append(GeneratedLedger.bytes(seed: 4, shape: shape))
        samples.append((0..<3000).map { _ in UInt8.random(in: 0...5, using: &rng) == 0 ? 0x0A : UInt8.random(in: 0x20...0xFF, using: &rng) })
        return samples
    }()

    static func pair(_ bytes: [UInt8], _ folder: TemporaryFolder, _ name: String) throws -> (held: SourceFile, disk: SourceFile) {
        let path = try folder.write(name, Data(bytes))
        let disk = try SourceFiles().open(path, role: "ledger", leaveOnDiskFrom: 0)
        try #require(disk.disk != nil, "left on disk")
        return (SourceFile(name: path, bytes: bytes), disk)
    }

    @Test func linesAreTheSameWhateverTheWindow() throws {
        let folder = try TemporaryFolder()
        for (index, bytes) in Self.samples.enumerated() {
            let (held, disk) = try Self.pair(bytes, folder, "sample\(index).ledger")
            #expect(disk.byteCount == bytes.count && disk.contentStart == held.contentStart)
            for window in [1, 2, 3, 7, 64, 1000, SourceFile.validationWindow] {
                let expected = Self.lines(held, window: 1 << 30)
                let got = Self.lines(disk, window: window)
                // Lines and numbers always agree; a line is known clean on disk whenever it is held.
                #expect(got.lines.map { $0.split(separator: " ", maxSplits: 2)[2] } == expected.lines.map { $0.split(separator: " ", maxSplits: 2)[2] },
                        "sample \(index), window \(window)")
                #expect(got.lines.map { $0.split(separator: " ")[0] } == expected.lines.map { $0.split(separator: " ")[0] })
                #expect(got.stop == "end")
                // A line said to be clean is clean: the reader then skips its own checks.
                var dirtyButSaidClean = 0
                disk.forEachLine(window: window) { bytes, _, clean in
                    if clean && TextRule.firstByteProblem(in: bytes, allowingLineEnds: false) != nil { dirtyButSaidClean += 1 }
                    return true
                }
                #expect(dirtyButSaidClean == 0, "sample \(index), window \(window)")
                let stopAt = max(1, expected.lines.count / 2)
                #expect(Self.lines(disk, window: window, stopAt: stopAt).stop == Self.lines(held, window: window, stopAt: stopAt).stop)
            }
            if bytes.count > 10 {
                let range = 3..<(bytes.count - 2)
                #expect(Self.lines(disk, in: range, window: 5).lines.count == Self.lines(held, in: range, window: 1 << 30).lines.count)
            }
            #expect(disk.lineStarts == held.lineStarts, "sample \(index)")
            #expect((1...max(1, held.lineCount + 1)).map(disk.line) == (1...max(1, held.lineCount + 1)).map(held.line))
            #expect(disk.sha256 == held.sha256 && disk.sha256 == SourceFile.sha256(of: bytes))
            #expect(try disk.wholeBytes() == bytes && disk.bytes == bytes)
            for count in 1...4 { #expect(FileSplitter.ranges(of: disk, count: count) == FileSplitter.ranges(of: held, count: count)) }
            // Cuts found a small piece at a time, so that blank lines (CR LF ones too) fall across pieces.
            try bytes.withUnsafeBufferPointer { buffer in
                let diskBytes = try #require(disk.disk)
                for target in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
                    for piece in [4, 5, 7, 16] {
                        #expect(FileSplitter.cut(diskBytes, atOrAfter: target, before: bytes.count, piece: piece)
                                == FileSplitter.cut(buffer, atOrAfter: target, before: bytes.count), "sample \(index), target \(target), piece \(piece)")
                    }
                }
            }
            #expect(disk.readProblem == nil)
        }
    }

    /// Clean text is known clean on disk as it is held, so the reader's own byte checks do not run
    /// for every line.
    @Test func cleanLinesAreKnownClean() throws {
        let folder = try TemporaryFolder()
        let text = Array(repeating: Self.samples[0], count: 200).joined()
        let (_, disk) = try Self.pair(Array(text), folder, "clean.ledger")
        for window in [7, 4096] {
            let lines = Self.lines(disk, window: window).lines
            #expect(lines.count == 800 && lines.allSatisfy { $0.contains(" true ") })
        }
    }

    @Test func aFileCutShortWhileItIsReadIsSaidToBeChanged() throws {
        let folder = try TemporaryFolder()
        let bytes = Self.samples[4]
        let (_, disk) = try Self.pair(bytes, folder, "cut.ledger")
        try #require(truncate(disk.name, off_t(bytes.count / 2)) == 0)
        let read = Self.lines(disk, window: 1024).lines.count
        #expect(read < Self.lines(SourceFile(name: "x", bytes: bytes), window: 1 << 30).lines.count)
        #expect(disk.readProblem?.code == .readFailed)
        #expect(disk.readProblem?.message.contains("changed by another program while it was being read") == true)
        #expect(throws: FileError.self) { _ = try disk.wholeBytes() }
        #expect(disk.line(1) == nil, "no excerpt from a file that is no longer the one read")
    }

    /// What the reader gives for a file changed while it was read: nothing of the books, only why,
    /// at exit 2; and a hash taken of it is known to be of other bytes.
    @Test func aChangedFileGivesNoBooksOnlyWhy() throws {
        let folder = try TemporaryFolder()
        let bytes = Array(Array(repeating: Self.samples[0], count: 50).joined())
        let path = try folder.write("changing.ledger", Data(bytes))
        let sources = SourceFiles()
        let disk = try sources.open(path, role: "ledger", leaveOnDiskFrom: 0)
        try #require(disk.disk != nil && truncate(path, off_t(bytes.count / 3)) == 0)
        let (ledger, diagnostics) = LedgerReader.read(paths: [path], sources: sources,
                                                      splitting: FileSplitting(minimumSize: 0, maximumRanges: 2, blockSize: 7))
        #expect(ledger.transactions.isEmpty && ledger.postings.isEmpty)
        #expect(diagnostics.map(\.code) == [.readFailed], "\(diagnostics)")
        #expect(ExitStatus(diagnostics) == .badInput)
        _ = disk.sha256
        #expect(disk.readProblem?.code == .readFailed)
    }

    /// At most `OnDiskPlaces.maximum` files are left on disk (each holds a descriptor), counted
    /// across a door's copies; any more are read whole, as a reader wanting the bytes gets one too.
    @Test func filesLeftOnDiskAreCapped() throws {
        let folder = try TemporaryFolder()
        let sources = SourceFiles()
        var paths: [String] = []
        for index in 0...OnDiskPlaces.maximum { paths.append(try folder.write("f\(index).ledger", "; file \(index)\n")) }
        let half = OnDiskPlaces.maximum / 2
        let first = try paths[..<half].map { try sources.open($0, role: "ledger", leaveOnDiskFrom: 0) }
        let copy = sources.copy()
        let rest = try paths[half...].map { try copy.open($0, role: "ledger", leaveOnDiskFrom: 0) }
        #expect((first + rest).filter { $0.disk != nil }.count == OnDiskPlaces.maximum)
        #expect(rest.last?.disk == nil && rest.last?.bytes == Array("; file \(OnDiskPlaces.maximum)\n".utf8))
        // Asked for by a reader that wants the bytes, a file left on disk comes whole.
        let whole = try sources.open(paths[0], role: "rules")
        #expect(whole.disk == nil && whole.bytes == Array("; file 0\n".utf8))
    }

    @Test func aFileWrittenOverInPlaceIsSaidToBeChanged() throws {
        let folder = try TemporaryFolder()
        let bytes = Self.samples[4]
        let (_, disk) = try Self.pair(bytes, folder, "over.ledger")
        #expect(disk.readProblem == nil)
        let handle = try #require(FileHandle(forWritingAtPath: disk.name))
        try handle.seek(toOffset: 10)
        try handle.write(contentsOf: Data("XXXX".utf8))
        try handle.close()
        // The modification time moves on at the file system's granularity: make sure it differs.
        var times = [timespec(tv_sec: 1, tv_nsec: 0), timespec(tv_sec: 1, tv_nsec: 0)]
        try #require(utimensat(AT_FDCWD, disk.name, &times, 0) == 0)
        #expect(disk.readProblem?.code == .readFailed)
    }

    /// Through the reader: a ledger read from disk in ranges reads as the one held whole, field for
    /// field, and a file that says it is UTF-16, or ends lines with carriage returns alone, is
    /// refused as it is held.
    @Test func theReaderGivesTheSameLedger() throws {
        let folder = try TemporaryFolder()
        for seed in [4, 5, 6] {
            var shape = GeneratedLedger.Shape(seed: seed)
            shape.crlf = seed == 5
            let path = try folder.write("big\(seed).ledger", Data(GeneratedLedger.bytes(seed: seed, shape: shape)))
            let held = LedgerReader.read(paths: [path], splitting: FileSplitting(minimumSize: 1 << 30, maximumRanges: 1, blockSize: 7))
            for ranges in 1...3 {
                let disk = LedgerReader.read(paths: [path], splitting: FileSplitting(minimumSize: 0, maximumRanges: ranges, blockSize: 7))
                try SplitReadingTests.expectSame(held, disk, "seed \(seed), \(ranges) ranges, on disk")
            }
        }
        for (name, bytes, expected) in [("utf16.ledger", [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00], "UTF-16"),
                                        ("mac.ledger", Array("a\rb\rc\r".utf8), "carriage returns alone")] {
            let path = try folder.write(name, Data(bytes))
            #expect(throws: FileError.self) { _ = try SourceFiles().open(path, role: "ledger", leaveOnDiskFrom: 0) }
            do {
                _ = try SourceFiles().open(path, role: "ledger", leaveOnDiskFrom: 0)
            } catch {
                #expect(error.code == .badEncoding && error.message.contains(expected))
            }
        }
    }
}
