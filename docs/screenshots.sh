#!/usr/bin/env bash
# Takes screenshots of every screen of the app, in the light and the dark theme, into
# docs/screenshots/<screen>-<theme>.png (1280x900, English), plus a few at 800x600
# (<screen>-800x600.png) and in Japanese (<screen>-ja.png), so the look of the whole app
# can be reviewed at a glance.
#
# The real app runs in a real window under Xvfb (software OpenGL) and is driven with
# xdotool, as a user would: keys where the app has them, clicks elsewhere. Positions that
# depend on the card on screen (the answer box, the first answer point, the History
# header) are found in a screenshot of the window, not hard-coded.
#
# Every run works in temporary folders it creates and removes again:
#   - a fresh data folder (a first-time user) for the decks, question and answer screens;
#   - a folder with about three months of review history, written through the real
#     scheduler by mensetsu-answer-loop (answers every 45 minutes from 90 days ago until
#     yesterday evening), for the card history, the statistics, the mock interview and the
#     settings.
# Each start of the app gets its own HOME and XDG folders in the temporary folder too, so
# eframe's saved window and UI state (app.ron) neither leaks from one start to the next
# nor touches the user's own.
#
# Needs:
#   apt-get install xvfb xdotool imagemagick
#   cargo build --release --bin mensetsu
#   cargo build --release --features test-support --bin mensetsu-answer-loop
# Run from anywhere:
#   bash docs/screenshots.sh
# Takes about four minutes on two cores. SCREENSHOT_SLOWDOWN=2 doubles every wait (and the
# minute allowed for the window to appear), for a slower machine. Exits non-zero if the
# app's window never appears, or if a screen does not look as expected (then the last look
# at the window is kept as $TMPDIR/mensetsu-screenshots-failed.png).
#
# Not everything is the same from one run to the next: the mock interview draws its
# questions at random, and the timers show the seconds they show.
set -euo pipefail
cd "$(dirname "$0")/.."

out=docs/screenshots
app_bin=target/release/mensetsu
loop_bin=target/release/mensetsu-answer-loop
slowdown=${SCREENSHOT_SLOWDOWN:-1}

for tool in Xvfb xdotool import convert; do
    command -v "$tool" >/dev/null || {
        echo "screenshots.sh: $tool not found (apt-get install xvfb xdotool imagemagick)" >&2
        exit 1
    }
done
for bin in "$app_bin" "$loop_bin"; do
    [[ -x $bin ]] || {
        echo "screenshots.sh: $bin not built (see the header of this script)" >&2
        exit 1
    }
done
mkdir -p "$out"

