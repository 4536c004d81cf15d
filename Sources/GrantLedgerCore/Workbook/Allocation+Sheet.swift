extension Allocation {
    /// What its sheet, chart and comparison column are called: the scenario's name, or
    /// `Allocation` for an allocation that was never named.
    var sheetTitle: String { scenario?.name ?? "Allocation" }
}
