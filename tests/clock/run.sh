#!/usr/bin/env bash
# The test suite at the wall-clock times where a date computed in the wrong zone or
# without the rollover hour comes out a day off: just before and after the rollover hour
# (04:00) and midnight, in UTC and in Asia/Tokyo, and in the zones furthest ahead of UTC
# (Pacific/Kiritimati, +14) and behind it (Pacific/Pago_Pago, −11). A test that reads the
# clock must take its dates from the same clock and zone as the code it runs; this is the
# run that catches one that does not, at any hour of the day it is started.
#
# The tests are built first with the real clock; only the test processes (and what they
# start: the mensetsu binary, the crash tests' child) run under faketime (Debian's
# `faketime`, installed if missing). The offset is relative (`faketime -f +Ns`): every
# process reads the real clock shifted by N seconds, so time runs on, across processes,
# and a run started at 23:59 crosses midnight as a user's session would. Monotonic clocks
# are left alone: timeouts and benchmarks of the tests keep their real meaning.
#
#   CLOCK_TIMES="03:59 23:59"    the UTC times to run at (default below)
#   CLOCK_ZONES="Pacific/Kiritimati@13:59"   extra zone@UTC-time runs (default below)
#   CLOCK_TESTS="interviews readiness"       only these test targets (default: all but
#                                            crash_safety)
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v faketime >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime tzdata
fi

times=${CLOCK_TIMES:-"03:59 04:01 14:59 15:01 18:59 19:01 23:59"}
# 13:59 UTC is 03:59 in Kiritimati, a minute before its rollover; 15:01 UTC is 04:01 in
# Pago Pago, a minute after.
zones=${CLOCK_ZONES:-"Pacific/Kiritimati@13:59 Pacific/Pago_Pago@15:01"}

# The test executables, as cargo lists them (`Executable tests/x.rs (target/debug/deps/x-…)`).
mapfile -t binaries < <(cargo test --locked --no-run 2>&1 | sed -n 's/^ *Executable .*(\(.*\))$/\1/p')
if ((${#binaries[@]} == 0)); then
    echo "tests/clock/run.sh: cargo listed no test executables" >&2
    exit 1
fi
# The crash tests (kill loops of a minute or two, every answer timed in 2020 by the test
# itself) are left out unless named: nine runs of them would add a quarter of an hour and
# try nothing the clock could change.
if [[ -z ${CLOCK_TESTS:-} ]]; then
    kept=()
    for binary in "${binaries[@]}"; do
        name=$(basename "$binary")
        # tests/anki.rs is left out too: Anki's Python library counts days by its own
        # clock and zone (the test pins both to Tokyo), and it adds half a minute a run.
        # So are the speech tests: they record and play through a sound server in real
        # time and measure by counting samples, never by the date (the kittest one takes
        # its dates from the test's own clock), and nine runs would add four minutes.
        case ${name%-*} in
            crash_safety | anki | speech | speech_ui) ;;
            *) kept+=("$binary") ;;
        esac
    done
    binaries=("${kept[@]}")
fi
if [[ -n ${CLOCK_TESTS:-} ]]; then
    chosen=()
    for binary in "${binaries[@]}"; do
        name=$(basename "$binary")
        for wanted in $CLOCK_TESTS; do
            [[ ${name%-*} == "$wanted" ]] && chosen+=("$binary")
        done
    done
    binaries=("${chosen[@]}")
fi

failures=()
run_at() {
    local zone=$1 utc_time=$2
    local target now offset
    target=$(date -u -d "today $utc_time" +%s)
    now=$(date -u +%s)
    offset=$((target - now))
    echo "== tests at ${utc_time} UTC (TZ=${zone}; faketime $(printf '%+d' "$offset")s)"
    for binary in "${binaries[@]}"; do
        if ! TZ=$zone FAKETIME_DONT_FAKE_MONOTONIC=1 \
            faketime -f "$(printf '%+d' "$offset")s" "$binary" -q >"${log_dir}/out" 2>&1; then
            cat "${log_dir}/out"
            failures+=("$(basename "$binary") at ${utc_time} UTC, TZ=${zone}")
        fi
    done
}

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT
for utc_time in $times; do
    run_at UTC "$utc_time"
done
for zone_at in $zones; do
    run_at "${zone_at%@*}" "${zone_at#*@}"
done

if ((${#failures[@]})); then
    echo "tests/clock/run.sh: failed:" >&2
    printf '  %s\n' "${failures[@]}" >&2
    exit 1
fi
echo "tests/clock/run.sh: every test passed at every time"
