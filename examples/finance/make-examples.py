#!/usr/bin/env python3
"""Writes the example finance-system exports in this folder. Illustrative data, made once and committed;
run again (from anywhere) only to change them, then re-read the README's outputs.

- bassetlaw-ss4-statement.csv: Bassetlaw District Council's accounts-payable lines for the Safer Streets
  round 4 cost centres, generated from the shipped ledger's own ss4-bns spend, so that it reconciles
  exactly (plus VAT lines and rows on other cost centres, which the rules skip).
- bassetlaw-ss4-statement-planted.csv: the same with four planted differences (see README.md).
- ncc-nwps-2021-q2.csv: Nottinghamshire County Council's lines for the NWPS cost centres, July to
  September 2021: new spend to import into ledgers/nottinghamshire/nwps-2021-22.ledger.

Amounts are handled as Decimal, never float; VAT is 20% rounded half up to the penny.
"""
import csv, re, sys
from datetime import date, timedelta
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
COLUMNS = ["Company", "Year", "Period", "Posting Date", "Document No", "Doc Type", "Line", "Cost Centre",
           "Cost Centre Name", "Account Code", "Account Name", "Supplier No", "Supplier Name", "Invoice No",
           "Invoice Date", "Line Description", "VAT Code", "Amount", "Payment Date", "Payment Ref", "Batch",
           "Entered By"]
ACCOUNTS = {"4110": "Capital - works and equipment", "5120": "Police services recharge",
            "5210": "Contracted services", "5310": "Internal recharges", "5410": "Revenue grants and contributions",
            "5610": "Premises hire", "9210": "VAT input"}
VAT_SUPPLIERS = {"Secure Vision Ltd", "Trentgate Security Doors Ltd", "Midshires Venue Hire Ltd"}
SUPPLIER_NO = {}


def money(value):
    """1234.5 -> '1,234.50'; negatives in brackets, as the finance system prints them."""
    text = f"{abs(value):,.2f}"
    return f"({text})" if value < 0 else text


def fiscal(day):
    year = day.year if day.month >= 4 else day.year - 1
    return f"{year}/{(year + 1) % 100:02d}", f"{(day.month - 4) % 12 + 1:02d}"


def supplier_no(name):
    return SUPPLIER_NO.setdefault(name, f"S{100231 + 17 * len(SUPPLIER_NO)}")


class Export:
    def __init__(self, company, document):
        self.company, self.document, self.rows = company, document, []

    def invoice(self, day, ref, supplier, lines, doc_type="INV", entered="AP.BATCH", document=None):
        """lines: (cost centre, cost centre name, account code, description, net Decimal)."""
        self.document += 7
        number = document or self.document
        year, period = fiscal(day)
        paid = day + timedelta(days=14 + (self.document % 9))
        vat_code = "S" if supplier in VAT_SUPPLIERS else "OS"
        line_no = 0
        for cost_centre, name, account, text, net in lines:
            line_no += 1
            self.rows.append([self.company, year, period, day.strftime("%d/%m/%Y"), str(number), doc_type, str(line_no),
                              cost_centre, name, account, ACCOUNTS[account], supplier_no(supplier), supplier, ref,
                              (day - timedelta(days=3)).strftime("%d/%m/%Y"), text, vat_code, money(net),
                              paid.strftime("%d/%m/%Y"), f"BACS{paid.strftime('%y%m%d')}", f"AP{period}{year[2:4]}",
                              entered])
        if vat_code == "S":
            vat = (sum(net for *_, net in lines) * Decimal("0.2")).quantize(Decimal("0.01"), ROUND_HALF_UP)
            line_no += 1
            self.rows.append([self.company, year, period, day.strftime("%d/%m/%Y"), str(number), doc_type, str(line_no),
                              lines[0][0], lines[0][1], "9210", ACCOUNTS["9210"], supplier_no(supplier), supplier, ref,
                              (day - timedelta(days=3)).strftime("%d/%m/%Y"), "VAT at 20%", "S", money(vat),
                              paid.strftime("%d/%m/%Y"), f"BACS{paid.strftime('%y%m%d')}", f"AP{period}{year[2:4]}",
                              entered])
        return number

    def write(self, name, encoding="utf-8"):
        write_csv(name, COLUMNS, self.rows, encoding)


