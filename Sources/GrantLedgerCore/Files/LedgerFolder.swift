import Foundation
import SystemPackage

/// A path named as the books: a ledger file, or a folder whose `.ledger` files (at any depth, in
/// path order) are the books. The walk does not follow links to other folders and skips hidden
/// folders (`.git`, an editor's backups), and it gives up past `maximumEntries` (see `InputPolicy`),
/// so naming `/` by mistake is a quick error rather than a walk of the whole machine (`/proc`
/// included). A folder that cannot be read is an error, never a silent gap in the books.
public enum LedgerFolder {
    public struct Found: Sendable {
        public let files: [String]
        public let isFolder: Bool
    }

    public static func expand(_ path: String, maximumEntries: Int = InputPolicy.defaultMaximumFolderEntries,
                              raise: String = InputWording().phrase(.maximumFolderEntries)) -> Result<Found, FileError> {
        let info: Stat
        do {
            info = try FilePath(path).stat()
        } catch Errno.noSuchFileOrDirectory {
            return .failure(FileError(.fileNotFound, "no such file or folder: \(path)",
                                      hint: "name a .ledger file or a folder of them; the default is ledgers/"))
        } catch {
            return .failure(FileError.system(error, "read", path, written: false))
        }
        guard info.type == .directory else { return .success(Found(files: [path], isFolder: false)) }
        var files: [String] = []
        var folders = [path]
        var entries = 0
        while let folder = folders.popLast() {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                let cause = SystemCalls.accessForReading(folder) ?? .ioError
                return .failure(FileError.system(cause, "read the folder", folder, written: false))
            }
            for name in names {
                entries += 1
                if entries > maximumEntries {
                    return .failure(FileError(.folderTooLarge, "\(path) holds more than \(maximumEntries) files and folders: it does not look like a folder of ledgers",
                                              hint: "name the folder that holds the .ledger files, for example ledgers/ (or \(raise))"))
                }
                let child = FilePaths.join(folder, name)
                guard let entry = SystemCalls.status(child, following: false) else {
                    // Listed but not there by that name (a name that is not UTF-8, or removed
                    // while the folder was read): never a silent gap in the books.
                    guard name.hasSuffix(".ledger") || !name.unicodeScalars.allSatisfy({ $0 != "\u{FFFD}" }) else { continue }
                    return .failure(FileError(.readFailed, "cannot read \(child) in the books' folder",
                                              hint: "rename it with a plain (UTF-8) name, or move it out of the folder"))
                }
                switch entry.type {
                case .directory:
                    if !name.hasPrefix(".") { folders.append(child) }
                default:
                    // A link is followed only to a file (the door checks it); never into another folder.
                    // A .ledger that is not a file (a FIFO, a device) goes to the door too, which refuses
                    // it with not-a-regular-file: never a quiet gap in the books.
                    if name.hasSuffix(".ledger") { files.append(child) }
                }
            }
        }
        return .success(Found(files: files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, isFolder: true))
    }
}
