import Foundation

/// The bytes of an input file named in a setting (area data, last year's allocation, a scenario),
/// or the located reason it cannot be read: a folder where a file was meant, or no such file.
enum InputFileBytes {
    enum Outcome {
        case success([UInt8])
        case failure(Diagnostic)
    }

    /// `label` names the file in the message ("area file", "scenario"); `kind` says what a folder
    /// is not ("an area file"); `hint` says what to name instead.
    static func read(_ path: String, label: String, kind: String, hint: String,
                     origin: SettingOrigin?) -> Outcome {
        if let data = FileManager.default.contents(atPath: path) { return .success([UInt8](data)) }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let what = exists && isDirectory.boolValue ? "is a folder, not \(kind)" : "cannot be read"
        return .failure(diagnostic(.fileNotFound, "\(label) \(path) \(what)", hint: hint, at: origin))
    }
}