def write_csv(name, columns, rows, encoding="utf-8"):
    """A CSV file as the finance systems here save one: CRLF line ends, quotes only where needed."""
    with open(HERE / name, "w", newline="", encoding=encoding) as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows(rows)


# ---------------------------------------------------------------- Safer Streets round 4, from the ledger
SS4_CENTRES = {  # (account, area, initiative) in the ledger -> the lead council's cost centre
    ("expenses:safer-streets:cctv", "bassetlaw"): ("BC4101", "SS4 CCTV Worksop"),
    ("expenses:safer-streets:cctv", "newark-sherwood"): ("BC4102", "SS4 CCTV Newark"),
    ("expenses:safer-streets:lighting", "bassetlaw"): ("BC4201", "SS4 Lighting Worksop"),
    ("expenses:safer-streets:lighting", "newark-sherwood"): ("BC4202", "SS4 Lighting Newark"),
    ("expenses:safer-streets:security-doors", "bassetlaw"): ("BC4301", "SS4 Security Doors Worksop"),
    ("expenses:safer-streets:security-doors", "newark-sherwood"): ("BC4302", "SS4 Security Doors Newark"),
    ("expenses:safer-streets:engagement", "bassetlaw"): ("BC4401", "SS4 Nights of Action Worksop"),
    ("expenses:safer-streets:engagement", "newark-sherwood"): ("BC4402", "SS4 Nights of Action Newark"),
    ("expenses:safer-streets:engagement", "bns-csp"): ("BC4403", "SS4 VAWG Engagement"),
    ("expenses:safer-streets:management", "bns-csp"): ("BC4501", "SS4 Programme Management"),
}


def ss4_spend():
    text = (ROOT / "ledgers/nottinghamshire/safer-streets.ledger").read_text()
    spend = []
    for block in text.split("\n\n"):
        lines = [l for l in block.splitlines() if l and not l.startswith(";")]
        if not lines or "grant:ss4-bns" not in lines[0]:
            continue
        head = re.match(r"(\d{4})-(\d\d)-(\d\d) \* (?:\([^)]*\) )?(.*?) \| (.*?)\s+;.*ref:([\w-]+)", lines[0])
        posting = next((l for l in lines[1:] if l.strip().startswith("expenses:")), None)
        if not head or not posting:
            continue
        account, amount = posting.split()[:2]
        area = re.search(r"area:([\w-]+)", posting).group(1)
        cls = re.search(r"class:(\w+)", posting).group(1)
        y, m, d, payee, note, ref = head.groups()
        spend.append((date(int(y), int(m), int(d)), ref, payee, note, account, area, cls,
                      Decimal(amount.replace("£", "").replace(",", ""))))
    return spend


def ss4_account(payee, cls):
    if cls == "capital":
        return "4110"
    return {"Nottinghamshire Police": "5120", "Bassetlaw District Council": "5310"}.get(payee, "5210")


def ss4_export(planted):
    export = Export("BDC", 60041000)
    others = [  # rows on cost centres outside the grant: the rules skip them
        (date(2022, 8, 31), "BDC-CS-2208", "Midshires Venue Hire Ltd", "BC3100", "Community Safety Core", "5610", "Partnership meeting room hire", Decimal("240.00")),
        (date(2022, 12, 20), "BDC-CS-2212", "Nottinghamshire Police", "BC3100", "Community Safety Core", "5120", "Christmas ASB patrols, Retford", Decimal("3150.00")),
        (date(2023, 6, 30), "BDC-CS-2306", "Midshires Venue Hire Ltd", "BC3100", "Community Safety Core", "5610", "Partnership meeting room hire", Decimal("240.00")),
    ]
    items = [("spend", s) for s in ss4_spend()] + [("other", o) for o in others]
    items.sort(key=lambda item: (item[1][0], item[1][1]))
    for kind, item in items:
        if kind == "other":
            day, ref, supplier, centre, name, account, text, net = item
            export.invoice(day, ref, supplier, [(centre, name, account, text, net)])
            continue
        day, ref, payee, note, account, area, cls, net = item
        centre, name = SS4_CENTRES[(account, area)]
        if planted and ref == "BNS-23-0101":
            net = Decimal("33442.76")  # planted: 33,424.76 keyed with two digits swapped
        if planted and ref == "BNS-23-0304":
            centre, name = SS4_CENTRES[("expenses:safer-streets:cctv", "newark-sherwood")]  # planted: wrong cost centre
        export.invoice(day, ref, payee, [(centre, name, ss4_account(payee, cls), note, net)])
        if planted and ref == "BNS-23-0202":  # planted: the same invoice entered and paid twice
            export.invoice(day, ref, payee, [(centre, name, ss4_account(payee, cls), note, net)], entered="J.SMITH")
    if planted:  # planted: an invoice the finance system paid that the ledger never recorded
        export.invoice(date(2023, 9, 26), "BNS-23-0905", "Secure Vision Ltd",
                       [("BC4102", "SS4 CCTV Newark", "4110", "CCTV camera maintenance visit, Newark", Decimal("2340.00"))])
    return export


