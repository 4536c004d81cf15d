/// A value with the place it was written, so a problem found with it later is shown there.
public struct Located<Value: Sendable>: Sendable {
    public let value: Value
    public let origin: SettingOrigin?

    public init(_ value: Value, at origin: SettingOrigin? = nil) {
        self.value = value
        self.origin = origin
    }
}
