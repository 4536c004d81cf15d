#!/usr/bin/env python3
"""grantledger benchmarks: `make bench` runs this after a release build.

Generates its own inputs deterministically (a fixed seed) under .build/bench/, then runs grantledger
and its peers side by side on the same content, in one run, and prints wall time, CPU time, peak
memory and the ratios. A peer that is not installed is skipped with a note; no run may go past
--timeout. Every table goes to .build/bench/results.md too, headed by the date, the commit and the
machine, ready to paste; a summary at the end holds each of issue 16's targets against its figure.

Nothing here is a test: speed is measured and printed, never asserted, so a slow machine fails
nothing and the script ends with 0 whatever the figures. The figures are ratios against peers
measured in the same run on the same machine.
"""
import argparse
import collections
import datetime
import itertools
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, ".build", "bench")
HERE = os.path.join(ROOT, "Tests", "Benchmarks")
# The binary measured: --bin, by default the release build `make bench` has just made.
BIN = os.path.join(ROOT, ".build", "release", "grantledger")
# The day the export stands on, and the day the reports stand on: the end of the last financial
# year with postings (2025-26; the generated transactions run from April 2001 to January 2026), so
# that budget --by quarter has actual spend in its columns. Fixed, so a run next year does the same work.
AS_OF = "2026-11-25"
REPORT_AS_OF = "2026-03-31"

ACCOUNTS = [f"expenses:cat{i}:sub{j}" for i in range(20) for j in range(10)]
AREAS = [f"area{i}" for i in range(50)]
LINES = [f"l{i}" for i in range(20)]

# What the generated grant declares for the reports to work on, so a change to it regenerates the
# ledgers (the first line of each names this version); the transactions and journals do not change.
LEDGER_VERSION = "grant v2"
# The claim the benchmark builds: the first quarter, which has postings at every size, and whose
# submitted amount the generator works out from them.
CLAIM_QUARTER = "2001-02-Q1"
CLAIM_DAYS = (datetime.date(2001, 4, 1), datetime.date(2001, 6, 30))


def pounds(pence, grouped):
    sign = "-" if pence < 0 else ""
    whole, frac = divmod(abs(pence), 100)
    text = f"{whole:,}" if grouped else str(whole)
    return f"{sign}£{text}.{frac:02d}"


# MARK: - Output: the terminal and results.md

class Results:
    """What the run prints, kept as Markdown as well, for .build/bench/results.md: the README's
    Performance section carries that file's tables, so they must read as Markdown tables, not as
    the terminal's aligned columns."""

    def __init__(self):
        self.markdown = []
        self.targets = []

    def say(self, text=""):
        """A line of prose: printed, and a paragraph of the file."""
        print(text)
        if text:
            self.markdown.append(text + "\n")

    def heading(self, text):
        print(f"\n{text}\n")
        self.markdown.append(f"## {text}\n")

    def notes(self, items):
        """(name, explanation) pairs: aligned under each other on the terminal, a list in the file."""
        width = max(len(name) for name, _ in items) + 1
        for name, text in items:
            print(f"  {(name + ':').ljust(width)} {text}")
            self.markdown.append(f"- **{name}**: {text}")
        print()
        self.markdown.append("")

    def table(self, rows, text_columns=2, text_last=False):
        """Rows as an aligned table (the first `text_columns`, and the last with `text_last`,
        left-aligned; figures right-aligned), and as a Markdown table with the same alignment."""
        widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
        left = [i < text_columns or (text_last and i == len(widths) - 1) for i in range(len(widths))]
        for index, row in enumerate(rows):
            print("  ".join(str(cell).ljust(widths[i]) if left[i] else str(cell).rjust(widths[i])
                            for i, cell in enumerate(row)).rstrip())
            if index == 0:
                print("  ".join("-" * width for width in widths))

        def cells(row):
            return "| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |"
        self.markdown.append(cells(rows[0]))
        self.markdown.append("|" + "|".join("---" if left[i] else "---:" for i in range(len(widths))) + "|")
        self.markdown.extend(cells(row) for row in rows[1:])
        self.markdown.append("")

    def target(self, name, figure, met):
        """One of issue 16's targets and its measured figure; `met` is None when not measured."""
        self.targets.append((name, figure, met))

    def summary(self):
        self.heading("Issue 16's targets")
        if not self.targets:
            self.say("(no target measured in this run)")
            return
        self.table([["target", "measured", "status"]] + [
            [name, figure, "not measured" if met is None else "met" if met else "NOT MET"]
            for name, figure, met in self.targets], text_last=True)

    def write(self, header):
        path = os.path.join(OUT, "results.md")
        with open(path + ".tmp", "w") as out:
            out.write("\n".join(header + [""] + self.markdown).rstrip() + "\n")
        os.replace(path + ".tmp", path)
        return path


