#!/usr/bin/env python3
"""Independent exact check of `grantledger allocate --underspend GRANT --fy YEAR --as-of DAY --format csv`,
written from the words of BudgetProfile.rest, ForecastTiming.path and MoneyAtRisk's doc comments with
Python's fractions and datetime, sharing no code with the Swift implementation. It reads the ledger text
itself (the small subset the tests write), works out the forecast underspend of the chosen tranche, then
shares it with allocation_oracle.allocate (itself independent of the Swift).

Usage: underspend_oracle.py CASES.json
CASES.json is a list of cases:
  {"id", "ledger" (path), "grant", "fy" ("2023-24" or null), "as_of" ("YYYY-MM-DD"),
   "areas" (path), "weights" ({name: "1/3" | "0.25" | "25%"}), "round"}
Prints a JSON object {id: expected CSV text, or "ERROR <code>" when the run must be refused}, and, with
--figures, {id: {"at_risk": pence, "forecast": pence, "actual": pence}} instead (for reading a case).

The ledger subset: one grant with `period A..B`, `tranche YEAR £X by DAY` lines, `line ID £X Name`
lines and `profile ID quarterly £a £b …` (one amount a quarter the period touches); transactions whose
header carries `grant:` (and perhaps `line:`), with postings `expenses:… £X ; line:ID` and a balancing
`assets:bank`. No commitments and no forecast entries, so a line's forecast is its profile's.

The rule, as the doc comments give it:
- A quarter's amount falls due at its end, or at the grant's last day when the grant ends first.
- The quarter under way on day d is the one begun by d whose amount is not yet due (start <= d < due).
- A line's rest of profile is what falls due after d, less what the line spent in the quarter under way
  (from its start to d), up to that quarter's amount.
- That rest is placed where it falls due: the quarter under way gets its amount less what was spent in
  it (up to its amount), each later quarter its whole amount.
- A tranche (its year's money, from the later of its year's start and the grant's start, to its
  spend-by date) is forecast to hold the grant's spend dated in it up to d, plus the placed parts of
  every line whose due day falls in it. At risk = max(0, tranche − forecast).
- The window asked for is the tranche whose spend-by date falls in the given financial year (the only
  one when --fy is left out and the grant has one). Refusals: --fy left out with two windows
  (missing-field), no window in that year (bad-value), the spend-by date before d (bad-value: the money
  is lost, not there to share), nothing at risk (bad-pot), a pot that is not whole rounding units
  (pot-not-whole-units).
"""
import datetime
import json
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import allocation_oracle  # noqa: E402  (the allocation step; independent of the Swift)


def pence(text):
    """'£1,234.56' or '1234.5' -> an int count of pence, exactly."""
    value = Fraction(text.replace("£", "").replace(",", "")) * 100
    assert value.denominator == 1, text
    return int(value)


def day(text):
    return datetime.date.fromisoformat(text)


def financial_year(date):
    """The financial year (April to March) a day falls in, by the year it starts."""
    return date.year if date.month >= 4 else date.year - 1