# ---------------------------------------------------------------- NWPS 2021-22, July to September (new)
NWPS = {"ashfield": ("CS2101", "NWPS Ashfield"), "bassetlaw": ("CS2102", "NWPS Bassetlaw"),
        "broxtowe": ("CS2103", "NWPS Broxtowe"), "gedling": ("CS2104", "NWPS Gedling"),
        "mansfield": ("CS2105", "NWPS Mansfield"), "newark-sherwood": ("CS2106", "NWPS Newark and Sherwood"),
        "rushcliffe": ("CS2107", "NWPS Rushcliffe")}
COUNCIL = {"ashfield": "Ashfield District Council", "bassetlaw": "Bassetlaw District Council",
           "broxtowe": "Broxtowe Borough Council", "gedling": "Gedling Borough Council",
           "mansfield": "Mansfield District Council", "newark-sherwood": "Newark and Sherwood District Council",
           "rushcliffe": "Rushcliffe Borough Council"}


def nwps_export():
    export = Export("NCC", 71052000)

    def line(area, account, text, net):
        return (*NWPS[area], account, f"NWPS focus areas, {text}", Decimal(net))

    def council(day, ref, area, account, text, net, doc_type="INV"):
        export.invoice(day, ref, COUNCIL[area], [line(area, account, text, net)], doc_type=doc_type)

    # June's pending Broxtowe invoice, paid in July: already in the ledger, so import skips it.
    council(date(2021, 6, 25), "INV-21-0607", "broxtowe", "4110", "redeployable CCTV camera", "2861.12")
    export.invoice(date(2021, 7, 2), "SNB-2107-01", "Midshires Venue Hire Ltd",
                   [("CS2000", "SNB Core", "5610", "Board meeting room hire", Decimal("180.00"))])
    council(date(2021, 7, 6), "INV-21-0701", "mansfield", "5410", "diversionary youth sessions", "4012.50")
    council(date(2021, 7, 9), "INV-21-0702", "ashfield", "4110", "fencing and environmental improvements", "3870.00")
    export.invoice(date(2021, 7, 14), "INV-21-0703", "Secure Vision Ltd", [
        line("gedling", "4110", "redeployable CCTV camera", "2950.00"),
        line("broxtowe", "4110", "redeployable CCTV camera", "2950.00")])
    council(date(2021, 7, 20), "INV-21-0704", "rushcliffe", "4110", "alley gates", "1995.40")
    council(date(2021, 7, 27), "INV-21-0705", "bassetlaw", "5410", "ASB mediation referrals", "3210.75")
    council(date(2021, 7, 30), "INV-21-0706", "newark-sherwood", "4110", "home security for repeat victims", "3388.20")
    export.invoice(date(2021, 8, 3), "DA-2108-01", "Juno Women's Aid",
                   [("CS3100", "Domestic Abuse Services", "5210", "Domestic abuse outreach, quarter 2", Decimal("8500.00"))])
    council(date(2021, 8, 10), "INV-21-0801", "broxtowe", "5410", "community clean-up days", "2515.00")
    council(date(2021, 8, 12), "INV-21-0802", "gedling", "4110", "home security for repeat victims", "2704.33")
    export.invoice(date(2021, 8, 18), "CN-21-0803", "Secure Vision Ltd",
                   [line("gedling", "4110", "camera bracket returned", "-350.00")], doc_type="CRN")
    council(date(2021, 8, 24), "INV-21-0804", "mansfield", "4110", "fencing and environmental improvements", "3940.10")
    council(date(2021, 9, 7), "INV-21-0901", "ashfield", "5410", "community clean-up days", "3512.64")
    council(date(2021, 9, 9), "INV-21-0902", "rushcliffe", "4110", "alley gates", "2180.00")
    council(date(2021, 9, 15), "CN-21-0903", "mansfield", "5410", "unused youth session budget returned", "-480.00", doc_type="CRN")
    council(date(2021, 9, 21), "INV-21-0904", "newark-sherwood", "5410", "ASB mediation referrals", "3605.90")
    council(date(2021, 9, 28), "INV-21-0905", "bassetlaw", "4110", "alley gates", "3120.00")
    return export