def first_line(command):
    """The first line a command prints, or None when it is not installed or fails."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0].strip() if done.returncode == 0 and lines else None


def commit():
    """The commit measured, `+ changes` when the tree differs from it."""
    head = first_line(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"])
    if head is None:
        return "unknown (not a git checkout)"
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain"], capture_output=True, text=True).stdout.strip()
    return head + (" + changes" if dirty else "")


def machine():
    """CPU model, cores, memory and OS, from /proc and /etc/os-release (Linux; `platform` elsewhere)."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo") as info:
            kib = next(int(line.split()[1]) for line in info if line.startswith("MemTotal:"))
            memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    system = platform.platform()
    try:
        with open("/etc/os-release") as release:
            fields = dict(line.rstrip("\n").split("=", 1) for line in release if "=" in line)
            system = fields.get("PRETTY_NAME", system).strip('"')
    except OSError:
        pass
    return cpu, os.cpu_count(), memory, system


def libxlsxwriter_version():
    """The libxlsxwriter the floor and grantledger load: what the floor says the loaded library is,
    else the header's LXW_VERSION. Not pkg-config's first: Debian 12's xlsxwriter.pc says "4" for
    1.1.4."""
    floor = os.path.join(OUT, "spend_floor")
    if os.path.exists(floor):
        loaded = first_line([floor, "--version"])
        if loaded:
            return loaded
    include = first_line(["pkg-config", "--variable=includedir", "xlsxwriter"]) or "/usr/include"
    try:
        with open(os.path.join(include, "xlsxwriter.h")) as header:
            found = re.search(r'#define LXW_VERSION "([^"]+)"', header.read())
            if found:
                return found.group(1)
    except OSError:
        pass
    return first_line(["pkg-config", "--modversion", "xlsxwriter"]) or "not installed"


def header(own_size):
    """The file's opening lines: when, what and where it was measured, and against which peers."""
    cpu, cores, memory, system = machine()
    xlsxwriter = first_line([sys.executable, "-c", "import xlsxwriter; print(xlsxwriter.__version__)"])
    return [
        "# grantledger benchmarks",
        "",
        f"- **Date**: {datetime.date.today()}",
        f"- **Commit**: {commit()}; binary {BIN} ({first_line([BIN, '--version']) or 'version unknown'})",
        f"- **Machine**: {cpu}, {cores} cores, {memory} memory, {system}",
        f"- **Peers**: {first_line(['ledger', '--version']) or 'ledger not installed'}; "
        f"{first_line(['hledger', '--version']) or 'hledger not installed'}; "
        f"XlsxWriter {xlsxwriter or 'not installed'} (Python {platform.python_version()}); "
        f"libxlsxwriter {libxlsxwriter_version()}",
        f"- **Peak memory** is the kernel's maximum resident size (ru_maxrss) of each command, which on Linux is "
        f"never below the benchmark script's own size when it starts the command ({own_size:.0f} MiB here: what "
        "`true` shows); CPU is user + system seconds.",
    ]


# MARK: - Running one command

Run = collections.namedtuple("Run", "wall peak cpu")


def run(command, timeout, env=None, ok=(0,)):
    """Wall seconds, peak resident memory (MiB) and CPU seconds (user + system) of one command, and
    None; or None and why, if it failed (an exit status not in `ok`) or timed out. Its standard
    error goes to a file, never a pipe no one reads while it runs: a command with much to say (a
    thousand findings) would otherwise block on a full pipe and be timed waiting.

    The peak is the kernel's ru_maxrss, which on Linux carries over the resident size of this
    process at the fork (exec keeps the larger): no figure reads below this script's own size, so
    the script keeps itself small (see memory_floor)."""
    with tempfile.TemporaryFile() as errors:
        started = time.monotonic()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors,
                                   env=None if env is None else {**os.environ, **env})
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                return None, f"over the {timeout:.0f} s bound"
            time.sleep(0.01)
        elapsed = time.monotonic() - started
        code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
        if code not in ok:
            errors.seek(0)
            error = errors.read().decode(errors="replace").strip().splitlines()
            return None, f"exit {code}: {error[-1] if error else ''}"
    return Run(elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime), None


def memory_floor(timeout):
    """The peak memory run() reports for a command that uses none (`true`): the lowest figure any
    row can show, this script's own size at the fork."""
    outcome, _ = run(["true"], timeout)
    return outcome.peak if outcome else 0


def warm(path):
    """Reads `path` once, so that the run timed next reads it from the page cache, not the disk: the
    peers' gigabytes can push the inputs out of memory, and then whichever tool comes next would be
    timed waiting on the disk rather than working."""
    with open(path, "rb") as f:
        while f.read(4 << 20):
            pass


def ratio(value):
    return f"{value:.1f}x" if value >= 10 else f"{value:.2f}x"


def mb(path):
    return os.path.getsize(path) / 1e6


# MARK: - Inputs

