/// A copy, in a scratch folder, of the part of the repository that scenarios name: the area data,
/// last year's allocation and the 2021-22 NWPS books (the declarations and the grant a shipped
/// scenario takes its pot from). Laid out as in the repository, so the shipped scenarios read unchanged:
/// a fuzzed scenario is written to `examples/scenarios/`, fuzzed area data to `examples/areas/`.
public enum ExampleTree {
    public static func make(_ label: String) -> ScratchFolder {
        let folder = ScratchFolder(label)
        for path in ["examples/areas/nottinghamshire-districts.csv", "examples/areas/nottinghamshire-with-city.csv",
                     "examples/areas/mansfield-bassetlaw-crime-categories.csv",
                     "examples/scenarios/nwps-2020-21-illustrative.csv",
                     "ledgers/nottinghamshire/accounts.ledger", "ledgers/nottinghamshire/areas.ledger",
                     "ledgers/nottinghamshire/nwps-2021-22.ledger"] {
            folder.copy(path, as: path)
        }
        // The initiatives the NWPS spend names are declared with the 2019-20 grant, whose
        // transactions are not needed.
        folder.write("ledgers/nottinghamshire/declarations.ledger",
                     Array(Fixtures.declarationsOnly(Fixtures.bytes("ledgers/nottinghamshire/pcc-grant-2019-20.ledger")).utf8))
        return folder
    }
}
