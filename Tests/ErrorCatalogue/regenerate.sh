#!/usr/bin/env bash
# Rewrites every Tests/ErrorCatalogue/<code>.expected from the built binary. Run from anywhere after
# `swift build`; then READ the diff: each file is the exact stderr of its reproducer, and the test
# suite holds the program to it. A reproducer is `grantledger check <code>.ledger`, or, when
# <code>.args exists, `grantledger` with the arguments it lists, one per line.
set -u
root="$(cd "$(dirname "$0")/../.." && pwd)"
binary="${GRANTLEDGER:-$root/.build/debug/grantledger}"
cd "$root"
for code in $(ls Tests/ErrorCatalogue/*.ledger Tests/ErrorCatalogue/*.args | xargs -n1 basename | sed 's/\.[a-z]*$//' | sort -u); do
    expected="Tests/ErrorCatalogue/$code.expected"
    args="Tests/ErrorCatalogue/$code.args"
    env="Tests/ErrorCatalogue/$code.env"
    environment=()
    if [ -f "$env" ]; then mapfile -t environment < <(grep -v '^$' "$env"); fi
    if [ -f "$args" ]; then
        mapfile -t words < <(grep -v '^$' "$args")
        env "${environment[@]}" "$binary" "${words[@]}" 2> "$expected" > /dev/null
    else
        "$binary" check "Tests/ErrorCatalogue/$code.ledger" 2> "$expected" > /dev/null
    fi
    echo "$code: exit $?"
done