def transactions(count, seed=20261125):
    """The same transactions for every syntax: (date, description, ref, [(account, pence, line, area)])."""
    rng = random.Random(seed)
    start = datetime.date(2001, 4, 1)
    for t in range(count):
        day = start + datetime.timedelta(days=t * 9000 // max(count, 1))
        legs = []
        for _ in range(rng.randint(1, 3)):
            legs.append((rng.choice(ACCOUNTS), rng.randint(1, 10_000_000), rng.choice(LINES), rng.choice(AREAS)))
        yield day, f"Supplier {t % 997} | payment {t}", f"INV-{t:07d}", legs


def claimed_pence(count):
    """The spend of CLAIM_QUARTER, the amount its claim submits (so audit finds no mismatch); the
    transactions are in date order, so this reads only that quarter's."""
    total = 0
    for day, _, _, legs in transactions(count):
        if day > CLAIM_DAYS[1]:
            break
        total += sum(pence for _, pence, _, _ in legs)
    return total


def grant_declarations(count):
    """The benchmark grant, g1, declaring what the reports work on: a claims schedule and a claim
    made on it, a profile for every line (even by quarter or by month, or shaped by quarter), an
    officer's forecast for some, and orders raised (one released by an invoice, one closed, one
    open). Over the grant's 98 years that is 392 quarters and 1,176 months a line to profile."""
    text = ["shape bench-front  Spent faster early in each year\n  quarterly  4 3 2 1\n\n",
            "grant g1  Benchmark grant\n  funder  bench\n  period  2001-04-01..2099-03-31\n"
            "  award   £999,999,999,999.00\n  claims  arrears quarterly within 30 days\n"]
    for line in LINES:
        text.append(f"  line {line}  £49,999,999,999.95  Line {line}\n")
    for index, line in enumerate(LINES):
        profile = ["quarterly  even", "quarterly  bench-front", "monthly    even"][index % 3]
        text.append(f"  profile {line}  {profile}\n")
    text.append("  forecast l0  2005-03-31  £49,999,999,999.95  Expected to spend the whole line\n"
                "  forecast l0  2015-03-31  £40,000,000,000.00  Schemes handed to partners from 2016\n"
                "  forecast l7  2010-09-30  £45,000,000,000.00  Two schemes dropped after review\n\n")
    text.append(f"claim g1 {CLAIM_QUARTER}\n  prepared-by  Grants officer\n  2001-07-10  draft\n"
                f"  2001-07-20  submitted  {pounds(claimed_pence(count), True)}\n\n")
    text.append("commitment po-bench-1  Order released by its invoice\n  date    2001-04-01\n  grant   g1\n"
                "  line    l3\n  amount  £100,000.00\n  supplier  Supplier 0\n  ref     INV-0000000\n\n"
                "commitment po-bench-2  Order closed at a year end\n  date    2003-05-01\n  grant   g1\n"
                "  line    l4\n  amount  £250,000.00\n  supplier  Supplier 5\n  closed  2004-03-31\n\n"
                "commitment po-bench-3  Order still open\n  date    2020-06-01\n  grant   g1\n"
                "  line    l5\n  amount  £75,000.00\n  supplier  Supplier 9\n\n")
    return "".join(text)


def is_current(path):
    """The ledger at `path` was written by this version of the generator (its first line says)."""
    try:
        with open(path) as f:
            return LEDGER_VERSION in f.readline()
    except OSError:
        return False


def write_inputs(count):
    """bench-N.ledger (grantledger) and bench-N.journal (hledger and ledger-cli), same transactions.
    The ledger's grant carries what the reports need; the journal, which has no such declarations,
    is the same whatever the ledger's version, and is kept."""
    ledger_path = os.path.join(OUT, f"bench-{count}.ledger")
    journal_path = os.path.join(OUT, f"bench-{count}.journal")
    if not is_current(ledger_path):
        with open(ledger_path + ".tmp", "w") as gl:
            gl.write(f"; generated by Tests/Benchmarks/bench.py ({LEDGER_VERSION}): illustrative, not real spend\n")
            gl.write("funder bench  Benchmark funder\n\n")
            for area in AREAS:
                gl.write(f"area {area}  Area {area}\n  type  district\n\n")
            gl.write(grant_declarations(count))
            for account in ACCOUNTS + ["assets:bank:main"]:
                gl.write(f"account {account}\n")
            gl.write("\n")
            for day, description, ref, legs in transactions(count):
                gl.write(f"{day.isoformat()} * {description}   ; grant:g1, ref:{ref}\n")
                for account, pence, line, area in legs:
                    gl.write(f"    {account}  {pounds(pence, True)}   ; line:{line}, area:{area}\n")
                gl.write("    assets:bank:main\n\n")
        os.replace(ledger_path + ".tmp", ledger_path)
    if not os.path.exists(journal_path):
        with open(journal_path + ".tmp", "w") as hl:
            hl.write("; generated by Tests/Benchmarks/bench.py: the same transactions as the .ledger file\n")
            hl.write("commodity £1000.00\n\n")
            for account in ACCOUNTS + ["assets:bank:main"]:
                hl.write(f"account {account}\n")
            hl.write("\n")
            for day, description, ref, legs in transactions(count):
                hl.write(f"{day.isoformat()} * {description}   ; grant:g1, ref:{ref}\n")
                for account, pence, line, area in legs:
                    hl.write(f"    {account}  {pounds(pence, False)}   ; line:{line}, area:{area}\n")
                hl.write(f"    assets:bank:main  {pounds(-sum(leg[1] for leg in legs), False)}\n\n")
        os.replace(journal_path + ".tmp", journal_path)
    return ledger_path, journal_path


# MARK: - Load and check

def check_row(label, size, ledger_path, outcome):
    """A grantledger check row: its figures, and MB of ledger text per CPU-second."""
    return [f"{size:,}", label, f"{outcome.wall:.2f}", f"{outcome.cpu:.2f}", f"{outcome.peak:.0f}",
            f"{mb(ledger_path) / outcome.cpu:.0f}" if outcome.cpu > 0 else "-", ""]


def pinned_check(ledger_path, timeout):
    """`check` on one core: taskset pins it to CPU 0 and GRANTLEDGER_READ_THREADS=1 keeps the reader
    to one range, so its CPU seconds are one core's work, not two cores' shares."""
    if shutil.which("taskset") is None:
        return None, "taskset not installed"
    return run(["taskset", "-c", "0", BIN, "check", ledger_path], timeout,
               env={"GRANTLEDGER_READ_THREADS": "1"}, ok=(0, 1))


def bench_check(results, sizes, peers, timeout):
    results.heading("Load and check: grantledger check vs ledger-cli bal vs hledger check (same transactions)")
    rows = [["transactions", "tool", "wall s", "CPU s", "peak MiB", "MB/CPU-s", "grantledger faster by"]]
    ours_by_size = {}
    ledger_ratio = None
    largest = max(sizes)
    for size in sizes:
        ledger_path, journal_path = write_inputs(size)
        warm(ledger_path)
        # check ends with 1 when the books have findings: still a whole check.
        ours, problem = run([BIN, "check", ledger_path], timeout, ok=(0, 1))
        if ours is None:
            sys.exit(f"grantledger check failed on {size}: {problem}")
        ours_by_size[size] = ours
        rows.append(check_row("grantledger check", size, ledger_path, ours))
        if size == largest:
            warm(ledger_path)
            pinned, problem = pinned_check(ledger_path, timeout)
            if pinned is None:
                rows.append([f"{size:,}", "grantledger check, one core", "-", "-", "-", "-", problem])
            else:
                rows.append(check_row("grantledger check, one core", size, ledger_path, pinned))
                rate = mb(ledger_path) / pinned.cpu
                results.target("check: MB of ledger text per CPU-second on one core ≥ 400",
                               f"{rate:.0f} MB/CPU-s ({size:,} transactions, {mb(ledger_path):.0f} MB, "
                               f"{pinned.cpu:.2f} CPU s)", rate >= 400)
        for name, command in [("ledger bal", ["ledger", "-f", journal_path, "bal"]),
                              ("hledger check", ["hledger", "-f", journal_path, "check"])]:
            if command[0] not in peers:
                rows.append([f"{size:,}", name, "-", "-", "-", "-", "not run (--peers)"])
                continue
            if shutil.which(command[0]) is None:
                rows.append([f"{size:,}", name, "-", "-", "-", "-", "not installed"])
                continue
            warm(journal_path)
            peer, problem = run(command, timeout)
            if peer is None:
                rows.append([f"{size:,}", name, "-", "-", "-", "-", problem])
            else:
                rows.append([f"{size:,}", name, f"{peer.wall:.2f}", f"{peer.cpu:.2f}", f"{peer.peak:.0f}", "",
                             ratio(peer.wall / ours.wall)])
                if name == "ledger bal" and size == largest:
                    ledger_ratio = peer.wall / ours.wall
    results.table(rows)
    results.say("MB/CPU-s: the ledger file's size in MB (10^6 bytes) over the CPU seconds (user + system) of the run; "
                "one core: pinned with taskset -c 0, GRANTLEDGER_READ_THREADS=1.")
    ours = ours_by_size[largest]
    results.target(f"check vs ledger-cli bal at {largest:,} transactions: ≥ 50x faster",
                   ratio(ledger_ratio) if ledger_ratio else "ledger-cli not run",
                   None if ledger_ratio is None else ledger_ratio >= 50)
    results.target(f"check peak memory at {largest:,} transactions ≤ 300 MiB", f"{ours.peak:.0f} MiB", ours.peak <= 300)
    sizes_sorted = sorted(ours_by_size)
    if len(sizes_sorted) >= 2:
        small, large = sizes_sorted[-2], sizes_sorted[-1]
        grown = ours_by_size[large].wall / ours_by_size[small].wall
        results.say(f"Linearity: {small:,} → {large:,} transactions ({large / small:g}x the transactions) took "
                    f"{grown:.1f}x the wall time and {ours_by_size[large].cpu / ours_by_size[small].cpu:.1f}x the CPU time "
                    f"(target: at most {1.05 * large / small:g}x)")
        results.target(f"check time, {small:,} → {large:,} transactions: ≤ {1.05 * large / small:g}x",
                        f"{grown:.1f}x", grown <= 1.05 * large / small)


# MARK: - Reports at the largest size

def report_commands(ledger_path):
    """The reports issue 16 holds to `check`'s time, each as a user would run it on the books."""
    as_of = ["--as-of", REPORT_AS_OF]
    return [
        ("report budget --by quarter", [BIN, "report", "budget", "--by", "quarter", *as_of, ledger_path]),
        ("report budget (--forecast entries)", [BIN, "report", "budget", *as_of, ledger_path]),
        ("report budget --forecast profile", [BIN, "report", "budget", "--forecast", "profile", *as_of, ledger_path]),
        ("report budget --forecast run-rate", [BIN, "report", "budget", "--forecast", "run-rate", *as_of, ledger_path]),
        (f"claim g1 --quarter {CLAIM_QUARTER}", [BIN, "claim", "g1", "--quarter", CLAIM_QUARTER, *as_of, ledger_path]),
        ("report register", [BIN, "report", "register", ledger_path]),
    ]


def bench_reports(results, size, timeout):
    """The new reports on the largest generated ledger, each against `check` on the same file in the
    same section: a report reads and checks the books first, so check is what it cannot go below."""
    ledger_path, _ = write_inputs(size)
    results.heading(f"Reports at {size:,} transactions: each against check on the same ledger (stdout to /dev/null)")
    warm(ledger_path)
    base, problem = run([BIN, "check", ledger_path], timeout, ok=(0, 1))
    if base is None:
        sys.exit(f"grantledger check failed on {size}: {problem}")
    rows = [["command", "wall s", "CPU s", "peak MiB", "x check"],
            ["check", f"{base.wall:.2f}", f"{base.cpu:.2f}", f"{base.peak:.0f}", "1.00x"]]
    for name, command in report_commands(ledger_path):
        warm(ledger_path)
        outcome, problem = run(command, timeout)
        if outcome is None:
            rows.append([name, "-", "-", "-", problem])
            results.target(f"{name} at {size:,} transactions ≤ 1.5x check", problem, False)
            continue
        times = outcome.wall / base.wall
        rows.append([name, f"{outcome.wall:.2f}", f"{outcome.cpu:.2f}", f"{outcome.peak:.0f}", ratio(times)])
        results.target(f"{name} at {size:,} transactions ≤ 1.5x check", ratio(times), times <= 1.5)
    results.table(rows, text_columns=1)


# MARK: - Allocation sweep

def bench_sweep(results, scenarios, timeout):
    """A sensitivity sweep: `scenarios` weightings of one pot over 350 areas, every amount exact."""
    areas = os.path.join(OUT, "areas-350.csv")
    if not os.path.exists(areas):
        with open(areas + ".tmp", "w") as out:
            subprocess.run([sys.executable, os.path.join(ROOT, "Tests", "tools", "generate_areas.py"), "350"],
                           stdout=out, check=True)
        os.replace(areas + ".tmp", areas)
    results.heading(f"Allocation sweep: {scenarios:,} weightings of a pot over 350 areas, exact (target: under a second)")
    rows = [["sweep", "path", "wall s", "peak MiB", "per weighting"]]
    base = [BIN, "allocate", "--pot", "£10,000,000.00", "--areas", areas, "--weight", "population=1/3",
            "--weight", "crime=1/3", "--weight", "deprivation=1/3", "--sweep", str(scenarios)]
    variants = [("formula and rounding", []), ("with a floor and a cap", ["--floor", "£5,000.00", "--cap", "£60,000.00"])]
    for name, extra in variants:
        result, problem = run(base + extra, timeout)
        if result is None:
            rows.append([name, "integer kernel", "-", "-", problem])
        else:
            rows.append([name, "integer kernel", f"{result.wall:.2f}", f"{result.peak:.0f}",
                         f"{result.wall / scenarios * 1e6:.0f} µs"])
    results.table(rows)


# MARK: - Export

EXPORT_TITLES = ["Date", "Grant", "Line", "Area", "Initiative", "Supplier", "Description", "Ref", "Class", "Amount"]
EXCEL_EPOCH = datetime.date(1899, 12, 30)


def write_export_inputs(rows):
    """bench-export-N.ledger: N transactions, each ONE tagged expense posting (grant, line, area,
    supplier, ref) and the bank posting, so the Spend sheet has exactly N rows; and bench-export-N.tsv,
    the same rows as the cells of that sheet (date serial, grant, line, area, initiative, supplier,
    description, ref, class, pence), for the XlsxWriter script and the C floor to read rather than
    generate."""
    ledger_path = os.path.join(OUT, f"bench-export-{rows}.ledger")
    tsv_path = os.path.join(OUT, f"bench-export-{rows}.tsv")
    if os.path.exists(ledger_path) and os.path.exists(tsv_path):
        return ledger_path, tsv_path
    rng = random.Random(20261125 + rows)
    start = datetime.date(2001, 4, 1)
    widths = [len(title) + 2.0 for title in EXPORT_TITLES]
    widths[0] = 11
    caps = [40, 40, 40, 40, 40, 30, 46, 40, 40, 40]
    total = 0
    with open(ledger_path + ".tmp", "w") as gl, open(tsv_path + ".body", "w") as tsv:
        gl.write("; generated by Tests/Benchmarks/bench.py: illustrative, not real spend\n")
        gl.write("funder bench  Benchmark funder\n\n")
        for area in AREAS:
            gl.write(f"area {area}  Area {area}\n  type  district\n\n")
        gl.write("grant g1  Benchmark grant\n  funder  bench\n  period  2001-04-01..2099-03-31\n"
                 "  award   £999,999,999,999.00\n")
        for line in LINES:
            gl.write(f"  line {line}  £49,999,999,999.95  Line {line}\n")
        gl.write("\n")
        for account in ACCOUNTS + ["assets:bank:main"]:
            gl.write(f"account {account}\n")
        gl.write("\n")
        for t in range(rows):
            day = start + datetime.timedelta(days=t * 9000 // max(rows, 1))
            account, pence = rng.choice(ACCOUNTS), rng.randint(1, 10_000_000)
            line, area = rng.choice(LINES), rng.choice(AREAS)
            supplier, description, ref = f"Supplier {t % 997}", f"payment {t} for services", f"INV-{t:07d}"
            total += pence
            gl.write(f"{day.isoformat()} * {description}   ; grant:g1, ref:{ref}\n"
                     f"    {account}  {pounds(pence, True)}   ; line:{line}, area:{area}, supplier:{supplier}\n"
                     "    assets:bank:main\n\n")
            cells = ["g1", line, area, "", supplier, description, ref, ""]
            for column, text in enumerate(cells, start=1):
                widths[column] = max(widths[column], min(len(text) + 2.0, caps[column]))
            widths[9] = max(widths[9], len(pounds(pence, True)) + 2.0)
            tsv.write(f"{(day - EXCEL_EPOCH).days}\t" + "\t".join(cells) + f"\t{pence}\n")
    widths[9] = max(widths[9], len(pounds(total, True)) + 2.0)
    with open(tsv_path + ".tmp", "w") as tsv, open(tsv_path + ".body") as rest:
        tsv.write("\t".join(f"{w:g}" for w in widths) + "\n" + f"{rows}\t{total}\n")
        shutil.copyfileobj(rest, tsv)
    os.remove(tsv_path + ".body")
    os.replace(ledger_path + ".tmp", ledger_path)
    os.replace(tsv_path + ".tmp", tsv_path)
    return ledger_path, tsv_path


def build_floor():
    """Compiles spend_floor.c, with grantledger's own deflate-level stand-in (by path, so the floor
    packs as grantledger does), into .build/bench/spend_floor when the source is newer. The path, and
    None; or None and why not (no C compiler, no libxlsxwriter)."""
    floor = os.path.join(OUT, "spend_floor")
    sources = [os.path.join(HERE, "spend_floor.c"), os.path.join(ROOT, "Sources", "CXlsxDeflate", "xlsx_deflate.c")]
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if os.path.exists(floor) and all(os.path.getmtime(floor) >= os.path.getmtime(source) for source in sources):
        return floor, None
    if compiler is None:
        return None, "skipped: no C compiler (cc)"
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "xlsxwriter"], capture_output=True, text=True) \
        if shutil.which("pkg-config") else None
    libraries = flags.stdout.split() if flags is not None and flags.returncode == 0 else ["-lxlsxwriter", "-lz"]
    built = subprocess.run([compiler, "-O2", "-o", floor + ".tmp", *sources,
                            "-I", os.path.join(ROOT, "Sources", "CXlsxDeflate", "include"), *libraries, "-lm", "-ldl"],
                           capture_output=True, text=True)
    if built.returncode != 0:
        missing = "xlsxwriter.h" in built.stderr or "lxlsxwriter" in built.stderr
        first = (built.stderr.strip().splitlines() or ["?"])[0]
        return None, "skipped: libxlsxwriter not installed" if missing else f"skipped: does not compile: {first}"
    os.replace(floor + ".tmp", floor)
    return floor, None


