#!/usr/bin/env python3
"""Independent exact check of `grantledger allocate --format csv`, written from issue 3's wording and
the README's formulas with Python's fractions, sharing no code with the Swift implementation.

Usage: allocation_oracle.py CASES.json
CASES.json is a list of cases:
  {"id", "areas" (path), "pot", "weights" ({name: "1/3" | "0.25" | "25%"}), "round", "floor" (or null),
   and optionally: "cap", "area_floors" / "area_caps" ({area: amount}),
   "top_slices" ([{"name", "amount", "area" or null}]),
   "indicators" ([{"name", "product": [columns]} or {"name", "severity": {column: weight}}]),
   "previous" (path of area,amount CSV), "damping" ("10%", "-5%,+10%", "-5%", "+10%"),
   "per_head" (column)}
Prints a JSON object {id: expected CSV text, or "ERROR <code>" when the case must be refused}.

How each step is computed here, deliberately unlike the Swift code:
- floors and caps: every area's amount is clamp(top-slice + t * formula amount, low, high) for one
  factor t; this finds t by evaluating the sum at every bend point (quadratic, by brute force) and
  interpolating, where the Swift code sorts the bends and sweeps once. With floors only, the result
  is also checked against the literal method the issue describes (lift the areas below the floor,
  scale the rest, repeat until none falls below).
- retained top-slices: a row each after the areas (`kind` retained), so the amounts add up to the pot.
- damping: every area is clamped to its band; if that leaves the total above the pot the gainers'
  gains are scaled, if below it the losers' losses are, by one factor found the same brute-force way.
"""
import csv
import json
import sys
from fractions import Fraction


def money(text):
    """'£270,750.00' -> pence as an int."""
    text = text.replace("£", "").replace(",", "")
    return int(Fraction(text) * 100)


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
    sign = "-" if pence < 0 else ""
    pence = abs(pence)
    return f"{sign}{pence // 100}.{pence % 100:02d}"


def floor_div(value):
    return value.numerator // value.denominator


def ceil_units(value, unit):
    units = value / unit
    down = floor_div(units)
    return Fraction((down if down == units else down + 1) * unit)


def floor_units(value, unit):
    return Fraction(floor_div(value / unit) * unit)


def clamp(value, low, high):
    if value < low:
        value = low
    if high is not None and value > high:
        value = high
    return value


def solve(items, target):
    """items: (base, slope >= 0, low, high or None). The t >= 0 at which
    sum(clamp(base + t*slope, low, high)) == target, or None when no t reaches it."""
    def total(t):
        return sum(clamp(b + t * s, lo, hi) for b, s, lo, hi in items)

    least = total(Fraction(0))
    if target < least:
        return None
    if target == least:
        return Fraction(0)
    bends = {Fraction(0)}
    for b, s, lo, hi in items:
        if s > 0:
            for edge in (lo, hi):
                if edge is not None and (edge - b) / s > 0:
                    bends.add((edge - b) / s)
    bends = sorted(bends)
    previous = bends[0]
    for t in bends[1:]:
        if total(t) >= target:
            return previous + (target - total(previous)) * (t - previous) / (total(t) - total(previous))
        previous = t
    # Past every bend: the sum is linear with the slopes of the items still free.
    slope = sum(s for b, s, lo, hi in items if s > 0 and hi is None and b + (previous + 1) * s >= lo)
    if slope == 0:
        return None
    return previous + (target - total(previous)) / slope


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [r for r in rows[1:] if r]


