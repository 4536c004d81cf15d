import Foundation
import Testing

/// `grantledger import`, end to end on copies of the shipped books and the sample exports.
@Suite("import", .serialized)
struct ImportCommandTests {
    static let root = Grantledger.packageRoot
    static let nwpsFile = "ledgers/nottinghamshire/nwps-2021-22.ledger"
    static let importArguments = ["import", "examples/finance/ncc-nwps-2021-q2.csv", "--rules", "examples/finance/ncc-nwps.rules",
                                  "--into", nwpsFile, "ledgers"]

    /// A scratch folder holding a copy of the shipped ledgers and the finance examples.
    static func books() throws -> ScratchFolder {
        let folder = try ScratchFolder()
        for path in ["ledgers", "examples/finance"] {
            let target = folder.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: root.appendingPathComponent(path), to: target)
        }
        return folder
    }

    static func bytes(_ folder: ScratchFolder, _ path: String = nwpsFile) throws -> Data {
        try Data(contentsOf: folder.url.appendingPathComponent(path))
    }

    @Test func importingTheSampleTwiceAddsItOnceAndTheBooksStillCheck() throws {
        let folder = try Self.books()
        let before = try Self.bytes(folder)
        let first = try Grantledger.run(Self.importArguments, in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "imported 15 transactions (16 rows) into \(Self.nwpsFile); 1 row already in the ledger, 5 skipped by the rules\n")
        let after = try Self.bytes(folder)
        #expect(after.starts(with: before))
        let added = String(decoding: after.dropFirst(before.count), as: UTF8.self)
        #expect(added.hasPrefix("\n; Imported by grantledger import from examples/finance/ncc-nwps-2021-q2.csv: 15 transactions\n"))
        #expect(added.contains("ref:INV-21-0703"))
        #expect(!added.contains("ref:INV-21-0607"), "already in the ledger")
        #expect(added.contains("-£480.00"), "a credit note")

        let second = try Grantledger.run(Self.importArguments, in: folder.url)
        #expect(second.status == 0)
        #expect(second.stdout == "nothing to import from examples/finance/ncc-nwps-2021-q2.csv: 17 rows already in the ledger, 5 skipped by the rules\n")
        #expect(try Self.bytes(folder) == after)

        let check = try Grantledger.run(["check", "ledgers"], in: folder.url)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("7 files, 318 transactions"))
        // Beyond the money ss4-bns's tranches lost (their own findings), the imported books audit clean.
        #expect(try Grantledger.run(["audit", "ledgers", "--at-risk-above", "£10,000.00"], in: folder.url).status == 0)
    }

    @Test func theCleanStatementIsAlreadyInTheShippedBooks() throws {
        let folder = try Self.books()
        let snapshot = try folder.snapshot()
        let result = try Grantledger.run(["import", "examples/finance/bassetlaw-ss4-statement.csv", "--rules", "examples/finance/bassetlaw-ss4.rules",
                                          "--into", "ledgers/nottinghamshire/safer-streets.ledger", "ledgers"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "nothing to import from examples/finance/bassetlaw-ss4-statement.csv: 49 rows already in the ledger, 23 skipped by the rules\n")
        try expectUnchanged(folder, snapshot)
    }

    @Test func aDryRunPrintsWhatWouldBeAddedAndChangesNothing() throws {
        let folder = try Self.books()
        let snapshot = try folder.snapshot()
        let result = try Grantledger.run(Self.importArguments + ["--dry-run"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("; Imported by grantledger import from examples/finance/ncc-nwps-2021-q2.csv: 15 transactions\n"))
        #expect(result.stdout.hasSuffix("would import 15 transactions (16 rows) into \(Self.nwpsFile); 1 row already in the ledger, 5 skipped by the rules\n"))
        try expectUnchanged(folder, snapshot)
    }

    /// Every file as it was: the same bytes, not even rewritten, and nothing left beside them.
    /// (A folder's own date moves when a temporary file is made and removed in it.)
    func expectUnchanged(_ folder: ScratchFolder, _ snapshot: [String: (Data, Date?)]) throws {
        let now = try folder.snapshot()
        #expect(Set(now.keys) == Set(snapshot.keys), "files added or removed: \(Set(now.keys).symmetricDifference(snapshot.keys))")
        for (path, (data, date)) in snapshot {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            #expect(now[path]?.0 == data, "\(path) changed")
            #expect(now[path]?.1 == date, "\(path) was rewritten")
        }
    }

    static let header = "Company,Year,Period,Posting Date,Document No,Doc Type,Line,Cost Centre,Cost Centre Name,Account Code,Account Name,Supplier No,Supplier Name,Invoice No,Invoice Date,Line Description,VAT Code,Amount,Payment Date,Payment Ref,Batch,Entered By\r\n"
    static func row(date: String = "14/07/2021", centre: String = "CS2104", account: String = "4110", reference: String = "INV-21-0799",
                    amount: String = "\"2,950.00\"", supplier: String = "Gedling Borough Council") -> String {
        "NCC,2021/22,04,\(date),71052099,INV,1,\(centre),NWPS Gedling,\(account),Capital,S1,\(supplier),\(reference),11/07/2021,NWPS focus areas,OS,\(amount),02/08/2021,BACS1,AP0421,AP.BATCH\r\n"
    }

    /// Bad exports: each a located error, exit 2, and no file changed.
    static let badExports: [(name: String, bytes: [UInt8], expected: [String])] = [
        ("wrong columns", Array((header.replacingOccurrences(of: "Invoice No", with: "Invoice Number") + row()).utf8),
         ["bad.csv:1:1: error[missing-export-column]: the export has no column \"Invoice No\" for the reference"]),
        ("bad dates", Array((header + row(date: "2021-07-14") + row(date: "31/06/2021", reference: "INV-21-0798")).utf8),
         ["bad.csv:2:16: error[bad-date]: dates are written DD/MM/YYYY, and 2021-07-14 is 14 July 2021 written YYYY-MM-DD",
          "bad.csv:3:16: error[impossible-date]: there is no such date as 31/06/2021"]),
        ("bad amounts", Array((header + row(amount: "\"2.950,00\"") + row(reference: "INV-21-0798", amount: "29.500")
                                + row(reference: "INV-21-0797", amount: "£2,95")).utf8),
         ["bad.csv:2:151: error[bad-amount]: a decimal comma (European style) is not accepted: 2.950,00",
          "bad.csv:3:150: error[bad-amount]: an amount has at most two decimal places: 29.500",
          "bad.csv:4:176: error[ragged-row]: this row has 23 cells, the heading row 22"]),
        // "Café" saved as Windows-1252: the byte E9 is not UTF-8.
        ("wrong encoding", Array((header + row(supplier: "Caf\u{0}")).utf8).map { $0 == 0 ? 0xE9 : $0 },
         ["bad.csv:2:81: error[bad-encoding]: the export bad.csv is not UTF-8: it looks like Windows-1252 or Latin-1 (byte 0xE9 is é there)",
          "hint: add the line encoding windows-1252 (or latin-1) to the rules (examples/finance/ncc-nwps.rules), or save the export as CSV UTF-8"]),
        ("empty file", [], ["bad.csv:1:1: error[empty-export]: the export bad.csv is empty"]),
        ("a comma not in quotes", Array((header + row(amount: "2,950.00")).utf8), ["bad.csv:2:178: error[ragged-row]"]),
        ("no reference", Array((header + row(reference: "")).utf8), ["bad.csv:2:102: error[missing-field]: this row has no reference"]),
        ("a reference in the ledger with other content", Array((header + row(reference: "INV-21-0607")).utf8),
         ["bad.csv:2:102: error[reference-conflict]: reference INV-21-0607 is already in the ledger (ledgers/nottinghamshire/nwps-2021-22.ledger:146) with different content"]),
    ]

    @Test(arguments: badExports.indices)
    func aBadExportIsALocatedErrorAndChangesNothing(_ index: Int) throws {
        let (name, bytes, expected) = Self.badExports[index]
        let folder = try Self.books()
        try folder.write("bad.csv", Data(bytes))
        let snapshot = try folder.snapshot()
        let result = try Grantledger.run(["import", "bad.csv", "--rules", "examples/finance/ncc-nwps.rules", "--into", Self.nwpsFile, "ledgers"],
                                         in: folder.url)
        #expect(result.status == 2, "\(name)")
        #expect(result.stdout.isEmpty, "\(name)")
        for line in expected { #expect(result.stderr.contains(line), "\(name): \(result.stderr)") }
        try expectUnchanged(folder, snapshot)
    }

    @Test func theLedgerToAppendToMustBeOneOfTheBooks() throws {
        let folder = try Self.books()
        try folder.write("elsewhere.ledger", "; not part of the books\n")
        let snapshot = try folder.snapshot()
        let result = try Grantledger.run(["import", "examples/finance/ncc-nwps-2021-q2.csv", "--rules", "examples/finance/ncc-nwps.rules",
                                          "--into", "elsewhere.ledger", "ledgers"], in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[bad-value]: elsewhere.ledger is not one of the books read (ledgers)"))
        try expectUnchanged(folder, snapshot)
        // A new file inside a books folder is fine: the folder will find it.
        let fresh = try Grantledger.run(["import", "examples/finance/ncc-nwps-2021-q2.csv", "--rules", "examples/finance/ncc-nwps.rules",
                                         "--into", "ledgers/imports/2021-q2.ledger", "ledgers"], in: folder.url)
        #expect(fresh.status == 2, "the imports folder does not exist yet")
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("ledgers/imports"), withIntermediateDirectories: true)
        let created = try Grantledger.run(["import", "examples/finance/ncc-nwps-2021-q2.csv", "--rules", "examples/finance/ncc-nwps.rules",
                                           "--into", "ledgers/imports/2021-q2.ledger", "ledgers"], in: folder.url)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try Grantledger.run(["check", "ledgers"], in: folder.url).stdout.hasPrefix("8 files, 318 transactions"))
    }

    @Test func anImportThatWouldBreakTheBooksIsRefusedAtTheRow() throws {
        let folder = try Self.books()
        // Dated after the grant's period: the books would not check.
        try folder.write("late.csv", Self.header + Self.row(date: "14/07/2022"))
        let snapshot = try folder.snapshot()
        let result = try Grantledger.run(["import", "late.csv", "--rules", "examples/finance/ncc-nwps.rules", "--into", Self.nwpsFile, "ledgers"],
                                         in: folder.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("late.csv:2:1: error[spend-outside-period]: after importing this row: spend dated 2022-07-14 is after grant pcc-nwps-2021-22's period end (2022-03-31)"))
        #expect(result.stderr.hasSuffix("grantledger: the books would not check after this import; nothing was written\n"))
        try expectUnchanged(folder, snapshot)
    }

    @Test func twoImportsAtOnceBothLand() throws {
        let folder = try Self.books()
        let lines = try String(contentsOf: folder.url.appendingPathComponent("examples/finance/ncc-nwps-2021-q2.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let rows = lines.dropFirst()
        try folder.write("first.csv", ([lines[0]] + rows.prefix(10)).joined(separator: "\r\n") + "\r\n")
        try folder.write("second.csv", ([lines[0]] + rows.dropFirst(10)).joined(separator: "\r\n") + "\r\n")
        let processes = try ["first.csv", "second.csv"].map { file in
            try Grantledger.start(["import", file, "--rules", "examples/finance/ncc-nwps.rules", "--into", Self.nwpsFile, "ledgers"],
                                  in: folder.url)
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let ledger = String(decoding: try Self.bytes(folder), as: UTF8.self)
        for reference in ["INV-21-0701", "INV-21-0703", "INV-21-0905", "CN-21-0903"] {
            #expect(ledger.components(separatedBy: "ref:\(reference)\n").count == 2, "\(reference) once")
        }
        #expect(try Grantledger.run(["check", "ledgers"], in: folder.url).stdout.hasPrefix("7 files, 318 transactions"))
    }

    @Test func aFailedWriteLeavesTheLedgerAsItWas() throws {
        let folder = try Self.books()
        let snapshot = try folder.snapshot()
        // The ledger is about 8 KB; 10 KB is room to read everything but not to write the new file.
        // SIGXFSZ ignored, so the write fails with EFBIG instead of killing the process.
        let command = "trap '' XFSZ; ulimit -f 10; exec '\(Grantledger.binary.path)' \"$@\""
        let result = try Grantledger.run(["-c", command, "sh"] + Self.importArguments, in: folder.url, executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("error[file-size-limit]: cannot write \(Self.nwpsFile)"), "\(result.stderr)")
        #expect(result.stderr.contains("no file was changed"))
        try expectUnchanged(folder, snapshot)
    }
}
