import Foundation
import GrantLedgerTestSupport
import Synchronization
@testable import GrantLedgerCore
import PropertyBased
import Testing
@testable import GrantLedgerXlsx

/// Sheet names from any scenario name, and references to them, by the one rule in `SheetNames`:
/// checked on random Unicode names, then in real workbooks read back by openpyxl.
@Suite("Sheet names from any scenario name")
struct SheetNameTests {
    /// Excel's refusals, the UTF-16 limit, whole characters, `History`, case twins and the fallback.
    @Test func namesPeopleTypeBecomeLegalSheets() {
        #expect(SheetNames.unique("A/B: [draft]?", taken: []) == "AB draft")
        #expect(SheetNames.unique("'it's'", taken: []) == "it's")
        #expect(SheetNames.unique("PlanB!", taken: []) == "PlanB!")
        #expect(SheetNames.unique("  ' '  ", taken: []) == "Sheet")
        #expect(SheetNames.unique("history", taken: []) == "history (2)")
        #expect(SheetNames.unique("STRASSE", taken: ["straße"]) == "STRASSE (2)")
        #expect(SheetNames.unique("\u{C9}t\u{E9}", taken: ["E\u{301}TE\u{301}"]) == "\u{C9}t\u{E9} (2)")
        let accented = String(repeating: "e\u{301}", count: 31)  // 31 letters, 62 UTF-16 units
        #expect(SheetNames.unique(accented, taken: []) == String(repeating: "e\u{301}", count: 15))
        let flags = String(repeating: "🇬🇧", count: 20)  // 20 flags, 80 units
        #expect(SheetNames.unique(flags, taken: []) == String(repeating: "🇬🇧", count: 7))
        #expect(SheetNames.unique(flags, taken: [String(repeating: "🇬🇧", count: 7)]) == String(repeating: "🇬🇧", count: 6) + " (2)")
        // A cut that ends on an apostrophe drops it, as Excel requires.
        let cut = SheetNames.unique(String(repeating: "x", count: 30) + "'y", taken: [])
        #expect(cut == String(repeating: "x", count: 30))
    }

    @Test func referencesAreQuotedWheneverABareNameCouldMisread() {
        #expect(SheetNames.quoted("Summary") == "Summary")
        #expect(SheetNames.quoted("FY2019_20") == "FY2019_20")
        #expect(SheetNames.quoted("it's") == "'it''s'")
        #expect(SheetNames.quoted("PlanB!") == "'PlanB!'")
        for name in ["A1", "ab12", "XFD1048576", "XFDA1", "R1C1", "rc", "R", "c", "R12", "R2C", "2019", "1st", "TRUE",
                     "Budget v actual", "Café", "🇬🇧", "a.b", "a-b"] {
            #expect(SheetNames.quoted(name) == "'\(name)'", "\(name)")
        }
    }

    /// On random names: every result is a legal sheet name, made of whole characters of the cleaned
    /// name, and no two results in a workbook clash ignoring case; every reference reads back.
    @Test func randomUnicodeNamesGiveLegalDistinctSheets() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000_000)) { seed in
            var rng = SplitMix64(seed: UInt64(seed))
            let names = RandomSheetName.batch(Int.random(in: 1...60, using: &rng), using: &rng)
            var keys = SheetNameKeys()
            keys.insert(SheetNames.reserved)
            var made: [String] = []
            for name in names {
                let sheet = SheetNames.unique(name, keys: &keys)
                #expect(sheet.utf16.count <= 31 && !sheet.isEmpty, "\(name.debugDescription) → \(sheet.debugDescription)")
                #expect(!sheet.unicodeScalars.contains { SheetNames.isRefused($0) }, "\(sheet.debugDescription)")
                #expect(TextRule.firstProblem(in: sheet) == nil)
                #expect(sheet.unicodeScalars.first != "'" && sheet.unicodeScalars.last != "'", "\(sheet.debugDescription)")
                let cleaned = Array(SheetNames.cleaned(name))
                let base = Array(Self.withoutCounter(sheet))
                #expect(cleaned.starts(with: Array(sheet)) || cleaned.starts(with: base) || base == Array("Sheet"),
                        "\(name.debugDescription) → \(sheet.debugDescription)")
                #expect(Self.unquoted(SheetNames.quoted(sheet)) == sheet, "\(sheet.debugDescription)")
                made.append(sheet)
            }
            let folded = made.map { $0.lowercased().uppercased().lowercased() } + ["history"]
            #expect(Set(folded).count == folded.count, "\(made.map(\.debugDescription))")
            #expect(Set(made.map { $0.lowercased() }).count == made.count)
        }
    }

    /// `Plan (3)` → `Plan`; a name without a counter as it is.
    static func withoutCounter(_ sheet: String) -> Substring {
        guard sheet.hasSuffix(")"), let open = sheet.lastIndex(of: "("), open > sheet.startIndex else { return Substring(sheet) }
        let digits = sheet[sheet.index(after: open)..<sheet.index(before: sheet.endIndex)]
        let space = sheet.index(before: open)
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber), sheet[space] == " " else { return Substring(sheet) }
        return sheet[..<space]
    }

    /// What a formula parser makes of a quoted reference: the name back, or nil if it is malformed.
    static func unquoted(_ reference: String) -> String? {
        let scalars = reference.unicodeScalars
        guard scalars.first == "'" else { return SheetNames.isBare(reference) ? reference : nil }
        guard scalars.count >= 2, scalars.last == "'" else { return nil }
        let inner = reference.unicodeScalars.dropFirst().dropLast()
        var name = String.UnicodeScalarView()
        var iterator = inner.makeIterator()
        while let scalar = iterator.next() {
            if scalar == "'" {
                guard iterator.next() == "'" else { return nil }
            }
            name.append(scalar)
        }
        return String(name)
    }
}