def allocate(case):
    header, body = read_csv(case["areas"])
    names = [r[0] for r in body]
    n = len(body)
    column = lambda name: [Fraction(r[header.index(name)].replace(",", "")) for r in body]
    definitions = {d["name"]: d for d in case.get("indicators") or []}

    weights = {k: weight(v) for k, v in case["weights"].items()}
    assert sum(weights.values()) == 1
    columns = {}
    for name in weights:
        d = definitions.get(name)
        if d is None:
            columns[name] = column(name)
        elif "product" in d:
            values = [Fraction(1)] * n
            for part in d["product"]:
                values = [a * b for a, b in zip(values, column(part))]
            columns[name] = values
        else:
            values = [Fraction(0)] * n
            for part, w in d["severity"].items():
                values = [a + weight(w) * b for a, b in zip(values, column(part))]
            columns[name] = values
    totals = {k: sum(v) for k, v in columns.items()}
    blended = [sum(weights[k] * columns[k][i] / totals[k] for k in weights) for i in range(n)]

    pot = money(case["pot"])
    unit = money(case["round"])
    slices = case.get("top_slices") or []
    retained = sum(money(s["amount"]) for s in slices if s.get("area") is None)
    own = [0] * n
    for s in slices:
        if s.get("area") is not None:
            own[names.index(s["area"])] += money(s["amount"])
    formula_pot = pot - retained - sum(own)
    target = pot - retained
    formula = [formula_pot * b for b in blended]

    floors = [money(case["floor"]) if case.get("floor") else None] * n
    caps = [money(case["cap"]) if case.get("cap") else None] * n
    for area, amount in (case.get("area_floors") or {}).items():
        floors[names.index(area)] = money(amount)
    for area, amount in (case.get("area_caps") or {}).items():
        caps[names.index(area)] = money(amount)
    low = [Fraction(max(f or 0, s)) for f, s in zip(floors, own)]
    high = [Fraction(c) if c is not None else None for c in caps]
    for i in range(n):
        if high[i] is not None and low[i] > high[i]:
            return "ERROR bad-cap"
    if any(f is not None for f in floors) and sum(low) > target:
        return "ERROR floors-exceed-pot"

    amounts = [own[i] + formula[i] for i in range(n)]
    floored = [False] * n
    capped = [False] * n
    limits = any(f is not None for f in floors) or any(c is not None for c in caps)
    if limits:
        items = [(Fraction(own[i]), formula[i], low[i], high[i]) for i in range(n)]
        t = solve(items, target)
        if t is None:
            return "ERROR caps-below-pot"
        raw = [own[i] + t * formula[i] for i in range(n)]
        amounts = [clamp(raw[i], low[i], high[i]) for i in range(n)]
        floored = [raw[i] < low[i] for i in range(n)]
        capped = [high[i] is not None and raw[i] > high[i] for i in range(n)]
        if not any(c is not None for c in caps) and not slices:
            check_literal_floors(formula, floors, target, amounts)

    previous = None
    if case.get("previous"):
        _, rows = read_csv(case["previous"])
        by_name = {r[0]: money(r[1]) for r in rows}
        previous = [by_name[name] for name in names]

    damping_words = None
    if case.get("damping"):
        down, up = band(case["damping"])
        last = [Fraction(p) for p in previous]
        lows, highs = [], []
        for i in range(n):
            lo = ceil_units(last[i] * (1 - down), unit) if down is not None else Fraction(0)
            hi = floor_units(last[i] * (1 + up), unit) if up is not None else None
            if hi is not None and hi < lo:
                hi = lo
            lo = clamp(lo, low[i], high[i])
            hi = clamp(hi, low[i], high[i]) if hi is not None else high[i]
            lows.append(lo)
            highs.append(hi)
        held = [clamp(amounts[i], lows[i], highs[i]) for i in range(n)]
        gap = target - sum(held)
        factor = Fraction(1)
        scaled = [False] * n
        values = held
        if gap != 0:
            gainers = gap < 0
            items = []
            for i in range(n):
                a, p = amounts[i], last[i]
                if gainers and a > p:
                    scaled[i] = True
                    items.append((p, a - p, lows[i], highs[i]))
                elif not gainers and a < p:
                    scaled[i] = True
                    top = p if highs[i] is None else min(highs[i], p)
                    items.append((a, p - a, lows[i], max(lows[i], top)))
                else:
                    items.append((held[i], Fraction(0), lows[i], highs[i]))
            t = solve(items, target)
            if t is None:
                return "ERROR damping-infeasible"
            values = [clamp(b + t * s, lo, hi) for b, s, lo, hi in items]
            factor = t if gainers else 1 - t
        damping_words = []
        for i in range(n):
            raw = last[i] + factor * (amounts[i] - last[i]) if scaled[i] else amounts[i]
            if raw < lows[i]:
                damping_words.append("lifted")
            elif highs[i] is not None and raw > highs[i]:
                damping_words.append("held")
            elif scaled[i] and factor != 1:
                damping_words.append("scaled")
            else:
                damping_words.append("no")
        amounts = values

    units = [x / unit for x in amounts]
    down_units = [floor_div(u) for u in units]
    leftover = target // unit - sum(down_units)
    remainders = [u - d for u, d in zip(units, down_units)]
    order = sorted((i for i in range(n) if remainders[i] != 0), key=lambda i: (-remainders[i], i))
    final = list(down_units)
    for i in order[:leftover]:
        final[i] += 1
    assert sum(final) * unit == target
    for i in range(n):
        assert final[i] * unit >= low[i] and (high[i] is None or final[i] * unit <= high[i])

    has_floor = case.get("floor") is not None or bool(case.get("area_floors"))
    has_cap = case.get("cap") is not None or bool(case.get("area_caps"))
    has_slice = any(own)
    head = ["area", "share", "amount"]
    head += ["floored"] if has_floor else []
    head += ["capped"] if has_cap else []
    head += ["top_slice"] if has_slice else []
    head += ["damping"] if damping_words else []
    head += ["previous", "change", "change_pct"] if previous else []
    head += ["per_head"] if case.get("per_head") else []
    # Top-slices retained centrally are rows of their own after the areas, marked by a last `kind`
    # column, so the amounts add up to the whole pot.
    kept = [s for s in slices if s.get("area") is None]
    head += ["kind"] if kept else []
    base = column(case["per_head"]) if case.get("per_head") else None
    out = [",".join(head)]
    for i, name in enumerate(names):
        cell = '"' + name.replace('"', '""') + '"' if any(c in name for c in ',"\n') or name != name.strip() else name
        amount = final[i] * unit
        line = [cell, half_away_decimal(blended[i], 12), plain_pounds(amount)]
        if has_floor:
            line.append("yes" if floored[i] else "no")
        if has_cap:
            line.append("yes" if capped[i] else "no")
        if has_slice:
            line.append(plain_pounds(own[i]))
        if damping_words:
            line.append(damping_words[i])
        if previous:
            change = amount - previous[i]
            line += [plain_pounds(previous[i]), plain_pounds(change),
                     half_away_decimal(Fraction(change * 100, previous[i]), 2) if previous[i] else ""]
        if base:
            line.append(half_away_decimal(Fraction(amount, 100) / base[i], 6) if base[i] else "")
        if kept:
            line.append("area")
        out.append(",".join(line))
    for s in kept:
        line = [""] * len(head)
        line[0], line[2], line[-1] = s["name"], plain_pounds(money(s["amount"])), "retained"
        out.append(",".join(line))
    total = sum(final) * unit + sum(money(s["amount"]) for s in kept)
    assert total == pot, "the rows do not add up to the pot"
    return "\n".join(out) + "\n"


