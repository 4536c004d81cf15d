import GrantLedgerCore

/// The glue between `export --xlsx --scenario FILE` and scenario files.
///
/// Scenario files (`examples/scenarios/*.scenario`) are being added with the full allocation
/// method. Until their reader lands, a `--scenario` is reported as not yet readable (exit 2). Once it
/// does, `load` reads the file (with `ledger` to hand for a pot taken from a grant line), reads its
/// area data, allocates (`Allocator.allocate`) and returns `AllocationScenario(name:description:
/// source:allocation:)` for its sheet, with every file it read for the Provenance sheet. Nothing else
/// in the export changes: problems come back as located diagnostics, all reported before writing.
enum ScenarioFiles {
    struct Loaded {
        let scenario: AllocationScenario
        /// The scenario file and the area data it names (and any other file it read), for hashing.
        let inputs: [(path: String, role: String)]
    }

    static func load(_ path: String, ledger: Ledger, _ locator: ArgumentLocator, occurrence: Int) -> (Loaded?, [Diagnostic]) {
        let origin = locator.origin(option: "--scenario", value: path, occurrence: occurrence)
        let message = "cannot read scenario \(path): scenario files are not supported yet"
        let hint = "give the allocation as flags for now: --pot £270,750.00 --areas FILE.csv --weight population=1/3 …"
        return (nil, [origin?.diagnostic(.badValue, message, hint: hint) ?? Diagnostic(.badValue, message, hint: hint)])
    }
}
