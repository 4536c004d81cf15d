#!/usr/bin/env python3
"""What an independent reader (openpyxl, plus the zip's own XML for what openpyxl skips) sees in a
committee workbook, as JSON, for the Swift tests to check: sheets in order; per sheet its cells
(value or formula text, cached value, type, number format), charts, frozen cell, filter range, print
settings (orientation, fit to pages, repeated rows, header and footer text), row count and protection
(whether the sheet is protected, its password hash if any, and the cells left unlocked); the
defined names; the document properties, including the company and custom properties.

Usage: xlsx_inspect.py BOOK.xlsx
"""
import datetime
import json
import re
import sys
import zipfile

from openpyxl import load_workbook


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return value


def inspect(path):
    formulas = load_workbook(path)
    cached = load_workbook(path, data_only=True)
    out = {"sheets": formulas.sheetnames, "defined_names": {}, "sheet": {}}
    for name, dn in formulas.defined_names.items():
        out["defined_names"][name] = dn.attr_text
    for ws in formulas.worksheets:
        for name, dn in ws.defined_names.items():
            out["defined_names"][f"{ws.title}!{name}"] = dn.attr_text
        cells = {}
        unlocked = []
        for row in ws.iter_rows():
            for c in row:
                if c.protection is not None and c.protection.locked is False:
                    unlocked.append(c.coordinate)
                if c.value is None:
                    continue
                cells[c.coordinate] = {
                    "value": plain(c.value),
                    "cached": plain(cached[ws.title][c.coordinate].value),
                    "type": c.data_type,
                    "fmt": c.number_format,
                }
        setup = ws.page_setup
        out["sheet"][ws.title] = {
            "cells": cells,
            "charts": len(ws._charts),
            "freeze": ws.freeze_panes,
            "autofilter": ws.auto_filter.ref,
            "orientation": setup.orientation,
            "paper": setup.paperSize,
            "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "fit_width": setup.fitToWidth,
            "fit_height": setup.fitToHeight,
            "print_title_rows": ws.print_title_rows,
            "header": ws.oddHeader.center.text if ws.oddHeader else None,
            "footer_center": ws.oddFooter.center.text if ws.oddFooter else None,
            "footer_right": ws.oddFooter.right.text if ws.oddFooter else None,
            "max_row": ws.max_row,
            "protected": bool(ws.protection.sheet),
            "password": ws.protection.password,
            "unlocked": unlocked,
        }
    props = formulas.properties
    out["properties"] = {"title": props.title, "creator": props.creator, "subject": props.subject,
                         "created": plain(props.created)}
    with zipfile.ZipFile(path) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
        company = re.search(r"<Company>(.*?)</Company>", app)
        out["properties"]["company"] = company.group(1) if company else None
        custom = {}
        if "docProps/custom.xml" in z.namelist():
            xml = z.read("docProps/custom.xml").decode("utf-8")
            for name, value in re.findall(r'name="([^"]*)"[^>]*>\s*<vt:lpwstr>(.*?)</vt:lpwstr>', xml):
                custom[name] = value
        out["properties"]["custom"] = custom
    return out


if __name__ == "__main__":
    json.dump(inspect(sys.argv[1]), sys.stdout, ensure_ascii=False, default=str)
    print()