# ---------------------------------------------------------------- NWPS 2021-22, January 2022 (Windows-1252)
def nwps_january():
    """The same accounts-payable export as July to September, saved from Excel as "CSV (Comma
    delimited)": Windows-1252, amounts with a pound sign, a curly apostrophe and an en dash."""
    export = Export("NCC", 71058000)

    def council(day, ref, area, account, text, net, supplier=None, doc_type="INV"):
        export.invoice(day, ref, supplier or COUNCIL[area],
                       [(*NWPS[area], account, f"NWPS focus areas \u2013 {text}", Decimal(net))], doc_type=doc_type)

    council(date(2022, 1, 5), "INV-22-0101", "ashfield", "5610", "residents\u2019 meeting room hire", "185.00",
            supplier="St Mary\u2019s Community Centre")
    council(date(2022, 1, 11), "INV-22-0102", "mansfield", "5410", "diversionary youth sessions", "3890.25")
    export.invoice(date(2022, 1, 14), "DA-2201-01", "Juno Women\u2019s Aid",
                   [("CS3100", "Domestic Abuse Services", "5210", "Domestic abuse outreach, quarter 4", Decimal("8500.00"))])
    council(date(2022, 1, 19), "INV-22-0103", "gedling", "4110", "home security for repeat victims", "2615.80")
    council(date(2022, 1, 26), "INV-22-0104", "rushcliffe", "4110", "alley gates", "2042.00")
    council(date(2022, 1, 28), "CN-22-0105", "bassetlaw", "5410", "mediation sessions not held", "-320.00", doc_type="CRN")
    for row in export.rows:
        row[17] = ("(\u00a3" + row[17][1:]) if row[17].startswith("(") else "\u00a3" + row[17]
    export.write("ncc-nwps-2022-01.csv", encoding="cp1252")


# ---------------------------------------------------------------- NWPS 2021-22, February 2022 (net, VAT, gross)
VAT_COLUMNS = ["Trans Date", "Doc Ref", "Supplier", "Cost Centre", "Nominal", "Description", "VAT Code", "Net",
               "VAT", "Gross"]


