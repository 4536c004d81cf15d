/// A grant's claim returns as a workbook: one sheet per claim, then Provenance. Nothing here
/// writes a file; GrantLedgerXlsx renders the model.
public enum ClaimWorkbook {
    public static func build(_ claims: [ClaimReturn], asOf: Day, provenance: Provenance) throws(ReportError) -> WorkbookModel {
        var names: [DefinedName] = []
        var taken = SheetNameKeys()
        for name in [SheetNames.reserved, ProvenanceSheet.name] { taken.insert(name) }
        var sheets: [SheetModel] = []
        for claim in claims {
            let name = SheetNames.unique("Claim \(claim.figures.due.period)", keys: &taken)
            sheets.append(try ClaimSheet.build(claim, name: name, position: asOf))
        }
        let grants = Array(Set(claims.map(\.grant.id))).sorted()
        let details = [("Claims", claims.map { "\($0.grant.id) \($0.figures.due.period)" }.joined(separator: ", "))]
        sheets.append(ProvenanceSheet.build(CommitteeWorkbookSettings(asOf: asOf, provenance: provenance), details: details, &names))
        let properties = WorkbookProperties(
            title: "Claim returns: \(grants.joined(separator: ", "))", subject: details[0].1, author: "grantledger",
            company: claims.first?.grant.recipient, keywords: "grants, claims, OFFICIAL",
            comments: "Made by grantledger \(provenance.toolVersion); see the Provenance sheet.", created: asOf,
            custom: provenance.properties(asOf: asOf))
        return WorkbookModel(properties: properties, sheets: sheets, names: names)
    }
}
