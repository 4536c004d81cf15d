import Foundation
import GrantLedgerCore
import Testing

/// CSV outputs are opened in Excel: text from the books that a spreadsheet would run as a formula
/// is guarded with a leading `'`, in every report kind, the audit and `allocate`; figures are not.
/// Text options are held to the text rule the readers keep, located on the command line.
@Suite("CSV and text safety from the command line")
struct CSVAndTextSafetyTests {
    static let payload = "=HYPERLINK(\"http://evil.example\",\"open\")"

    static let books = """
        funder ho  \(payload)
        account assets:bank
        account expenses:cctv
        area a1  @SUM(1+1)
          type  district
        initiative i1  +Lighting
          lead  -Oak Tree
          area  a1
        grant g1  \(payload)
          funder     ho
          recipient  @recipient
          period     2022-23
          award      £100.00
          line       l1  £100.00  -Lights
        bid b1  =bid
          fund       Safer Streets
          applicant  +applicant
          requested  £100.00
          2022-02-01 submitted
          2022-03-01 awarded  £100.00
          grant      g1

        2022-06-01 \(payload)  ; grant:g1, line:l1, area:a1, initiative:i1, supplier:@evil, ref:=ref
            expenses:cctv  £12.50
            assets:bank

        """

    /// The fields of one CSV line (RFC 4180, as the writer quotes).
    static func fields(_ line: Substring) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { current.append("\""); characters.removeFirst() } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" { quoted = true
            } else if character == "," { fields.append(current); current = "" } else { current.append(character) }
        }
        return fields + [current]
    }

    static func isFigure(_ field: String) -> Bool {
        field.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil
    }

    /// No field that is not a figure starts as a formula would.
    static func expectGuarded(_ csv: String, _ what: String) {
        for line in csv.split(separator: "\n") {
            for field in fields(line) where !isFigure(field) {
                #expect(!CSVCell.startsLikeAFormula(field), "\(what): \(field)")
            }
        }
    }

    @Test func everyReportKindGuardsItsTextInCSV() throws {
        let folder = try ScratchFolder()
        try folder.write("books.ledger", Self.books)
        #expect(try Grantledger.run(["check", "books.ledger"], in: folder.url).status != 2)
        for kind in ReportKind.allCases {
            let result = try Grantledger.run(["report", kind.rawValue, "--format", "csv", "books.ledger"], in: folder.url)
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            Self.expectGuarded(result.stdout, kind.rawValue)
        }
        let grants = try Grantledger.run(["report", "grants", "--format", "csv", "books.ledger"], in: folder.url).stdout
        #expect(grants.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\""), "\(grants)")
        let balance = try Grantledger.run(["report", "balance", "--format", "csv", "books.ledger"], in: folder.url).stdout
        #expect(balance.contains("assets:bank,-12.50\n"), "a negative figure is left a number: \(balance)")
        let audit = try Grantledger.run(["audit", "--format", "csv", "books.ledger"], in: folder.url)
        Self.expectGuarded(audit.stdout, "audit")
    }

    @Test func allocateCSVGuardsAreaNamesAndLeavesFiguresAlone() throws {
        let folder = try ScratchFolder()
        try folder.write("areas.csv", "area,population\n\"=HYPERLINK(\"\"http://x\"\")\",100\n@risk,300\n-minus,600\n")
        try folder.write("last.csv", "area,amount\n\"=HYPERLINK(\"\"http://x\"\")\",500.00\n@risk,100.00\n-minus,400.00\n")
        let result = try Grantledger.run(["allocate", "--pot", "£1,000.00", "--areas", "areas.csv", "--weight", "population=1",
                                          "--previous", "last.csv", "--format", "csv"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectGuarded(result.stdout, "allocate")
        #expect(result.stdout.contains("\n'@risk,"), "\(result.stdout)")
        #expect(result.stdout.contains("-400.00"), "the first area's change against last year stays a number: \(result.stdout)")
    }

    @Test func aControlCharacterInATextOptionIsABadTextErrorNamingTheOption() throws {
        let folder = try ScratchFolder()
        try folder.write("books.ledger", "account assets:bank\n")
        let export = try Grantledger.run(["export", "--xlsx", "out.xlsx", "--author", "Ann\u{1}Smith", "books.ledger"], in: folder.url)
        #expect(export.status == 2)
        #expect(export.stderr.hasPrefix("command line:1:48: error[bad-text]: --author contains the control character U+0001"), "\(export.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("out.xlsx").path))
        let company = try Grantledger.run(["export", "--xlsx", "out.xlsx", "--company", "OPCC\u{FFFF}", "books.ledger"], in: folder.url)
        #expect(company.stderr.contains("error[bad-text]: --company contains U+FFFF, which is not a character"), "\(company.stderr)")

        try folder.write("areas.csv", "area,population\nAshfield,100\n")
        let allocate = try Grantledger.run(["allocate", "--pot", "£10.00", "--areas", "areas.csv", "--weight", "population=1",
                                            "--name", "plan\tb", "--title", "Line\none"], in: folder.url)
        #expect(allocate.status == 2)
        #expect(allocate.stderr.contains("error[bad-text]: --title contains the control character U+000A"), "\(allocate.stderr)")
        #expect(!allocate.stderr.contains("error[bad-text]: --name"), "a tab is text: \(allocate.stderr)")
    }

    /// Bytes that are not UTF-8 in an argument were turned into U+FFFD by Swift and kept (an author of
    /// two replacement characters); now they are a located bad-encoding, as in a file, and nothing is written.
    @Test func anArgumentThatIsNotUTF8IsALocatedBadEncoding() throws {
        let out = try ReportTestCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let book = out.appendingPathComponent("committee.xlsx").path
        let result = try ReportTestCLI.run(
            "/bin/sh", ["-c", "exec \"$0\" export --xlsx \"$1\" --as-of 2023-03-31 --author \"$(printf '\\377\\376')\" ledgers",
                        ReportTestCLI.binary, book], in: ReportTestCLI.root)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("command line:1:"), "\(result.stderr)")
        #expect(result.stderr.contains("error[bad-encoding]: argument 7 is not valid UTF-8"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: book))
    }
}
