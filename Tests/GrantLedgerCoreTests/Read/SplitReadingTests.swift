import Foundation
import PropertyBased
import Testing
@testable import GrantLedgerCore

/// Reading a file cut into ranges on several threads gives exactly what reading it in one pass gives:
/// the same ledger, field for field, and the same diagnostics in the same order, whatever the file
/// holds and wherever the cuts fall. The threshold is forced down so that small files are cut.
@Suite("Reading a file in ranges")
struct SplitReadingTests {
    static let oneRange = FileSplitting(minimumSize: .max, maximumRanges: 1, blockSize: 1 << 16)

    /// Cut into `ranges`, with blocks of a few postings so that the merge sees many of them.
    static func split(_ ranges: Int) -> FileSplitting {
        FileSplitting(minimumSize: 0, maximumRanges: ranges, blockSize: 7)
    }

    @Test func generatedLedgersReadTheSameInRanges() async throws {
        await propertyCheck(count: 60, input: Gen.int(in: 0...1_000_000_000)) { seed in
            let shape = GeneratedLedger.Shape(seed: seed)
            try Self.expectSameInRanges(GeneratedLedger.bytes(seed: seed, shape: shape), seed: seed, shape: shape)
        }
    }

    /// Seeds drawn once whose bad lines drop the ledger's one claim transaction: kept, so the
    /// coverage check's allowance for them stays tested.
    @Test(arguments: [253_560_726, 367_673_319])
    func seedsThatDropTheirClaimReadTheSame(seed: Int) throws {
        let shape = GeneratedLedger.Shape(seed: seed)
        try Self.expectSameInRanges(GeneratedLedger.bytes(seed: seed, shape: shape), seed: seed, shape: shape)
    }

    @Test(arguments: [false, true])
    func errorsInLaterRangesReadTheSame(crlf: Bool) throws {
        var shape = GeneratedLedger.Shape(seed: 7)
        shape.crlf = crlf
        shape.errors = true
        shape.directivesInside = false
        try Self.expectSameInRanges(GeneratedLedger.bytes(seed: 7, shape: shape), seed: 7, shape: shape)
    }

    @Test(arguments: [false, true])
    func declarationsDuplicatesAndIncludesInLaterRangesReadTheSame(crlf: Bool) throws {
        var shape = GeneratedLedger.Shape(seed: 11)
        shape.crlf = crlf
        shape.errors = true
        shape.directivesInside = true
        try Self.expectSameInRanges(GeneratedLedger.bytes(seed: 11, shape: shape), seed: 11, shape: shape)
    }

