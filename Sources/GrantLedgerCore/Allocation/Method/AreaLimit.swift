/// A floor or a cap: for every area (`£20,000`) or for one (`Mansfield £25,000`, `Mansfield=£25,000`).
/// One area's own limit replaces the limit for every area, so a committee can protect or restrain
/// a single partnership without changing the rule for the rest.
public struct AreaLimit: Sendable {
    public enum Kind: String, Sendable {
        case floor, cap
    }

    public let kind: Kind
    /// The area it applies to; `nil` for every area.
    public let area: String?
    public let amount: Money
    public let origin: SettingOrigin?
    /// Where the area's name sits in the setting (for "no such area" carets).
    let areaOffset: Int

    public init(_ kind: Kind, area: String? = nil, amount: Money, origin: SettingOrigin? = nil) {
        self.kind = kind
        self.area = area
        self.amount = amount
        self.origin = origin
        self.areaOffset = 0
    }

    init(_ kind: Kind, area: String?, amount: Money, origin: SettingOrigin?, areaOffset: Int) {
        self.kind = kind
        self.area = area
        self.amount = amount
        self.origin = origin
        self.areaOffset = areaOffset
    }

    /// `Mansfield £25,000.00` or `£20,000.00`.
    public var description: String { (area.map { $0 + " " } ?? "") + amount.formatted(.display) }
}
