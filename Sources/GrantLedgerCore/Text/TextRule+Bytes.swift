import Foundation

/// The text rule over UTF-8 bytes, for the readers: they find a refused character where it is,
/// without making a `String` of each line (the ledger reader reads a million transactions).
extension TextRule {
    /// What is first wrong in some bytes: not UTF-8 at all, or a character the rule refuses.
    enum ByteProblem: Equatable {
        case invalidUTF8(byteOffset: Int)
        case character(Problem)

        var byteOffset: Int {
            switch self {
            case .invalidUTF8(let offset): return offset
            case .character(let problem): return problem.byteOffset
            }
        }
    }

    /// The first byte that is not valid UTF-8 or starts a character the rule refuses (a control
    /// other than tab, U+007F, U+FFFE, U+FFFF), or nil. `allowingLineEnds` lets LF, and CR directly
    /// before LF or at the end, through: a window of many lines is checked at once that way.
    ///
    /// Eight ASCII bytes are tested at a time: a byte below 0x20 or equal to 0x7F is found with
    /// carry-free bit tricks, and only a word holding one (a line end, in a window) is looked at
    /// byte by byte.
    static func firstByteProblem(in bytes: UnsafeBufferPointer<UInt8>, allowingLineEnds: Bool) -> ByteProblem? {
        var i = 0
        let n = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let high = ByteWord.high
        let equalMask = ByteWord.equalMask
        while i < n {
            while i + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if word & high != 0 { break }
                let below = ByteWord.below(0x20, word)
                let delete = equalMask(word, ByteWord.repeated(0x7F))
                if below | delete == 0 {
                    i += 8
                    continue
                }
                var allowed = equalMask(word, 0x0909_0909_0909_0909)
                if allowingLineEnds {
                    let lineFeeds = equalMask(word, 0x0A0A_0A0A_0A0A_0A0A)
                    // A CR is allowed when the next byte in the word is LF.
                    allowed |= lineFeeds | (equalMask(word, 0x0D0D_0D0D_0D0D_0D0D) & (lineFeeds >> 8))
                }
                if (below & ~allowed) | delete == 0 {
                    i += 8
                    continue
                }
                break
            }
            if i >= n { break }
            let lead = bytes[i]
            if lead < 0x80 {
                if lead < 0x20 || lead == 0x7F {
                    let allowed: Bool
                    switch lead {
                    case 0x09: allowed = true
                    case 0x0A: allowed = allowingLineEnds
                    case 0x0D: allowed = allowingLineEnds && (i + 1 == n || bytes[i + 1] == 0x0A)
                    default: allowed = false
                    }
                    if !allowed { return .character(.control(scalar: UInt32(lead), byteOffset: i)) }
                }
                i += 1
                continue
            }
            guard let (scalar, length) = bytes.utf8Scalar(at: i) else { return .invalidUTF8(byteOffset: i) }
            if scalar == 0xFFFE || scalar == 0xFFFF { return .character(.nonCharacter(scalar: scalar, byteOffset: i)) }
            i += length
        }
        return nil
    }

    /// True when a window of whole lines is valid UTF-8 holding nothing the rule refuses, line ends
    /// aside: the fast accept the line splitter makes for every window of a ledger. A window that
    /// fails is checked again line by line (`firstByteProblem`), to say where and what.
    ///
    /// Two passes, each faster than one doing both: the UTF-8 check skips ASCII sixteen bytes at a
    /// time, and the control scan compares sixteen bytes at once as a vector (a compare, four
    /// equalities and three ors per block: about half an instruction a byte, against three and a half
    /// for eight-byte bit tricks, which had to look closer at every word holding a line end).
    /// Carriage returns, allowed only before a line feed, are looked at one by one, and only in a
    /// window that has any (a file with CR LF line ends).
    static func isClean(window bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.firstInvalidUTF8Offset(refusingNonCharacters: true) == nil else { return false }
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var i = 0
        var refusedLanes = SIMDMask<SIMD16<Int8>>(repeating: false)
        var returnLanes = SIMDMask<SIMD16<Int8>>(repeating: false)
        let space = SIMD16<UInt8>(repeating: 0x20), delete = SIMD16<UInt8>(repeating: 0x7F)
        let tab = SIMD16<UInt8>(repeating: 0x09), lineFeed = SIMD16<UInt8>(repeating: 0x0A)
        let carriageReturn = SIMD16<UInt8>(repeating: 0x0D)
        while i + 16 <= n {
            let block = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            let returnsHere = block .== carriageReturn
            refusedLanes .|= (block .< space) .& .!(block .== tab .| block .== lineFeed .| returnsHere)
            refusedLanes .|= block .== delete
            returnLanes .|= returnsHere
            i += 16
        }
        if any(refusedLanes) { return false }
        var carriageReturns = any(returnLanes)
        while i < n {
            let byte = bytes[i]
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return false }
            if byte == 0x0D { carriageReturns = true }
            i += 1
        }
        guard carriageReturns else { return true }
        var from = 0
        while from < bytes.count, let found = memchr(base + from, 0x0D, bytes.count - from) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if at + 1 < bytes.count && bytes[at + 1] != 0x0A { return false }
            from = at + 1
        }
        return true
    }

    /// How many UTF-16 units valid UTF-8 `bytes` make (what Excel counts): one per character, two
    /// for a character written in four bytes.
    static func utf16Count(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var units = 0
        for byte in bytes where byte & 0xC0 != 0x80 {
            units += byte >= 0xF0 ? 2 : 1
        }
        return units
    }

    /// The problem with a field of valid UTF-8 at `range` of a line whose characters were already
    /// checked: too long for a cell, or nil. Bytes are never fewer than UTF-16 units, so a field of
    /// at most `maxCellUnits` bytes is let through at the cost of one comparison.
    static func lengthProblem(in line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Problem? {
        guard range.count > maxCellUnits else { return nil }
        let units = utf16Count(ofUTF8: UnsafeBufferPointer(rebasing: line[range]))
        return units > maxCellUnits ? .tooLong(units: units) : nil
    }

    /// The diagnostic for `problem` in text called `what` ("this line", "the description"), at
    /// `location` (for a character: where it is; for a length: where the text starts).
    static func diagnostic(_ problem: Problem, what: String, at location: SourceLocation,
                           textLength: Int = 1, excerpt: String? = nil) -> Diagnostic {
        let length: Int
        switch problem {
        case .control: length = 1
        case .nonCharacter: length = 3
        case .tooLong: length = textLength
        }
        return Diagnostic(.badText, "\(what) \(problem.explanation)", hint: problem.hint, at: location,
                          length: length, excerpt: excerpt)
    }
}

extension TextRule.Problem {
    /// What to do about it, for a finance officer.
    var hint: String {
        switch self {
        case .control(let scalar, _) where scalar == 0x0A || scalar == 0x0D:
            return "write it on one line: a line break cannot be kept here"
        case .control:
            return "delete the invisible character (often pasted in from another program); a tab is allowed"
        case .nonCharacter:
            return "delete it: it is not a character and a spreadsheet cannot hold it (often left by a broken conversion)"
        case .tooLong:
            return "shorten it to at most \(TextRule.maxCellUnits) characters; keep long notes in a document and refer to it"
        }
    }
}
