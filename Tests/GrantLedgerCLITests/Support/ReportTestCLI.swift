import Foundation

/// The report tests' view of the binary and its peers (hledger): every run goes through the one
/// helper that starts a process, `Grantledger.run`.
enum ReportTestCLI {
    static let root: URL = Grantledger.packageRoot

    static let binary = Grantledger.binary.path

    static var hledger: String? {
        ["/usr/bin/hledger", "/usr/local/bin/hledger"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    typealias Result = Grantledger.Result

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func grantledger(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Missing(description: "no binary at \(binary): run swift build before swift test")
        }
        return try Grantledger.run(arguments, in: directory ?? root)
    }

    /// Another program (hledger, a shell) through the same helper.
    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> Result {
        try Grantledger.run(arguments, in: directory, executable: URL(fileURLWithPath: executable))
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