    /// A hand-written case: the first uses of unknown ids fall in the second half, after a known
    /// account has been used in the first; the duplicate is declared in the second half.
    @Test func unknownIdsFirstUsedInTheSecondRangeAreReportedThere() throws {
        var text = LedgerText.declarations
        for day in 1...40 {
            text += "2023-01-\(String(format: "%02d", day % 28 + 1)) Spend \(day)  ; grant:ss4\n"
            text += "    expenses:cctv  £1.00  ; line:cctv, area:bassetlaw\n    assets:bank\n\n"
        }
        text += "2023-03-01 Late  ; grant:ss9\n    expenses:unknown  £2.00  ; line:nope, area:nowhere\n    assets:bank\n\n"
        text += "area notts  Nottinghamshire again\n\n"
        text += "2023-03-02 Later\n    expenses:unknown  £2.00  ; grant:ss4, line:nope, initiative:who\n    assets:bank\n"
        let folder = try TemporaryFolder()
        let path = try folder.write("late.ledger", text)
        let one = LedgerReader.read(paths: [path], splitting: Self.oneRange)
        #expect(Set(one.diagnostics.map(\.code)).isSuperset(of: [.unknownAccount, .unknownGrant, .unknownArea,
                                                                   .unknownLine, .unknownInitiative, .duplicateID]))
        for ranges in 2...4 {
            let (ledger, diagnostics) = LedgerReader.read(paths: [path], splitting: Self.split(ranges))
            try Self.expectSame(one, (ledger, diagnostics), "\(ranges) ranges")
        }
    }

    @Test func rangesStartAfterBlankLinesWithTheirLineNumbers() throws {
        for seed in [1, 2, 3] {
            for crlf in [false, true] {
                var shape = GeneratedLedger.Shape(seed: seed)
                shape.crlf = crlf
                let bytes = GeneratedLedger.bytes(seed: seed, shape: shape)
                let file = SourceFile(name: "cut.ledger", bytes: bytes)
                for count in 1...5 {
                    let ranges = FileSplitter.ranges(of: file, count: count)
                    #expect(ranges.count == count, "a generated ledger has blank lines enough for \(count) ranges")
                    #expect(ranges.first?.bytes.lowerBound == file.contentStart && ranges.last?.bytes.upperBound == bytes.count)
                    for (before, after) in zip(ranges, ranges.dropFirst()) {
                        #expect(before.bytes.upperBound == after.bytes.lowerBound)
                        let start = after.bytes.lowerBound
                        let blankLineEnds = bytes[start - 2] == 0x0A
                            || (bytes[start - 3] == 0x0A && bytes[start - 2] == 0x0D && bytes[start - 1] == 0x0A)
                        #expect(bytes[start - 1] == 0x0A && blankLineEnds)
                        #expect(after.firstLine == bytes[..<start].filter { $0 == 0x0A }.count + 1)
                    }
                }
            }
        }
    }

    @Test func aFileWithoutBlankLinesIsNotCut() throws {
        let folder = try TemporaryFolder()
        let text = String(repeating: "; a comment line, and no blank line anywhere\n", count: 2000)
        let path = try folder.write("solid.ledger", text)
        #expect(FileSplitter.ranges(of: SourceFile(name: path, text: text), count: 4).count == 1)
    }

    @Test func newlinesAreCountedExactly() {
        var rng = GeneratedLedger.Rng(state: 99)
        for length in [0, 1, 15, 16, 17, 255 * 16 - 1, 255 * 16, 255 * 16 + 1, 10_000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...3, using: &rng) == 0 ? 0x0A : UInt8.random(in: 0...255, using: &rng) }
            let expected = bytes.filter { $0 == 0x0A }.count
            #expect(bytes.withUnsafeBytes { FileSplitter.countNewlines($0) } == expected, "\(length) bytes")
        }
    }

    /// A new field on `Posting` or a new symbol table on `LedgerParser` may need renumbering when
    /// ranges are merged (`LedgerParser.absorb`): this names them all, so that adding one fails here
    /// until the merge has been looked at.
    @Test func theMergeKnowsEveryPostingFieldAndSymbolTable() {
        let posting = Posting(account: 0, amount: .zero, grant: -1, grantLine: -1, area: -1, initiative: -1, spendClass: nil,
                              amountInferred: false, transaction: 0,
                              sourceLine: 0, column: 0)
        // Renumbered by `absorb`: supplierText, referenceText, account, grant, grantLine, area, initiative,
        // matchGrant, transaction; and each transaction's texts, file and postings.
        #expect(Mirror(reflecting: posting).children.compactMap(\.label) == [
            "amount", "supplierText", "referenceText", "account", "grant", "grantLine", "area", "initiative",
            "matchGrant", "transaction", "sourceLine", "column", "amountColumn", "spendClass", "amountInferred", "hasAssertion",
            "amountLength",
        ])
        let transaction = Transaction(date: Day(daysSinceEpoch: 0), status: .none, codeText: -1, descriptionText: 0,
                                      postingRange: 0..<0, file: 0, line: 1)
        #expect(Mirror(reflecting: transaction).children.compactMap(\.label) == [
            "date", "status", "codeText", "descriptionText", "postingRange", "file", "line",
        ])
        // A table of the ledger keyed by posting or transaction index (as `assertions` is) must be
        // moved on by `absorb` too: this lists them all.
        #expect(Mirror(reflecting: Ledger()).children.compactMap(\.label) == [
            "files", "funders", "areas", "initiatives", "grants", "bids", "claims", "allocations", "commitments", "shapes",
            "accounts", "transactions", "postings", "assertions", "texts", "locationFiles", "funderIndex", "areaIndex",
            "initiativeIndex", "grantIndex", "bidIndex", "claimIndex", "allocationIndex", "commitmentIndex", "shapeIndex",
            "accountIndex",
        ])
        let tables = Mirror(reflecting: LedgerParser()).children.filter { $0.value is SymbolTable }.compactMap(\.label)
        #expect(tables == ["accounts", "grantSymbols", "areaSymbols", "initiativeSymbols", "lineNames"])
    }

    // MARK: Comparing

    static func expectSameInRanges(_ bytes: [UInt8], seed: Int, shape: GeneratedLedger.Shape) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("generated.ledger", Data(bytes))
        try folder.write("included.ledger", GeneratedLedger.included)
        let one = LedgerReader.read(paths: [path], splitting: oneRange)
        #expect(!one.ledger.transactions.isEmpty)
        for ranges in 2...4 {
            let many = LedgerReader.read(paths: [path], splitting: split(ranges))
            try expectSame(one, many, "seed \(seed), \(shape), \(ranges) ranges")
        }
    }

    static func expectSame(_ one: (ledger: Ledger, diagnostics: [Diagnostic]), _ many: (ledger: Ledger, diagnostics: [Diagnostic]),
                           _ context: String) throws {
        #expect(many.diagnostics == one.diagnostics, "\(context)")
        #expect(DiagnosticRenderer().render(many.diagnostics) == DiagnosticRenderer().render(one.diagnostics), "\(context)")
        let (a, b) = (one.ledger, many.ledger)
        #expect(a.files == b.files && a.funders == b.funders && a.areas == b.areas && a.initiatives == b.initiatives
                && a.grants == b.grants && a.bids == b.bids && a.accounts == b.accounts && a.claims == b.claims
                && a.claimIndex == b.claimIndex, "\(context)")
        // The generator's own coverage: some receipt is tied to a claim, unless its deliberate bad
        // lines dropped the claim's one transaction (seed 367673319 does).
        let dropped = one.diagnostics.contains { $0.severity == .error }
        #expect(!a.claims.allSatisfy(\.receipts.isEmpty) || a.transactions.count < 50 || dropped, "\(context): no receipt tied to a claim")
        #expect(a.funderIndex == b.funderIndex && a.areaIndex == b.areaIndex && a.initiativeIndex == b.initiativeIndex
                && a.grantIndex == b.grantIndex && a.bidIndex == b.bidIndex && a.accountIndex == b.accountIndex, "\(context)")
        #expect(a.transactions.count == b.transactions.count && a.postings.count == b.postings.count, "\(context)")
        // Every stored field, private ones included.
        #expect(dumped(a.transactions) == dumped(b.transactions), "\(context)")
        #expect(dumped(a.postings) == dumped(b.postings), "\(context)")
        // Kept beside the postings by index, and moved on when ranges are joined.
        #expect(a.assertions == b.assertions, "\(context)")
        // The texts those fields number, and the files.
        #expect(a.locationFiles == b.locationFiles && a.texts.count == b.texts.count, "\(context)")
        #expect(a.transactions.map(a.description(of:)) == b.transactions.map(b.description(of:))
                && a.transactions.map(a.code(of:)) == b.transactions.map(b.code(of:)), "\(context)")
        #expect(a.postings.map(a.reference(of:)) == b.postings.map(b.reference(of:))
                && a.postings.map(a.supplier(of:)) == b.postings.map(b.supplier(of:)), "\(context)")
    }

    static func dumped<T>(_ value: T) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}

