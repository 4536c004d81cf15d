import Dispatch

/// The committee workbook's sheets made from the ledger's postings (Summary, Budget v actual,
/// Budget monitoring, Bids, Spend), built two at a time and put in their order.
///
/// Why: at a million postings each is one or more passes over them (the reports' tallies, the
/// Spend sheet's selection), each a pure function of the ledger and the settings, so two cores
/// build them in about half the time. The result is what building them one after another gives:
/// the same sheets and names in the same order, and on failure the error of the first step (in
/// that order) that fails.
enum LedgerSheets {
    /// One sheet and the names it defines; `rank` is its place in the workbook's order.
    private struct Part: Sendable {
        let rank: Int
        let sheet: SheetModel
        let names: [DefinedName]
    }

    /// A step's error and the step's place in the order (0 is the budget monitoring figures).
    private struct Failure: Error {
        let rank: Int
        let error: ReportError
    }

    static func build(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings) throws(ReportError)
        -> (sheets: [SheetModel], names: [DefinedName])
    {
        let results = ParallelResults<Result<[Part], Failure>?>(count: 2, initialValue: nil)
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            results[job] = Result { () throws(Failure) -> [Part] in
                job == 0 ? try monitoring(ledger, settings) : try others(ledger, settings)
            }
        }
        var parts: [Part] = []
        var first: Failure?
        for job in 0..<2 {
            switch results[job] {
            case .success(let built)?: parts += built
            case .failure(let failure)?: if failure.rank < first?.rank ?? .max { first = failure }
            case nil: break
            }
        }
        if let first { throw first.error }
        parts.sort { $0.rank < $1.rank }
        return (parts.map(\.sheet), parts.flatMap(\.names))
    }

    /// The budget monitoring figures and the two sheets that show them.
    private static func monitoring(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings) throws(Failure) -> [Part] {
        let figures = try step(0) { () throws(ReportError) in try BudgetMonitoringFigures(ledger, settings) }
        return [
            try part(1) { (names: inout [DefinedName]) throws(ReportError) in
                try SummarySheet.build(ledger, settings, figures, &names)
            },
            try part(3) { (names: inout [DefinedName]) throws(ReportError) in
                try BudgetMonitoringSheet.build(ledger, settings, figures, &names)
            },
        ]
    }

    /// Budget v actual, Bids and Spend.
    private static func others(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings) throws(Failure) -> [Part] {
        [
            try part(2) { (names: inout [DefinedName]) throws(ReportError) in try BudgetSheet.build(ledger, settings, &names) },
            try part(4) { (names: inout [DefinedName]) throws(ReportError) in try BidsSheet.build(ledger, settings, &names) },
            try part(5) { (names: inout [DefinedName]) throws(ReportError) in try SpendSheet.build(ledger, settings, &names) },
        ]
    }

    private static func step<T>(_ rank: Int, _ body: () throws(ReportError) -> T) throws(Failure) -> T {
        do { return try body() } catch { throw Failure(rank: rank, error: error) }
    }

    private static func part(_ rank: Int, _ build: (inout [DefinedName]) throws(ReportError) -> SheetModel) throws(Failure) -> Part {
        var names: [DefinedName] = []
        let sheet = try step(rank) { () throws(ReportError) in try build(&names) }
        return Part(rank: rank, sheet: sheet, names: names)
    }
}
