import FuzzSupport
import GrantLedgerCore

/// A scenario file, read as `allocate --scenario` reads it, from `examples/scenarios/` in a copy of
/// the example tree (so `areas ../areas/…`, `previous …` and `pot … ledger:../../ledgers/…` find
/// real files), then loaded, allocated and rendered (`AllocationStages`).
let folder = ExampleTree.make("scenario")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = folder.write("examples/scenarios/input.scenario", UnsafeBufferPointer(start: data, count: size))
    let ledgers = LedgerCache()
    let (draft, problems) = ScenarioFile.read(path: path, sources: ledgers.sources)
    Promises.reported(problems, sources: ledgers.sources, located: true)
    if let draft, !problems.contains(where: { $0.severity == .error }) {
        AllocationStages.run(draft, ledgers: ledgers)
    }
    return 0
}
