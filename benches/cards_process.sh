#!/usr/bin/env bash
# Whole-process figures of BENCHMARKS.md: `mensetsu cards --json` on a data folder holding
# the real 12,580-review log (benches/real_data_dir.py), and py-fsrs doing the same from
# the same file (benches/py_fsrs_cards.py): each process reads the log from disk, replays
# it and prints every card's state.
#
#   cargo build --release && bash benches/cards_process.sh [RUNS]     (RUNS defaults to 40)
#
# BIN=path/to/mensetsu overrides the binary (default: $CARGO_TARGET_DIR or target, then
# release/mensetsu); BEFORE=path/to/other/mensetsu adds a second binary to compare, e.g.
# one built from an older commit. Needs hyperfine (Debian: hyperfine) and py-fsrs
# (pip install 'fsrs==6.3.*'); without py-fsrs that line is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-40}
bin=$(realpath "${BIN:-${CARGO_TARGET_DIR:-target}/release/mensetsu}")
[[ -x "$bin" ]] || { echo "no binary at $bin: run cargo build --release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 benches/real_data_dir.py "$work/data"

commands=("$bin cards --json --data-dir $work/data")
names=("mensetsu cards --json")
if [[ -n "${BEFORE:-}" ]]; then
  commands+=("$(realpath "$BEFORE") cards --json --data-dir $work/data")
  names+=("mensetsu cards --json (BEFORE)")
fi
if python3 -c 'import fsrs' 2>/dev/null; then
  commands+=("python3 benches/py_fsrs_cards.py $work/data")
  names+=("py-fsrs $(python3 -c 'import importlib.metadata as m; print(m.version("fsrs"))')")
fi
args=()
for index in "${!commands[@]}"; do
  args+=(--command-name "${names[$index]}" "${commands[$index]}")
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$work/table.md" "${args[@]}"
cat "$work/table.md"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
