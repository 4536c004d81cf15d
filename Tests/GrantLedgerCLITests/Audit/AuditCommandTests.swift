import Foundation
import GrantLedgerTestSupport
import Testing

/// `grantledger audit`, end to end on the shipped books and the example statements.
@Suite("audit")
struct AuditCommandTests {
    /// The reconciliation's tests look past the money the shipped books lost on ss4-bns's tranches
    /// (£5,400.00 and £5,773.90, each a money-at-risk finding of its own, tested below).
    static let rules = ["--rules", "examples/finance/bassetlaw-ss4.rules", "--at-risk-above", "£10,000.00"]
    static let clean = ["audit", "--statement", "examples/finance/bassetlaw-ss4-statement.csv"] + rules
    static let planted = ["audit", "--statement", "examples/finance/bassetlaw-ss4-statement-planted.csv"] + rules

    /// `code reference` for every finding in standard error.
    static func findings(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").compactMap { line -> String? in
            guard let open = line.range(of: "finding["), let close = line[open.upperBound...].firstIndex(of: "]") else { return nil }
            let code = line[open.upperBound..<close]
            let reference = line.range(of: "reference ").map { line[$0.upperBound...].prefix { $0 != " " } } ?? ""
            return "\(code) \(reference)"
        }
    }

    /// The shipped books meet every condition but one: ss4-bns left part of each tranche unspent by
    /// its date, and that money is lost; nothing else is found.
    @Test func theShippedBooksFindOnlyTheTranchesMoneyLost() throws {
        let result = try Grantledger.run(["audit"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.findings(result.stderr) == ["money-at-risk ", "money-at-risk "])
        #expect(result.stderr.contains("finding[money-at-risk]: grant ss4-bns: £5,400.00 of the 2022-23 tranche was not spent by 31 March 2023 and is lost (£494,600.00 of £500,000.00 spent)\n"))
        #expect(result.stderr.contains("finding[money-at-risk]: grant ss4-bns: £5,773.90 of the 2023-24 tranche was not spent by 30 September 2023 and is lost (£244,226.10 of £250,000.00 spent)\n"))
        let above = try Grantledger.run(["audit", "--at-risk-above", "£5,500.00"])
        #expect(Self.findings(above.stderr) == ["money-at-risk "], "only the £5,773.90 is above £5,500.00")
        let none = try Grantledger.run(["audit", "--at-risk-above", "£10,000.00"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout.hasSuffix("Clean: nothing to look at.\n"))
    }

    /// --as-of dates the forecast: on 30 June 2023 the 2023-24 tranche's money was still to be spent,
    /// and £478.55 of it at risk (the report's figure), with the 2022-23 tranche's loss already past.
    @Test func asOfDatesTheForecastOfMoneyAtRisk() throws {
        let result = try Grantledger.run(["audit", "--as-of", "2023-06-30", "--fy", "2023-24"])
        #expect(result.status == 1)
        #expect(Self.findings(result.stderr) == ["money-at-risk "])
        #expect(result.stderr.contains("grant ss4-bns: £478.55 of the 2023-24 tranche at risk of being lost on 30 September 2023 (£114,521.45 of £250,000.00 spent to 30 June 2023, £249,521.45 forecast)"))
        let report = try Grantledger.run(["report", "budget", "--rows", "tranches", "--as-of", "2023-06-30", "--format", "csv"])
        #expect(report.stdout.contains("ss4-bns,2023-24 tranche,2023-04-01,2023-09-30,250000.00,114521.45,249521.45,478.55,0.00,at risk\n"))
        let negative = try Grantledger.run(["audit", "--at-risk-above=-£1"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("error[bad-amount]: --at-risk-above -£1: a threshold is not below nothing"))
    }

    @Test func theCleanStatementReconcilesExactly() throws {
        let result = try Grantledger.run(Self.clean)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("  matched                   49 (49 by reference, 0 by date and amount)\n"))
        #expect(result.stdout.contains("Total                      £738,826.10  £738,826.10       £0.00\n"))
    }

    @Test func thePlantedStatementNamesEachDifferenceAndNothingElse() throws {
        let result = try Grantledger.run(Self.planted)
        #expect(result.status == 1)
        #expect(Self.findings(result.stderr) == [
            "amount-difference BNS-23-0101", "duplicate-statement-row BNS-23-0202", "line-difference BNS-23-0304",
            "unmatched-statement-row BNS-23-0905",
        ])
        #expect(result.stderr.hasSuffix("0 errors, 4 findings\n"))
        let file = "examples/finance/bassetlaw-ss4-statement-planted.csv"
        for expected in [
            "\(file):21:177: finding[amount-difference]: reference BNS-23-0101 (ss4-bns/cctv): the statement has £33,442.76, the ledger £33,424.76 at ledgers/nottinghamshire/safer-streets.ledger:524; difference £18.00",
            "\(file):29:127: finding[duplicate-statement-row]: reference BNS-23-0202 (£25,979.00, ss4-bns/cctv) appears twice in the statement, here and on line 27; the ledger has it once",
            "\(file):39:42: finding[line-difference]: reference BNS-23-0304 (£42,794.36): the statement codes it to ss4-bns/cctv, the ledger to ss4-bns/lighting at ledgers/nottinghamshire/safer-streets.ledger:584",
            "\(file):76:126: finding[unmatched-statement-row]: reference BNS-23-0905 (2023-09-26, £2,340.00, ss4-bns/cctv) is in the statement but not in the ledger",
        ] {
            #expect(result.stderr.contains(expected + "\n"), "\(expected)")
        }
        // The differences explain the whole gap between the two totals.
        #expect(result.stdout.contains("Total                      £738,826.10  £767,163.10   £28,337.00\n"))
        #expect(result.stdout.contains("                      £28,337.00\n"))
    }

    @Test func csvAndJSONCarryTheSameFindings() throws {
        let csv = try Grantledger.run(Self.planted + ["--format", "csv"])
        #expect(csv.status == 1)
        let findingRows = csv.stdout.split(separator: "\n").filter { $0.hasPrefix("finding,") }
        #expect(findingRows.map { $0.split(separator: ",").prefix(5).joined(separator: ",") } == [
            "finding,amount-difference,BNS-23-0101,ss4-bns,cctv", "finding,duplicate-statement-row,BNS-23-0202,ss4-bns,cctv",
            "finding,line-difference,BNS-23-0304,ss4-bns,cctv", "finding,unmatched-statement-row,BNS-23-0905,ss4-bns,cctv",
        ])
        #expect(csv.stdout.contains("\nline-total,,,Total,,,767163.10,738826.10,28337.00,,,\n"))
        let json = try Grantledger.run(Self.planted + ["--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]]
        #expect(findings?.compactMap { $0["reference"] as? String } == ["BNS-23-0101", "BNS-23-0202", "BNS-23-0304", "BNS-23-0905"])
        let reconciliation = object?["reconciliation"] as? [String: Any]
        #expect((reconciliation?["matched"] as? [Any])?.count == 49)
    }

    @Test func aFinancialYearNarrowsTheReconciliation() throws {
        let later = try Grantledger.run(Self.planted + ["--fy", "2023-24"])
        #expect(later.status == 1)
        #expect(Self.findings(later.stderr) == ["unmatched-statement-row BNS-23-0905"])
        let earlier = try Grantledger.run(Self.clean + ["--fy", "2022-23"])
        #expect(earlier.status == 0)
    }

    /// A statement for one quarter, audited for that quarter, finds nothing: both sides are cut to
    /// its dates. Against the whole year it would call the rest of the year "in the ledger only".
    @Test func aOneQuarterStatementFindsOnlyThatQuartersDifferences() throws {
        let folder = try ReadmeConsole.workspace()
        let whole = try String(contentsOf: Grantledger.packageRoot.appendingPathComponent("examples/finance/bassetlaw-ss4-statement.csv"), encoding: .utf8)
        // Split on line ends, CRLF included ("\r\n" is one Character, so not on "\n").
        let rows = whole.split(whereSeparator: \.isNewline)
        // The posting date is the fourth column: January to March 2023, the 2022-23 year's Q4.
        let quarter = rows.prefix(1) + rows.dropFirst().filter { row in
            let date = String(row.split(separator: ",")[3])
            return date.hasSuffix("/2023") && ["01", "02", "03"].contains(String(date.dropFirst(3).prefix(2)))
        }
        #expect(quarter.count == 19, "the header and the quarter's 18 rows")
        try (quarter.joined(separator: "\r\n") + "\r\n").write(to: folder.url.appendingPathComponent("q4.csv"), atomically: true, encoding: .utf8)
        let arguments = ["audit", "--statement", "q4.csv", "--rules", "examples/finance/bassetlaw-ss4.rules", "--at-risk-above", "£10,000.00"]
        let audited = try Grantledger.run(arguments + ["--quarter", "2022-23-Q4"], in: folder.url)
        #expect(audited.status == 0, "\(audited.stderr)")
        #expect(audited.stdout.hasPrefix("Audit of 7 ledger files against q4.csv (2022-23-Q4)\n"))
        #expect(audited.stdout.contains("  matched                   13 (13 by reference, 0 by date and amount)\n"))
        // Given no dates, the statement's own first and last dates are compared, and said to be.
        let unnarrowed = try Grantledger.run(arguments, in: folder.url)
        #expect(unnarrowed.status == 0, "\(unnarrowed.stderr.prefix(600))")
        #expect(unnarrowed.stdout.contains("\nDates compared: 2023-01-01 to 2023-03-31, the months of the statement's first and last dates\n"))
        // A year declared in the rules is compared whole: the rest of the year is in the ledger only.
        let rules = try String(contentsOf: Grantledger.packageRoot.appendingPathComponent("examples/finance/bassetlaw-ss4.rules"), encoding: .utf8)
        try (rules + "period  2022-23\n").write(to: folder.url.appendingPathComponent("year.rules"), atomically: true, encoding: .utf8)
        let year = try Grantledger.run(["audit", "--statement", "q4.csv", "--rules", "year.rules", "--at-risk-above", "£10,000.00"], in: folder.url)
        #expect(year.status == 1)
        #expect(year.stdout.contains("\nDates compared: 2022-04-01 to 2023-03-31, the rules' period (year.rules:\(rules.split(separator: "\n", omittingEmptySubsequences: false).count))\n"))
        let ledgerOnly = Self.findings(year.stderr)
        #expect(!ledgerOnly.isEmpty && ledgerOnly.allSatisfy { $0.hasPrefix("unmatched-ledger-spend") }, "\(ledgerOnly)")
        // The dates asked for win over the rules'.
        let asked = try Grantledger.run(["audit", "--statement", "q4.csv", "--rules", "year.rules", "--quarter", "2022-23-Q4"], in: folder.url)
        #expect(asked.stdout.contains("\nDates compared: 2023-01-01 to 2023-03-31, the dates asked for\n"))
        // The planted statement for that quarter: its three differences dated in it, not the fourth (September 2023).
        let planted = try Grantledger.run(Self.planted + ["--quarter", "2022-23-Q4"])
        #expect(Self.findings(planted.stderr) == ["amount-difference BNS-23-0101", "duplicate-statement-row BNS-23-0202", "line-difference BNS-23-0304"])
        let days = try Grantledger.run(Self.planted + ["--from", "2023-01-01", "--to", "2023-03-31"])
        #expect(Self.findings(days.stderr) == Self.findings(planted.stderr))
        #expect(days.stdout.hasPrefix("Audit of 7 ledger files against examples/finance/bassetlaw-ss4-statement-planted.csv (from 2023-01-01 to 2023-03-31)\n"))
        let bad = try Grantledger.run(Self.planted + ["--quarter", "2022-23-Q5"])
        #expect(bad.status == 2 && bad.stderr.contains("--quarter"), "\(bad.stderr)")
    }

    @Test func badInputIsExitTwoAndLocated() throws {
        let noRules = try Grantledger.run(["audit", "--statement", "examples/finance/bassetlaw-ss4-statement.csv"])
        #expect(noRules.status == 2)
        #expect(noRules.stderr.hasPrefix("command line:1:19: error[missing-field]: --statement needs --rules RULES too"))
        #expect(noRules.stdout.isEmpty)
        let badYear = try Grantledger.run(Self.clean + ["--fy", "2023"])
        #expect(badYear.status == 2)
        #expect(badYear.stderr.contains("error[bad-period]: \"2023\" is not a financial year"))
        let folder = try ScratchFolder()
        try folder.write("empty.csv", "")
        let empty = try Grantledger.run(["audit", Grantledger.packageRoot.appendingPathComponent("ledgers").path, "--statement", "empty.csv",
                                         "--rules", Grantledger.packageRoot.appendingPathComponent("examples/finance/bassetlaw-ss4.rules").path],
                                        in: folder.url)
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("empty.csv:1:1: error[empty-export]"))
        #expect(empty.stdout.isEmpty)
    }
}

