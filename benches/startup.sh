#!/usr/bin/env bash
# Startup time to the first frame, and peak memory, of the real app in a real window under
# Xvfb with Mesa's software OpenGL (BENCHMARKS.md, targets 4 and 5).
#
#   cargo build --release && bash benches/startup.sh [RUNS]      (RUNS defaults to 20)
#
# BIN=path/to/mensetsu overrides the binary (default: $CARGO_TARGET_DIR or target, then
# release/mensetsu). Needs Xvfb, xdotool and GNU time (/usr/bin/time).
#
# DATA=DIR starts the app on that data folder instead of a fresh one, e.g. one with a
# million reviews (`cargo bench --bench data_dir -- DIR`); it is used as it is, run after
# run (only the first run of a day makes the daily backup). With DATA the runs also time
# the first frame after loading ends (MENSETSU_EXIT_AFTER_FIRST_FRAME=loaded: the decks
# screen with its counts), and the study session (2.) is left out, so DIR is not changed.
#
# 1. Startup, RUNS times: the app starts with MENSETSU_EXIT_AFTER_FIRST_FRAME=1 on a fresh
#    data folder (the bundled decks, a Japanese interface, cards in Japanese and English),
#    prints when its first frame was painted and closes. Reported: from the moment this
#    script launches the process to the first frame painted (`launch`), and the app's own
#    `ui_ms` (first UI pass done) and `painted_ms` (after the first frame's paint and buffer
#    swap), both counted from `main`; plus the process's peak RSS.
# 2. Peak memory of a session: the app opens, Enter starts studying, Space reveals the
#    answer points, 3 grades Good, five cards in a row; then the process is stopped and
#    its peak RSS (VmHWM, as GNU time reports it) printed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
bin=${BIN:-${CARGO_TARGET_DIR:-target}/release/mensetsu}
bin=$(realpath "$bin")
[[ -x "$bin" ]] || { echo "no binary at $bin: run cargo build --release" >&2; exit 1; }

work=$(mktemp -d)
data=${DATA:-$work/data}
[[ -z "${DATA:-}" || -d "$DATA" ]] || { echo "DATA=$DATA is not a folder" >&2; exit 1; }
display=
for number in 97 96 95 94 93 92 91 90; do
  if [[ ! -e /tmp/.X$number-lock ]]; then display=:$number; break; fi
done
[[ -n "$display" ]] || { echo "no free X display number" >&2; exit 1; }
Xvfb "$display" -screen 0 1100x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
  [[ -n "$app" ]] && kill "$app" 2>/dev/null
  kill "$xvfb" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 MENSETSU_DEVICE_ID=bench LANG=ja_JP.UTF-8 \
  XDG_DATA_HOME=$work/xdg-data XDG_CONFIG_HOME=$work/xdg-config XDG_CACHE_HOME=$work/xdg-cache
for _ in $(seq 100); do
  xdotool getdisplaygeometry >/dev/null 2>&1 && break
  sleep 0.1
done

fresh_data() {
  rm -rf "$work/xdg-data"
  if [[ -n "${DATA:-}" ]]; then
    [[ -f "$data/settings.json" ]] ||
      printf '{"content_language": "both", "ui_language": "ja"}\n' >"$data/settings.json"
    return
  fi
  rm -rf "$data"
  mkdir -p "$data"
  printf '{"content_language": "both", "ui_language": "ja"}\n' >"$data/settings.json"
}

# Median, min and max of the numbers on stdin.
summary() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %.1f, min %.1f, max %.1f (n=%d)", m, v[1], v[NR], NR }'
}

