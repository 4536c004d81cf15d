import Testing
@testable import GrantLedgerCore

/// The byte-level text rule the readers use finds exactly what the string rule finds, at the same
/// offset, wherever in an eight-byte word the character falls.
@Suite("The text rule over bytes")
struct TextRuleBytesTests {
    static func problem(_ bytes: [UInt8], lineEnds: Bool = false) -> TextRule.ByteProblem? {
        bytes.withUnsafeBufferPointer { TextRule.firstByteProblem(in: $0, allowingLineEnds: lineEnds) }
    }

    @Test func everyRefusedControlIsFoundAtEachPositionOfAWord() {
        let refused = Array(0x00...0x08) + [0x0B, 0x0C, 0x0E, 0x0F] + Array(0x10...0x1F) + [0x7F, 0x0A, 0x0D]
        for byte in refused {
            for position in 0..<20 {
                var bytes = Array("Payment to Oak Tree!".utf8)
                bytes[position] = UInt8(byte)
                #expect(Self.problem(bytes) == .character(.control(scalar: UInt32(byte), byteOffset: position)),
                        "byte \(byte) at \(position)")
            }
        }
    }

    @Test func tabsAndPrintableTextPass() {
        #expect(Self.problem(Array("Safer Streets\t£750,000.00 ; ref:SS-4 “quoted” café 🚓".utf8)) == nil)
        #expect(Self.problem([]) == nil)
    }

    @Test func nonCharactersAreFoundAndOtherCharactersNearThemPass() {
        let text = Array("Newark and Sherwood ".utf8)
        #expect(Self.problem(text + [0xEF, 0xBF, 0xBE]) == .character(.nonCharacter(scalar: 0xFFFE, byteOffset: text.count)))
        #expect(Self.problem(text + [0xEF, 0xBF, 0xBF, 0x41]) == .character(.nonCharacter(scalar: 0xFFFF, byteOffset: text.count)))
        // U+FFFD (the replacement character) and U+FEFF are characters.
        #expect(Self.problem(text + [0xEF, 0xBF, 0xBD, 0xEF, 0xBB, 0xBF]) == nil)
    }

    @Test func invalidUTF8IsToldApartFromARefusedCharacter() {
        #expect(Self.problem(Array("Caf".utf8) + [0xE9]) == .invalidUTF8(byteOffset: 3))
        #expect(Self.problem([0xED, 0xA0, 0x80]) == .invalidUTF8(byteOffset: 0))
    }

    @Test func aWindowOfLinesAllowsLineEndsButNotALoneCarriageReturn() {
        #expect(Self.problem(Array("one line\ntwo lines\r\nthree\r".utf8), lineEnds: true) == nil)
        // CR LF across the boundary of two words.
        #expect(Self.problem(Array("1234567\r\n89".utf8), lineEnds: true) == nil)
        #expect(Self.problem(Array("one\rtwo\n".utf8), lineEnds: true) == .character(.control(scalar: 0x0D, byteOffset: 3)))
        #expect(Self.problem(Array("one line\n\u{1B}[2J\n".utf8), lineEnds: true) == .character(.control(scalar: 0x1B, byteOffset: 9)))
        #expect(Self.problem(Array("a\nb".utf8), lineEnds: false) == .character(.control(scalar: 0x0A, byteOffset: 1)))
    }

    @Test func agreesWithTheStringRuleOnRandomText() {
        var generator = SplitMix(seed: 0x7E57_0010)
        let alphabet: [Unicode.Scalar] = ["a", " ", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "£", "é", "\u{FFFE}", "\u{FFFF}", "🚓", "\u{FFFD}"]
        for _ in 0..<2_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                scalars.append(Bool.random(using: &generator) ? "x" : alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
            }
            let text = String(scalars)
            let expected = TextRule.firstProblem(in: text).map { TextRule.ByteProblem.character($0) }
            #expect(Self.problem(Array(text.utf8)) == expected, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func lengthIsCountedInUTF16UnitsAsExcelDoes() {
        let emoji = String(repeating: "🚓", count: 16_384)   // 65,536 bytes, 32,768 units
        #expect(Array(emoji.utf8).withUnsafeBufferPointer { TextRule.utf16Count(ofUTF8: $0) } == 32_768)
        #expect(Array(emoji.utf8).withUnsafeBufferPointer { TextRule.lengthProblem(in: $0, 0..<$0.count) } == .tooLong(units: 32_768))
        let accents = String(repeating: "é", count: 32_767)   // 65,534 bytes, 32,767 units: fits
        #expect(Array(accents.utf8).withUnsafeBufferPointer { TextRule.lengthProblem(in: $0, 0..<$0.count) } == nil)
    }

    /// The fast accept for whole windows of a ledger agrees with the exact scan, wherever in a word
    /// a refused byte, a line end or a carriage return falls (a wrong mask lets a control through).
    @Test func theWindowAcceptAgreesWithTheExactScan() {
        var generator = SplitMix(seed: 0x7E57_0011)
        let pieces: [[UInt8]] = [[0x61], [0x20], [0x09], [0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0x01], [0x1F], [0x7F],
                                 [0x80], [0xC2, 0xA3], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBD], [0xF0, 0x9F, 0x9A, 0x93], [0xE9]]
        var rejected = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                bytes += Int.random(in: 0..<3, using: &generator) == 0 ? pieces[Int.random(in: 0..<pieces.count, using: &generator)] : [0x78]
            }
            let clean = bytes.withUnsafeBufferPointer { TextRule.isClean(window: $0) }
            let exact = Self.problem(bytes, lineEnds: true)
            #expect(clean == (exact == nil), "\(bytes)")
            if !clean { rejected += 1 }
        }
        // Both sides are exercised: many windows fail, many pass.
        #expect(rejected > 2_000 && rejected < 18_000, "\(rejected)")
    }

    @Test func theWindowAcceptRefusesEachControlAtEachPositionOfAWord() {
        for byte in Array(0x00...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0x7F] {
            for position in 0..<24 {
                var bytes = Array("Payment to Oak Tree Ltd\n".utf8)
                bytes[position] = UInt8(byte)
                #expect(!bytes.withUnsafeBufferPointer { TextRule.isClean(window: $0) }, "byte \(byte) at \(position)")
            }
        }
        #expect(Array("Payment to Oak Tree Ltd\r\n\tnext line\n".utf8).withUnsafeBufferPointer { TextRule.isClean(window: $0) })
    }
}
