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
}
