import Foundation
import Testing

/// The README's "Import and audit" section shows real output: each console block, run as one shell
/// script in a copy of the repository's ledgers and examples, must print exactly what it shows.
@Suite("README: import and audit walkthrough")
struct ImportAuditWalkthroughTests {
    static func blocks() throws -> [String] {
        let readme = try String(contentsOf: Grantledger.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "\n## Import and audit\n") else { return [] }
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        return section.components(separatedBy: "```console\n").dropFirst().compactMap { part in
            part.range(of: "```\n").map { String(part[..<$0.lowerBound]) }
        }
    }

    @Test func everyBlockPrintsWhatItShows() throws {
        let blocks = try Self.blocks()
        #expect(blocks.count == 4)
        let folder = try ScratchFolder()
        for path in ["ledgers", "examples"] {
            try FileManager.default.copyItem(at: Grantledger.packageRoot.appendingPathComponent(path),
                                             to: folder.url.appendingPathComponent(path))
        }
        for block in blocks {
            var script = "exec 2>&1\n"
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("$ ") {
                let command = String(line.dropFirst(2))
                let quoted = "'" + line.replacingOccurrences(of: "'", with: "'\\''") + "'"
                script += "s=$?; printf '%s\\n' \(quoted); (exit $s)\n\(command)\n"
            }
            let path = Grantledger.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let result = try Grantledger.run(["-c", "export PATH='\(path)'\n" + script], in: folder.url, executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(result.stdout == block, "regenerate the README block that starts: \(block.prefix(80))")
        }
    }
}
