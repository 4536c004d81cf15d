#!/usr/bin/env bash
# Builds and runs the libFuzzer harnesses of Tests/Fuzz (see its Package.swift). `make fuzz` and
# `make test` call this; it can be run by hand from anywhere.
#
#   Tests/Fuzz/run.sh build                  build every harness
#   Tests/Fuzz/run.sh fuzz [HARNESS…]        fuzz each for FUZZ_SECONDS (or FUZZ_RUNS executions), one at a time
#   Tests/Fuzz/run.sh regression [HARNESS…]  each for FUZZ_REGRESSION_RUNS executions over the committed corpus
#
# Settings (environment):
#   FUZZ_SECONDS=60           time per harness            FUZZ_RUNS=             stop a harness after this many executions
#   FUZZ_UNTIL=               a Unix time: share the time left until then among the harnesses still to run
#   FUZZ_REGRESSION_RUNS=3000 executions per harness for `regression`
#   FUZZ_CONFIG=release       swift build configuration   FUZZ_DIR=.build-fuzz   build, corpora, crashes, logs
#   FUZZ_RSS_MB=2048          memory limit per harness    FUZZ_LOGS=$FUZZ_DIR/logs
#   FUZZ_LEAKS=per-input      corpus: no leak check while fuzzing; once the time is up, every input of
#                             the grown corpus is run again with libFuzzer's per-input leak check
#                             (for long campaigns: the per-input check after each new input makes
#                             the thread-starting split reader several times slower)
#   FUZZ_FORK=                1: libFuzzer's fork mode, which goes on after a timeout (for long
#                             runs on a loaded machine, where -timeout=1 is wall-clock time and a
#                             starved process can pass it); each timeout's input is then replayed
#                             alone and its time printed, so a real slow input still shows
#
#   FUZZ_TIMEOUT=1            seconds an input may take before it is a failure; `regression` (what
#                             `make test` runs) defaults to 10: a hang is still caught, but a test
#                             never fails because a shared machine was busy (speed lives in benchmarks)
#
# Every fuzzing run uses -timeout=1 (an input slower than a second is a failure), the memory limit and
# leak detection. New inputs go to $FUZZ_DIR/corpus/HARNESS (outside git); the committed seeds in
# Tests/Fuzz/corpus/HARNESS are read, never written. A crash, leak, timeout or out-of-memory input is
# saved under $FUZZ_DIR/artifacts/HARNESS/ and fails the run; replay it with
#   $FUZZ_DIR/build/release/HARNESS ARTIFACT
# and make it an ordinary test that reads the input through the same API (README, "Fuzzing").
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
FUZZ_DIR=${FUZZ_DIR:-.build-fuzz}
FUZZ_CONFIG=${FUZZ_CONFIG:-release}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_RUNS=${FUZZ_RUNS:-}
FUZZ_UNTIL=${FUZZ_UNTIL:-}
FUZZ_REGRESSION_RUNS=${FUZZ_REGRESSION_RUNS:-3000}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2048}
FUZZ_LOGS=${FUZZ_LOGS:-$FUZZ_DIR/logs}
SWIFT=${SWIFT:-swift}
# Leaks that are not grantledger's (Foundation's XMLParser on an XML error): see the file.
export LSAN_OPTIONS="suppressions=$here/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

all=(FuzzMoney FuzzLedger FuzzLedgerSplit FuzzScenario FuzzAreas FuzzImportRules FuzzFinanceExport FuzzXlsx)

# Largest input each harness makes: a token for the parser; room for a few entries elsewhere.
max_len() {
  case "$1" in
    FuzzMoney) echo 64 ;;
    FuzzLedger|FuzzLedgerSplit|FuzzXlsx) echo 16384 ;;
    *) echo 8192 ;;
  esac
}

build() {
  # -Xswiftc, not --sanitize: SwiftPM passes each --sanitize as its own -sanitize= flag, and swiftc
  # keeps only the last, so `--sanitize=fuzzer --sanitize=address` builds without coverage. The
  # Swift modules (the core, BigInt, swift-system, swift-crypto's Swift) get coverage and ASan;
  # C dependencies (BoringSSL) are built plainly.
  for harness in "${all[@]}"; do
    "$SWIFT" build --package-path Tests/Fuzz --scratch-path "$FUZZ_DIR/build" -c "$FUZZ_CONFIG" \
      -Xswiftc -sanitize=fuzzer,address --product "$harness"
  done
}

