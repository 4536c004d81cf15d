#!/usr/bin/env python3
"""Rewrites the README's checked console blocks with what their commands print now.

The tests in Tests/GrantLedgerCLITests hold every ```console block to its output
(ReadmeConsoleTests.swift, ReadmeConsole.swift): every `$ ` line of a block (with the lines a
backslash continues it onto) runs, as one bash script, in a copy of ledgers/ and examples/ (one copy for each `## ` section, its blocks in turn)
with .build/debug on the PATH. This
script runs them the same way and writes the output back, so a deliberate change of output is one
command; review the diff after.

    python3 Tests/tools/regenerate_readme.py            # after swift build
"""
import os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def sections(text):
    """The headings of the `## ` sections that hold a console block, as ReadmeConsole.headings finds them."""
    return ["## " + part.split("\n", 1)[0] for part in text.split("\n## ")[1:] if "```console\n" in part]


def commands(block):
    """The block's commands: each `$ ` line with the lines it continues onto (a line ending in a backslash)."""
    found, current = [], None
    for line in block.split("\n"):
        if current is not None:
            current.append(line)
        elif line.startswith("$ "):
            current = [line]
        if current is not None and not current[-1].endswith("\\"):
            found.append("\n".join(current))
            current = None
    return found


def run_block(block, folder):
    script = "exec 2>&1\n"
    for command in commands(block):
        quoted = "'" + command.replace("'", "'\\''") + "'"
        script += "s=$?; printf '%s\\n' " + quoted + "; (exit $s)\n" + command[2:] + "\n"
    env = dict(os.environ, PATH=os.path.join(ROOT, ".build", "debug") + ":" + os.environ.get("PATH", "/usr/bin:/bin"))
    return subprocess.run(["/bin/bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True).stdout


def main():
    path = os.path.join(ROOT, "README.md")
    text = open(path, encoding="utf-8").read()
    for heading in sections(text):
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
