import Foundation
import Testing
@testable import GrantLedgerCore

/// The SHA-256 the Provenance sheet shows: of exactly the bytes read, checked against the published
/// vectors and against `sha256sum`, a program we did not write.
@Suite("SHA-256 of a source file")
struct SourceFileHashTests {
    /// FIPS 180-4 / NIST CAVP examples.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("The quick brown fox jumps over the lazy dog",
         "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
    ])
    func knownVectors(message: String, digest: String) {
        #expect(SourceFile(name: "m", text: message).sha256 == digest)
    }

    @Test func aByteOrderMarkIsHashedWithTheRest() {
        let withMark = SourceFile(name: "m", bytes: [0xEF, 0xBB, 0xBF] + Array("abc".utf8))
        #expect(withMark.contentStart == 3)
        #expect(withMark.sha256 != SourceFile(name: "m", text: "abc").sha256)
    }

    @Test func filesAgreeWithSha256sum() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return }
        let folder = try TemporaryFolder()
        let sources = SourceFiles()
        for (index, size) in [0, 1, 63, 64, 65, 1 << 20, (1 << 20) + 17, 3 << 20].enumerated() {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: ($0 >> 3) &* 131 &+ $0) }
            let path = try folder.write("f\(index)", Data(bytes))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let file = try sources.open(path, role: "test")
            #expect(file.sha256 == String(output.prefix(64)), "size \(size)")
            #expect(file.byteCount == size)
        }
    }

    /// A command that shows hashes has each file hashed on another thread as it is read: the
    /// digest it waits for is the one worked out in place, whether it asks before the thread is
    /// done or after, and asking many times at once gives one answer.
    @Test func hashingAsReadGivesTheSameDigest() async throws {
        let folder = try TemporaryFolder()
        let sources = SourceFiles()
        sources.hashesAsRead = true
        #expect(sources.hashesAsRead)
        for (index, size) in [0, 5, (1 << 20) + 3, 9 << 20].enumerated() {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: ($0 >> 5) &* 37 &+ $0) }
            let path = try folder.write("h\(index)", Data(bytes))
            let file = try sources.open(path, role: "test")
            let expected = SourceFile.sha256(of: bytes)
            let answers = await withTaskGroup(of: String.self) { group in
                for _ in 0..<4 { group.addTask { file.sha256 } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers == Array(repeating: expected, count: 4), "size \(size)")
            #expect(file.sha256 == expected)
        }
    }
}
