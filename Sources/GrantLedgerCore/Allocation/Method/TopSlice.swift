/// A named amount taken off the pot before the formula: kept centrally (an officer's post, an
/// evaluation) or paid to one area for a named purpose. Committees fund such things first and share
/// what is left, so the slice is shown beside the formula rather than hidden inside a weight.
public struct TopSlice: Sendable {
    public let name: String
    public let amount: Money
    /// The area it is paid to; `nil` when it is retained centrally.
    public let area: String?
    public let origin: SettingOrigin?

    public init(name: String, amount: Money, area: String? = nil, origin: SettingOrigin? = nil) {
        self.name = name
        self.amount = amount
        self.area = area
        self.origin = origin
    }
}