def nwps_february():
    """Invoice lines from the purchase ledger's "lines with VAT" report: net, VAT and gross on each
    line, VAT at 20% rounded half up; hospitality (5620) is business entertainment, whose VAT is blocked."""
    rows = []

    def line(day, ref, supplier, area, nominal, text, net, code="S"):
        net = Decimal(net)
        vat = (net * Decimal("0.2")).quantize(Decimal("0.01"), ROUND_HALF_UP) if code == "S" else Decimal("0.00")
        rows.append([day.strftime("%d/%m/%Y"), ref, supplier, NWPS[area][0], nominal, f"NWPS focus areas, {text}", code,
                     f"{net:.2f}", f"{vat:.2f}", f"{net + vat:.2f}"])

    line(date(2022, 2, 3), "INV-22-0201", "Secure Vision Ltd", "broxtowe", "4110", "redeployable CCTV camera", "2310.00")
    line(date(2022, 2, 3), "INV-22-0201", "Secure Vision Ltd", "broxtowe", "4110", "camera installation", "420.00")
    line(date(2022, 2, 9), "INV-22-0202", "Newark and Sherwood District Council", "newark-sherwood", "5410",
         "community clean-up days", "2988.40", code="OS")
    line(date(2022, 2, 16), "INV-22-0203", "Trentgate Security Doors Ltd", "ashfield", "4110",
         "door and window locks for repeat victims", "1875.00")
    line(date(2022, 2, 22), "INV-22-0204", "Midshires Venue Hire Ltd", "mansfield", "5620",
         "refreshments, residents' celebration event", "150.00")
    line(date(2022, 2, 24), "CN-22-0205", "Trentgate Security Doors Ltd", "ashfield", "4110",
         "lock returned unused", "-62.50")
    rows.append(["25/02/2022", "SNB-2202-01", "Midshires Venue Hire Ltd", "CS2000", "5610", "Board meeting room hire", "S",
                 "180.00", "36.00", "216.00"])
    write_csv("ncc-nwps-2022-02-vat.csv", VAT_COLUMNS, rows)


# ---------------------------------------------------------------- NWPS 2021-22, March 2022 (debit and credit)
GL_COLUMNS = ["Period", "Journal Date", "Source", "Reference", "Cost Centre", "Account", "Narrative", "Supplier",
              "Debit", "Credit"]


def nwps_march():
    """The general ledger's cost-centre listing for period 12: spend in Debit, credit notes in
    Credit, the other column left empty; VAT input on account 9210, which the rules skip."""
    rows = []

    def entry(day, ref, source, area, account, text, supplier, debit=None, credit=None):
        centre = NWPS[area][0] if area in NWPS else area
        rows.append(["12", day.strftime("%d/%m/%Y"), source, ref, centre, account, text, supplier,
                     f"{Decimal(debit):,.2f}" if debit else "", f"{Decimal(credit):,.2f}" if credit else ""])

    entry(date(2022, 3, 2), "INV-22-0301", "AP", "bassetlaw", "5410", "NWPS focus areas, ASB mediation referrals",
          "Bassetlaw District Council", debit="3305.10")
    entry(date(2022, 3, 8), "INV-22-0302", "AP", "gedling", "4110", "NWPS focus areas, alley gates", "Secure Vision Ltd",
          debit="1640.00")
    entry(date(2022, 3, 8), "INV-22-0302", "AP", "gedling", "9210", "VAT at 20%", "Secure Vision Ltd", debit="328.00")
    entry(date(2022, 3, 15), "CN-22-0303", "AP", "gedling", "4110", "NWPS focus areas, gate hinge credited",
          "Secure Vision Ltd", credit="85.00")
    entry(date(2022, 3, 15), "CN-22-0303", "AP", "gedling", "9210", "VAT at 20%", "Secure Vision Ltd", credit="17.00")
    entry(date(2022, 3, 23), "INV-22-0304", "AP", "rushcliffe", "5410", "NWPS focus areas, community clean-up days",
          "Rushcliffe Borough Council", debit="2276.45")
    entry(date(2022, 3, 30), "INV-22-0305", "AP", "newark-sherwood", "4110",
          "NWPS focus areas, home security for repeat victims", "Newark and Sherwood District Council", debit="2950.00")
    entry(date(2022, 3, 31), "SNB-2203-01", "AP", "CS2000", "5610", "Board meeting room hire", "Midshires Venue Hire Ltd",
          debit="180.00")
    write_csv("ncc-nwps-2022-03-ledger.csv", GL_COLUMNS, rows)


