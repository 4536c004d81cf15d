import Foundation

/// The repository's shipped files, which the harnesses use as the fixed half of each input (the area
/// data a fuzzed scenario names, the books a fuzzed export is imported into). Found from this
/// source file's own path, so a harness built from a checkout reads that checkout's examples.
public enum Fixtures {
    public static let repositoryRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        // …/Tests/Fuzz/Sources/FuzzSupport/Fixtures.swift: five components up is the repository.
        parts.removeLast(5)
        return parts.joined(separator: "/")
    }()

    public static func bytes(_ repositoryPath: String) -> [UInt8] {
        let path = "\(repositoryRoot)/\(repositoryPath)"
        guard let data = FileManager.default.contents(atPath: path) else {
            preconditionFailure("fuzz: the fixture \(path) is missing")
        }
        return [UInt8](data)
    }

    /// The blocks (runs of lines between blank lines) of a ledger that declare something rather than
    /// record a transaction: the first line that is not a comment starts with a letter, not a date.
    public static func declarationsOnly(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let blocks = text.components(separatedBy: "\n\n")
        return blocks.filter { block in
            let first = block.split(separator: "\n").first { !$0.hasPrefix(";") && !$0.isEmpty }
            return first?.first?.isLetter == true && first?.hasPrefix("include") == false
        }.joined(separator: "\n\n") + "\n"
    }
}
