#!/usr/bin/env bash
# Rewrites every Tests/ErrorCatalogue/<code>.expected from the built binary. Run from anywhere after
# `swift build`; then READ the diff: each file is the exact stderr of `grantledger check` on its
# reproducer, and the test suite holds the program to it.
set -u
root="$(cd "$(dirname "$0")/../.." && pwd)"
binary="${GRANTLEDGER:-$root/.build/debug/grantledger}"
cd "$root"
for ledger in Tests/ErrorCatalogue/*.ledger; do
    code="$(basename "$ledger" .ledger)"
    args="Tests/ErrorCatalogue/$code.args"
    if [ -f "$args" ]; then
        # shellcheck disable=SC2046
        "$binary" check $(cat "$args") 2> "Tests/ErrorCatalogue/$code.expected" > /dev/null
    else
        "$binary" check "$ledger" 2> "Tests/ErrorCatalogue/$code.expected" > /dev/null
    fi
    echo "$code: exit $?"
done
