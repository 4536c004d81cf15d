/// The cells of the names a posting points at (its account, grant, line and area), made once per
/// name for the whole register rather than once per row.
struct NamedCells<Cell> {
    private let accounts: [Cell]
    private let grants: [Cell]
    private let lines: [[Cell]]
    private let areas: [Cell]
    private let none: Cell

    init(_ ledger: Ledger, _ make: (String?) -> Cell) {
        accounts = ledger.accounts.map { make($0.name) }
        grants = ledger.grants.map { make($0.id) }
        lines = ledger.grants.map { $0.lines.map { make($0.id) } }
        areas = ledger.areas.map { make($0.id) }
        none = make(nil)
    }

    @inline(__always)
    func cells(of posting: Posting) -> (account: Cell, grant: Cell, line: Cell, area: Cell) {
        let grant = Int(posting.grant), line = Int(posting.grantLine)
        return (accounts[Int(posting.account)], grant >= 0 ? grants[grant] : none,
                grant >= 0 && line >= 0 && line < lines[grant].count ? lines[grant][line] : none,
                posting.area >= 0 ? areas[Int(posting.area)] : none)
    }
}