def band(text):
    parts = [p.strip() for p in text.split(",")]
    if len(parts) == 2:
        return weight(parts[0].lstrip("-")), weight(parts[1].lstrip("+"))
    part = parts[0]
    if part.startswith("-"):
        return weight(part[1:]), None
    if part.startswith("+"):
        return None, weight(part[1:])
    return weight(part), weight(part)


def check_literal_floors(formula, floors, target, amounts):
    """The issue's wording: lift those below the floor, scale the others, repeat until none is below."""
    n = len(formula)
    floors = [f or 0 for f in floors]
    floored = [False] * n
    literal = list(formula)
    while True:
        below = [i for i in range(n) if not floored[i] and literal[i] < floors[i]]
        if not below:
            break
        for i in below:
            floored[i] = True
        remaining = target - sum(floors[i] for i in range(n) if floored[i])
        scaled_total = sum(formula[i] for i in range(n) if not floored[i])
        if scaled_total == 0:
            literal = [Fraction(floors[i]) if floored[i] else formula[i] for i in range(n)]
            break
        for i in range(n):
            literal[i] = Fraction(floors[i]) if floored[i] else formula[i] * remaining / scaled_total
    assert literal == amounts, "the literal floor method disagrees"


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    json.dump({case["id"]: allocate(case) for case in cases}, sys.stdout)


if __name__ == "__main__":
    main()