/// `audit --xlsx`: the findings, reconciliation differences among them, on the workbook's Audit sheet.
@Suite("audit --xlsx")
struct AuditWorkbookTests {
    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func thePlantedDifferencesAreOnTheAuditSheetAndTheBytesRepeat() throws {
        try Requirement.workbookOracle.require()
        let folder = try ScratchFolder()
        // The same command twice (the command line is on the Provenance sheet): the same bytes.
        let first = folder.url.appendingPathComponent("audit.xlsx").path
        var bytes: [Data?] = []
        for _ in 0..<2 {
            let result = try Grantledger.run(AuditCommandTests.planted + ["--xlsx", first, "--as-of", "2026-11-25"])
            #expect(result.status == 1, "findings still exit 1 when the workbook is written: \(result.stderr)")
            #expect(result.stdout.contains("wrote \(first)"))
            bytes.append(FileManager.default.contents(atPath: first))
        }
        #expect(bytes[0] != nil && bytes[0] == bytes[1])
        let book = try WorkbookOracle.inspect(first)
        #expect(book.sheets.contains("Audit"))
        let texts = book.cells("Audit").values.compactMap { $0["value"] as? String }
        for code in ["amount-difference", "duplicate-statement-row", "line-difference", "unmatched-statement-row"] {
            #expect(texts.contains(code), "no \(code) on the Audit sheet")
        }
        for reference in ["BNS-23-0101", "BNS-23-0202", "BNS-23-0304", "BNS-23-0905"] {
            #expect(texts.contains { $0.contains(reference) }, "no \(reference) on the Audit sheet")
        }
        // The statement and its rules are inputs too: their fingerprints are on the Provenance sheet.
        let provenance = book.cells("Provenance").values.compactMap { $0["value"] as? String }
        #expect(provenance.contains { $0.hasSuffix("bassetlaw-ss4-statement-planted.csv") })
        #expect(provenance.contains { $0.hasSuffix("bassetlaw-ss4.rules") })
    }