def sheet_part(archive, name):
    """The XML part of the sheet called `name` in an open .xlsx, by workbook.xml and its relationships."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    sheet = next(s for s in workbook.find("m:sheets", ns) if s.get("name") == name)
    relation = sheet.get(f"{{{ns['r']}}}id")
    relations = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(r.get("Target") for r in relations if r.get("Id") == relation)
    return "xl/" + target.lstrip("/").removeprefix("xl/")


def resolved_styles(styles_xml):
    """Each cell format (cellXfs) of a styles.xml as what it says (its number format's code, font,
    fill, border, alignment and apply flags), so that two workbooks that number their formats
    differently can be compared by what their cells look like."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    root = ET.fromstring(styles_xml)
    codes = {f.get("numFmtId"): f.get("formatCode") for f in root.iter(ns + "numFmt")}
    parts = {kind: [ET.tostring(e, encoding="unicode") for e in root.find(ns + kind)]
             for kind in ("fonts", "fills", "borders")}
    resolved = []
    for xf in root.find(ns + "cellXfs"):
        attributes = dict(xf.attrib)
        described = [f"numFmt={codes.get(attributes.pop('numFmtId', '0'), 'builtin')}",
                     parts["fonts"][int(attributes.pop("fontId", 0))],
                     parts["fills"][int(attributes.pop("fillId", 0))],
                     parts["borders"][int(attributes.pop("borderId", 0))],
                     *(ET.tostring(child, encoding="unicode") for child in xf),
                     repr(sorted(attributes.items()))]
        resolved.append(" ".join(described))
    return resolved


