import Foundation
import SystemPackage

/// The one door every input comes in by. A file is opened once per run however many times and
/// however it is named (a ledger included twice, a scenario's ledger that is also on the command
/// line): it must be a regular file once symlinks are followed (never a device, a FIFO or a
/// folder, which could be read for ever), no larger than the policy allows, and UTF-8 text (or
/// text converted from the encoding its rules name, or a workbook's bytes: `InputFormat`). What comes
/// in is kept: the renderer shows lines from it, the Provenance sheet lists it with its hash.
///
/// Thread-safe: the parallel reader opens includes from several threads.
public final class SourceFiles: @unchecked Sendable {
    // @unchecked: all mutable state is guarded by `lock`.
    public let policy: InputPolicy

    private let lock = NSLock()
    private var byCanonicalPath: [String: SourceFile] = [:]
    private var byName: [String: SourceFile] = [:]
    private var replacements: [String: [UInt8]] = [:]
    private var failures: [String: FileError] = [:]
    private var roots: [String] = []
    private var order: [(file: SourceFile, role: String)] = []

    public init(policy: InputPolicy = InputPolicy()) {
        self.policy = policy
    }

    /// Set by a command that will show every input's SHA-256 (a workbook's Provenance sheet, a
    /// claim return): each file read from now on starts being hashed on a thread of its own as
    /// soon as its bytes are in, while the books are parsed and checked, rather than after (a
    /// 200 MB ledger's hash is a fifth of a second). Commands that show no hash leave it off,
    /// so they spend nothing on one.
    public var hashesAsRead: Bool {
        get { lock.withLock { hashing } }
        set { lock.withLock { hashing = newValue } }
    }
    private var hashing = false

    /// Opens and reads `path` (or returns it, if already read), noting it as having `role` (`ledger`,
    /// `area data`, `scenario`…) for the Provenance sheet. Throws the reason it cannot be had.
    /// `format` says how its bytes are taken: UTF-8 text (the default), text converted from another
    /// encoding (its hash and size stay those of the bytes on disk), or binary.
    ///
    /// `leaveOnDiskFrom`: a UTF-8 file of at least this many bytes is not read whole but left on
    /// disk and read a window at a time (`DiskBytes`): what the ledger reader asks for its large files.
    public func open(_ path: String, role: String, format: InputFormat = .utf8, leaveOnDiskFrom: Int? = nil) throws(FileError) -> SourceFile {
        let canonical = FilePaths.canonical(path)
        lock.lock()
        if let file = byCanonicalPath[canonical] {
            // Another spelling of a file already read: its lines can be shown under this name too.
            if byName[path] == nil { byName[path] = file }
            lock.unlock()
            // A large ledger left on disk, asked for by a reader that wants the bytes (an export's
            // rules naming the books, say): read whole, checked unchanged, as that reader asks.
            if let disk = file.disk, leaveOnDiskFrom == nil {
                return try Self.decode(try disk.whole(), path: path, canonical: canonical, identity: disk.identity, format: format)
            }
            return file
        }
        if let failure = failures[canonical] {
            lock.unlock()
            throw failure
        }
        if let replacement = replacements[canonical] {
            let file = SourceFile(name: path, canonicalPath: canonical, bytes: replacement)
            remember(file, role: role)
            lock.unlock()
            return file
        }
        lock.unlock()
        let file: SourceFile
        var placeTaken = false
        do throws(FileError) {
            let (descriptor, identity) = try Self.openRegular(path, policy: policy)
            if let threshold = leaveOnDiskFrom, format == .utf8, identity.size >= threshold, places.take() {
                placeTaken = true
                file = try Self.leftOnDisk(DiskBytes(path: path, descriptor: descriptor, identity: identity), canonical: canonical)
            } else {
                defer { try? descriptor.close() }
                let bytes = try Self.readWhole(descriptor, path, size: Int(identity.size), policy: policy)
                file = try Self.decode(bytes, path: path, canonical: canonical, identity: identity, format: format)
            }
        } catch {
            if placeTaken { places.giveBack() }
            // Remembered, so a file named twice is refused once and never read again.
            lock.lock()
            failures[canonical] = error
            lock.unlock()
            throw error
        }
        lock.lock()
        defer { lock.unlock() }
        if let raced = byCanonicalPath[canonical] {
            if placeTaken { places.giveBack() }
            return raced
        }
        remember(file, role: file.convertedFrom.map { "\(role) (read as \($0.displayName))" } ?? role)
        if hashing { file.startHashing() }
        return file
    }

