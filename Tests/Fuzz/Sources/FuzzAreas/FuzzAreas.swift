import FuzzSupport
import GrantLedgerCore

/// Area data (CSVReader and AreaTable), read as a scenario's `areas` file, then allocated by one
/// of three fixed scenarios (the input's size picks which, so an input always meets the same one):
/// equal thirds; crime weighted by severity from category columns; and top-slice, floor and
/// damping against last year's shipped allocation.
let folder = ExampleTree.make("areas")

let scenarios = [
    """
    scenario thirds  Equal thirds
      pot     £270,750.00
      areas   ../areas/input.csv
      weight  population   1/3
      weight  crime        1/3
      weight  deprivation  1/3
      per-head population
    """,
    """
    scenario severity  Crime weighted by harm
      pot        £100,000.00
      areas      ../areas/input.csv
      indicator  crime-harm = severity(sexual-offences=30, violence=10, theft=1)
      indicator  deprivation-pw = deprivation × population
      weight     population      25%
      weight     crime-harm      0.5
      weight     deprivation-pw  1/4
      round      £100
    """,
    """
    scenario damped  Floors and damping
      pot        £270,750.00
      areas      ../areas/input.csv
      weight     population   1/3
      weight     crime        1/3
      weight     deprivation  1/3
      top-slice  evaluation   £5,000.00
      floor      £27,500.00
      cap        Ashfield £60,000
      previous   nwps-2020-21-illustrative.csv
      damping    10%
      round      £1
    """,
].map { Array($0.utf8) }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAreas(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    folder.write("examples/areas/input.csv", UnsafeBufferPointer(start: data, count: size))
    let ledgers = LedgerCache()
    let (draft, problems) = ScenarioFile.parse(scenarios[size % scenarios.count], file: "\(folder.path)/examples/scenarios/fixed.scenario")
    expect(problems.isEmpty, "the fixed scenario does not read: \(DiagnosticRenderer().render(problems))")
    if let draft { AllocationStages.run(draft, ledgers: ledgers) }
    return 0
}
