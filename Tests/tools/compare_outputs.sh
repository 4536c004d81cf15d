#!/usr/bin/env bash
# Runs the same commands with two grantledger binaries and compares every output byte for byte:
# stdout, stderr, exit status and every file a command writes (workbooks, journals, imported
# ledgers). For refactors that must change nothing a user can see.
#
#   Tests/tools/compare_outputs.sh REFERENCE_BINARY NEW_BINARY
#
# Build the reference from the commit before the change, for example
#   git worktree add /tmp/ref HEAD~1 && swift build --package-path /tmp/ref
#   Tests/tools/compare_outputs.sh /tmp/ref/.build/debug/grantledger .build/debug/grantledger
# Exit 0 when every run agrees; otherwise each difference is listed and the exit is 1.
# The error catalogue (Tests/ErrorCatalogue) holds every error's exact text; run its test as well.
set -uo pipefail

[ $# -eq 2 ] || { sed -n '2,11p' "$0" >&2; exit 64; }
ref=$(realpath "$1"); new=$(realpath "$2")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
[ -n "${KEEP:-}" ] && echo "keeping $work" || trap 'rm -rf "$work"' EXIT

commands=()
# Each command is stored shell-quoted, so `eval` gives back its words as written.
add() { commands+=("$(printf '%q ' "$@")"); }

# Check, reports in every format and filter.
add check ledgers
add check ledgers/nottinghamshire/main.ledger
for kind in grants lines initiatives areas bids balance; do
  for format in table csv json; do
    add report $kind --format $format
    add report $kind --fy 2019-20 --format $format
    add report $kind --fy 2022-23 --grant ss4-bns --format $format
    add report $kind --area bassetlaw --from 2020-04-01 --to 2021-03-31 --format $format
  done
done
add report grants --grant no-such-grant
add report lines --fy 2019/20
# Exports: the demo workbook, a year's workbook, one-off allocation flags, the hledger journal.
S=examples/scenarios
add export --hledger out/books.journal
add export --xlsx out/committee.xlsx --as-of 2026-11-25 --scenario $S/nwps-2021-22-thirds.scenario --scenario $S/nwps-2021-22-crime-heavier.scenario --scenario $S/nwps-2021-22-damped.scenario
add export --xlsx out/fy.xlsx --as-of 2026-11-25 --fy 2022-23 --author Officer --company "Bassetlaw DC"
add export --xlsx out/mb.xlsx --as-of 2026-11-25 --scenario $S/mansfield-bassetlaw-counts.scenario --scenario $S/mansfield-bassetlaw-severity.scenario
add export --xlsx out/oneoff.xlsx --as-of 2026-11-25 --pot £270,750.00 --areas examples/areas/nottinghamshire-districts.csv --weight population=1/3 --weight crime=1/3 --weight deprivation=1/3 --round 1
# Allocation: every scenario and format, explanation, sensitivity, side by side, every flag.
for scenario in $S/*.scenario; do
  for format in table csv json; do add allocate "$scenario" --format $format; done
done
add allocate $S/nwps-2021-22-thirds.scenario $S/nwps-2021-22-crime-heavier.scenario $S/nwps-2021-22-damped.scenario
add allocate $S/nwps-2021-22-thirds.scenario $S/nwps-2021-22-damped.scenario --format csv
add allocate $S/nwps-2021-22-thirds.scenario $S/nwps-2021-22-damped.scenario --format json
add allocate $S/nwps-2021-22-damped.scenario --explain Gedling
add allocate $S/mansfield-bassetlaw-severity.scenario --explain Mansfield
add allocate $S/nwps-2021-22-thirds.scenario --sensitivity 5%
add allocate $S/nwps-2021-22-thirds.scenario --sensitivity 1/20 --format json
one_off=(--pot £270,750.00 --areas examples/areas/nottinghamshire-districts.csv --weight population=0.4 --weight crime=35% --weight deprivation=1/4
         --round 1 --floor 20000 --cap "Gedling 60000" --top-slice "evaluation 5000" --top-slice "hub 10000 to Mansfield"
         --previous $S/nwps-2020-21-illustrative.csv --damping=-5%,+10% --per-head population --name one-off --title "One-off run"
         --description "Every setting on the command line")
for format in table csv json; do add allocate "${one_off[@]}" --format $format; done
add allocate "${one_off[@]}" --explain Rushcliffe
add allocate "${one_off[@]}" --sensitivity 5%
add allocate --pot "grant:pcc-nwps-2021-22 line:nwps ledger:ledgers" --areas examples/areas/nottinghamshire-districts.csv --weight population=1/2 --weight crime=1/2
add allocate --pot £1,000.00 --areas examples/areas/nottinghamshire-districts.csv --weight population=1/2 --weight crime=1/3
# Import and audit.
add import examples/finance/ncc-nwps-2021-q2.csv --rules examples/finance/ncc-nwps.rules --into ledgers/nottinghamshire/nwps-2021-22.ledger ledgers --dry-run
add import examples/finance/ncc-nwps-2021-q2.csv --rules examples/finance/ncc-nwps.rules --into ledgers/nottinghamshire/nwps-2021-22.ledger ledgers
add import examples/finance/ncc-nwps-2021-q2.csv --rules examples/finance/ncc-nwps.rules --into ledgers/nottinghamshire/nwps-2021-22.ledger ledgers
add check ledgers
for format in table csv json; do
  add audit --statement examples/finance/bassetlaw-ss4-statement.csv --rules examples/finance/bassetlaw-ss4.rules --format $format
  add audit --statement examples/finance/bassetlaw-ss4-statement-planted.csv --rules examples/finance/bassetlaw-ss4.rules --format $format
  add audit --fy 2022-23 --format $format
done
add audit --statement examples/finance/bassetlaw-ss4-statement-planted.csv --rules examples/finance/bassetlaw-ss4.rules --xlsx out/audit.xlsx --as-of 2026-11-25

# One scratch copy of the shipped books per binary; the commands run in order, so an import's
# effect on later commands is compared too.
run_all() {
  local binary=$1 dir=$2
  mkdir -p "$dir/run"
  cp -R "$root/ledgers" "$root/examples" "$dir/run/"
  mkdir -p "$dir/run/out" "$dir/results"
  local i=0
  for command in "${commands[@]}"; do
    i=$((i + 1))
    (cd "$dir/run" && eval "\"\$binary\" $command" >"$dir/results/$i.out" 2>"$dir/results/$i.err"; echo $? >"$dir/results/$i.rc")
  done
  (cd "$dir/run" && find . -type f -print0 | sort -z | xargs -0 sha256sum) >"$dir/results/files.sha256"
}

run_all "$ref" "$work/ref"
run_all "$new" "$work/new"

differences=0
for i in $(seq 1 ${#commands[@]}); do
  for part in out err rc; do
    if ! cmp -s "$work/ref/results/$i.$part" "$work/new/results/$i.$part"; then
      differences=$((differences + 1))
      echo "differs ($part): grantledger ${commands[$((i - 1))]}"
      diff <(head -c 4000 "$work/ref/results/$i.$part") <(head -c 4000 "$work/new/results/$i.$part") | head -20
    fi
  done
done
if ! cmp -s "$work/ref/results/files.sha256" "$work/new/results/files.sha256"; then
  differences=$((differences + 1))
  echo "files written differ:"
  diff "$work/ref/results/files.sha256" "$work/new/results/files.sha256"
fi
nonzero=$(cat "$work/new/results/"*.rc | grep -vc '^0$' || true)
echo "compare_outputs: ${#commands[@]} commands (${nonzero} exit non-zero, as the reference does), $(wc -l <"$work/new/results/files.sha256") files compared"
if [ $differences -gt 0 ]; then echo "compare_outputs: $differences differences"; exit 1; fi
echo "compare_outputs: byte-identical"
