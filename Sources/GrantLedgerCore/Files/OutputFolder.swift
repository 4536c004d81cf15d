import Foundation
import SystemPackage

/// The one way the tool creates a folder of new files (`grantledger init`'s books): all or nothing,
/// as `OutputFile` writes one file, and each file written through `OutputFile`.
///
/// - A folder that does not exist yet is built as a temporary folder beside it
///   (`.NAME.grantledger-PID-RANDOM.tmp`, locked while in use) and renamed into place in one step:
///   a failure, a full disk or a kill leaves no folder. A killed run's temporary folder is known by
///   its free lock and removed by the next run, as `OutputFile`'s temporary files are.
/// - An existing folder is written into only when it is empty. The files are built in a temporary
///   folder inside it, then each given its name in the folder by a hard link, which never replaces a
///   file that appeared meanwhile; after a failure the ones placed are removed again. Only a kill
///   in the instant between two links can leave part of the files. (Renaming a new folder over the
///   empty one would be one step, but would take the folder from under a shell standing in it.)
/// - Anything else is refused, with nothing changed: a folder holding anything at all
///   (`folder-not-empty`: new files are never mixed with someone's own), or a file, pipe or device
///   at the path or in place of its parent folder (`not-a-folder`). A symlink is followed to its
///   target, as `OutputFile` does, and refused when another user planted it in a shared folder.
public enum OutputFolder {
    /// Writes `files` (names within the folder, and their bytes) into `destination`, creating it.
    public static func create(_ destination: String, files: [(name: String, bytes: [UInt8])]) throws(FileError) {
        let written = withoutTrailingSlashes(destination)
        guard !written.isEmpty else {
            throw FileError(.notAFolder, "an empty path does not name a folder",
                            hint: "name the folder to create, for example my-books; nothing was changed")
        }
        let target: String
        do {
            target = try FilePaths.followingLinks(written, eachLink: OutputFile.refuseLinksPlantedByOthers)
        } catch where error.code == .notARegularFile {
            throw FileError(.notAFolder, "refusing to write into \(destination): it is a loop of symbolic links, not a folder",
                            hint: "name a new folder, or an empty one; nothing was changed")
        }
        if let existing = SystemCalls.status(target) {
            guard existing.type == .directory else { throw notAFolder(destination, existing.type) }
            try fill(emptyFolder: target, shownAs: destination, with: files)
        } else {
            try create(newFolder: target, shownAs: destination, with: files)
        }
    }

    /// The temporary folder beside `target`, renamed to it once every file is in.
    private static func create(newFolder target: String, shownAs destination: String,
                               with files: [(name: String, bytes: [UInt8])]) throws(FileError) {
        let parent = FilePaths.split(target).directory
        guard let info = SystemCalls.status(parent) else {
            throw FileError(.fileNotFound, "cannot create \(destination): there is no folder \(parent) to create it in",
                            hint: "create that folder first (mkdir -p \(parent)), or name a folder inside one that exists; nothing was changed")
        }
        guard info.type == .directory else {
            throw FileError(.notAFolder, "cannot create \(destination): \(parent) is \(describe(info.type)), not a folder",
                            hint: "name a folder inside a folder; nothing was changed")
        }
        let stage = try Stage(in: parent, for: FilePaths.lastComponent(target), destination: destination)
        do throws(FileError) {
            try stage.write(files)
            do {
                try SystemCalls.rename(stage.path, target)
            } catch {
                throw renameFailure(error, destination)
            }
        } catch {
            stage.remove()
            throw error
        }
        stage.release()
        SystemCalls.syncFolder(parent)
    }

