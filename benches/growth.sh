#!/usr/bin/env bash
# The growth series of BENCHMARKS.md ("Scale"): the same 100 decks × 1,000 cards with a
# log of 10,000, 100,000 and 1,000,000 reviews, and what each costs the whole process.
#
#   cargo build --release && bash benches/growth.sh [RUNS]      (RUNS defaults to 3)
#
# For each size: the log's size; `mensetsu stats` and `mensetsu cards --json`, wall time
# and peak memory (GNU time's maximum resident set size); and, from a `stats` run with
# MENSETSU_TIMINGS=1, the time to read and parse the log alone and the command's own time
# in the same process (their ratio is the "within 2×" goal). With APP=1 also the
# app under Xvfb (benches/startup.sh with DATA=…): launch to the decks screen with its
# counts, and its peak memory once loaded. With FRAMES=1 also one frame of the decks
# screen and an answer in the review screen at each size (`cargo bench --bench frame`
# with MENSETSU_BENCH_REVIEWS), the interactive figures that must not grow with history.
#
# The data folders are made once under GROWTH_DIR (default /tmp/mensetsu-growth) by
# `cargo bench --bench data_dir` and kept for the next run. BIN overrides the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
bin=$(realpath "${BIN:-${CARGO_TARGET_DIR:-target}/release/mensetsu}")
[[ -x "$bin" ]] || { echo "no binary at $bin: run cargo build --release" >&2; exit 1; }
root=${GROWTH_DIR:-/tmp/mensetsu-growth}
sizes=(10000 100000 1000000)
mkdir -p "$root"
for reviews in "${sizes[@]}"; do
  [[ -d "$root/$reviews" ]] || cargo bench --bench data_dir -- "$root/$reviews" "$reviews"
done

# Median, min and max of the numbers on stdin.
summary() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f (%.2f–%.2f, n=%d)", m, v[1], v[NR], NR }'
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "binary: $bin"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| reviews | log | stats s | stats MB | read+parse ms | stats command ms | cards --json s | cards --json MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for reviews in "${sizes[@]}"; do
  data=$root/$reviews
  : >"$work/stats_s"; : >"$work/stats_mb"; : >"$work/parse_ms"; : >"$work/command_ms"
  : >"$work/cards_s"; : >"$work/cards_mb"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" stats --data-dir "$data" >/dev/null
    read -r seconds kib <"$work/time"
    echo "$seconds" >>"$work/stats_s"
    echo "scale=1; $kib * 1024 / 1000000" | bc >>"$work/stats_mb"
    # "timings: read and parse 1000000 records: 410.2 ms", "timings: the command: 1620.0 ms"
    MENSETSU_TIMINGS=1 "$bin" stats --data-dir "$data" >/dev/null 2>"$work/err"
    sed -nE 's/^timings: read and parse .*: ([0-9.]+) ms$/\1/p' "$work/err" >>"$work/parse_ms"
    sed -nE 's/^timings: the command: ([0-9.]+) ms$/\1/p' "$work/err" >>"$work/command_ms"
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" cards --json --data-dir "$data" >/dev/null
    read -r seconds kib <"$work/time"
    echo "$seconds" >>"$work/cards_s"
    echo "scale=1; $kib * 1024 / 1000000" | bc >>"$work/cards_mb"
  done
  log_mb=$(du -cb "$data"/reviews/*.jsonl | tail -n1 | awk '{ printf "%.1f MB", $1 / 1e6 }')
  echo "| $reviews | $log_mb | $(summary <"$work/stats_s") | $(summary <"$work/stats_mb")" \
    "| $(summary <"$work/parse_ms") | $(summary <"$work/command_ms")" \
    "| $(summary <"$work/cards_s") | $(summary <"$work/cards_mb") |"
done

if [[ -n "${APP:-}" ]]; then
  for reviews in "${sizes[@]}"; do
    echo
    echo "app, $reviews reviews:"
    DATA=$root/$reviews BIN=$bin bash benches/startup.sh "$runs" | grep -E 'after loading|everything loaded'
  done
fi

if [[ -n "${FRAMES:-}" ]]; then
  for reviews in "${sizes[@]}"; do
    echo
    echo "frames, $reviews reviews:"
    MENSETSU_BENCH_REVIEWS=$reviews cargo bench --bench frame -- \
      --warm-up-time 1 --measurement-time 3 \
      '^(frame_100k_cards/decks|answer_100k_cards/review_answer)$' 2>&1 |
      grep -E '^(frame|answer)_100k_cards|time:|Collection::load'
  done
fi
