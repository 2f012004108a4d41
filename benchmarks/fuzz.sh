#!/usr/bin/env bash
# Fuzz every ingest parser and the Doc->records boundary with N generated inputs per test
# (default 15,000: 8 parser tests + the pipeline at N/20 = over 120,000 inputs in all).
# Hypothesis prints, per test, how many inputs really ran; any crash fails the run.
# Usage: benchmarks/fuzz.sh [N]      (from the repository root)
set -euo pipefail
N="${1:-15000}"
export SITREP_FUZZ_EXAMPLES="$N"
exec python -m pytest tests/reliability/test_fuzz.py -q -p no:cacheprovider \
  --hypothesis-show-statistics --hypothesis-seed="${FUZZ_SEED:-0}" -W ignore::DeprecationWarning
