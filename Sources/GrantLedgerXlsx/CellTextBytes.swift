import GrantLedgerCore

/// Whether text given as UTF-8 bytes can go into a cell exactly as it is: the text that
/// `VisibleText.cellText` would return unchanged, recognised from the bytes alone, eight at a time.
///
/// Why: a streamed Spend row hands over the ledger's bytes, and making each a `String` only to
/// find it needs nothing done is most of the cost of a text cell. The test is conservative: printable
/// ASCII, tabs and line breaks, no `_x` or `_X` (which could start an `_xHHHH_` escape) and no more
/// bytes than a cell holds. Anything else, any byte past ASCII included, is `false` and goes the
/// `String` way, through `VisibleText.cellText`, which decides exactly; so both ways write the same.
enum CellTextBytes {
    static func isWritableAsIs(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count <= TextRule.maxCellUnits else { return false }
        guard let base = utf8.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= utf8.count {
            if mayNeedLook(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) { return isWritableByteByByte(utf8) }
            offset += 8
        }
        // The last few bytes, one at a time.
        while offset < utf8.count {
            let byte = base[offset]
            if byte < 0x20 || byte >= 0x7F || byte == 0x5F { return isWritableByteByByte(utf8) }
            offset += 1
        }
        return true
    }

    /// True when some byte of `word` is not printable ASCII or is `_` (then the bytes are looked at
    /// one by one): bytes below 0x20 or equal to 0x7F or 0x5F found by the usual borrow tricks,
    /// which never miss one.
    @inline(__always)
    private static func mayNeedLook(_ word: UInt64) -> Bool {
        ByteWord.hasUnprintable(word) || ByteWord.equalMask(word, ByteWord.repeated(0x5F)) != 0
    }

    /// The exact test, for the words that might fail it.
    private static func isWritableByteByByte(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in utf8.indices {
            let byte = utf8[index]
            if byte >= 0x7F { return false }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return false }
            if byte == 0x5F, index + 1 < utf8.count, utf8[index + 1] | 0x20 == 0x78 { return false }
        }
        return true
    }
}