    /// The allocation sheets `export --xlsx` takes (`--scenario`, the one-off settings): audit's
    /// workbook has the same scenario sheets, cell for cell, read by the same option group.
    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func takesTheSameScenarioOptionsAsExport() throws {
        try Requirement.workbookOracle.require()
        let folder = try ScratchFolder()
        let scenarios = ["--scenario", "examples/scenarios/nwps-2021-22-thirds.scenario",
                         "--scenario", "examples/scenarios/nwps-2021-22-damped.scenario",
                         "--allocation-name", "One-off", "--pot", "£1,000", "--areas", "examples/areas/nottinghamshire-districts.csv",
                         "--weight", "population=1"]
        let audited = folder.url.appendingPathComponent("audit.xlsx").path
        let exported = folder.url.appendingPathComponent("export.xlsx").path
        let audit = try Grantledger.run(AuditCommandTests.clean + ["--xlsx", audited, "--as-of", "2026-11-25"] + scenarios)
        #expect(audit.status == 0, "\(audit.stderr)")
        let export = try Grantledger.run(["export", "--xlsx", exported, "--as-of", "2026-11-25"] + scenarios)
        #expect(export.status == 0, "\(export.stderr)")
        let (a, e) = (try WorkbookOracle.inspect(audited), try WorkbookOracle.inspect(exported))
        let sheets = ["One-off", "nwps-2021-22-thirds", "nwps-2021-22-damped", "Comparison"]
        #expect(a.sheets.filter(sheets.contains) == sheets)
        for sheet in sheets {
            #expect(NSDictionary(dictionary: a.cells(sheet)) == NSDictionary(dictionary: e.cells(sheet)), "\(sheet) differs")
        }
        // The scenario files are fingerprinted on audit's Provenance sheet, as on export's.
        let provenance = a.cells("Provenance").values.compactMap { $0["value"] as? String }
        #expect(provenance.contains("examples/scenarios/nwps-2021-22-damped.scenario"))
        #expect(provenance.contains("examples/scenarios/nwps-2020-21-illustrative.csv"))
    }

    @Test func allocationOptionsWithoutAWorkbookAreAUsageMistakeAndBadOnesAreLocated() throws {
        let alone = try Grantledger.run(AuditCommandTests.clean + ["--scenario", "examples/scenarios/nwps-2021-22-thirds.scenario"])
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("error[missing-field]: --scenario puts an allocation sheet in the workbook, so it needs --xlsx FILE"),
                "\(alone.stderr)")
        let folder = try ScratchFolder()
        let path = folder.url.appendingPathComponent("audit.xlsx").path
        let bad = try Grantledger.run(AuditCommandTests.clean + ["--xlsx", path, "--scenario", "examples/scenarios/no-such.scenario",
                                                                 "--pot", "£100"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("error[file-not-found]: scenario examples/scenarios/no-such.scenario cannot be read"), "\(bad.stderr)")
        #expect(bad.stderr.contains("error[no-weights]: allocation options make a one-off sheet beside the --scenario files "
                                    + "(they do not change them), and it needs weights (--weight)"), "every problem in one run, said as it is")
        #expect(!FileManager.default.fileExists(atPath: path), "nothing written")
    }
}
