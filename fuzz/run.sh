#!/usr/bin/env bash
# Fuzzes the parse stage for a bounded time: `fuzz/run.sh [SECONDS]` (default 60).
# Exits non-zero, with the input saved under fuzz/artifacts/parse_item/, if any input
# panics, overflows the stack, runs longer than 10 s or takes more than 2 GB (a recipe
# input expands to up to 2 MB, so parsing that is not linear in time fails here).
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`, about 30 s). cargo-fuzz passes
# nightly-only flags (-Zsanitizer=address); RUSTC_BOOTSTRAP=1 lets the stable toolchain
# accept them. The first build compiles every dependency with the sanitizer (about
# 3 minutes on two cores); later runs reuse fuzz/target/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
export RUSTC_BOOTSTRAP=1
mkdir -p fuzz/corpus/parse_item
# New inputs go to the first folder; the fixture sites (valid and invalid) seed it, and
# fuzz/seeds/ holds recipes for deep nesting and long lines (see `expand` in the target).
cargo fuzz run parse_item fuzz/corpus/parse_item fuzz/seeds/parse_item tests/fixtures -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1
