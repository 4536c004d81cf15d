extension ScenarioLoader.Reading {
    /// `previous  allocation:ID [ledger:PATH]`: last year's allocation as the books record it agreed
    /// (`AgreedAllocation`), from the ledger at PATH (relative to the scenario; `ledgers` by default).
    mutating func agreedPrevious(_ setting: ScenarioSetting) -> (PreviousAllocation?, Bool) {
        var id = "", ledger = "ledgers"
        for word in SettingWords(setting.text).words {
            let parts = word.text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty, ["allocation", "ledger"].contains(String(parts[0])) else {
                diagnostics.append(Diagnostic(.badValue, "\(setting.label): \(quoted(word.text)) is not allocation:ID or ledger:PATH",
                                              hint: "write previous  allocation:nwps-2021-22-agreed ledger:../../ledgers", origin: setting.origin,
                                              offset: word.offset, length: word.length))
                return (nil, false)
            }
            if parts[0] == "allocation" { id = String(parts[1]) } else { ledger = FilePaths.resolve(String(parts[1]), relativeTo: draft.directory) }
        }
        let (books, problems) = ledgers.load(ledger)
        guard problems.isEmpty else {
            diagnostics += problems.map { problem in
                guard problem.code == .fileNotFound, problem.location == nil else { return problem }
                return Diagnostic(.fileNotFound, "the ledger \(ledger) named by \(setting.label) is not there",
                                  hint: "ledger: is a ledger file or folder, relative to the scenario file (e.g. ledger:../../ledgers)",
                                  origin: setting.origin)
            }
            return (nil, false)
        }
        guard let index = books.allocationIndex[id] else {
            let ids = books.allocations.map(\.id)
            let hint = ids.isEmpty ? "it records none: allocation ID  Name, with its grant, agreed day and areas' shares"
                : SuggestedName(id, among: ids).hint("allocations in \(ledger)", listedBy: nil, declaredAs: "allocation ID  Name")
            diagnostics.append(Diagnostic(.unknownAllocation, "\(ledger) has no agreed allocation \(id)", hint: hint,
                                          origin: setting.origin, offset: "allocation:".utf8.count, length: id.utf8.count))
            return (nil, false)
        }
        return (PreviousAllocation(books.allocations[index], in: books, origin: setting.origin), true)
    }
}
