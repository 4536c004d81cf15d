#!/usr/bin/env python3
"""xlsx_sheet_names_check.py [--jobs N] BOOK.xlsx...
For each workbook, as openpyxl (an independent reader) sees it: every sheet name is one Excel
accepts (at most 31 UTF-16 units, none of []:*?/\\, no apostrophe at either end, no control
character) and no two collide ignoring case (Python's casefold and lower, of NFC and NFD forms); every sheet reference in a cell formula, a defined name, a print-title range or a chart
series names a sheet that exists (quoted names unquoted with '' read as '), and every bare name a
formula uses (Pot, Unit...) is defined for its sheet. Prints JSON: counts and a list of problems.
With --jobs N the books are read by N child processes forked after openpyxl is imported, so its
import is paid once and the books' reading shares the cores."""
import json, re, sys, unicodedata, zipfile
from openpyxl import load_workbook
from openpyxl.formula.tokenizer import Tokenizer

BARE_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
FUNCTION_OR_BOOL = {"TRUE", "FALSE"}

def keys(name):
    out = set()
    for form in ("NFC", "NFD"):
        n = unicodedata.normalize(form, name)
        out |= {n.casefold(), n.lower(), n.upper().lower()}
    return out

def split_ref(text):
    """'it''s'!$A$1 -> ("it's", "$A$1"); Summary!B5 -> ("Summary", "B5"); B5 -> (None, "B5")."""
    if text.startswith("'"):
        i, name = 1, ""
        while i < len(text):
            if text[i] == "'":
                if i + 1 < len(text) and text[i + 1] == "'":
                    name += "'"; i += 2; continue
                break
            name += text[i]; i += 1
        rest = text[i + 1:]
        if not rest.startswith("!"):
            raise ValueError(f"quoted sheet name not followed by '!': {text}")
        return name, rest[1:]
    if "!" in text:
        sheet, _, cell = text.rpartition("!")
        if not BARE_SHEET.match(sheet):
            raise ValueError(f"sheet name {sheet!r} used bare but needs quoting: {text}")
        return sheet, cell
    return None, text

def check(path, problems, counts):
    wb = load_workbook(path)
    names = wb.sheetnames
    counts["workbooks"] += 1
    counts["sheets"] += len(names)
    seen = {}
    for name in names:
        units = len(name.encode("utf-16-le")) // 2
        if units > 31 or units == 0:
            problems.append(f"{path}: sheet {name!r}: {units} UTF-16 units")
        if any(c in name for c in "[]:*?/\\") or name[0] == "'" or name[-1] == "'":
            problems.append(f"{path}: sheet {name!r}: a character Excel refuses")
        if any(ord(c) < 0x20 or c in "\ufffe\uffff" for c in name):
            problems.append(f"{path}: sheet {name!r}: a control character")
        if name.casefold() == "history":
            problems.append(f"{path}: sheet {name!r}: reserved")
        for key in keys(name):
            if key in seen and seen[key] != name:
                problems.append(f"{path}: sheets {seen[key]!r} and {name!r} collide ignoring case")
            seen[key] = name
    exists = set(names)
    global_names = set(wb.defined_names.keys())

    def resolve(where, text, local):
        for token in Tokenizer(text if text.startswith("=") else "=" + text).items:
            if token.type != "OPERAND":
                continue
            if token.subtype == "RANGE":
                try:
                    sheet, cell = split_ref(token.value)
                except ValueError as e:
                    problems.append(f"{path}: {where}: {e}"); continue
                if sheet is not None:
                    counts["references"] += 1
                    if sheet not in exists:
                        problems.append(f"{path}: {where}: {token.value} names no sheet")
                elif re.match(r"^[A-Za-z_][A-Za-z0-9_.]*$", cell) and not re.match(r"^\$?[A-Z]{1,3}\$?\d+$", cell) \
                        and cell.upper() not in FUNCTION_OR_BOOL:
                    counts["names"] += 1
                    if cell not in local and cell not in global_names:
                        problems.append(f"{path}: {where}: name {cell} is not defined here")

    for ws in wb.worksheets:
        local = set(ws.defined_names.keys())
        for name, dn in ws.defined_names.items():
            resolve(f"{ws.title}!{name}", dn.attr_text, local)
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" and isinstance(c.value, str):
                    counts["formulas"] += 1
                    resolve(f"{ws.title}!{c.coordinate}", c.value, local)
        for chart in ws._charts:
            counts["charts"] += 1
            for series in chart.series:
                for part in (series.val, series.cat):
                    if part is None:
                        continue
                    for ref in (part.numRef, getattr(part, "strRef", None)):
                        if ref is not None and ref.f:
                            resolve(f"{ws.title} chart", ref.f, local)
    for name, dn in wb.defined_names.items():
        resolve(f"name {name}", dn.attr_text, set())
    # Print titles, read from the file itself: each must point at its own sheet.
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/workbook.xml").decode("utf-8")
    for m in re.finditer(r'<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">([^<]*)</definedName>', xml):
        index, text = int(m.group(1)), m.group(2).replace("&apos;", "'").replace("&amp;", "&").replace("&quot;", '"') \
            .replace("&lt;", "<").replace("&gt;", ">")
        counts["print_titles"] += 1
        try:
            sheet, _ = split_ref(text)
        except ValueError as e:
            problems.append(f"{path}: print titles of sheet {index}: {e}"); continue
        if index >= len(names) or sheet != names[index]:
            problems.append(f"{path}: print titles of sheet {index} refer to {sheet!r}")
    wb.close()

COUNT_KEYS = ("workbooks", "sheets", "formulas", "references", "names", "charts", "print_titles")

def check_one(path):
    problems, counts = [], dict.fromkeys(COUNT_KEYS, 0)
    try:
        check(path, problems, counts)
    except Exception as e:  # a workbook openpyxl cannot open is the first thing to report
        problems.append(f"{path}: cannot open: {type(e).__name__}: {e}")
    return problems, counts

def forked(paths, jobs):
    """check_one over `paths` in `jobs` forked children, each sending its results down a pipe and
    leaving with os._exit. No signals are used: a parent started by a test runner may inherit a
    mask that blocks SIGTERM, and multiprocessing.Pool's terminate() then waits for ever."""
    import os
    children = []
    for job in range(jobs):
        share = paths[job::jobs]
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            try:
                out = json.dumps([(i * jobs + job, check_one(path)) for i, path in enumerate(share)]).encode()
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(out)
            finally:
                os._exit(0)
        os.close(write_end)
        children.append((pid, read_end))
    results = [None] * len(paths)
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        for index, result in json.loads(data or b"[]"):
            results[index] = result
    return [r if r is not None else ([f"{paths[i]}: a checker process died"], dict.fromkeys(COUNT_KEYS, 0))
            for i, r in enumerate(results)]

def main(arguments):
    jobs = 1
    if len(arguments) >= 2 and arguments[0] == "--jobs":
        jobs, arguments = max(1, int(arguments[1])), arguments[2:]
    if jobs > 1 and len(arguments) > 1:
        results = forked(arguments, jobs)
    else:
        results = [check_one(path) for path in arguments]
    problems, counts = [], dict.fromkeys(COUNT_KEYS, 0)
    for found, counted in results:  # in the order the books were given, whatever order they finished in
        problems += found
        for key in COUNT_KEYS:
            counts[key] += counted[key]
    json.dump({"counts": counts, "problems": problems[:200], "problem_count": len(problems)}, sys.stdout)

if __name__ == "__main__":
    main(sys.argv[1:])
