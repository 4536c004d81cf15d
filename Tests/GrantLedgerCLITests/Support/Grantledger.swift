import Foundation
import GrantLedgerTestSupport

/// Runs the built `grantledger` binary, as a user would, from a chosen working directory.
enum Grantledger {
    static let packageRoot: URL = GrantLedgerTestSupport.packageRoot

    /// The binary: $GRANTLEDGER_BINARY, else beside the test bundle (honours --scratch-path), else
    /// .build/debug/grantledger under the package root.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["GRANTLEDGER_BINARY"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        if let runner = ProcessInfo.processInfo.arguments.first {
            var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
            // On macOS the runner sits inside the .xctest bundle; walk up to the products folder.
            while folder.path.contains(".xctest") { folder.deleteLastPathComponent() }
            candidates.append(folder.appendingPathComponent("grantledger"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/grantledger"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Starts `grantledger ARGS` in `directory` without waiting, its output discarded: for runs
    /// that must overlap (two imports at once).
    static func start(_ arguments: [String], in directory: URL = packageRoot) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `grantledger ARGS` in `directory` (the package root by default); `executable` runs
    /// another program instead (a shell that sets limits before it starts grantledger).
    static func run(_ arguments: [String], in directory: URL = packageRoot, executable: URL = binary,
                    environment: [String: String] = [:]) throws -> Result {
        let result = try ToolProcess.run(executable, arguments, in: directory, environment: environment)
        return Result(status: result.status, stdout: String(decoding: result.stdout, as: UTF8.self),
                      stderr: String(decoding: result.stderr, as: UTF8.self))
    }
}

/// A scratch folder, removed when the test ends.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("grantledger-cli-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    /// Every file under the folder with its bytes and modification date.
    func snapshot() throws -> [String: (Data, Date?)] {
        var result: [String: (Data, Date?)] = [:]
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        while let relative = enumerator?.nextObject() as? String {
            let path = url.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
            result[relative] = (isDirectory.boolValue ? Data() : try Data(contentsOf: URL(fileURLWithPath: path)), modified)
        }
        return result
    }
}
