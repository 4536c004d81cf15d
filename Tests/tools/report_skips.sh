#!/usr/bin/env bash
# Lists, loudly, the independent checks that `make test` skipped on this machine (what
# Tests/TestSupport/Requirement.swift wrote to .build/test-skips/ for each one that was missing).
# A skip is not a failure here; under CI the oracles are required and their tests fail instead.
set -euo pipefail
folder="${1:-.build/test-skips}"
shopt -s nullglob
skips=("$folder"/*.txt)
[ ${#skips[@]} -eq 0 ] && exit 0
{
  echo
  echo "================================================================================"
  echo "make test: SKIPPED: these checks did not run here, so \"passed\" above does not cover them:"
  for file in "${skips[@]}"; do sed 's/^/  /' "$file"; done
  echo "Install them with make test-deps; with CI=true a missing oracle fails the run instead."
  echo "================================================================================"
} >&2
