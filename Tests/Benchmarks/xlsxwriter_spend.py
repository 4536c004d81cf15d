#!/usr/bin/env python3
"""The peer in `make bench`'s export comparison: Python XlsxWriter (constant_memory) writing the same
cells as grantledger's Spend sheet, read from the TSV that bench.py generates beside the ledger.

Usage: xlsxwriter_spend.py ROWS.tsv OUT.xlsx

The TSV holds, per row, exactly what goes in the cells, already worked out: the date's Excel serial,
grant, line, area, initiative, supplier, description, reference, class and the amount in pence (an
empty field is a cell left empty). So the time measured is XlsxWriter's writing (plus splitting a
line of text), never generating. Each cell is written as grantledger writes it: dates as numbers
under the date format (which is what a date cell is in .xlsx; XlsxWriter's write_datetime would do
the same conversion first), money as pounds under the £ format, text as text (write_string, never
the guessing write()), the same header block, column widths, frozen header, filter and page setup.
"""
import sys

import xlsxwriter

TITLES = ["Date", "Grant", "Line", "Area", "Initiative", "Supplier", "Description", "Ref", "Class", "Amount"]
MONEY = "£#,##0.00;[Red]-£#,##0.00"


def main(tsv_path, xlsx_path):
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
        sheet.set_row(1, 30)
        sheet.merge_range(1, 0, 1, 9, f"Every item of spend, in date order: {count:,} postings. Use the filter "
                          "buttons on the headings to pick a grant, area or supplier.", subtitle)
        sheet.write_string(2, 6, "Total of the rows shown (it follows the filters):", label)
        sheet.write_formula(2, 9, f"=SUBTOTAL(9,J6:J{5 + count})", total, total_pence / 100)
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
    workbook.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