    /// How many files this door and its copies have left on disk, each holding a descriptor open.
    private var places = OnDiskPlaces()

    /// Text in memory, named `name`, kept like a file so its lines can be shown.
    public func add(text: String, name: String) -> SourceFile {
        add(SourceFile(name: name, text: text))
    }

    /// A file held in memory (bytes built by the program), kept so its lines can be shown.
    @discardableResult
    public func add(_ file: SourceFile) -> SourceFile {
        lock.lock()
        defer { lock.unlock() }
        byName[file.name] = file
        return file
    }

    /// A second door holding what this one has read so far (the same files, replacements, failures
    /// and include tree), to check files as they would be (`import`) and leave this one as it was:
    /// a caller that loads the books again afterwards gets the books on disk.
    public func copy() -> SourceFiles {
        let copied = SourceFiles(policy: policy)
        lock.lock()
        defer { lock.unlock() }
        copied.byCanonicalPath = byCanonicalPath
        copied.byName = byName
        copied.replacements = replacements
        copied.failures = failures
        copied.roots = roots
        copied.order = order
        copied.places = places
        return copied
    }

    /// From now on, `path` reads as `bytes` (whether or not it exists on disk): how `import` checks
    /// the books as they will be before it writes a byte.
    public func replace(_ path: String, with bytes: [UInt8]) {
        let canonical = FilePaths.canonical(path)
        lock.lock()
        defer { lock.unlock() }
        replacements[canonical] = bytes
        failures.removeValue(forKey: canonical)
        if let old = byCanonicalPath.removeValue(forKey: canonical) {
            byName.removeValue(forKey: old.name)
            order.removeAll { $0.file === old }
        }
    }

    /// Whether `path` reads from memory (see `replace`).
    public func isReplaced(_ path: String) -> Bool {
        let canonical = FilePaths.canonical(path)
        lock.lock()
        defer { lock.unlock() }
        return replacements[canonical] != nil
    }

    /// The file at `path` (any spelling of it) if it has been read.
    public func file(atPath path: String) -> SourceFile? {
        let canonical = FilePaths.canonical(path)
        lock.lock()
        defer { lock.unlock() }
        return byCanonicalPath[canonical]
    }

    /// The file a location names, if it came in by this door.
    public func file(named name: String) -> SourceFile? {
        lock.lock()
        defer { lock.unlock() }
        return byName[name]
    }

    /// Every file read, once each, in the order first read, with its role.
    public var opened: [(file: SourceFile, role: String)] {
        lock.lock()
        defer { lock.unlock() }
        return order
    }

    private func remember(_ file: SourceFile, role: String) {
        if let canonical = file.canonicalPath { byCanonicalPath[canonical] = file }
        byName[file.name] = file
        order.append((file, role))
    }

    // MARK: - The include tree

    /// Marks the tree an `include` may reach: the folder named, or the folder of the file named, as
    /// written (includes are relative to it) and, for a symlink, the folder of its target too.
    public func addRoot(for namedPath: String, isFolder: Bool) {
        let added = isFolder ? [FilePaths.canonical(namedPath)]
            : [FilePaths.canonical(FilePaths.split(namedPath).directory), FilePaths.split(FilePaths.canonical(namedPath)).directory]
        lock.lock()
        defer { lock.unlock() }
        for root in added where !roots.contains(root) { roots.append(root) }
    }

    /// Nil when the policy lets `written` (an include's path, as written) reach `canonical`; else why not.
    public func includeRefusal(written: String, canonical: String) -> FileError? {
        guard !policy.includesAnywhere else { return nil }
        if written.hasPrefix("/") {
            return FileError(.includeOutsideTree, "include \(written) names an absolute path",
                             hint: "write the path relative to this file, inside the books' folder, or \(policy.wording.phrase(.includesAnywhere))")
        }
        lock.lock()
        let inside = roots.contains { FilePaths.isInside(canonical, $0) }
        lock.unlock()
        if inside { return nil }
        return FileError(.includeOutsideTree, "include \(written) reaches outside the folder of the books named",
                         hint: "keep included files in the folder of the ledgers you name, or \(policy.wording.phrase(.includesAnywhere))")
    }

