/// A claim return as text for people, CSV (its lines, for a program or a funder's template) and JSON
/// (everything, the traced postings and the inputs' fingerprints among it). The tables are `Report`s,
/// so their totals are sums of their rows by construction.
public enum ClaimReturnWriter {
    /// The lines: budget, profile and spend in the period by class, then to date against profile and budget.
    public static func linesTable(_ claim: ClaimReturn) throws(ReportError) -> Report {
        let unclassified = claim.lines.contains { !$0.unclassified.isZero }
        var columns: [ReportColumn] = [.text("line", "Line", label: true), .text("name", "Name"), .money("budget", "Budget"),
                                       .money("profile", "Profile"), .money("capital", "Capital"), .money("revenue", "Revenue")]
        if unclassified { columns.append(.money("unclassified", "No class")) }
        columns += [.money("in_period", "In period"), .money("profile_to_date", "Profile to date"), .money("to_date", "Spent to date"),
                    .money("remaining", "Remaining")]
        let rows = claim.lines.map { line in
            var cells: [ReportCell] = [.text(line.key.label), .text(line.name), .money(line.budget),
                                       line.profiled.map(ReportCell.money) ?? .empty, .money(line.capital), .money(line.revenue)]
            if unclassified { cells.append(.money(line.unclassified)) }
            cells += [.money(line.inPeriod), line.profiledToDate.map(ReportCell.money) ?? .empty, .money(line.cumulative),
                      .money(line.remaining)]
            return ReportRow(cells)
        }
        return try Report(title: "Eligible spend in the period, by line", columns: columns, rows: rows)
    }

    /// The postings the period's figures are the sums of, with where each is written.
    public static func postingsTable(_ postings: [TracedPosting], title: String) throws(ReportError) -> Report {
        let columns: [ReportColumn] = [.date("date", "Date"), .text("reference", "Reference", label: true), .text("payee", "Payee"),
                                       .text("line", "Line"), .text("class", "Class"), .money("amount", "Amount"),
                                       .text("file", "File"), .count("at_line", "At line", summed: false)]
        let rows = postings.map { posting in
            ReportRow([.date(posting.date), .text(posting.reference ?? ""), .text(posting.payee), .text(posting.lineID ?? TagKey.untaggedLabel),
                       .text(posting.spendClass?.name ?? ""), .money(posting.amount), .text(posting.location.file),
                       .count(posting.location.line)])
        }
        return try Report(title: title, columns: columns, rows: rows)
    }

    /// `Claim return: ss4-bns 2022-23-Q3 (1 October 2022 to 31 December 2022)`
    public static func title(_ claim: ClaimReturn) -> String {
        let covers = claim.figures.due.covers
        return "Claim return: \(claim.grant.id) \(claim.figures.due.period) (\(WorkbookText.long(covers.start)) to \(WorkbookText.long(covers.end)))"
    }

    /// The claim's standing in words, its steps with their dates.
    public static func standing(_ claim: ClaimReturn) -> [(label: String, text: String)] {
        let figures = claim.figures
        var said: [(String, String)] = [("Grant", "\(claim.grant.id): \(claim.grant.name)")]
        if let recipient = claim.grant.recipient { said.append(("Recipient", recipient)) }
        said.append(("Claims schedule", figures.schedule.description + (figures.due.dueBy.map { "; this claim by \(WorkbookText.long($0))" } ?? "")))
        let steps = figures.steps.map { step in
            "\(step.status.rawValue) \(step.date)" + (step.amount.map { " \($0.formatted(.display))" } ?? "")
        }
        said.append(("Steps", steps.isEmpty ? "none recorded" : steps.joined(separator: ", ")))
        if let by = figures.record?.preparedBy { said.append(("Prepared by", by)) }
        if let by = figures.record?.checkedBy { said.append(("Checked by", by)) }
        return said
    }

    /// The sums of the claim: what the period's spend is, what was claimed, received and is owed.
    public static func sums(_ claim: ClaimReturn) -> [(label: String, amount: Money?)] {
        let figures = claim.figures
        var sums: [(String, Money?)] = [("Eligible spend in the period", figures.eligible), ("Claimed", figures.claimed),
                                        ("Received", figures.received), ("Owed by the funder", figures.owed)]
        sums += [("Match funding in the period", claim.matchInPeriod), ("Match funding to date", claim.matchToDate)]
        if let required = claim.matchRequired { sums.append(("Match funding needed on spend to date", required)) }
        if let use = claim.tranche {
            sums += [("\(use.tranche.financialYear) tranche, to spend by \(use.tranche.spendBy)", use.tranche.cap),
                     ("Spent of it to the period's end", use.spent), ("Left of it", use.left)]
        }
        return sums
    }