def spend_elements(path):
    """The Spend sheet of the workbook at `path`, element by element (tag, attributes, text) as the
    parser finishes each, its style numbers replaced by what they say and the sheet's selection left
    aside (only a workbook's first sheet is selected); then the defined names that refer to it. Read
    as a stream and let go as it goes, so this process stays small: the peak memory of every command
    it starts counts this process's own size at the fork (see run)."""
    with zipfile.ZipFile(path) as archive:
        styles = resolved_styles(archive.read("xl/styles.xml"))
        with archive.open(sheet_part(archive, "Spend")) as part:
            for _, element in ET.iterparse(part, events=("end",)):
                attributes = dict(element.attrib)
                if "s" in attributes:
                    attributes["s"] = styles[int(attributes["s"])]
                attributes.pop("tabSelected", None)
                yield element.tag.split("}")[-1], attributes, (element.text or "").strip()
                element.clear()
        workbook = archive.read("xl/workbook.xml").decode()
    for name in sorted(re.sub(r' localSheetId="\d+"', "", name)
                       for name in re.findall(r"<definedName [^>]*>[^<]*</definedName>", workbook) if "Spend!" in name):
        yield "definedName", {}, name


def floor_differences(ours_path, floor_path, limit=3):
    """Where the floor's Spend sheet is not grantledger's (cells, their looks, widths, heights, merge,
    filter, panes, page setup, header and footer, defined names); empty when it is the same."""
    found = []
    for mine, theirs in itertools.zip_longest(spend_elements(ours_path), spend_elements(floor_path)):
        if mine != theirs:
            found.append(f"{mine} vs {theirs}")
            if len(found) >= limit:
                break
    return found


