import Foundation
import SystemPackage

/// Path spelling, in one place: joining, splitting, and the canonical form by which two spellings
/// of one file (`ledgers/a.ledger`, `./ledgers/../ledgers/a.ledger`, a symlink to it) are known to
/// be the same file.
public enum FilePaths {
    /// The absolute path with `.`, `..` and symlinks resolved. For a path that does not exist yet,
    /// its folder is resolved and the last component kept.
    public static func canonical(_ path: String) -> String {
        if let resolved = SystemCalls.realPath(path) { return resolved }
        let (folder, name) = split(path)
        if let resolved = SystemCalls.realPath(folder) { return join(resolved, name) }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// `relative` read from a file in `directory`: an absolute path stays as it is.
    public static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if directory.isEmpty || directory == "." { return relative }
        return directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    /// The folder (`.` when none is written, `/` for the root) and the last component.
    public static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// The folder a file is in, as written: `` for a bare file name (so joins stay relative).
    public static func directory(of path: String) -> String {
        path.contains("/") ? split(path).directory : ""
    }

    /// The last component.
    public static func lastComponent(_ path: String) -> String { split(path).name }

    /// `path` with symlinks followed to the file they lead to (which need not exist yet), spelt
    /// relative where the links are; `eachLink` may refuse a link on the way. A loop is an error.
    public static func followingLinks(_ path: String, eachLink: (String, Stat) throws(FileError) -> Void = { _, _ in })
        throws(FileError) -> String
    {
        var current = path
        for _ in 0..<40 {
            guard let info = SystemCalls.status(current, following: false), info.type == .symbolicLink,
                  let link = try? SystemCalls.readLink(current) else { return current }
            try eachLink(current, info)
            current = join(split(current).directory, link)
        }
        throw FileError(.notARegularFile, "\(path) is a loop of symbolic links", hint: "name a regular file; nothing was changed")
    }

    /// Whether canonical `path` is `folder` or inside it (both canonical).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}

extension FilePaths {
    /// Whether `path` is a folder (following symlinks).
    public static func isFolder(_ path: String) -> Bool {
        SystemCalls.status(path)?.type == .directory
    }

    /// Whether something (anything) is at `path`, following symlinks.
    public static func exists(_ path: String) -> Bool {
        SystemCalls.status(path) != nil
    }
}

extension FilePaths {
    /// `path` as written in a file in `directory` (paths in a scenario file are relative to the
    /// file, so a folder of scenarios can be moved), joined and tidied lexically so diagnostics name
    /// files the way people would: `examples/scenarios/../areas/x.csv` is `examples/areas/x.csv`.
    /// A `..` after a symlinked folder means the link target's parent, as the system reads it:
    /// the tidy spelling is used only when it names the same file.
    public static func resolve(_ path: String, relativeTo directory: String?) -> String {
        guard let directory, !path.hasPrefix("/"), !directory.isEmpty, directory != "." else {
            let tidied = tidy(path)
            return tidied == path || canonical(tidied) == canonical(path) ? tidied : path
        }
        let joined = directory + "/" + path
        let tidied = tidy(joined)
        return canonical(tidied) == canonical(joined) ? tidied : joined
    }

    /// `a/./b/../c` → `a/c`; leading `..` are kept; an absolute path stays absolute.
    public static func tidy(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == ".." && absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The error number that stops `path` being used as a folder to write in, or nil when it can be.
    public static func writableFolderProblem(_ path: String) -> Int32? {
        let info: Stat
        do { info = try FilePath(path).stat() } catch { return error.rawValue }
        if info.type != .directory { return ENOTDIR }
        return SystemCalls.accessForWriting(path)?.rawValue
    }
}