echo "binary: $bin"
echo "data folder: ${DATA:-fresh for each run (bundled decks only)}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$work/launch" ; : >"$work/ui" ; : >"$work/painted" ; : >"$work/rss"
for run in $(seq "$runs"); do
  fresh_data
  launch_us=$(date +%s%6N)
  MENSETSU_EXIT_AFTER_FIRST_FRAME=1 /usr/bin/time -f '%M' -o "$work/time" \
    "$bin" --data-dir "$data" >"$work/out" 2>"$work/err" || {
    echo "run $run failed:" >&2; cat "$work/err" "$work/time" >&2; exit 1; }
  line=$(grep '^first-frame ' "$work/out") || {
    echo "run $run printed no first-frame line:" >&2; cat "$work/out" "$work/err" >&2; exit 1; }
  painted_us=$(sed -E 's/.*painted_unix_us=([0-9]+).*/\1/' <<<"$line")
  echo "scale=3; ($painted_us - $launch_us) / 1000" | bc >>"$work/launch"
  sed -E 's/.*ui_ms=([0-9.]+).*/\1/' <<<"$line" >>"$work/ui"
  sed -E 's/.*painted_ms=([0-9.]+).*/\1/' <<<"$line" >>"$work/painted"
  echo "scale=1; $(tail -n1 "$work/time") / 1024" | bc >>"$work/rss"
done
echo "startup, launch to first frame painted (ms): $(summary <"$work/launch")"
echo "startup, main to first UI pass done (ms):    $(summary <"$work/ui")"
echo "startup, main to first frame painted (ms):   $(summary <"$work/painted")"
echo "peak RSS at the first frame (MiB):           $(summary <"$work/rss")"

if [[ -n "${DATA:-}" ]]; then
  # LOADED_RUNS=0 leaves these out: a binary from before the loading screen draws its
  # first frame only once loaded, and knows no `loaded` probe.
  loaded_runs=${LOADED_RUNS:-$runs}
  ((loaded_runs > 0)) || exit 0
  : >"$work/loaded" ; : >"$work/rss"
  for run in $(seq "$loaded_runs"); do
    fresh_data
    launch_us=$(date +%s%6N)
    MENSETSU_EXIT_AFTER_FIRST_FRAME=loaded /usr/bin/time -f '%M' -o "$work/time" \
      "$bin" --data-dir "$data" >"$work/out" 2>"$work/err" || {
      echo "run $run failed:" >&2; cat "$work/err" "$work/time" >&2; exit 1; }
    line=$(grep '^loaded-frame ' "$work/out") || {
      echo "run $run printed no loaded-frame line:" >&2; cat "$work/out" "$work/err" >&2; exit 1; }
    painted_us=$(sed -E 's/.*painted_unix_us=([0-9]+).*/\1/' <<<"$line")
    echo "scale=3; ($painted_us - $launch_us) / 1000" | bc >>"$work/loaded"
    echo "scale=1; $(tail -n1 "$work/time") / 1024" | bc >>"$work/rss"
  done
  echo "launch to the first frame after loading (ms): $(summary <"$work/loaded")"
  echo "peak RSS with everything loaded (MiB):        $(summary <"$work/rss")"
  exit 0
fi

# A session: study five cards by keyboard, then stop the process.
fresh_data
/usr/bin/time -v -o "$work/time" "$bin" --data-dir "$data" >/dev/null 2>"$work/err" &
timer=$!
window=
for _ in $(seq 100); do
  window=$(xdotool search --name "mensetsu" 2>/dev/null | head -n 1) && [[ -n "$window" ]] && break
  sleep 0.1
done
[[ -n "$window" ]] || { echo "the app's window did not appear" >&2; cat "$work/err" >&2; exit 1; }
app=$(pgrep -P "$timer" -x mensetsu)
sleep 1
xdotool windowfocus --sync "$window" 2>/dev/null || true
xdotool key --window "$window" Return
sleep 0.5
for _ in 1 2 3 4 5; do
  xdotool key --window "$window" space
  sleep 0.5
  xdotool key --window "$window" 3
  sleep 0.5
done
answered=$(cat "$data"/reviews/*.jsonl 2>/dev/null | grep -c '"rating"' || true)
kill "$app"
wait "$timer" 2>/dev/null || true
app=
rss_kib=$(sed -nE 's/.*Maximum resident set size \(kbytes\): ([0-9]+).*/\1/p' "$work/time")
echo "peak RSS of a session of $answered answers (MiB):  $(echo "scale=1; $rss_kib / 1024" | bc)"