def verify_floor(results, floor, timeout):
    """Exports 1,000 and 10,000 rows with grantledger and with the floor and compares the Spend
    sheets (both sides of FormulaGate: a SUBTOTAL at 1,000 rows, the exact total at 10,000), so the
    floor row below is the library doing grantledger's job, not a lighter one."""
    outcomes = []
    for size in (1000, 10000):
        ledger_path, tsv_path = write_export_inputs(size)
        ours_path = os.path.join(OUT, f"verify-{size}-grantledger.xlsx")
        floor_path = os.path.join(OUT, f"verify-{size}-floor.xlsx")
        ours, problem = run([BIN, "export", "--xlsx", ours_path, ledger_path, "--as-of", AS_OF], timeout)
        if ours is None:
            outcomes.append(f"{size:,} rows: grantledger export failed ({problem})")
            continue
        done, problem = run([floor, tsv_path, floor_path, AS_OF], timeout)
        if done is None:
            outcomes.append(f"{size:,} rows: the floor failed ({problem})")
            continue
        differences = floor_differences(ours_path, floor_path)
        outcomes.append(f"{size:,} rows: " + ("the same" if not differences else "DIFFERENT: " + "; ".join(differences)))
    results.say("Floor check, the Spend sheet's XML (cells, their styles resolved, widths, heights, merge, filter, "
                "panes, page setup, header, footer, defined names) against grantledger's: " + "; ".join(outcomes))


