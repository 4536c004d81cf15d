import Foundation

/// A path named as the books: a ledger file, or a folder whose `.ledger` files (at any depth, in
/// path order) are the books. The walk stays on the folder's own disk, does not follow links to
/// other folders, skips hidden folders, and gives up past `maximumEntries` (see `InputPolicy`), so
/// naming `/` by mistake is a quick error rather than a walk of the whole machine (`/proc` included).
public enum LedgerFolder {
    public struct Found: Sendable {
        public let files: [String]
        public let isFolder: Bool
    }

    public static func expand(_ path: String, maximumEntries: Int = InputPolicy.defaultMaximumFolderEntries) -> Result<Found, FileError> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(FileError(.fileNotFound, "no such file or folder: \(path)",
                                      hint: "name a .ledger file or a folder of them; the default is ledgers/"))
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .success(Found(files: [path], isFolder: false)) }
        let device = info.st_dev
        var files: [String] = []
        var folders = [path]
        var entries = 0
        while let folder = folders.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where !name.hasPrefix(".") {
                entries += 1
                if entries > maximumEntries {
                    return .failure(FileError(.folderTooLarge, "\(path) holds more than \(maximumEntries) files and folders: it does not look like a folder of ledgers",
                                              hint: "name the folder that holds the .ledger files, for example ledgers/ (or raise --max-folder-entries)"))
                }
                let child = FilePaths.join(folder, name)
                var entry = stat()
                guard lstat(child, &entry) == 0 else { continue }
                switch entry.st_mode & S_IFMT {
                case S_IFDIR:
                    if entry.st_dev == device { folders.append(child) }
                case S_IFREG, S_IFLNK:
                    // A link is followed only to a file (the door checks it); never into another folder.
                    if name.hasSuffix(".ledger") { files.append(child) }
                default:
                    continue
                }
            }
        }
        return .success(Found(files: files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, isFolder: true))
    }
}
