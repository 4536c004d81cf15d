/// Paths in a scenario file are relative to the file, so that a folder of scenarios can be moved or
/// run from anywhere; they are joined and tidied lexically (`examples/scenarios/../areas/x.csv`
/// becomes `examples/areas/x.csv`) so that diagnostics name files the way people would.
public enum ScenarioPath {
    public static func resolve(_ path: String, relativeTo directory: String?) -> String {
        guard let directory, !path.hasPrefix("/") else { return normalize(path) }
        if directory.isEmpty || directory == "." { return normalize(path) }
        return normalize(directory + "/" + path)
    }

    /// The folder of a file path (`.` for a bare name).
    public static func directory(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        if slash == file.startIndex { return "/" }
        return String(file[..<slash])
    }

    /// `a/./b/../c` → `a/c`; leading `..` are kept; an absolute path stays absolute.
    static func normalize(_ path: String) -> String {
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
}
