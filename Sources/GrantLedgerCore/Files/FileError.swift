import SystemPackage

/// Why a file could not be read or written, as a finance officer needs to hear it: a code of its own
/// for each cause (a full disk is not a missing file), the path, and what to do about it. The caller
/// places it: at the option or setting that named the file, or at the `include` line.
public struct FileError: Error, Hashable, Sendable {
    public let code: DiagnosticCode
    public let message: String
    public let hint: String
    /// Set when the problem is inside the file itself (an encoding named by its first bytes), which
    /// then wins over wherever the caller would place it.
    public let location: SourceLocation?

    public init(_ code: DiagnosticCode, _ message: String, hint: String, at location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
    }

    /// The diagnostic for this failure, unlocated (a path given on the command line).
    public var diagnostic: Diagnostic { diagnostic(at: nil as SourceLocation?) }

    /// The diagnostic placed at `location` (an `include` line, a setting in a scenario file).
    public func diagnostic(at location: SourceLocation?, length: Int = 1, excerpt: String? = nil) -> Diagnostic {
        if let own = self.location { return Diagnostic(code, message, hint: hint, at: own) }
        return Diagnostic(code, message, hint: hint, at: location, length: length, excerpt: excerpt)
    }

    /// `system(_:_:_:written:)` for an `errno` value from C (libxlsxwriter's scratch files).
    public static func system(errno code: Int32, _ doing: String, _ path: String, written: Bool) -> FileError {
        system(Errno(rawValue: code), doing, path, written: written)
    }

    /// A failed system call on `path` while `doing` ("read", "write"). Every errno a full,
    /// read-only, over-quota or forbidden disk gives has its own code.
    static func system(_ errno: Errno, _ doing: String, _ path: String, written: Bool) -> FileError {
        let reason = errno.description
        switch errno {
        case .noSpace:
            return FileError(.diskFull, "cannot \(doing) \(path): the disk is full (\(reason))",
                             hint: "free some space on that disk, or write somewhere else\(written ? "; no file was changed" : "")")
        case .fileTooLarge:
            return FileError(.fileSizeLimit, "cannot \(doing) \(path): the file would pass the size limit for files (\(reason))",
                             hint: "raise the limit (ulimit -f) or write to another file system\(written ? "; no file was changed" : "")")
        case .readOnlyFileSystem:
            return FileError(.readOnlyFileSystem, "cannot \(doing) \(path): the disk is read-only (\(reason))",
                             hint: "write to a folder on a disk that can be written\(written ? "; no file was changed" : "")")
        case .permissionDenied, .notPermitted:
            return FileError(.permissionDenied, "cannot \(doing) \(path): permission denied",
                             hint: written ? "check you may write to that folder; no file was changed"
                                 : "check you may read the file (ls -l \(path))")
        case .noSuchFileOrDirectory, .notDirectory:
            return FileError(.fileNotFound, "cannot \(doing) \(path): no such file or folder",
                             hint: written ? "create the folder first, or name one that exists" : "check the path")
        case .diskQuotaExceeded:
            return FileError(.quotaExceeded, "cannot \(doing) \(path): your disk quota is used up (\(reason))",
                             hint: "free some space within your quota, or write somewhere else\(written ? "; no file was changed" : "")")
        case .noSuchAddressOrDevice:
            // What opening a socket (or a device with nothing behind it) gives.
            return FileError(.notARegularFile, "cannot \(doing) \(path): it is a socket or a device, not a regular file",
                             hint: "name a file saved on disk")
        default:
            return FileError(written ? .writeFailed : .readFailed, "cannot \(doing) \(path): \(reason)",
                             hint: written ? "check the disk and the folder; no file was changed" : "check the disk and the file")
        }
    }
}

extension FileError {
    /// The diagnostic placed at the setting or option that named the file.
    public func diagnostic(at origin: SettingOrigin?) -> Diagnostic {
        if location != nil { return diagnostic(at: nil as SourceLocation?) }
        return Diagnostic(code, message, hint: hint, origin: origin)
    }
}
