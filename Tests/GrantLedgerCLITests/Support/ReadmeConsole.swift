import Foundation

/// The README's console blocks, run as a reader would type them: each block's `$ ` lines as one
/// shell script in a copy of the repository's ledgers and examples, with grantledger on the PATH,
/// so a test can hold the block to what the commands print.
enum ReadmeConsole {
    /// The console blocks of the README section headed `heading` (`## Import and audit`).
    static func blocks(section heading: String) throws -> [String] {
        let readme = try String(contentsOf: Grantledger.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "\n\(heading)\n") else { return [] }
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        return section.components(separatedBy: "```console\n").dropFirst().compactMap { part in
            part.range(of: "```\n").map { String(part[..<$0.lowerBound]) }
        }
    }

    /// A scratch copy of `ledgers` and `examples`, where blocks may write.
    static func workspace() throws -> ScratchFolder {
        let folder = try ScratchFolder()
        for path in ["ledgers", "examples"] {
            try FileManager.default.copyItem(at: Grantledger.packageRoot.appendingPathComponent(path),
                                             to: folder.url.appendingPathComponent(path))
        }
        return folder
    }

    /// What running `block`'s commands prints, each command echoed after `$ ` as the README shows it.
    static func output(of block: String, in folder: URL) throws -> String {
        var script = "exec 2>&1\n"
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) where line.hasPrefix("$ ") {
            let command = String(line.dropFirst(2))
            let quoted = "'" + line.replacingOccurrences(of: "'", with: "'\\''") + "'"
            script += "s=$?; printf '%s\\n' \(quoted); (exit $s)\n\(command)\n"
        }
        let path = Grantledger.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try Grantledger.run(["-c", "export PATH='\(path)'\n" + script], in: folder, executable: URL(fileURLWithPath: "/bin/sh")).stdout
    }
}
