#!/usr/bin/env python3
"""Independent exact check of `grantledger allocate --format csv`, written from issue 3's wording
with Python's fractions, sharing no code with the Swift implementation.

Usage: allocation_oracle.py CASES.json
CASES.json is a list of {"id", "areas" (path), "pot", "weights" ({name: "1/3" | "0.25" | "25%"}),
"round", "floor" (or null)}. Prints a JSON object {id: expected CSV text}.

The floor is met the literal way the issue describes: lift the areas below it, scale down the others
in proportion, and repeat until none falls below (the Swift code finds the same fixed point by a
sort instead, so this also checks that shortcut).
"""
import csv
import json
import sys
from fractions import Fraction


def money(text):
    """'£270,750.00' -> pence as an int."""
    text = text.replace("£", "").replace(",", "")
    return int((Fraction(text) * 100))


def weight(text):
    if text.endswith("%"):
        return Fraction(text[:-1]) / 100
    return Fraction(text)


def half_away_decimal(value, places):
    scaled = value * 10 ** places
    n = abs(scaled)
    whole = n.numerator // n.denominator
    if (n - whole) * 2 >= 1:
        whole += 1
    digits = str(whole).rjust(places + 1, "0")
    text = digits[:-places] + "." + digits[-places:]
    return ("-" if scaled < 0 and whole != 0 else "") + text


def plain_pounds(pence):
    return f"{pence // 100}.{pence % 100:02d}"


def allocate(case):
    with open(case["areas"], newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], [r for r in rows[1:] if r]
    names = [r[0] for r in body]
    weights = {k: weight(v) for k, v in case["weights"].items()}
    assert sum(weights.values()) == 1
    columns = {}
    for name in weights:
        col = header.index(name)
        columns[name] = [Fraction(r[col].replace(",", "")) for r in body]
    totals = {k: sum(v) for k, v in columns.items()}
    blended = [sum(weights[k] * columns[k][i] / totals[k] for k in weights) for i in range(len(body))]
    pot = money(case["pot"])
    exact = [pot * b for b in blended]
    floored = [False] * len(body)
    if case.get("floor"):
        floor = money(case["floor"])
        amounts = list(exact)
        while True:
            below = [i for i in range(len(body)) if not floored[i] and amounts[i] < floor]
            if not below:
                break
            for i in below:
                floored[i] = True
            remaining = pot - floor * sum(floored)
            scaled_total = sum(exact[i] for i in range(len(body)) if not floored[i])
            for i in range(len(body)):
                amounts[i] = Fraction(floor) if floored[i] else exact[i] * remaining / scaled_total
        exact = amounts
    unit = money(case["round"])
    units = [x / unit for x in exact]
    down = [u.numerator // u.denominator for u in units]
    leftover = pot // unit - sum(down)
    remainders = [u - d for u, d in zip(units, down)]
    order = sorted(range(len(body)), key=lambda i: (-remainders[i], i))
    final = list(down)
    for i in order[:leftover]:
        final[i] += 1
    assert sum(final) * unit == pot
    out = ["area,share,amount" + (",floored" if case.get("floor") else "")]
    for i, name in enumerate(names):
        cell = '"' + name.replace('"', '""') + '"' if any(c in name for c in ',"\n') else name
        line = f"{cell},{half_away_decimal(blended[i], 12)},{plain_pounds(final[i] * unit)}"
        if case.get("floor"):
            line += ",yes" if floored[i] else ",no"
        out.append(line)
    return "\n".join(out) + "\n"


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    json.dump({case["id"]: allocate(case) for case in cases}, sys.stdout)


if __name__ == "__main__":
    main()
