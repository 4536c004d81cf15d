/// Ids used in postings (accounts, grants, areas, initiatives), interned while reading, with where
/// each was first used: an unknown id is reported once, at its first use, with a count of the rest.
struct SymbolTable {
    var interner = ByteInterner()
    var firstUse: [SourceLocation?] = []
    var uses: [Int] = []

    /// Interns a use at `file:line:column`; the location is built only for a first use, so the hot
    /// path neither allocates nor retains (`file` is an autoclosure: passing the string itself would
    /// retain and release it on every use).
    mutating func use(_ bytes: UnsafeBufferPointer<UInt8>, file: @autoclosure () -> String, line: Int, column: Int) -> Int32 {
        let (id, isNew) = interner.intern(bytes)
        if isNew {
            firstUse.append(SourceLocation(file: file(), line: line, column: column))
            uses.append(1)
        } else {
            // One access to the counts (each checks the array is not shared), not two.
            let firstUsed = uses.withUnsafeMutableBufferPointer { counts in
                counts[Int(id)] += 1
                return counts[Int(id)] == 1
            }
            // No uses before means only declared so far: this is the first use.
            if firstUsed { firstUse[Int(id)] = SourceLocation(file: file(), line: line, column: column) }
        }
        return id
    }

    /// Adds `later`'s symbols, which a parser read from a later part of a file, as if their uses had
    /// been read here after this table's own: new names are appended in `later`'s order, a name known
    /// here keeps its first use unless it had none, and use counts add up. Returns this table's id
    /// for each of `later`'s ids.
    mutating func absorb(_ later: SymbolTable) -> [Int32] {
        var map: [Int32] = []
        map.reserveCapacity(later.count)
        for symbol in 0..<Int32(later.count) {
            let (id, isNew) = later.interner.withBytes(symbol) { interner.intern($0) }
            let index = Int(id), laterIndex = Int(symbol)
            if isNew {
                firstUse.append(later.firstUse[laterIndex])
                uses.append(later.uses[laterIndex])
            } else {
                if firstUse[index] == nil { firstUse[index] = later.firstUse[laterIndex] }
                uses[index] += later.uses[laterIndex]
            }
            map.append(id)
        }
        return map
    }

    /// Interns a declaration's id without counting a use.
    mutating func declare(_ text: String) -> Int32 {
        let before = interner.count
        let id = interner.intern(text)
        if interner.count > before {
            firstUse.append(nil)
            uses.append(0)
        }
        return id
    }

    var count: Int { interner.count }
    func name(_ id: Int32) -> String { interner.string(id) }
}