def bench_export(results, sizes, timeout):
    """The committee workbook's Spend sheet at `sizes` rows: grantledger's whole export command against
    Python XlsxWriter (constant_memory) and a C program calling libxlsxwriter (the floor), both writing
    the same Spend cells from a pre-generated TSV."""
    results.heading("Export: Spend sheet rows to .xlsx, grantledger vs Python XlsxWriter vs C libxlsxwriter, same cells")
    results.notes([
        ("grantledger export", "the real command: reads and checks the ledger, fingerprints it (SHA-256) for the "
         "Provenance sheet, builds every sheet (Summary, Budget, Bids, Spend, Provenance) and writes the workbook, "
         "packed at deflate level 1 (files about a third larger)"),
        ("of which check", "reading and checking the same ledger alone: the memory any command on it needs"),
        ("XlsxWriter", "only the Spend sheet's cells, from a TSV holding each cell's final value (no ledger), "
         "constant_memory, packed at zipfile's default deflate level 6 (it offers no other)"),
        ("C libxlsxwriter floor", "Tests/Benchmarks/spend_floor.c: only the Spend sheet's cells and formats, from the "
         "same TSV, through libxlsxwriter as grantledger calls it (constant_memory, scratch beside the output, "
         "deflate level 1 by grantledger's own xlsx_deflate.c): what the library needs for this sheet"),
    ])
    try:
        subprocess.run([sys.executable, "-c", "import xlsxwriter"], check=True, capture_output=True)
        have_peer = True
    except subprocess.CalledProcessError:
        have_peer = False
    floor, floor_problem = build_floor()
    if floor is not None:
        verify_floor(results, floor, timeout)
    rows = [["spend rows", "tool", "wall s", "CPU s", "peak MiB", "grantledger faster by", "grantledger / floor", "note"]]
    largest = max(sizes)
    for size in sizes:
        ledger_path, tsv_path = write_export_inputs(size)
        ours_path = os.path.join(OUT, f"export-{size}-grantledger.xlsx")
        warm(ledger_path)
        ours, problem = run([BIN, "export", "--xlsx", ours_path, ledger_path, "--as-of", AS_OF], timeout)
        if ours is None:
            sys.exit(f"grantledger export failed on {size}: {problem}")
        rows.append([f"{size:,}", "grantledger export", f"{ours.wall:.2f}", f"{ours.cpu:.2f}", f"{ours.peak:.0f}", "", "", ""])
        loaded, problem = run([BIN, "check", ledger_path], timeout, ok=(0, 1))
        if loaded is not None:
            rows.append([f"{size:,}", "  of which check", f"{loaded.wall:.2f}", f"{loaded.cpu:.2f}", f"{loaded.peak:.0f}",
                         "", "", f"export adds {max(0, ours.peak - loaded.peak):.0f} MiB"])
        warm(tsv_path)
        if not have_peer:
            rows.append([f"{size:,}", "XlsxWriter", "-", "-", "-", "", "", "not installed"])
        else:
            peer_path = os.path.join(OUT, f"export-{size}-xlsxwriter.xlsx")
            peer, problem = run([sys.executable, os.path.join(HERE, "xlsxwriter_spend.py"), tsv_path, peer_path, AS_OF],
                                timeout)
            if peer is None:
                rows.append([f"{size:,}", "XlsxWriter", "-", "-", "-", "", "", problem])
            else:
                faster = peer.wall / ours.wall
                rows.append([f"{size:,}", "XlsxWriter", f"{peer.wall:.2f}", f"{peer.cpu:.2f}", f"{peer.peak:.0f}",
                             ratio(faster), "", ""])
                if size == largest:
                    results.target(f"export of {size:,} spend rows: ≥ 8x faster than XlsxWriter", ratio(faster), faster >= 8)
        if floor is None:
            rows.append([f"{size:,}", "C libxlsxwriter floor", "-", "-", "-", "", "", floor_problem])
            continue
        warm(tsv_path)
        floor_path = os.path.join(OUT, f"export-{size}-floor.xlsx")
        bottom, problem = run([floor, tsv_path, floor_path, AS_OF], timeout)
        if bottom is None:
            rows.append([f"{size:,}", "C libxlsxwriter floor", "-", "-", "-", "", "", problem])
            continue
        over = ours.wall / bottom.wall
        rows.append([f"{size:,}", "C libxlsxwriter floor", f"{bottom.wall:.2f}", f"{bottom.cpu:.2f}", f"{bottom.peak:.0f}",
                     "", ratio(over), ""])
        if size == largest:
            results.target(f"export of {size:,} spend rows: ≤ 1.3x the C libxlsxwriter floor", ratio(over), over <= 1.3)
    results.table(rows, text_last=True)
    if floor is None:
        results.target("export: ≤ 1.3x the C libxlsxwriter floor", floor_problem, None)
    if not have_peer:
        results.target("export: ≥ 8x faster than XlsxWriter", "XlsxWriter not installed", None)


