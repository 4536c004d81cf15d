/// The cells of the names a posting points at (its account, grant, line and area), made once per
/// name for the whole register rather than once per row.
///
/// Why one pool of bytes and plain places into it: a cell holding an array of its own is a
/// reference count touched four times a row, twice a walk, for three million rows; a place is
/// three integers copied.
struct NamedCells {
    /// A cell's bytes in `bytes`, and its width in characters (a table's; 0 for CSV and JSON).
    struct Cell {
        let start: Int
        let count: Int
        let width: Int
    }

    private(set) var bytes: [UInt8] = []
    private var accounts: [Cell] = []
    private var grants: [Cell] = []
    /// Each grant's lines, one after another; a grant's first is at `firstLine[grant]`.
    private var lines: [Cell] = []
    private var firstLine: [Int] = []
    private var lineCount: [Int] = []
    private var areas: [Cell] = []
    private var none = Cell(start: 0, count: 0, width: 0)

    init(_ ledger: Ledger, _ make: (String?) -> (bytes: [UInt8], width: Int)) {
        func cell(_ text: String?) -> Cell {
            let made = make(text)
            defer { bytes += made.bytes }
            return Cell(start: bytes.count, count: made.bytes.count, width: made.width)
        }
        accounts = ledger.accounts.map { cell($0.name) }
        grants = ledger.grants.map { cell($0.id) }
        for grant in ledger.grants {
            firstLine.append(lines.count)
            lineCount.append(grant.lines.count)
            lines += grant.lines.map { cell($0.id) }
        }
        areas = ledger.areas.map { cell($0.id) }
        none = cell(nil)
    }

    @inline(__always)
    func cells(of posting: Posting) -> (account: Cell, grant: Cell, line: Cell, area: Cell) {
        let grant = Int(posting.grant), line = Int(posting.grantLine)
        return (accounts[Int(posting.account)], grant >= 0 ? grants[grant] : none,
                grant >= 0 && line >= 0 && line < lineCount[grant] ? lines[firstLine[grant] + line] : none,
                posting.area >= 0 ? areas[Int(posting.area)] : none)
    }
}