binary() { echo "$FUZZ_DIR/build/$FUZZ_CONFIG/$1"; }

# Executions for `regression`: the split reader starts threads for every input, and an import
# reconciles against the whole books, so those two get fewer to keep `make test` short.
regression_runs() {
  case "$1" in
    FuzzLedgerSplit) echo $((FUZZ_REGRESSION_RUNS / 10)) ;;
    FuzzFinanceExport) echo $((FUZZ_REGRESSION_RUNS / 3)) ;;
    *) echo "$FUZZ_REGRESSION_RUNS" ;;
  esac
}

# The last coverage line and the final statistics of a libFuzzer log, as one summary line.
summarise() {
  local harness=$1 log=$2 status=$3 seconds=$4
  local line execs rate rss cov ft
  line=$(grep -E '^#[0-9]+:?[[:space:]]' "$log" | grep -E 'cov: ' | tail -1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$line")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$line")
  execs=$(sed -nE 's/^stat::number_of_executed_units: ([0-9]+)/\1/p' "$log" | tail -1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: +([0-9]+)/\1/p' "$log" | tail -1)
  rss=$(sed -nE 's/^stat::peak_rss_mb: +([0-9]+)/\1/p' "$log" | tail -1)
  if grep -q -- '-fork=1: fuzzing in separate process' "$log"; then
    # Fork mode prints no final statistics: the last progress line holds them.
    execs=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$line")
    rate=$(sed -nE 's/.* exec\/s: ([0-9]+).*/\1/p' <<<"$line")
  fi
  local crashes leaks slow slowest leakcheck=per-input
  # libFuzzer stops checking each input for leaks after 1000 inputs that left more mallocs than
  # frees without a leak (memory a run leaves to a thread pool to free); it says so.
  grep -q 'libFuzzer disabled leak detection' "$log" && leakcheck=stopped-by-libFuzzer
  local corpus_inputs
  corpus_inputs=$(sed -nE 's/^leak check over the corpus: ([0-9]+) inputs/\1/p' "$log" | tail -1)
  [ -n "$corpus_inputs" ] && leakcheck="corpus-of-$corpus_inputs"
  slowest=$(sed -nE 's/^stat::slowest_unit_time_sec: +([0-9]+)/\1/p' "$log" | tail -1)
  crashes=$(grep -cE '^==[0-9]+==ERROR: AddressSanitizer|deadly signal|Fatal error|fuzz: broken promise' "$log" || true)
  leaks=$(grep -cE 'ERROR: LeakSanitizer' "$log" || true)
  slow=$(grep -cE 'ERROR: libFuzzer: timeout' "$log" || true)
  local forked
  forked=$(sed -nE 's/.* oom\/timeout\/crash: ([0-9]+)\/([0-9]+)\/([0-9]+).*/\1 \2 \3/p' <<<"$line")
  if [ -n "$forked" ]; then
    read -r oom slow forked_crashes <<<"$forked"
    crashes=$((forked_crashes + oom))
  fi
  local replays
  replays=$(sed -nE 's/^replayed timeout input: ([0-9]+) ms/\1/p' "$log" | sort -n | tail -1)
  [ -n "$replays" ] && slow="$slow(slowest-replay-${replays}ms)"
  printf '%-18s status=%s execs=%s exec/s=%s cov=%s ft=%s peak_rss_mb=%s crashes=%s leaks=%s timeouts=%s slowest_s=%s leakcheck=%s seconds=%s\n' \
    "$harness" "$status" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${rss:-?}" "$crashes" "$leaks" "$slow" "${slowest:-?}" "$leakcheck" "$seconds"
}

fuzz_one() {
  local harness=$1 seconds=$2 runs=$3 corpus=$4 log=$5
  local artifacts="$FUZZ_DIR/artifacts/$harness"
  mkdir -p "$corpus" "$artifacts"
  local leaks=1
  [ "${FUZZ_LEAKS:-per-input}" = corpus ] && [ -n "$seconds" ] && leaks=0
  local args=(-timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB" -detect_leaks=$leaks -max_len="$(max_len "$harness")"
              -dict="Tests/Fuzz/dict/$harness.dict" -artifact_prefix="$artifacts/" -print_final_stats=1)
  [ -n "$seconds" ] && args+=(-max_total_time="$seconds")
  [ -n "${FUZZ_FORK:-}" ] && args+=(-fork=1 -ignore_timeouts=1)
  [ -n "$runs" ] && args+=(-runs="$runs")
  local start status=0
  start=$(date +%s)
  # The Swift runtime's backtracer is off: libFuzzer reports the trap and saves the input.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=$leaks:allocator_may_return_null=1} \
    "$(binary "$harness")" "${args[@]}" "$corpus" "Tests/Fuzz/corpus/$harness" >"$log" 2>&1 || status=$?
  if [ "$leaks" = 0 ] && [ "$status" = 0 ]; then
    # The deferred leak check: -runs=0 executes every corpus input once, each checked for leaks.
    echo "leak check over the corpus: $(find "$corpus" "Tests/Fuzz/corpus/$harness" -type f | wc -l) inputs" >>"$log"
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
      "$(binary "$harness")" -runs=0 -timeout=10 -rss_limit_mb="$FUZZ_RSS_MB" -detect_leaks=1 -max_len="$(max_len "$harness")" \
      -artifact_prefix="$artifacts/" "$corpus" "Tests/Fuzz/corpus/$harness" >"$log.leaks" 2>&1 || status=$?
    grep -E 'ERROR: LeakSanitizer|INFO: a leak has been found|^==[0-9]+==ERROR' "$log.leaks" >>"$log" || true
    echo "leak check over the corpus: $(grep -cE 'ERROR: LeakSanitizer' "$log.leaks" || true) leaks, exit $status" >>"$log"
  fi
  local elapsed=$(( $(date +%s) - start ))
  # Each input that timed out, replayed alone: its time says whether it is slow or was starved.
  local artifact
  for artifact in $(find "$artifacts" -name 'timeout-*' -newermt "@$start" 2>/dev/null); do
    SWIFT_BACKTRACE=enable=no "$(binary "$harness")" -timeout=10 "$artifact" "$artifact" "$artifact" 2>&1 \
      | sed -nE 's/^Executed .* in ([0-9]+) ms/replayed timeout input: \1 ms/p' >>"$log" || true
  done
  summarise "$harness" "$log" "$status" "$elapsed"
  return "$status"
}

mode=${1:-}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=("${all[@]}")

if [ "$mode" = regression ]; then FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}; else FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-1}; fi

