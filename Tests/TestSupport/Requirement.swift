import Foundation

/// Something a test needs that the Swift toolchain does not bring: an independent oracle
/// (LibreOffice recalculating a workbook, openpyxl, hledger, Python's icalendar) or a power (root).
///
/// One rule for all of them. A test gated on a requirement (`.enabled(if: Requirement.hledger.shouldRun)`)
/// runs when it is met. When it is not: under CI (`CI` set, not `0`/`false`/`no`) an oracle's test
/// runs anyway and fails on the missing tool, since `make test` installs every oracle; elsewhere the
/// test is skipped and the skip is written to `.build/test-skips/`, which `make test` lists at its
/// end (`Tests/tools/report_skips.sh`), so a laptop without LibreOffice never just says "passed".
public struct Requirement: Sendable {
    /// What it is, as the skip list names it ("workbook oracle").
    public let name: String
    /// What is missing, empty when the requirement is met.
    public let missing: [String]
    /// Whether CI must have it: true for the oracles `make test` installs; false for root.
    public let requiredUnderCI: Bool

    public var isMet: Bool { missing.isEmpty }

    /// Whether the gated test runs; a skip is recorded for `make test`'s list.
    public var shouldRun: Bool {
        if isMet || (requiredUnderCI && Self.isCI) { return true }
        recordSkip()
        return false
    }

    /// Why it is not met, for a failure under CI (`try #require(r.isMet, r.explanation)`).
    public var explanation: String { "\(name) missing: " + missing.joined(separator: ", ") }

    public init(name: String, missing: [String], requiredUnderCI: Bool = true) {
        self.name = name
        self.missing = missing
        self.requiredUnderCI = requiredUnderCI
    }

    public static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    /// The folder `make test` reads the skips from.
    public static let skipFolder = packageRoot.appendingPathComponent(".build/test-skips")

    private func recordSkip() { Self.recordSkip(name, because: missing.joined(separator: ", ")) }

    /// Writes down a check that could not run here, for `make test`'s list: a test that finds out
    /// only when it starts (mknod refused in a container) calls this and returns.
    public static func recordSkip(_ name: String, because reason: String) {
        let line = "\(name): \(reason)\n"
        let file = skipFolder.appendingPathComponent(name.replacingOccurrences(of: " ", with: "-") + ".txt")
        try? FileManager.default.createDirectory(at: skipFolder, withIntermediateDirectories: true)
        try? Data(line.utf8).write(to: file, options: .atomic)
    }
}

extension Requirement {
    /// The project's workbook oracle (`Tests/tools/xlsx-oracle`): openpyxl reads the file as a
    /// spreadsheet library would; headless LibreOffice recalculates every formula.
    public static let workbookOracle: Requirement = {
        var missing: [String] = []
        if !FileManager.default.fileExists(atPath: xlsxOracleFolder.appendingPathComponent("xlsx_recalc_check.py").path) {
            missing.append("the oracle scripts at \(xlsxOracleFolder.path)")
        }
        missing += pythonModuleMissing("openpyxl") + commandMissing("soffice", as: "soffice (LibreOffice)")
        return Requirement(name: "workbook oracle", missing: missing)
    }()

    /// openpyxl alone: a workbook written by another program, for the reader's tests.
    public static let openpyxl = Requirement(name: "openpyxl", missing: pythonModuleMissing("openpyxl"))

    /// hledger, which must agree with grantledger's balances to the penny.
    public static let hledger = Requirement(name: "hledger", missing: commandMissing("hledger"))

    /// Python's icalendar, a strict parser of the calendar export.
    public static let icalendar = Requirement(name: "icalendar", missing: pythonModuleMissing("icalendar"))

    /// Root, for tests that make device nodes or mount a small file system; never installed.
    public static let root = Requirement(name: "root", missing: geteuid() == 0 ? [] : ["the tests are not run as root"],
                                         requiredUnderCI: false)

    public static let xlsxOracleFolder = packageRoot.appendingPathComponent("Tests/tools/xlsx-oracle")

    private static func pythonModuleMissing(_ module: String) -> [String] {
        (try? ToolProcess.onPath(["python3", "-c", "import \(module)"]))?.status == 0 ? [] : ["python3 with \(module)"]
    }

    private static func commandMissing(_ command: String, as name: String? = nil) -> [String] {
        (try? ToolProcess.onPath(["sh", "-c", "command -v \(command)"]))?.status == 0 ? [] : [name ?? command]
    }
}

extension Requirement {
    public struct Unmet: Error, CustomStringConvertible {
        public let description: String
    }

    /// Throws when the requirement is not met: the failure a gated test gives under CI.
    public func require() throws {
        if !isMet { throw Unmet(description: explanation + " (make test-deps installs it)") }
    }
}
