/// An order raised against a grant's line but not yet invoiced: money promised, shown apart from
/// what has been spent. Spend on the same grant carrying the commitment's reference (`ref:`)
/// releases it, up to its amount; `closed` releases what is left (the order cancelled, or the
/// last invoice smaller than the order).
///
/// ```
/// commitment po-4471  Youth diversion sessions, January to March
///   date        2019-12-02
///   grant       pcc-snb-2019-20
///   line        youth-crime
///   amount      £12,000.00
///   supplier    Mansfield District Council
///   ref         PO-4471          ; what the invoices carry (default: the id)
///   closed      2020-03-31       ; optional
/// ```
public struct Commitment: Hashable, Sendable {
    public let id: String
    public let name: String
    public var date: Day?
    public var grantID: String?
    public var lineID: String?
    public var amount: Money?
    public var supplier: String?
    public var initiativeID: String?
    public var areaID: String?
    public var reference: String?
    public var closed: Day?
    public let location: SourceLocation
    /// Where the `line` field's value is written, for an unknown line.
    public var lineLocation: SourceLocation?
    /// Where its date and its closing date are written, for pointing at them.
    public var dateLocation: SourceLocation?
    public var closedLocation: SourceLocation?

    public init(id: String, name: String, location: SourceLocation) {
        self.id = id
        self.name = name
        self.location = location
    }

    /// What invoices carry to release it: `ref`, or the id.
    public var releasingReference: String { reference ?? id }
}

extension Commitment: DeclaredEntity {}
