import Foundation

/// The README's console blocks, run as a reader would type them: each block's `$ ` lines as one
/// bash script in a copy of the repository's ledgers and examples, with grantledger on the PATH,
/// so a test can hold the block to what the commands print.
///
/// Every `## ` section is one walkthrough: its blocks run in turn in one copy of the books, so a
/// block may use what an earlier one of its section wrote (`cp -r ledgers my-books`).
/// `Tests/tools/regenerate_readme.py` rewrites the blocks the same way.
enum ReadmeConsole {
    static var readme: String {
        get throws { try String(contentsOf: Grantledger.packageRoot.appendingPathComponent("README.md"), encoding: .utf8) }
    }

    /// The headings of the README's `## ` sections that hold a console block, in order.
    static func headings() throws -> [String] {
        try readme.components(separatedBy: "\n## ").dropFirst().compactMap { part in
            part.contains("```console\n") ? "## " + (part.split(separator: "\n").first.map(String.init) ?? "") : nil
        }
    }

    /// The console blocks of the README section headed `heading` (`## Import and audit`, or a
    /// `### ` subsection, which ends where the next `## ` begins).
    static func blocks(section heading: String) throws -> [String] {
        let readme = try readme
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

    /// The block's commands: each `$ ` line with the lines it continues onto (a line ending in `\`).
    static func commands(of block: String) -> [String] {
        var found: [String] = [], current: [Substring]?
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if current != nil { current?.append(line) } else if line.hasPrefix("$ ") { current = [line] }
            if let lines = current, lines.last?.hasSuffix("\\") == false {
                found.append(lines.joined(separator: "\n"))
                current = nil
            }
        }
        return found
    }

    /// What running `block`'s commands in bash prints, each command echoed after `$ ` as the README shows it.
    static func output(of block: String, in folder: URL) throws -> String {
        var script = "exec 2>&1\n"
        for command in commands(of: block) {
            let quoted = "'" + command.replacingOccurrences(of: "'", with: "'\\''") + "'"
            script += "s=$?; printf '%s\\n' \(quoted); (exit $s)\n\(command.dropFirst(2))\n"
        }
        let path = Grantledger.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        return try Grantledger.run(["-c", "export PATH='\(path)'\n" + script], in: folder, executable: URL(fileURLWithPath: "/bin/bash")).stdout
    }
}