# ---------------------------------------------------------------- NWPS 2021-22, October to December (.xlsx)
def nwps_q3_xlsx():
    """The accounts-payable export as the finance system's "Export to Excel" gives it: a cover sheet
    first, the lines on the sheet "AP Lines", numbers as numbers (one carrying a double's rounding
    noise, 3120.0000000000005, as a SUM in a spreadsheet leaves it), dates as date cells (serials), and
    the document number as a number. Written with openpyxl; the zip's timestamps are the only bytes
    that change from one run to the next."""
    from openpyxl import Workbook
    from datetime import datetime
    export = Export("NCC", 71055000)

    def council(day, ref, area, account, text, net, doc_type="INV"):
        export.invoice(day, ref, COUNCIL[area], [(*NWPS[area], account, f"NWPS focus areas, {text}", Decimal(net))], doc_type=doc_type)

    council(date(2021, 10, 5), "INV-21-1001", "ashfield", "5410", "diversionary youth sessions", "3760.15")
    export.invoice(date(2021, 10, 12), "INV-21-1002", "Secure Vision Ltd", [
        (*NWPS["mansfield"], "4110", "NWPS focus areas, redeployable CCTV camera", Decimal("2950.00"))])
    council(date(2021, 10, 26), "INV-21-1003", "bassetlaw", "4110", "alley gates", "3120.00")
    council(date(2021, 11, 9), "INV-21-1101", "broxtowe", "5410", "community clean-up days", "2408.60")
    export.invoice(date(2021, 11, 16), "SNB-2111-01", "Midshires Venue Hire Ltd",
                   [("CS2000", "SNB Core", "5610", "Board meeting room hire", Decimal("180.00"))])
    council(date(2021, 11, 23), "INV-21-1102", "newark-sherwood", "4110", "home security for repeat victims", "2766.45")
    council(date(2021, 12, 7), "INV-21-1201", "gedling", "5410", "ASB mediation referrals", "3015.00")
    council(date(2021, 12, 14), "CN-21-1202", "ashfield", "5410", "youth session not held", "-240.00", doc_type="CRN")
    council(date(2021, 12, 17), "INV-21-1203", "rushcliffe", "4110", "home security for repeat victims", "1984.30")

    book = Workbook()
    cover = book.active
    cover.title = "Report"
    cover.append(["Accounts payable lines, NWPS cost centres"])
    cover.append(["Periods 07 to 09, 2021/22"])
    cover.append(["Run by AP.BATCH"])
    lines = book.create_sheet("AP Lines")
    lines.append(COLUMNS)
    for row in export.rows:
        cells = list(row)
        for index in (3, 14, 18):  # posting, invoice and payment dates: date cells
            day, month, year = (int(part) for part in cells[index].split("/"))
            cells[index] = datetime(year, month, day)
        cells[4] = int(cells[4])  # the document number
        cells[6] = int(cells[6])  # the line number
        amount = Decimal(cells[17].replace(",", "").replace("(", "-").replace(")", ""))
        cells[17] = float(amount)
        lines.append(cells)
        for index in (3, 14, 18):
            lines.cell(row=lines.max_row, column=index + 1).number_format = "DD/MM/YYYY"
        lines.cell(row=lines.max_row, column=18).number_format = "#,##0.00;(#,##0.00)"
    stamp = datetime(2022, 1, 4, 9, 0, 0)
    book.properties.created = stamp
    book.properties.modified = stamp
    book.save(HERE / "ncc-nwps-2021-q3.xlsx")
    # openpyxl writes a float's shortest text; a spreadsheet's SUM leaves a double's noise, which
    # the reader must take as £3,120.00: put it into INV-21-1003's amount (cell R5) as Excel would.
    import zipfile
    path = HERE / "ncc-nwps-2021-q3.xlsx"
    with zipfile.ZipFile(path) as original:
        parts = [(info, original.read(info.filename)) for info in original.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as rewritten:
        for info, data in parts:
            if info.filename == "xl/worksheets/sheet2.xml":
                assert b'<c r="R5" s="2" t="n"><v>3120</v>' in data
                data = data.replace(b'<c r="R5" s="2" t="n"><v>3120</v>', b'<c r="R5" s="2" t="n"><v>3120.0000000000005</v>')
            rewritten.writestr(info, data)


if __name__ == "__main__":
    ss4_export(planted=False).write("bassetlaw-ss4-statement.csv")
    ss4_export(planted=True).write("bassetlaw-ss4-statement-planted.csv")
    nwps_export().write("ncc-nwps-2021-q2.csv")
    nwps_january()
    nwps_february()
    nwps_march()
    nwps_q3_xlsx()
    print("wrote", ", ".join(p.name for p in sorted(HERE.glob("*.csv"))), file=sys.stderr)
