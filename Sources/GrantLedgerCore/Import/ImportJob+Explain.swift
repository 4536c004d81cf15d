/// `import --explain-row LINE`: how the rules treat one row of the export, changing nothing.
///
/// The rules must read cleanly (an explanation by broken rules would explain nothing), and the
/// export's columns must be found; problems in other rows are not this row's and do not stop it.
/// The books are read only to check the ids the row's coding names, as a real import would: their
/// own errors do not stop the explanation (it is a question about the rules and the export, often
/// asked while the books are being mended) and are only counted. The ledger named by `--into` is
/// neither read nor written, and nothing is locked.
extension ImportJob {
    public enum Explained: Sendable {
        /// The explanation, and how many errors the books have (ids were checked against what of
        /// them could be read).
        case explained(RowExplanation, bookErrors: Int)
        /// No explanation: the rules' or the export's problems, or a line that holds no data row
        /// (a `bad-value` at `lineOrigin`).
        case refused([Diagnostic])
    }

    public func explain(line: Int, lineOrigin: SettingOrigin?, sources: SourceFiles) -> Explained {
        let (rulesRead, rulesProblems) = ImportRulesReader.read(path: rules, sources: sources, origin: rulesOrigin)
        if ExitStatus(rulesProblems) == .badInput { return .refused(rulesProblems) }
        var explanation: RowExplanation
        switch FinanceExport.explain(path: export, rules: rulesRead, line: line, sources: sources, origin: exportOrigin) {
        case .success(let explained): explanation = explained
        case .failure(.unreadable(let problems)): return .refused(problems)
        case .failure(.notADataRow(let message, let hint)): return .refused([Diagnostic(.badValue, message, hint: hint, origin: lineOrigin)])
        }
        let (ledger, bookProblems) = LedgerLoader.load(paths: books, sources: sources)
        if case .posting(let row) = explanation.outcome {
            // The checks import makes of the rules against the books, kept to what this row uses.
            let vatAccount = row.vatAccount == nil ? nil : rulesRead.vatAccount?.origin?.location
            let used = Set(row.coding.values.compactMap(\.origin?.location) + [rulesRead.paidFrom?.origin?.location, vatAccount].compactMap { $0 })
            let problems = rulesRead.problems(against: ledger, rows: [row]).filter { $0.location.map(used.contains) ?? false }
            if !problems.isEmpty { explanation.outcome = .problems(problems) }
        }
        return .explained(explanation, bookErrors: bookProblems.filter { $0.severity == .error }.count)
    }
}