    /// The temporary folder inside the empty `folder`; each file linked up into it once all are written.
    private static func fill(emptyFolder folder: String, shownAs destination: String,
                             with files: [(name: String, bytes: [UInt8])]) throws(FileError) {
        let name = FilePaths.lastComponent(FilePaths.canonical(folder))
        OutputFile.removeAbandoned(in: folder, for: name)
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw FileError.system(SystemCalls.accessForReading(folder) ?? .ioError, "read the folder", destination, written: true)
        }
        let working = OutputFile.temporaryPrefix(for: name)
        if let other = entries.first, entries.allSatisfy({ $0.hasPrefix(working) }) {
            // What is left after `removeAbandoned` is held: a run still writing it.
            throw FileError(.folderNotEmpty, "refusing to write into \(destination): another grantledger run is writing into it (\(other))",
                            hint: "let that run finish, then look at the folder; nothing was changed")
        }
        guard entries.isEmpty else { throw notEmpty(destination, holding: entries) }
        let stage = try Stage(in: folder, for: name, destination: destination)
        var placed: [String] = []
        do throws(FileError) {
            try stage.write(files)
            for file in files {
                let path = FilePaths.join(folder, file.name)
                try place(FilePaths.join(stage.path, file.name), at: path, shownAs: destination)
                placed.append(path)
            }
        } catch {
            for path in placed { SystemCalls.unlink(path) }
            stage.remove()
            throw error
        }
        stage.remove()
        SystemCalls.syncFolder(folder)
    }

    /// Gives the staged file its name in the folder without ever replacing a file there: a hard link
    /// fails when the name is taken. On a disk without hard links, the name is checked, then renamed to.
    private static func place(_ staged: String, at path: String, shownAs destination: String) throws(FileError) {
        do {
            try SystemCalls.link(staged, path)
        } catch where error == .fileExists {
            throw notEmpty(destination, holding: [FilePaths.lastComponent(path)])
        } catch {
            guard SystemCalls.status(path, following: false) == nil else {
                throw notEmpty(destination, holding: [FilePaths.lastComponent(path)])
            }
            do {
                try SystemCalls.rename(staged, path)
            } catch {
                throw FileError.system(error, "write", FilePaths.join(destination, FilePaths.lastComponent(path)), written: true)
            }
        }
    }

    // MARK: - Refusals

    static func notEmpty(_ destination: String, holding entries: [String]) -> FileError {
        let names = entries.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
        return FileError(.folderNotEmpty, "refusing to write into \(destination): it is not empty (it holds \(shown))",
                         hint: "name a new folder, or an empty one: nothing is written beside files already there; nothing was changed")
    }

    static func notAFolder(_ destination: String, _ type: FileType) -> FileError {
        FileError(.notAFolder, "refusing to write into \(destination): it is \(describe(type)), not a folder",
                  hint: "name a new folder, or an empty one; nothing was changed")
    }

    /// Why the temporary folder could not become `destination`: something appeared there meanwhile,
    /// or the disk refused.
    private static func renameFailure(_ error: Errno, _ destination: String) -> FileError {
        switch error {
        case .directoryNotEmpty, .fileExists:
            return FileError(.folderNotEmpty, "refusing to write into \(destination): another program filled it while the books were written",
                             hint: "name a new folder, or an empty one; nothing was changed")
        case .notDirectory, .isDirectory:
            return notAFolder(destination, SystemCalls.status(destination)?.type ?? .regular)
        default:
            return FileError.system(error, "create the folder", destination, written: true)
        }
    }

    static func describe(_ type: FileType) -> String {
        type == .regular ? "a file" : SourceFiles.describe(type)
    }

    /// `my-books/` is `my-books`; `/` stays `/`.
    static func withoutTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}

extension OutputFolder {
    /// A temporary folder, locked while in use and named as `OutputFile` names its temporary files,
    /// so that one left by a killed run is recognised and removed (`OutputFile.removeAbandoned`).
    private final class Stage {
        let path: String
        /// The folder the user named, which messages name.
        let destination: String
        private var lock: FileDescriptor?

        init(in folder: String, for name: String, destination: String) throws(FileError) {
            self.destination = destination
            OutputFile.removeAbandoned(in: folder, for: name)
            var made: String?
            for _ in 0..<16 {
                let candidate = OutputFile.temporaryCandidate(in: folder, for: name)
                do {
                    try SystemCalls.mkdir(candidate, mode: 0o777)
                    made = candidate
                    break
                } catch where error == .fileExists {
                    continue
                } catch {
                    throw FileError.system(error, "create the folder", destination, written: true)
                }
            }
            guard let made else {
                throw FileError(.writeFailed, "cannot find a free temporary name beside \(destination)", hint: "remove stray .tmp folders beside it")
            }
            path = made
            if let fd = try? FileDescriptor.open(FilePath(made), .readOnly, options: [.closeOnExec, .directory]) {
                _ = SystemCalls.tryLock(fd)
                lock = fd
            }
        }

        deinit { release() }

        /// Each file written whole into the temporary folder, named in messages as it will be found.
        func write(_ files: [(name: String, bytes: [UInt8])]) throws(FileError) {
            for file in files {
                try OutputFile.write(to: FilePaths.join(path, file.name), shownAs: FilePaths.join(destination, file.name)) { sink in
                    sink.write(bytes: file.bytes)
                }
            }
        }

        /// Removes the folder and whatever is in it.
        func remove() {
            try? FileManager.default.removeItem(atPath: path)
            release()
        }

        func release() {
            if let lock { try? lock.close() }
            lock = nil
        }
    }
}
