/// Ids used in postings (accounts, grants, areas, initiatives), interned while reading, with where
/// each was first used: an unknown id is reported once, at its first use, with a count of the rest.
struct SymbolTable {
    var interner = ByteInterner()
    var firstUse: [SourceLocation?] = []
    var uses: [Int] = []

    /// Interns a use at `file:line:column`; the location is built only for a first use, so the hot
    /// path neither allocates nor retains.
    mutating func use(_ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int, column: Int) -> Int32 {
        let (id, isNew) = interner.intern(bytes)
        if isNew {
            firstUse.append(SourceLocation(file: file, line: line, column: column))
            uses.append(1)
        } else {
            if firstUse[Int(id)] == nil { firstUse[Int(id)] = SourceLocation(file: file, line: line, column: column) }
            uses[Int(id)] += 1
        }
        return id
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