/// Ledgers made from a seed, with whatever a reader must cope with: every tag, posting comments,
/// inferred amounts, assertions, runs of blank and blank-looking lines, and (when asked) errors of
/// every kind the reader reports and declarations, duplicates and includes after transactions.
enum GeneratedLedger {
    struct Rng: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    struct Shape: CustomStringConvertible {
        var crlf: Bool
        var errors: Bool
        var directivesInside: Bool
        var transactions: Int

        init(seed: Int) {
            var rng = Rng(state: UInt64(seed) &* 7 &+ 1)
            crlf = Bool.random(using: &rng)
            errors = Int.random(in: 0..<3, using: &rng) > 0
            directivesInside = Bool.random(using: &rng)
            transactions = Int.random(in: 20...400, using: &rng)
        }

        var description: String {
            "crlf \(crlf), errors \(errors), directives inside \(directivesInside), \(transactions) transactions"
        }
    }

    static let included = """
        2023-06-01 From the included file  ; grant:g1
            expenses:cctv  £5.00  ; line:l1
            assets:bank

        """

    static let accounts = ["assets:bank", "income:grants", "expenses:cctv", "expenses:lighting", "expenses:staff:pay",
                           "liabilities:creditors"]

    static func bytes(seed: Int, shape: Shape) -> [UInt8] {
        var rng = Rng(state: UInt64(seed))
        var out: [UInt8] = []
        let newline = shape.crlf ? "\r\n" : "\n"
        func line(_ text: String) { out += Array(text.utf8) + Array(newline.utf8) }
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &rng)] }
        func amount(_ pence: Int64) -> String {
            let money = Money(pence: pence)
            return chance(50) ? money.formatted(.display) : money.formatted(.plain)
        }

        if chance(20) { out += [0xEF, 0xBB, 0xBF] }
        line("; generated for the split-reading tests")
        line("funder f1  A funder")
        line("")
        for area in 1...4 {
            line("area a\(area)  Area \(area)")
            if area > 1 { line("  within  a1") }
            line("")
        }
        for grant in 1...2 {
            line("grant g\(grant)  Grant \(grant)")
            line("  funder  f1")
            line("  period  2022-04-01..2024-03-31")
            line("  award   £1,000,000.00")
            line("  claims  arrears quarterly")
            for item in 1...3 { line("  line l\(item)  £100,000.00  Line \(item)") }
            line("")
        }
        // Claims the receipts below settle (claim: tags), so their posting indices cross the ranges' joins.
        for quarter in 1...4 {
            line("claim g1 2022-23-Q\(quarter)")
            line("  2023-0\(quarter)-10  submitted  £1.00")
            line("")
        }
        line("initiative i1  An initiative")
        line("  grant  g1")
        line("")
        for account in accounts { line("account \(account)") }
        line("")

        var day = Day(year: 2022, month: 4, day: 1)!
        for index in 0..<shape.transactions {
            if chance(30) { day = day.adding(days: Int32.random(in: 1...3, using: &rng)) }
            // Between transactions: blank lines of every sort, comments, sometimes nothing at all.
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: break
            case 1: line(""); line("")
            case 2: line("   ")
            case 3: line("; a comment between transactions"); line("")
            case 4: line("# another")
            default: line("")
            }
            if shape.directivesInside && chance(3) {
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: line("account expenses:late:\(index)")
                case 1: line("area a1  Area one again")
                case 2: line("grant g\(index + 10)  A late grant"); line("  funder  f1"); line("  period  2023-24")
                        line("  award  £10.00")
                case 3: line("include included.ledger")
                case 4: line("account expenses:cctv")
                default: line("commodity £")
                }
                line("")
            }
            if shape.errors && chance(2) { line("    an indented line outside any entry") }

            var header = chance(3) && shape.errors ? pick(["2023-13-01", "2023-02-30", "23-1-1"]) : "\(day)"
            header += pick(["", " *", " !"])
            if chance(10) { header += " (C\(index))" }
            header += " Payee \(index % 37)"
            if chance(40) { header += " | note \(index)" }
            var tags: [String] = []
            if chance(70) { tags.append(shape.errors && chance(3) ? "grant:gx\(index % 5)" : "grant:g\(Int.random(in: 1...2, using: &rng))") }
            if chance(50) { tags.append("ref:R\(index)") }
            if tags.contains("grant:g1") && chance(30) {
                tags.append(shape.errors && chance(20) ? "claim:2030-31-Q1" : "claim:2022-23-Q\(Int.random(in: 1...4, using: &rng))")
            }
            if chance(20) { tags.append("supplier:Supplier \(index % 11)") }
            if chance(10) { tags.append(shape.errors && chance(20) ? "class:other" : pick(["class:capital", "class:revenue"])) }
            if !tags.isEmpty { header += "   ; " + tags.joined(separator: ", ") }
            var headerBytes = Array(header.utf8)
            if shape.errors && chance(1) { headerBytes += [0xFF, 0x41] }
            out += headerBytes + Array(newline.utf8)
            if chance(15) { line("    ; area:a\(Int.random(in: 1...4, using: &rng))") }

            let count = shape.errors && chance(3) ? 1 : Int.random(in: 2...4, using: &rng)
            var total: Int64 = 0
            let inferred = chance(60) ? Int.random(in: 0..<count, using: &rng) : -1
            for item in 0..<count {
                let account = shape.errors && chance(2) ? "expenses:mystery:\(index % 3)" : pick(accounts)
                var text = "    \(account)"
                let last = item == count - 1
                if item == inferred || (shape.errors && chance(1)) {
                    // left out
                } else if last && inferred < 0 {
                    let pence = shape.errors && chance(5) ? -total + 45 : -total
                    text += "  " + amount(pence)
                    total += pence
                } else if shape.errors && chance(2) {
                    text += "  " + pick(["£1,2345.00", "12.345", "£-", "1,5", "£99999999999999999999.00"])
                } else {
                    let pence = Int64.random(in: -500_000...500_000, using: &rng)
                    text += "  " + amount(pence)
                    total += pence
                }
                if chance(5) { text += "  = " + amount(Int64.random(in: 0...1000, using: &rng)) }
                var postingTags: [String] = []
                if chance(50) { postingTags.append(shape.errors && chance(4) ? "line:zz" : "line:l\(Int.random(in: 1...3, using: &rng))") }
                if chance(40) { postingTags.append(shape.errors && chance(4) ? "area:nowhere\(index % 4)" : "area:a\(Int.random(in: 1...4, using: &rng))") }
                if chance(10) { postingTags.append(shape.errors && chance(10) ? "initiative:who" : "initiative:i1") }
                if chance(4) { postingTags.append(shape.errors && chance(10) ? "match:gm\(index % 3)" : "match:g\(Int.random(in: 1...2, using: &rng))") }
                if chance(5) { postingTags.append("ref:P\(index)-\(item)") }
                if !postingTags.isEmpty { text += "  ; " + postingTags.joined(separator: ", ") }
                line(text)
                if chance(10) { line("      ; area:a\(Int.random(in: 1...4, using: &rng)), supplier:Posting supplier") }
            }
        }
        if chance(50) { line("") }
        if chance(50) { out.removeLast(shape.crlf ? 2 : 1) }
        return out
    }
}
