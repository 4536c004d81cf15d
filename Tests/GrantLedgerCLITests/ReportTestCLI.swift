import Foundation

/// Runs the built `grantledger` binary (`.build/debug/grantledger`, built by `swift build
/// --build-tests` before `swift test`) the way a person would, and captures what it prints.
enum ReportTestCLI {
    /// The package root: three levels up from this file (Tests/GrantLedgerCLITests/ReportTestCLI.swift).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary = root.appendingPathComponent(".build/debug/grantledger").path

    static var hledger: String? {
        ["/usr/bin/hledger", "/usr/local/bin/hledger"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// CI must run every oracle; a laptop without hledger skips those tests.
    static var hledgerTestsEnabled: Bool { hledger != nil || ProcessInfo.processInfo.environment["CI"] != nil }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func grantledger(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Missing(description: "no binary at \(binary): run swift build before swift test")
        }
        return try run(binary, arguments, in: directory ?? root)
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> Result {
        // Output goes to files, not pipes, so a large report cannot fill a pipe and stall the child.
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("grantledger-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` as a ledger in a new folder and returns the folder.
    static func books(_ text: String, name: String = "books.ledger") throws -> URL {
        let folder = try temporaryDirectory()
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return folder
    }

    /// `account,balance` CSV (grantledger's or hledger's, quoted or not) as a dictionary of pence.
    static func balances(csv: String) -> [String: Int64]? {
        var result: [String: Int64] = [:]
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard fields.count == 2, let pence = pence(fields[1]) else { return nil }
            result[fields[0]] = pence
        }
        return result
    }

    /// `£-1234.56`, `-£1,234.56`, `1234.56` or `0` as pence, exactly (no floating point).
    static func pence(_ text: String) -> Int64? {
        var digits = text.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "")
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let pounds = Int64(parts[0]) else { return nil }
        var pence: Int64 = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let value = Int64(parts[1]) else { return nil }
            pence = value
        }
        return (negative ? -1 : 1) * (pounds * 100 + pence)
    }
}