def main():
    global BIN
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=BIN, help="the grantledger binary to measure (default: the release build)")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="transaction counts, comma separated")
    parser.add_argument("--export-sizes", default="100000,1000000", help="Spend sheet rows, comma separated")
    parser.add_argument("--only", choices=["check", "reports", "export", "sweep"], help="run one section")
    parser.add_argument("--peers", default="ledger,hledger",
                        help="which of ledger and hledger the check section runs, comma separated (hledger takes "
                             "about 10 GiB at a million transactions)")
    parser.add_argument("--scenarios", type=int, default=10000, help="weightings in the allocation sweep")
    parser.add_argument("--timeout", type=float, default=300, help="seconds any one run may take")
    args = parser.parse_args()
    BIN = os.path.abspath(args.bin)
    if not os.path.exists(BIN):
        sys.exit(f"bench: build first (make bench does), or name a binary with --bin: {BIN} is missing")
    os.makedirs(OUT, exist_ok=True)
    sizes = [int(size) for size in args.sizes.split(",")]
    peers = {peer.strip() for peer in args.peers.split(",") if peer.strip()}
    results = Results()
    memory = memory_floor(args.timeout)
    print(f"grantledger benchmarks, {datetime.date.today()}, {os.cpu_count()} cores; inputs in {OUT}; binary {BIN}")
    print(f"Peak memory figures cannot read below {memory:.0f} MiB, this script's own size (`true` shows it).")
    try:
        if args.only in (None, "check"):
            bench_check(results, sizes, peers, args.timeout)
        if args.only in (None, "reports"):
            bench_reports(results, max(sizes), args.timeout)
        if args.only in (None, "export"):
            bench_export(results, [int(size) for size in args.export_sizes.split(",")], args.timeout)
        if args.only in (None, "sweep"):
            bench_sweep(results, args.scenarios, args.timeout)
        results.summary()
    finally:
        # This script grows as it goes (the floor check's parsing): the lowest a figure can read is
        # the larger of its size at the start and at the end.
        path = results.write(header(max(memory, memory_floor(args.timeout))))
        print(f"\nResults written to {path}")


if __name__ == "__main__":
    main()
