#!/usr/bin/env python3
"""The peer in `make bench`'s export comparison: Python XlsxWriter (constant_memory) writing the same
cells as grantledger's Spend sheet, read from the TSV that bench.py generates beside the ledger.

Usage: xlsxwriter_spend.py ROWS.tsv OUT.xlsx [AS-OF]     (AS-OF: YYYY-MM-DD, default 2026-11-25)

The TSV holds, per row, exactly what goes in the cells, already worked out: the date's Excel serial,
grant, line, area, initiative, supplier, description, reference, class and the amount in pence (an
empty field is a cell left empty). So the time measured is XlsxWriter's writing (plus splitting a
line of text), never generating. Each cell is written as grantledger writes it: dates as numbers
under the date format (which is what a date cell is in .xlsx; XlsxWriter's write_datetime would do
the same conversion first), money as pounds under the £ format, text as text (write_string, never
the guessing write()), the same header block, column widths, frozen header, filter and page setup. The total is what
grantledger's FormulaGate makes it: a SUBTOTAL where any spreadsheet's sum is sure to reproduce it,
else (past about 4,500 rows of positive amounts) the exact total in italics, the label saying it
does not follow the filters and the note under it. Rows are never made taller here: none of the
generated suppliers or descriptions wraps (grantledger still checks each; the C floor does too).
"""
import datetime
import sys
from fractions import Fraction

import xlsxwriter

TITLES = ["Date", "Grant", "Line", "Area", "Initiative", "Supplier", "Description", "Ref", "Class", "Amount"]
MONEY = "£#,##0.00;[Red]-£#,##0.00"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
NOTE = ("Figures in italics are exact values, not formulas: spreadsheet arithmetic (binary, about 16 significant "
        "digits) could not be relied on to reproduce them exactly.")


def coarse(e):
    """SpreadsheetBound.coarse: `e` rounded up to a 16-bit significand."""
    if e == 0:
        return e
    n, d = e.numerator, e.denominator
    shift = 16 - (n.bit_length() - d.bit_length())
    if shift >= 0:
        q, r = divmod(n << shift, d)
        return Fraction(q + (r != 0), 1 << shift)
    q, r = divmod(n, d << -shift)
    return Fraction((q + (r != 0)) << -shift)


def total_may_be_formula(count, total_pence):
    """FormulaGate for a SUBTOTAL over `count` positive amounts stored as doubles, exactly as
    SpreadsheetBound.sumOfStoredMoney and agreesToThePenny work it out."""
    u = Fraction(1, 2**53)
    magnitude = Fraction(total_pence, 100)
    carried = u * magnitude
    error = coarse(carried + u * (count - 1) * (magnitude + carried) if count > 1 else carried)
    return 2 * error <= max(magnitude / 10**12, Fraction(5, 10**7)) and error <= Fraction(1, 400)


def lines(text, width):
    """ColumnWidth.lines: how many lines `text` wraps to in a column `width` wide."""
    capacity = max(1, int((width - 1.5) * 1.18))
    if len(text.encode()) <= capacity:
        return 1
    count, used = 1, 0
    for word in text.split(" "):
        if used == 0:
            used = len(word)
        elif used + 1 + len(word) <= capacity:
            used += 1 + len(word)
        else:
            count, used = count + 1, len(word)
        while used > capacity:
            count, used = count + 1, used - capacity
    return count


def main(tsv_path, xlsx_path, as_of="2026-11-25"):
    workbook = xlsxwriter.Workbook(xlsx_path, {"constant_memory": True})
    sheet = workbook.add_worksheet("Spend")
    body = workbook.add_format({"valign": "top"})
    wrapped = workbook.add_format({"valign": "top", "text_wrap": True})
    date = workbook.add_format({"num_format": "dd/mm/yyyy", "align": "left", "valign": "top"})
    money = workbook.add_format({"num_format": MONEY, "valign": "top"})
    title = workbook.add_format({"bold": True, "font_size": 14})
    subtitle = workbook.add_format({"font_color": "#404040", "valign": "top", "text_wrap": True})
    label = workbook.add_format({"bold": True, "valign": "top"})
    total = workbook.add_format({"num_format": MONEY, "bold": True, "top": 1, "valign": "top"})
    exact = workbook.add_format({"num_format": MONEY, "bold": True, "italic": True, "top": 1, "valign": "top"})
    note = workbook.add_format({"italic": True, "font_color": "#404040"})
    header = workbook.add_format({"bold": True, "text_wrap": True, "bg_color": "#D9E1F2", "bottom": 1,
                                  "valign": "top"})
    header_figures = workbook.add_format({"bold": True, "text_wrap": True, "bg_color": "#D9E1F2", "bottom": 1,
                                          "valign": "top", "align": "right"})
    styles = [body, body, body, body, wrapped, wrapped, body, body]  # columns 1..8

    with open(tsv_path, encoding="utf-8") as rows:
        widths = [float(w) for w in rows.readline().rstrip("\n").split("\t")]
        count, total_pence = (int(n) for n in rows.readline().rstrip("\n").split("\t"))
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(5, 0)
        sheet.autofilter(4, 0, 4 + count, 9)
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(4, 4)
        sheet.set_header("&LSpend&COFFICIAL")
        sheet.set_footer("&L&A&COFFICIAL&RPage &P of &N")
        sheet.write_string(0, 0, "Spend", title)
        day = datetime.date.fromisoformat(as_of)
        text = (f"Every item of spend to {day.day} {MONTHS[day.month - 1]} {day.year}, in date order: {count} "
                f"posting{'' if count == 1 else 's'} totalling £{total_pence // 100:,}.{total_pence % 100:02d}. "
                "Use the filter buttons on the headings to pick a grant, area or supplier.")
        sheet.set_row(1, min(15 * lines(text, sum(widths)), 409))
        sheet.merge_range(1, 0, 1, 9, text, subtitle)
        if total_may_be_formula(count, total_pence):
            sheet.write_string(2, 6, "Total of the rows shown (it follows the filters):", label)
            sheet.write_formula(2, 9, f"=SUBTOTAL(9,J6:J{5 + count})", total, total_pence / 100)
        else:
            sheet.write_string(2, 6, "Total of all the rows (it does not follow the filters):", label)
            sheet.write_number(2, 9, total_pence / 100, exact)
            sheet.write_string(3, 0, NOTE, note)
        for column, text in enumerate(TITLES):
            sheet.write_string(4, column, text, header_figures if column == 9 else header)

        row = 5
        write_number = sheet.write_number
        write_string = sheet.write_string
        for line in rows:
            fields = line.rstrip("\n").split("\t")
            write_number(row, 0, int(fields[0]), date)
            for column in range(1, 9):
                text = fields[column]
                if text:
                    write_string(row, column, text, styles[column - 1])
            write_number(row, 9, int(fields[9]) / 100, money)
            row += 1
    workbook.define_name("SpendAmounts", f"=Spend!$J$6:$J${5 + count}")
    workbook.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