def year_text(start_year):
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def quarters(first, last):
    """The financial quarters (start, end) that the days first..last touch, in order."""
    out = []
    year, number = financial_year(first), (((first.month - 4) % 12) // 3) + 1
    while True:
        start_month = 4 + (number - 1) * 3
        start = datetime.date(year + (start_month - 1) // 12, (start_month - 1) % 12 + 1, 1)
        if start > last:
            return out
        after = 4 + number * 3
        end = datetime.date(year + (after - 1) // 12, (after - 1) % 12 + 1, 1) - datetime.timedelta(days=1)
        out.append((start, end))
        year, number = (year, number + 1) if number < 4 else (year + 1, 1)


def comment_tags(line):
    """The tags of a line's `; a:b, c:d` comment."""
    if ";" not in line:
        return {}
    tags = {}
    for part in line.split(";", 1)[1].split(","):
        if ":" in part:
            key, value = part.strip().split(":", 1)
            tags[key.strip()] = value.strip()
    return tags


def read_ledger(path, grant_id):
    """The grant's period, tranches, lines with profiles, and its spend postings as (date, line or None, pence)."""
    grant = {"lines": {}, "profiles": {}, "tranches": [], "period": None}
    spend = []
    in_grant = False
    header = None
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            body = line.split(";", 1)[0].rstrip()
            if not line.strip() or line.lstrip().startswith(";"):
                continue
            if not line.startswith(" "):
                words = body.split()
                in_grant = words[:2] == ["grant", grant_id]
                header = None
                if words and words[0][:1].isdigit():
                    header = (day(words[0]), comment_tags(line))
                continue
            words = body.split()
            if in_grant:
                key = words[0]
                if key == "period":
                    first, last = words[1].split("..")
                    grant["period"] = (day(first), day(last))
                elif key == "tranche":
                    grant["tranches"].append({"year": int(words[1][:4]), "cap": pence(words[2]), "by": day(words[4])})
                elif key == "line":
                    grant["lines"][words[1]] = pence(words[2])
                elif key == "profile":
                    assert words[2] == "quarterly"
                    grant["profiles"][words[1]] = [pence(w) for w in words[3:]]
            elif header is not None and words[0].startswith("expenses:"):
                date, tags = header
                tags = dict(tags, **comment_tags(line))
                if tags.get("grant") == grant_id:
                    spend.append((date, tags.get("line"), pence(words[1])))
    return grant, spend


def line_parts(amounts, periods, last_day, spend, as_of):
    """(due day, part) for each quarter of a line's profile still ahead of as_of, by the rule above."""
    parts = []
    for (start, end), amount in zip(periods, amounts):
        due = min(end, last_day)
        if due <= as_of:
            continue  # fallen due already: not in the rest of the profile
        if start <= as_of:
            # The quarter under way: what was spent in it so far is its amount being spent.
            spent = sum(p for d, p in spend if start <= d <= as_of)
            if spent > 0:
                amount -= min(spent, amount)
        parts.append((due, amount))
    return parts


def windows(grant, spend, as_of):
    """Each tranche with its money, span, actual to the day and forecast."""
    first, last = grant["period"]
    periods = quarters(first, last)
    out = []
    for tranche in grant["tranches"]:
        start = max(datetime.date(tranche["year"], 4, 1), first)
        by = tranche["by"]
        actual = sum(p for d, _, p in spend if start <= d <= by and d <= as_of)
        ahead = 0
        for line_id, amounts in grant["profiles"].items():
            assert len(amounts) == len(periods) and sum(amounts) == grant["lines"][line_id]
            mine = [(d, p) for d, l, p in spend if l == line_id]
            ahead += sum(part for due, part in line_parts(amounts, periods, last, mine, as_of) if start <= due <= by)
        forecast = actual + ahead
        out.append({"tranche": tranche, "actual": actual, "forecast": forecast,
                    "at_risk": max(0, tranche["cap"] - forecast), "by": by})
    return out


def chosen(case, grant, spend):
    """The window asked for, or the refusal's code."""
    as_of = day(case["as_of"])
    found = windows(grant, spend, as_of)
    if case.get("fy") is None:
        if len(found) != 1:
            return None, "ERROR missing-field"
        window = found[0]
    else:
        year = int(case["fy"][:4])
        matching = [w for w in found if financial_year(w["by"]) == year]
        if len(matching) != 1:
            return None, "ERROR bad-value"
        window = matching[0]
    if as_of > window["by"]:
        return None, "ERROR bad-value"
    if window["at_risk"] == 0:
        return None, "ERROR bad-pot"
    return window, None


def expected(case):
    grant, spend = read_ledger(case["ledger"], case["grant"])
    window, refusal = chosen(case, grant, spend)
    if refusal:
        return refusal
    pot = window["at_risk"]
    if pot % pence(case["round"]) != 0:
        return "ERROR pot-not-whole-units"
    text = allocation_oracle.allocate({"areas": case["areas"], "pot": allocation_oracle.plain_pounds(pot),
                                       "weights": case["weights"], "round": case["round"], "floor": None})
    rows = [line.split(",")[-1] for line in text.strip().split("\n")[1:]]
    assert sum(pence(r) for r in rows) == pot, "the rows do not add up to the underspend"
    return text


def figures(case):
    grant, spend = read_ledger(case["ledger"], case["grant"])
    return {year_text(w["tranche"]["year"]): {"at_risk": w["at_risk"], "forecast": w["forecast"], "actual": w["actual"]}
            for w in windows(grant, spend, day(case["as_of"]))}


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    compute = figures if "--figures" in sys.argv[2:] else expected
    json.dump({case["id"]: compute(case) for case in cases}, sys.stdout)


if __name__ == "__main__":
    main()