    public static func text(_ claim: ClaimReturn, inputs: [InputFile]) throws(ReportError) -> String {
        var out = title(claim) + "\n\n"
        let width = standing(claim).map(\.label.count).max() ?? 0
        for (label, text) in standing(claim) { out += label + ":" + String(repeating: " ", count: width - label.count + 2) + text + "\n" }
        out += "\n" + TableWriter.render(try linesTable(claim))
        out += "\n"
        let sumWidth = sums(claim).map(\.label.count).max() ?? 0
        let shown = sums(claim).map { $0.amount.map { $0.formatted(.display) } ?? "—" }
        let amountWidth = shown.map(\.count).max() ?? 0
        for ((label, _), amount) in zip(sums(claim), shown) {
            out += label + String(repeating: " ", count: sumWidth - label.count + 2 + amountWidth - amount.count) + amount + "\n"
        }
        if !claim.notes.isEmpty {
            out += "\nVariance notes\n"
            for note in claim.notes { out += "  \(note.lineID), \(note.period): \(note.text)\n" }
        }
        out += "\n" + TableWriter.render(try postingsTable(claim.spend, title: "Spend in the period: \(WorkbookText.count(claim.spend.count, "posting"))"))
        if !claim.match.isEmpty {
            out += "\n" + TableWriter.render(try postingsTable(claim.match, title: "Match funding in the period: \(WorkbookText.count(claim.match.count, "posting"))"))
        }
        out += "\nInputs (SHA-256)\n"
        for input in inputs { out += "  \(input.sha256)  \(input.path)\n" }
        return out
    }

    public static func csv(_ claim: ClaimReturn) throws(ReportError) -> String { CSVWriter.render(try linesTable(claim)) }

    public static func json(_ claim: ClaimReturn, inputs: [InputFile]) throws(ReportError) -> String {
        let figures = claim.figures
        typealias J = JSONWriter
        func posting(_ posting: TracedPosting) -> String {
            J.object([("date", J.string(posting.date.description)), ("reference", J.nullable(posting.reference)),
                      ("payee", J.string(posting.payee)), ("description", J.string(posting.description)), ("line", J.nullable(posting.lineID)),
                      ("class", J.nullable(posting.spendClass?.name)), ("amount", J.amount(posting.amount)),
                      ("file", J.string(posting.location.file)), ("line_number", String(posting.location.line))])
        }
        let lines = try linesTable(claim)
        let steps = figures.steps.map { step in
            J.object([("date", J.string(step.date.description)), ("status", J.string(step.status.rawValue)),
                      ("amount", step.amount.map(J.amount) ?? "null")])
        }
        var members: [(key: String, value: String)] = [
            ("title", J.string(title(claim))), ("grant", J.string(claim.grant.id)), ("period", J.string(figures.due.period.description)),
            ("from", J.string(figures.due.covers.start.description)), ("to", J.string(figures.due.covers.end.description)),
            ("due_by", J.nullable(figures.due.dueBy?.description)), ("steps", J.array(steps)),
            ("prepared_by", J.nullable(figures.record?.preparedBy)), ("checked_by", J.nullable(figures.record?.checkedBy)),
            ("eligible", J.amount(figures.eligible)), ("claimed", figures.claimed.map(J.amount) ?? "null"),
            ("received", J.amount(figures.received)), ("owed", J.amount(figures.owed)),
            ("lines", J.array(lines.rows.map { row in
                J.object(zip(lines.columns, row.cells).map { column, cell in (column.key, Self.json(cell)) })
            })),
            ("match_in_period", J.amount(claim.matchInPeriod)), ("match_to_date", J.amount(claim.matchToDate)),
            ("match_required", claim.matchRequired.map(J.amount) ?? "null"),
        ]
        if let use = claim.tranche {
            members.append(("tranche", J.object([("year", J.string(use.tranche.financialYear.description)), ("amount", J.amount(use.tranche.cap)),
                                                 ("spend_by", J.string(use.tranche.spendBy.description)), ("spent", J.amount(use.spent)),
                                                 ("left", J.amount(use.left))])))
        }
        members += [
            ("variance_notes", J.array(claim.notes.map { J.object([("line", J.string($0.lineID)), ("period", J.string($0.period.description)),
                                                                   ("text", J.string($0.text))]) })),
            ("spend", J.array(claim.spend.map(posting))), ("match", J.array(claim.match.map(posting))),
            ("inputs", J.array(inputs.map { J.object([("path", J.string($0.path)), ("sha256", J.string($0.sha256))]) })),
        ]
        return J.document(members)
    }

    private static func json(_ cell: ReportCell) -> String {
        switch cell {
        case .empty: return "null"
        case .money(let money): return JSONWriter.amount(money)
        default: return JSONWriter.string(cell.plainText)
        }
    }
}
