import Foundation

/// A folder of this process's own where a harness writes each input as a real file, so it comes in
/// by the one door every input uses (`SourceFiles.open`: regular file, size limit, encoding and
/// line-end checks), and relative paths in it (includes, a scenario's area file) resolve beside it.
/// One per process: libFuzzer's `-jobs` and a CI run beside a campaign never share a file.
public final class ScratchFolder: @unchecked Sendable {
    // @unchecked: harnesses run one input at a time on one thread; nothing here is shared.
    public let path: String

    public init(_ label: String) {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        path = "\(base)/grantledger-fuzz-\(label)-\(getpid())"
        try? FileManager.default.removeItem(atPath: path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            preconditionFailure("fuzz: cannot make the scratch folder \(path): \(error)")
        }
        // Removed when the fuzzer exits normally; a crashed run leaves it in /dev/shm, named by pid.
        if Self.made.isEmpty {
            atexit { for path in ScratchFolder.made { try? FileManager.default.removeItem(atPath: path) } }
        }
        Self.made.append(path)
    }

    /// Every scratch folder this process made, removed at exit.
    static var made: [String] = []

    /// Writes `bytes` to `name` in the folder, replacing what was there, and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let file = "\(path)/\(name)"
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        expect(descriptor >= 0, "cannot write \(file): errno \(errno)")
        var written = 0
        while written < bytes.count {
            let result = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            expect(result > 0, "cannot write \(file): errno \(errno)")
            written += result
        }
        close(descriptor)
        return file
    }

    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { write(name, $0) }
    }

    /// A folder for a fuzzed ledger, beside the shipped declarations it may include
    /// (`include accounts.ledger`, `include areas.ledger`), as the seeds do.
    public static func besideShippedDeclarations(_ label: String) -> ScratchFolder {
        let folder = ScratchFolder(label)
        folder.copy("ledgers/nottinghamshire/accounts.ledger", as: "accounts.ledger")
        folder.copy("ledgers/nottinghamshire/areas.ledger", as: "areas.ledger")
        return folder
    }

    /// Copies a file of the repository (a shipped example) into the folder under `name`.
    @discardableResult
    public func copy(_ repositoryPath: String, as name: String) -> String {
        makeFolder(FilePathParts.directory(name))
        return write(name, Fixtures.bytes(repositoryPath))
    }

    /// Makes `relative` (and the folders above it) inside the scratch folder.
    public func makeFolder(_ relative: String) {
        guard !relative.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: "\(path)/\(relative)", withIntermediateDirectories: true)
    }
}

enum FilePathParts {
    /// `a/b/c.csv` → `a/b`; `c.csv` → ``.
    static func directory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}
