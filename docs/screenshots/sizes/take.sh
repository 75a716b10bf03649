#!/usr/bin/env bash
# Takes the screenshots in this folder: every screen at 800x600 with text size 1.6 and at
# 1920x1080 with text size 0.75, in English and Japanese, named
# <size>-<text size>-<language>-<screen>.png. They were looked at one by one for text
# drawn over text or cut off; see the main README ("Any window size, any text size").
#
# The debug app runs under Xvfb (no window manager) on a data folder with 40 days of
# answers written by mensetsu-answer-loop, with its own HOME so eframe's saved state
# neither leaks in nor out, and is driven by keys (Ctrl+1...7, Enter, Ctrl+Enter, Esc,
# Tab to a button and Space to press it) and, for the deck editor's title field and its
# Add card button, by clicks at places read off earlier screenshots of these sizes: a
# change of layout can move them (the pictures then show the wrong screen; look at them).
#
# Needs: apt-get install xvfb xdotool imagemagick
#        cargo build --bin mensetsu && cargo build --features test-support --bin mensetsu-answer-loop
# Run:   bash docs/screenshots/sizes/take.sh    (about 3 minutes)
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=$PWD/docs/screenshots/sizes
APP=$PWD/target/debug/mensetsu
LOOP=$PWD/target/debug/mensetsu-answer-loop
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mensetsu-sizes.XXXXXX")
pids=""
cleanup() {
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT

# shoot W H SCALE LANG TABS_TO_NEW_DECK FIELD_X FIELD_Y ADD_X ADD_Y TABS_TO_START_MOCK
shoot() {
    local W=$1 H=$2 SCALE=$3 LANG_UI=$4 TABS=$5 FX=$6 FY=$7 AX=$8 AY=$9 MOCKTABS=${10}
    local name=${W}x${H}-${SCALE}-${LANG_UI} work
    work=$(mktemp -d "$tmp/run.XXXXXX")
    mkdir -p "$work/data" "$work/home" "$work/png"
    local start
    start=$(date -d "$(date -d '40 days ago' +%F) 06:00" +%Y-%m-%dT%H:%M:%S%:z)
    MENSETSU_DEVICE_ID=shot "$LOOP" --data-dir "$work/data" --start "$start" --step-secs 5400 --count 600 >/dev/null
    printf '{"ui_language": "%s", "theme": "light", "text_scale": %s}\n' "$LANG_UI" "$SCALE" >"$work/data/settings.json"
    Xvfb -displayfd 3 -screen 0 "${W}x${H}x24" -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
    local xvfb=$!
    pids="$pids $xvfb"
    for _ in $(seq 50); do [[ -s $work/display ]] && break; sleep 0.2; done
    export DISPLAY=":$(head -n1 "$work/display")" LIBGL_ALWAYS_SOFTWARE=1 LANG=C.UTF-8
    HOME=$work/home XDG_DATA_HOME=$work/home/d XDG_CONFIG_HOME=$work/home/c \
        MENSETSU_DATA_DIR=$work/data "$APP" >"$work/app.log" 2>&1 &
    local app=$!
    pids="$pids $app"
    local win
    win=$(timeout 60 xdotool search --sync --name '^mensetsu' | head -n1)
    xdotool windowsize "$win" "$W" "$H"
    xdotool windowmove "$win" 0 0
    sleep 5
    xdotool windowfocus --sync "$win" || true
    xdotool mousemove $((W - 2)) $((H - 2)) click 1
    sleep 1
    shot() {
        xdotool mousemove $((W - 1)) $((H - 1))
        sleep "${2:-2}"
        import -window root -crop "${W}x${H}+0+0" +repage "$work/png/$1.png"
        convert "$work/png/$1.png" -strip +dither -colors 64 "PNG8:$out/$name-$1.png"
        echo "  $out/$name-$1.png"
    }
    shot decks
    for _ in $(seq 1 "$TABS"); do xdotool key Tab; sleep 0.3; done
    xdotool key space # New deck…
    sleep 2
    xdotool mousemove "$FX" "$FY" click 1
    sleep 0.5
    xdotool type --delay 40 "Practice"
    xdotool key Tab
    sleep 0.3
    xdotool key space # Create
    sleep 2
    xdotool mousemove "$AX" "$AY" click 1 # Add card
    sleep 1
    shot deck-editor
    xdotool key ctrl+1
    sleep 2
    xdotool key Return # study all due cards; the answer box has the keyboard
    sleep 2
    xdotool type --delay 40 "We set standards, then measure lead time 2 u"
    xdotool key ctrl+Return
    shot study
    xdotool key Escape
    xdotool key ctrl+3
    shot cards 3
    xdotool key ctrl+4
    shot statistics 4
    xdotool key ctrl+5
    shot stories
    xdotool key ctrl+6
    shot mock-interview
    for _ in $(seq 1 "$MOCKTABS"); do xdotool key Tab; sleep 0.3; done
    xdotool key space # Start the mock interview
    sleep 2
    for answer in "Weigh cost, speed and risk 1 2 u" "Tag resources by team" "Hire for judgement" \
        "Measure lead time" "Write it down"; do
        xdotool type --delay 30 "$answer"
        xdotool key ctrl+Return
        sleep 1.5
    done
    shot mock-review
    xdotool key ctrl+7
    shot settings
    kill "$app" "$xvfb" 2>/dev/null || true
    wait "$app" "$xvfb" 2>/dev/null || true
}

shoot 800 600 1.6 en 10 200 212 95 340 12
shoot 800 600 1.6 ja 11 200 212 119 340 11
shoot 1920 1080 0.75 en 11 770 100 44 160 16
shoot 1920 1080 0.75 ja 11 770 100 50 160 16