    // MARK: - Reading

    /// Opens `path` without blocking (a FIFO must not hang the program) and refuses anything but a
    /// regular file within the size limit: the descriptor (the caller closes it) and which file and
    /// version it is.
    static func openRegular(_ path: String, policy: InputPolicy) throws(FileError) -> (FileDescriptor, FileIdentity) {
        let limit = policy.maximumFileSize
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec, .nonBlocking, FileDescriptor.OpenOptions(rawValue: O_NOCTTY)])
        } catch {
            throw FileError.system(error as? Errno ?? .ioError, "read", path, written: false)
        }
        var keep = false
        defer { if !keep { try? descriptor.close() } }
        let size: Int
        let identity: FileIdentity
        do {
            let info = try descriptor.stat()
            identity = FileIdentity(info)
            switch info.type {
            case .regular: break
            case .directory:
                throw FileError(.notARegularFile, "\(path) is a folder, not a file", hint: "name a file")
            default:
                throw FileError(.notARegularFile, "\(path) is \(describe(info.type)), not a regular file",
                                hint: "name a file saved on disk; a device or a pipe could be read for ever")
            }
            size = Int(info.size)
        } catch let error as Errno {
            throw FileError.system(error, "read", path, written: false)
        } catch let error as FileError {
            throw error
        } catch {
            throw FileError(.readFailed, "cannot read \(path)", hint: "check the file")
        }
        if size > limit { throw tooLarge(path, size: size, policy: policy) }
        keep = true
        return (descriptor, identity)
    }

    /// Reads the regular file open on `descriptor` whole: `size` bytes, and more if it holds more
    /// than it said (as /proc files do, saying they are empty), refusing more than the limit.
    static func readWhole(_ descriptor: FileDescriptor, _ path: String, size: Int, policy: InputPolicy) throws(FileError) -> [UInt8] {
        let limit = policy.maximumFileSize
        if let fault = readFault { throw FileError.system(fault, "read", path, written: false) }
        var failure: Errno?
        var longer = false
        // Read straight into the array: no zero-fill pass over a 250 MB ledger.
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            let raw = UnsafeMutableRawBufferPointer(buffer)
            SystemCalls.preferHugePages(raw)
            while count < buffer.count {
                do {
                    let read = try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[count...]))
                    if read == 0 { return }
                    count += read
                } catch {
                    failure = error as? Errno ?? .ioError
                    return
                }
            }
            longer = true
        }
        if let failure { throw FileError.system(failure, "read", path, written: false) }
        if longer {
            // Longer than it said (a /proc file says 0 bytes): the rest in chunks, up to the limit.
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                if bytes.count > limit { throw tooLarge(path, size: bytes.count, policy: policy) }
                let read: Int
                do {
                    read = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0) }
                } catch {
                    throw FileError.system(error as? Errno ?? .ioError, "read", path, written: false)
                }
                if read == 0 { break }
                bytes.append(contentsOf: chunk[..<read])
            }
        }
        if bytes.count > limit { throw tooLarge(path, size: bytes.count, policy: policy) }
        return bytes
    }

    /// `GRANTLEDGER_FAULT_READ=EIO` makes every read fail so: how the error catalogue shows a
    /// disk that fails part way on any machine.
    static let readFault: Errno? = ProcessInfo.processInfo.environment["GRANTLEDGER_FAULT_READ"] == "EIO" ? .ioError : nil

    private static func tooLarge(_ path: String, size: Int, policy: InputPolicy) -> FileError {
        FileError(.fileTooLarge, "\(path) is larger than the \(InputPolicy.describe(policy.maximumFileSize)) a file may be",
                  hint: "check it is the file you meant; to read it anyway, \(policy.wording.phrase(.maximumFileSize))")
    }

    static func describe(_ type: FileType) -> String {
        switch type {
        case .characterSpecial: return "a device"
        case .blockSpecial: return "a disk device"
        case .fifo: return "a pipe (FIFO)"
        case .socket: return "a socket"
        case .symbolicLink: return "a symbolic link"
        default: return "not a regular file"
        }
    }
}