/// 10,000 random scenario names in committee workbooks written by libxlsxwriter, every one opened by
/// openpyxl: sheet names legal and distinct ignoring case, and every reference (cross-sheet formulas
/// on Comparison, local names like Pot, chart series, print titles) naming a sheet that is there.
@Suite("Random scenario names through openpyxl", .enabled(if: Requirement.workbookOracle.shouldRun))
struct SheetNameWorkbookTests {
    @Test func tenThousandRandomScenarioNamesOpenInOpenpyxl() throws {
        try Requirement.workbookOracle.require()
        let (ledger, _) = LedgerLoader.load(text: ModelWorkbookOracleTests.ledger)
        // The smallest scenario a sheet can show, so the time goes on the names: one area, one indicator.
        let allocation = try ModelWorkbookOracleTests.allocation("area,population\nA,1\n", pot: 100, weights: [("population", "1")])
        var rng = SplitMix64(seed: 10_000)
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let books = 20, perBook = 500
        let batches = (0..<books).map { _ in RandomSheetName.batch(perBook, using: &rng) }
        let keep = ProcessInfo.processInfo.environment["KEEP_NAME_BOOKS"]
        let paths = (0..<books).map { book in keep.map { "\($0)/names-\(book).xlsx" } ?? scratch.file("names-\(book).xlsx") }
        // libxlsxwriter makes a scratch file per sheet: on a busy disk's /tmp creating 10,000 of them
        // costs more than the writing, so they go on a RAM disk where there is one.
        let shm = "/dev/shm/grantledger-names-\(UUID().uuidString)"
        let scratchFiles = (try? FileManager.default.createDirectory(atPath: shm, withIntermediateDirectories: false)) != nil ? shm : nil
        defer { if let scratchFiles { try? FileManager.default.removeItem(atPath: scratchFiles) } }
        let started = ContinuousClock.now
        // The books are independent: built and written two at a time (one per core).
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: books) { book in
            do {
                let settings = CommitteeWorkbookSettings(
                    asOf: Day.parse("2019-12-31") ?? Day(daysSinceEpoch: 0),
                    scenarios: batches[book].map { allocation.named($0) },
                    provenance: Provenance(toolVersion: "0.0.0-test", commandLine: "test", inputs: []))
                let model = try CommitteeWorkbook.build(ledger, settings)
                if model.sheets.count < perBook + 5 { failures.withLock { $0.append("book \(book): \(model.sheets.count) sheets") } }
                try WorkbookModelWriter.write(model, to: paths[book], options: WorkbookOptions(temporaryDirectory: scratchFiles))
            } catch {
                failures.withLock { $0.append("book \(book): \(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        print("built and wrote \(books) workbooks in \(ContinuousClock.now - started)")
        let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("tools/xlsx_sheet_names_check.py").path
        let checked = ContinuousClock.now
        let output = try runTool(["python3", checker, "--jobs", "2"] + paths)
        print("openpyxl read them in \(ContinuousClock.now - checked)")
        let report = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        let counts = try #require(report["counts"] as? [String: Int])
        #expect(report["problem_count"] as? Int == 0, "\(report["problems"] ?? "")")
        #expect(counts["workbooks"] == books)
        #expect((counts["sheets"] ?? 0) >= books * (perBook + 5))
        // Comparison's amounts point at every scenario sheet; each scenario sheet's formulas use its own names.
        #expect((counts["references"] ?? 0) >= books * perBook * 2, "\(counts)")
        #expect((counts["names"] ?? 0) >= books * perBook, "\(counts)")
        #expect((counts["charts"] ?? 0) >= books * perBook, "\(counts)")
        #expect((counts["print_titles"] ?? 0) >= books * perBook, "\(counts)")
    }
}