case "$mode" in
  build) build ;;
  fuzz|regression)
    mkdir -p "$FUZZ_LOGS"
    failed=()
    summary="$FUZZ_LOGS/summary-$mode.txt"
    : >"$summary"
    left=${#harnesses[@]}
    for harness in "${harnesses[@]}"; do
      log="$FUZZ_LOGS/$harness-$mode.log"
      if [ "$mode" = fuzz ]; then
        seconds=$FUZZ_SECONDS
        if [ -n "$FUZZ_UNTIL" ]; then
          seconds=$(( (FUZZ_UNTIL - $(date +%s)) / left ))
          [ "$seconds" -gt "$FUZZ_SECONDS" ] && seconds=$FUZZ_SECONDS
          [ "$seconds" -lt 10 ] && seconds=10
        fi
        echo "fuzz: $harness for ${seconds}s${FUZZ_RUNS:+ or $FUZZ_RUNS executions}, log $log"
        line=$(fuzz_one "$harness" "$seconds" "$FUZZ_RUNS" "$FUZZ_DIR/corpus/$harness" "$log") || failed+=("$harness")
      else
        scratch=$(mktemp -d)
        line=$(fuzz_one "$harness" "" "$(regression_runs "$harness")" "$scratch" "$log") || failed+=("$harness")
        rm -rf "$scratch"
      fi
      echo "$line" | tee -a "$summary"
      left=$((left - 1))
    done
    if [ ${#failed[@]} -gt 0 ]; then
      echo "fuzz: FAILED: ${failed[*]} (logs in $FUZZ_LOGS, inputs in $FUZZ_DIR/artifacts)" >&2
      exit 1
    fi
    echo "fuzz: ${#harnesses[@]} harnesses, 0 crashes, 0 leaks, 0 timeouts"
    ;;
  *) sed -n '2,8p' "$0" >&2; exit 64 ;;
esac
