import Foundation
import PropertyBased
import Testing
@testable import GrantLedgerCore

@Suite("SHA-256")
struct SHA256Tests {
    /// FIPS 180-4 / NIST CAVP examples.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ("The quick brown fox jumps over the lazy dog",
         "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
    ])
    func knownVectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test func aMillionAs() {
        var hash = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hash.update(chunk) }
        #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Every length around the 55/56/64-byte padding boundaries, fed whole and byte by byte.
    @Test func paddingBoundariesAndPieces() {
        for length in 0...130 {
            let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var pieces = SHA256()
            for byte in message { pieces.update([byte]) }
            #expect(pieces.hexDigest() == SHA256.hex(message), "length \(length)")
        }
    }

    @Test func anySplitGivesTheSameDigest() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...255).array(of: 0...300), Gen.int(in: 0...300)) { values, cut in
            let bytes = values.map { UInt8(truncatingIfNeeded: $0) }
            let split = min(cut, bytes.count)
            var hash = SHA256()
            hash.update(bytes[..<split])
            hash.update(bytes[split...])
            #expect(hash.hexDigest() == SHA256.hex(bytes))
        }
    }

    @Test func filesAgreeWithSha256sum() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, size) in [0, 1, 63, 64, 65, 1 << 20, (1 << 20) + 17, 3 << 20].enumerated() {
            let path = folder.appendingPathComponent("f\(index)").path
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: ($0 >> 3) &* 131 &+ $0) }
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let file = try #require(SHA256.file(at: path))
            #expect(file.hex == String(output.prefix(64)), "size \(size)")
            #expect(file.bytes == UInt64(size))
        }
        #expect(SHA256.file(at: folder.appendingPathComponent("missing").path) == nil)
    }
}
