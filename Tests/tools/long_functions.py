#!/usr/bin/env python3
"""Lists Swift functions, initialisers, accessors and closures-in-declarations longer than a limit.

Usage: long_functions.py [--limit N] DIR...   (default limit 80; exit 1 when any is longer)

It counts lines from the line that opens a `func`, `init`, `subscript` or computed `var`'s body to
the line of its closing brace, skipping braces inside strings and comments. It is a reviewer's
tool for the "no function longer than 80 lines" rule, not a parser: nested functions are counted
inside their parent and on their own.
"""
import re, sys, pathlib

DECL = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|static|class|final|override|mutating|nonmutating|convenience|required|nonisolated|@inlinable|@usableFromInline)\s+)*(func\s+[^\s(<]+|init[?!]?|subscript|var\s+\w+)')

def strip(line, state):
    """Removes string and comment text from a line; state carries block comments and multi-line strings."""
    out, i, n = [], 0, len(line)
    while i < n:
        if state['block']:
            j = line.find('*/', i)
            if j < 0: return ''.join(out)
            state['block'] = False; i = j + 2; continue
        if state['multi']:
            j = line.find('"""', i)
            if j < 0: return ''.join(out)
            state['multi'] = False; i = j + 3; continue
        c = line[i]
        if line.startswith('//', i): break
        if line.startswith('/*', i): state['block'] = True; i += 2; continue
        if line.startswith('"""', i): state['multi'] = True; i += 3; continue
        if c == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == '\\' else 1
            i += 1; continue
        out.append(c); i += 1
    return ''.join(out)

def scan(path, limit):
    state = {'block': False, 'multi': False}
    lines = path.read_text(encoding='utf-8').splitlines()
    depth, open_decls, found = 0, [], []
    pending = None
    for number, raw in enumerate(lines, 1):
        code = strip(raw, state)
        m = DECL.match(code)
        if m and pending is None:
            pending = (m.group(1).split()[-1] if m.group(1).startswith(('func', 'var')) else m.group(1), number)
        for c in code:
            if c == '{':
                depth += 1
                if pending is not None:
                    open_decls.append((pending[0], pending[1], depth)); pending = None
            elif c == '}':
                if open_decls and open_decls[-1][2] == depth:
                    name, start, _ = open_decls.pop()
                    length = number - start + 1
                    if length > limit: found.append((length, f'{path}:{start}', name))
                depth -= 1
        if pending is not None and pending[0] != 'subscript' and pending[1] == number and m and m.group(1).startswith('var') and '{' not in code:
            pending = None  # a stored property: a computed one opens its body on its own line
        if pending is not None and number - pending[1] > 12:
            pending = None  # a declaration without a body (a protocol requirement)
    return found

def main(argv):
    limit, dirs = 80, []
    it = iter(argv)
    for a in it:
        if a == '--limit': limit = int(next(it))
        else: dirs.append(a)
    found = []
    for d in dirs or ['Sources']:
        for p in sorted(pathlib.Path(d).rglob('*.swift')):
            found += scan(p, limit)
    for length, where, name in sorted(found, reverse=True):
        print(f'{length:5d}  {where}  {name}')
    print(f'{len(found)} longer than {limit} lines')
    return 1 if found else 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
