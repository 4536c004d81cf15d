/// A file opened for a reader (area data, a scenario, rules, an export), or the located reason it
/// could not be: what `SourceFiles.read(_:role:label:hint:at:)` gives.
public enum Opened {
    case success(SourceFile)
    case failure(Diagnostic)
}
