extension SourceFiles {
    /// Opens a file named in a setting or an option (area data, a scenario, rules, an export): the
    /// file, or the diagnostic placed where it was named. `label` names it in the message ("area
    /// file"); `hint` says what to name instead when there is no such file.
    public func read(_ path: String, role: String, label: String, hint: String,
                     at origin: SettingOrigin? = nil, format: InputFormat = .utf8) -> Opened {
        do {
            return .success(try open(path, role: role, format: format))
        } catch where error.code == .fileNotFound {
            return .failure(FileError(.fileNotFound, "\(label) \(path) cannot be read: no such file", hint: hint).diagnostic(at: origin))
        } catch {
            return .failure(error.diagnostic(at: origin))
        }
    }
}
