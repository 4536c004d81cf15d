#!/usr/bin/env python3
"""Rewrites the README's checked console blocks with what their commands print now.

The tests in Tests/GrantLedgerCLITests hold each ```console block of the sections below to its
output (ReadmeConsole.swift): every `$ ` line of a block runs, as one shell script, in a copy of
ledgers/ and examples/ (one copy a section, its blocks in turn) with .build/debug on the PATH. This
script runs them the same way and writes the output back, so a deliberate change of output is one
command; review the diff after.

    python3 Tests/tools/regenerate_readme.py            # after swift build
"""
import os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# A ### section runs to the next ## heading: "### Sharing out a forecast underspend" holds "### The allocation agreed".
SECTIONS = ["## Start your own books", "## Budget monitoring through the year", "### Sharing out a forecast underspend", "## Import and audit"]


def run_block(block, folder):
    script = "exec 2>&1\n"
    for line in block.split("\n"):
        if line.startswith("$ "):
            quoted = "'" + line.replace("'", "'\\''") + "'"
            script += "s=$?; printf '%s\\n' " + quoted + "; (exit $s)\n" + line[2:] + "\n"
    env = dict(os.environ, PATH=os.path.join(ROOT, ".build", "debug") + ":" + os.environ.get("PATH", "/usr/bin:/bin"))
    return subprocess.run(["/bin/sh", "-c", script], cwd=folder, env=env, capture_output=True, text=True).stdout


def main():
    path = os.path.join(ROOT, "README.md")
    text = open(path, encoding="utf-8").read()
    for heading in SECTIONS:
        start = text.index("\n" + heading + "\n") + len(heading) + 2
        end = text.find("\n## ", start)
        end = len(text) if end < 0 else end
        parts = text[start:end].split("```console\n")
        # One copy of the books per section, its blocks run in turn, as the tests run them.
        with tempfile.TemporaryDirectory() as folder:
            for tree in ("ledgers", "examples"):
                shutil.copytree(os.path.join(ROOT, tree), os.path.join(folder, tree))
            for number in range(1, len(parts)):
                block, closing, rest = parts[number].partition("```\n")
                parts[number] = run_block(block, folder) + closing + rest
        text = text[:start] + "```console\n".join(parts) + text[end:]
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    sys.exit(main())
