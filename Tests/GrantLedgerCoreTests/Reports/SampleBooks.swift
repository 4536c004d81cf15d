import GrantLedgerCore
import Testing

/// Small books used across the report and writer tests: the PCC's 2019-20 grant to the Safer
/// Nottinghamshire Board with its six real lines, and an illustrative Safer Streets round 4 grant.
/// Spend figures are invented for the tests.
enum SampleBooks {
    static let text = """
    funder opcc  Office of the Police and Crime Commissioner for Nottinghamshire
    funder home-office  Home Office

    area nottinghamshire  Nottinghamshire (county)
      type    county
    area bns-csp  Bassetlaw, Newark and Sherwood CSP
      type    csp
      within  nottinghamshire
    area bassetlaw  Bassetlaw
      type    district
      within  bns-csp
    area newark  Newark and Sherwood
      type    district
      within  bns-csp
    area ashfield  Ashfield
      type    district
      within  nottinghamshire

    initiative bns-cctv  Town-centre CCTV upgrade
      lead    Bassetlaw District Council
      area    bassetlaw

    grant snb-2019-20  PCC grant to the Safer Nottinghamshire Board 2019-20
      funder     opcc
      period     2019-20
      award      £625,118.00
      line iom-ida    £20,000.00   IOM Independent Domestic Abuse Advisor
      line nwps       £270,750.00  Neighbourhood Working Problem Solving in the focus areas
      line po-nps     £60,000.00   Project Officer - Neighbourhood Problem Solving and Severity
      line iom-knife  £35,000.00   IOM Knife Crime Non Statutory Probation Assistant (over 18s)
      line youth      £109,000.00  Youth Crime Reduction (six months pending review)
      line joint      £130,368.00  SNB/OPCC Joint Commissioning Budget

    grant ss4-bns  Safer Streets round 4 - Bassetlaw, Newark and Sherwood
      funder     home-office
      period     2022-07-01..2023-09-30
      award      £750,000.00
      line cctv      £300,000.00  CCTV cameras and monitoring
      line lighting  £450,000.00  Street lighting

    bid ss4-bns-bid  Safer Streets round 4 - Bassetlaw, Newark and Sherwood
      fund       Safer Streets Fund
      round      4
      applicant  Bassetlaw, Newark and Sherwood CSP
      requested  £750,000.00
      grant      ss4-bns
      2022-01-20  draft
      2022-02-24  submitted
      2022-06-30  awarded  £750,000.00

    bid ss3-rejected  Safer Streets round 3 - Ashfield
      fund       Safer Streets Fund
      round      3
      applicant  Ashfield District Council
      requested  £400,000.00
      2021-05-01  draft
      2021-06-01  submitted
      2021-08-01  rejected

    account assets:bank:snb
    account assets:bank:bns-csp
    account income:grants
    account expenses:snb:iom
    account expenses:snb:nwps
    account expenses:safer-streets:cctv

    2019-04-01 * OPCC | grant 2019-20   ; grant:snb-2019-20
        assets:bank:snb    £625,118.00
        income:grants

    2019-06-30 * Nottinghamshire County Council | IDVA, quarter 1   ; grant:snb-2019-20, ref:NCC-1
        expenses:snb:iom    £5,000.00  ; line:iom-ida, area:ashfield
        assets:bank:snb

    2019-07-31 * Newark and Sherwood DC | problem solving   ; grant:snb-2019-20
        expenses:snb:nwps    £67,687.50  ; line:nwps, area:newark
        expenses:snb:nwps    £12.50
        assets:bank:snb      = £552,418.00

    2022-07-15 * Home Office | Safer Streets 4, first tranche   ; grant:ss4-bns
        assets:bank:bns-csp    £100,000.00
        income:grants

    2022-10-31 * Bassetlaw District Council | CCTV cameras, first phase   ; grant:ss4-bns, ref:BDC-2210-014
        ; supplier:Secure Vision Ltd
        expenses:safer-streets:cctv     £48,250.00   ; line:cctv, area:bassetlaw, initiative:bns-cctv, class:capital
        assets:bank:bns-csp
    """

    static func ledger(_ text: String = text) -> Ledger {
        let (ledger, diagnostics) = LedgerLoader.load(text: text)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "the test books should read cleanly: \(errors.map(\.message))")
        return ledger
    }
}

extension Report {
    /// The row whose first cell is `id` (and, for detail rows, whose second is `detail`).
    func row(_ id: String, _ detail: String? = nil) -> ReportRow? {
        rows.first { row in
            guard row.cells.first == .text(id) else { return false }
            guard let detail else { return !row.isDetail }
            return row.isDetail && row.cells.contains(.text(detail))
        }
    }

    func cell(_ row: ReportRow?, _ key: String) -> ReportCell? {
        guard let row, let index = columnIndex(key) else { return nil }
        return row.cells[index]
    }

    func money(_ row: ReportRow?, _ key: String) -> Money? { cell(row, key)?.money }
}

/// Shorthand for exact amounts in expectations.
func pounds(_ text: String) -> Money {
    (try? MoneyParser.parse(text)) ?? Money(pence: .min)
}
