/// The names a Spend row shows beside a posting's own texts (its grant's, line's, area's and
/// initiative's ids and its spend class), as bytes in one `TextStore`, found by the posting's
/// numbers.
///
/// Why: a row read through `ledger.grants[…].id` copies a `String` (and for a `Grant` every field
/// of it, each reference counted) for every cell of a million rows; here the row reads bytes, and
/// the sheet measures and writes them as it does the ledger's own texts.
struct SpendNames: Sendable {
    private(set) var store = TextStore()
    private var grants: [Int32] = []
    /// The numbers of every grant's lines, grant after grant: grant `g`'s from `lineStarts[g]` to `lineStarts[g + 1]`.
    private var lines: [Int32] = []
    private var lineStarts: [Int] = [0]
    private var areas: [Int32] = []
    private var initiatives: [Int32] = []
    /// By `SpendClass.rawValue` (0 stands for none).
    private var classes: [Int32] = [TextStore.none]

    init(_ ledger: Ledger) {
        for grant in ledger.grants {
            grants.append(store.add(grant.id))
            for line in grant.lines { lines.append(store.add(line.id)) }
            lineStarts.append(lines.count)
        }
        areas = ledger.areas.map { store.add($0.id) }
        initiatives = ledger.initiatives.map { store.add($0.id) }
        for spendClass in SpendClass.allCases {
            while classes.count <= Int(spendClass.rawValue) { classes.append(TextStore.none) }
            classes[Int(spendClass.rawValue)] = store.add(spendClass.name)
        }
    }

    /// The posting's grant's id (a spend posting always has a grant).
    func grant(_ posting: Posting) -> Int32 { posting.grant >= 0 ? grants[Int(posting.grant)] : TextStore.none }

    /// Its line's id, or none when it names no line (or one its grant does not have).
    func line(_ posting: Posting) -> Int32 {
        guard posting.grant >= 0, posting.grantLine >= 0 else { return TextStore.none }
        let start = lineStarts[Int(posting.grant)], end = lineStarts[Int(posting.grant) + 1]
        return Int(posting.grantLine) < end - start ? lines[start + Int(posting.grantLine)] : TextStore.none
    }

    func area(_ posting: Posting) -> Int32 { posting.area >= 0 ? areas[Int(posting.area)] : TextStore.none }

    func initiative(_ posting: Posting) -> Int32 {
        posting.initiative >= 0 ? initiatives[Int(posting.initiative)] : TextStore.none
    }

    func spendClass(_ posting: Posting) -> Int32 { posting.spendClass.map { classes[Int($0.rawValue)] } ?? TextStore.none }
}
