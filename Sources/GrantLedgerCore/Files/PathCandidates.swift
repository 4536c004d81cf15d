import Foundation

/// What a path being typed could become, for the shells' completion of a value that is either a
/// file or a word of another kind (`--previous` takes last year's CSV or `allocation:ID`), where the
/// shell's own file completion cannot be mixed in. Folders are offered (with a `/`, to go on into)
/// and files with one of `extensions`, from the folder the typed text names, whose names start as
/// its last part does. Nothing is opened or read, hidden entries only when a `.` is typed, and a
/// folder that cannot be listed offers nothing: completion never fails aloud.
public enum PathCandidates {
    /// At most this many entries of a folder are looked at, so that TAB in a huge folder stays quick.
    public static let maximumEntries = 10_000

    public static func completing(_ typed: String, extensions: [String]) -> [String] {
        let slash = typed.lastIndex(of: "/")
        // The folder as typed (`examples/areas/`, `/`, or nothing for the working folder), kept as
        // typed so that the shell matches the candidates against what is on the line.
        let written = slash.map { String(typed[...$0]) } ?? ""
        let start = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: written.isEmpty ? "." : written) else { return [] }
        var found: [String] = []
        for name in names.prefix(maximumEntries) where name.hasPrefix(start) && (start.hasPrefix(".") || !name.hasPrefix(".")) {
            // Links are followed, as the door follows them to the file it reads.
            guard let entry = SystemCalls.status(written + name) else { continue }
            if entry.type == .directory {
                found.append(written + name + "/")
            } else if entry.type == .regular, extensions.contains(where: { name.hasSuffix("." + $0) }) {
                found.append(written + name)
            }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