work=$(mktemp -d "${TMPDIR:-/tmp}/mensetsu-screenshots.XXXXXX")
xvfb_pid=""
app_pid=""
cleanup() {
    if [[ -n $app_pid ]]; then kill "$app_pid" 2>/dev/null || true; fi
    if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# --- helpers ------------------------------------------------------------------------

scaled() { awk -v s="$1" -v f="$slowdown" 'BEGIN { print s * f }'; }
pause() { sleep "$(scaled "$1")"; }

# The current window size, set by start_app.
W=1280
H=900

# Moves the pointer out of the way (no hover highlights or tooltips in the pictures).
park() { xdotool mousemove $((W - 1)) $((H - 1)); }

# shot NAME: the window (at 0,0, no window manager) into a PNG. A path with a slash is
# taken as is; a bare name goes into docs/screenshots/.
shot() {
    local file=$1
    [[ $file == */* ]] || file="$out/$file.png"
    park
    pause 1.5
    import -window root -crop "${W}x${H}+0+0" +repage "$file"
    [[ $file == "$work"/* ]] || echo "  wrote $file"
}

probe() { shot "$work/probe.png"; }

# fail MESSAGE: stops, keeping the last probe picture for a look at what went wrong.
fail() {
    echo "screenshots.sh: $1" >&2
    if [[ -f $work/probe.png ]]; then
        cp "$work/probe.png" "${TMPDIR:-/tmp}/mensetsu-screenshots-failed.png"
        echo "screenshots.sh: the window looked like ${TMPDIR:-/tmp}/mensetsu-screenshots-failed.png" >&2
    fi
    exit 1
}

# scroll up|down CLICKS: the mouse wheel over the middle of the window.
scroll() {
    local button=5
    [[ $1 == up ]] && button=4
    xdotool mousemove $((W / 2)) $((H / 2))
    xdotool click --repeat "$2" --delay 60 "$button"
    pause 1
}

# column_runs FILE X FROM TO [TOLERANCE]: the runs of rows, "first last" one a line, where
# pixel column X differs from its colour at row FROM by more than TOLERANCE (0-255) in a
# channel. With FROM on the page background, each run is a card, a box or a glyph.
column_runs() {
    local file=$1 x=$2 from=$3 to=$4 tolerance=${5:-4}
    convert "$file" -crop "1x$((to - from))+$x+$from" +repage -depth 8 txt:- |
        awk -v from="$from" -v tol="$tolerance" '
            function abs(v) { return v < 0 ? -v : v }
            BEGIN { start = -1 }
            /^#/ { next }
            {
                split($0, f, /[(),: ]+/)    # f[2] = row, f[3..5] = red, green, blue
                y = f[2] + from
                if (!seen) { r0 = f[3]; g0 = f[4]; b0 = f[5]; seen = 1 }
                d = abs(f[3] - r0)
                if (abs(f[4] - g0) > d) d = abs(f[4] - g0)
                if (abs(f[5] - b0) > d) d = abs(f[5] - b0)
                if (d > tol) { if (start < 0) start = y; last = y }
                else if (start >= 0) { print start, last; start = -1 }
            }
            END { if (start >= 0) print start, last }'
}

# The left edge of the review, mock and settings column (780 wide, centred).
reading_left() { echo $((W / 2 - 390)); }
# The rows of the scroll area of the review screen: below the header, above the bottom bar.
review_top=92
review_bottom() { echo $((H - 110)); }

# start_app DATA_DIR WIDTH HEIGHT: opens the app and waits until it takes keys.
start_app() {
    W=$2
    H=$3
    # A new home for every run: eframe restores its saved UI state (open sections, the
    # window) from the last run, which would make the pictures depend on the order.
    local home
    home=$(mktemp -d "$work/home.XXXXXX")
    HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache \
        "$app_bin" --data-dir "$1" >"$work/app.log" 2>&1 &
    app_pid=$!
    local window
    if ! window=$(timeout "$(scaled 60)" xdotool search --sync --name '^mensetsu' | head -n 1) ||
        [[ -z $window ]]; then
        echo "screenshots.sh: the app's window never appeared; its output:" >&2
        cat "$work/app.log" >&2
        exit 1
    fi
    xdotool windowsize "$window" "$W" "$H"
    xdotool windowmove "$window" 0 0
    pause 4 # the first frames on the software renderer are slow
    xdotool windowfocus --sync "$window" || true
    xdotool mousemove $((W - 2)) $((H - 2)) click 1 # keys reach the app after a click
    pause 1
}

stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

# A data folder: fresh (settings only), or a copy of the one with history.
new_folder() {
    local kind=$1 theme=$2 language=$3 dir
    dir=$(mktemp -d "$work/$kind.XXXXXX")
    if [[ $kind == history ]]; then cp -a "$work/history-template/." "$dir/"; fi
    printf '{"ui_language": "%s", "theme": "%s"}\n' "$language" "$theme" >"$dir/settings.json"
    echo "$dir"
}

# On the review screen, before the reveal: clicks into the answer box (the second card-like
# block from the top of the column) and types a draft, then leaves the box so that Space
# reveals.
type_draft() {
    probe
    local box x
    x=$(($(reading_left) + 300))
    box=$(column_runs "$work/probe.png" "$x" "$review_top" "$(review_bottom)" | sed -n 2p)
    [[ -n $box ]] || fail "no answer box found on the review screen"
    xdotool mousemove "$x" $(((${box% *} + ${box#* }) / 2)) click 1
    pause 0.5
    # Characters outside the keymap (Japanese) need a slower pace, or xdotool drops some.
    local delay=40
    [[ $1 == *[![:ascii:]]* ]] && delay=150
    xdotool type --delay "$delay" "$1"
    pause 0.5
    xdotool key Escape
    pause 1
}

# After the reveal: ticks the first answer point. The answer points are the third block
# of the column; the first checkbox is the first thing below their heading.
tick_first_point() {
    local left points top checkbox attempt
    left=$(reading_left)
    for attempt in 1 2 3; do
        probe
        points=$(column_runs "$work/probe.png" $((left + 300)) "$review_top" "$(review_bottom)" | sed -n 3p)
        if [[ -n $points ]]; then
            top=${points% *}
            checkbox=$(column_runs "$work/probe.png" $((left + 26)) $((top + 42)) "$(review_bottom)" 6 |
                awk '$2 - $1 >= 5 { print int(($1 + $2) / 2); exit }')
            if [[ -n $checkbox ]]; then
                xdotool mousemove $((left + 26)) "$checkbox" click 1
                pause 1
                return
            fi
        fi
        scroll down 2 # the answer points are below the bottom bar: bring them up
    done
    fail "no answer point found to tick"
}

# After the reveal: opens the History section (the last collapsing header of the column)
# and scrolls it up to a third of the way down the screen.
open_history() {
    scroll down 20 # so that the header is on screen even under a long card
    probe
    local left header y
    left=$(reading_left)
    header=$(column_runs "$work/probe.png" $((left + 8)) "$review_top" "$(review_bottom)" 20 | tail -n 1)
    [[ -n $header ]] || fail "no History header found"
    y=$(((${header% *} + ${header#* }) / 2))
    xdotool mousemove $((left + 40)) "$y" click 1
    pause 1.5
    # A wheel click scrolls about 80 pixels; leave the header a third of the way down,
    # under the end of the answer points.
    if ((y > 400)); then scroll down $(((y - 320) / 80)); fi
}

# The screens of the fresh folder: decks, the question with a draft (only for the themes'
# own sets), the answer with the first point ticked.
fresh_screens() {
    local suffix=$1 draft=$2
    shot "decks-$suffix"
    xdotool key Return # study all due cards
    pause 2
    type_draft "$draft"
    if [[ $suffix == light || $suffix == dark ]]; then shot "question-$suffix"; fi
    xdotool key space # show the answer points
    pause 1.5
    tick_first_point
    shot "answer-$suffix"
}

# The statistics, with the 90-day range, at the top of the page.
statistics_top() {
    xdotool key ctrl+3
    pause 2.5 # the statistics are computed on opening
    scroll up 40
    local left=$((W / 2 - 500))
    ((left >= 8)) || left=8
    xdotool mousemove $((left + 178)) 75 click 1 # "90 days"
    pause 1.5
}

# --- the data folder with history ---------------------------------------------------

echo "writing three months of review history..."
mkdir "$work/history-template"
export MENSETSU_DEVICE_ID=screenshot
# 2870 answers 45 minutes apart from 06:00 ninety days ago end yesterday at 21:45.
start=$(date -d "$(date -d '90 days ago' +%F) 06:00" +%Y-%m-%dT%H:%M:%S%:z)
"$loop_bin" --data-dir "$work/history-template" --start "$start" --step-secs 2700 --count 2870 >/dev/null

# --- the display --------------------------------------------------------------------

# -displayfd: Xvfb picks a free display and writes its number.
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
    [[ -s $work/display ]] && break
    sleep 0.2
done
[[ -s $work/display ]] || {
    echo "screenshots.sh: Xvfb did not start" >&2
    exit 1
}
export DISPLAY=":$(head -n 1 "$work/display")"
export LIBGL_ALWAYS_SOFTWARE=1 LANG=C.UTF-8

# --- the screens --------------------------------------------------------------------

for theme in light dark; do
    echo "$theme theme, fresh folder..."
    start_app "$(new_folder fresh "$theme" en)" 1280 900
    fresh_screens "$theme" "Start from the business goal, then the trade-offs."
    stop_app

    echo "$theme theme, folder with history..."
    start_app "$(new_folder history "$theme" en)" 1280 900
    xdotool key Return # study the due cards: reviewed ones come first
    pause 2
    xdotool key Escape # out of the answer box, which has the keyboard
    xdotool key space
    pause 1.5
    open_history
    shot "history-$theme"

    statistics_top
    shot "statistics-$theme"
    scroll down 40 # to the tables by role and by deck at the end of the page
    shot "statistics-tables-$theme"

    xdotool key ctrl+4
    pause 2
    left=$(reading_left)
    xdotool mousemove $((left + 177)) 201 click 1 # the number of questions
    pause 0.5
    xdotool key ctrl+a
    xdotool type 3
    xdotool key Return
    pause 0.5
    xdotool mousemove $((left + 118)) 291 click 1 # Start the mock interview
    pause 1.5
    for answer in "Weigh cost, speed and risk, then decide and write it down." \
        "Tag every resource by team and review the bill weekly." \
        "Hire for judgement; pair a senior with each new hire."; do
        xdotool type --delay 30 "$answer"
        pause 0.5
        xdotool key ctrl+Return # the next question; after the last, the grading
        pause 1.5
    done
    shot "mock-review-$theme"

    xdotool key ctrl+5
    pause 2
    scroll up 20
    shot "settings-$theme"
    stop_app
done

echo "800x600..."
start_app "$(new_folder fresh light en)" 800 600
fresh_screens 800x600 "Start from the business goal."
stop_app
start_app "$(new_folder history light en)" 800 600
statistics_top
shot statistics-800x600
stop_app

echo "Japanese..."
start_app "$(new_folder fresh light ja)" 1280 900
fresh_screens ja "まず事業の目標から考えます" # (a final 。 gets lost in xdotool)
stop_app

echo "done: $(find "$out" -name '*.png' -newer "$work/display" | wc -l) screenshots in $out"
