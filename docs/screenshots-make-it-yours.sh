#!/usr/bin/env bash
# Takes the screenshots of the screens that make the app yours (issue #28) into
# docs/screenshots/: the import panel with a preview and its in-app file dialog, the deck
# editor, the card browser and the stories, at 1280x900 and 800x600 (English), and the
# stories at 1280x900 in Japanese.
#
# As docs/screenshots.sh does: the real app in a real window under Xvfb (software
# OpenGL), driven with xdotool, in temporary folders it removes again (a data folder with
# one deck of your own and one story, two notes files to import, a HOME of its own). The
# clicks are at the places these window sizes put the buttons; if a picture comes out
# wrong after a layout change, look at it and move them.
#
# Needs:
#   apt-get install xvfb xdotool imagemagick
#   cargo build --release --bin mensetsu   (or MENSETSU_BIN=target/debug/mensetsu)
# Run from anywhere:
#   bash docs/screenshots-make-it-yours.sh
set -euo pipefail
cd "$(dirname "$0")/.."

out=docs/screenshots
app_bin=${MENSETSU_BIN:-target/release/mensetsu}
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || {
        echo "screenshots-make-it-yours.sh: $tool not found (apt-get install xvfb xdotool imagemagick)" >&2
        exit 1
    }
done
[[ -x $app_bin ]] || {
    echo "screenshots-make-it-yours.sh: $app_bin not built (see the header of this script)" >&2
    exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/mensetsu-yours.XXXXXX")
xvfb_pid=""
app_pid=""
cleanup() {
    if [[ -n $app_pid ]]; then kill "$app_pid" 2>/dev/null || true; fi
    if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# --- the folders --------------------------------------------------------------------

mkdir -p "$work/data/decks" "$work/data/reviews" "$work/guides"
cat >"$work/data/decks/my-cto-prep.json" <<'EOF'
{"id":"my-cto-prep","title":{"ja":"CTO面接の準備","en":"CTO interview prep"},"role":"cto","cards":[
{"id":"my-cto-prep-q01","question":{"ja":"技術的負債をどう経営に説明しますか？","en":"How do you explain tech debt to the board?"},"points":[{"ja":"「コスト」として定量化する（開発速度の低下、障害の件数）","en":"Quantify it as a cost (slower delivery, incidents)"},{"ja":"返済の計画を四半期ごとの予算に組み込む","en":"Put the repayment plan into the quarterly budget"},{"ja":"事業への影響から優先順位を決める","en":"Rank it by business impact"}],"tags":["tech-debt","stakeholders"]},
{"id":"my-cto-prep-q02","question":{"ja":"エンジニア組織を30名から100名にどう拡大しますか？","en":"How would you grow the engineering team from 30 to 100?"},"points":[{"ja":"採用計画と評価制度を先に整える","en":"Set up the hiring plan and the review system first"},{"ja":"チームトポロジーで責任範囲を分ける","en":"Split ownership with team topologies"}],"tags":["hiring","org-design"]},
{"id":"my-cto-prep-q03","question":{"ja":"障害が起きたとき、最初の一時間で何をしますか？","en":"What do you do in the first hour of an outage?"},"points":[{"ja":"インシデントコマンダーを決める","en":"Name an incident commander"}],"tags":["incidents"]}]}
EOF
cat >"$work/data/reviews/screenshot.jsonl" <<'EOF'
{"id":"screenshot-1","at":"2026-11-20T09:18:00+09:00","story":"screenshot-1","title":"Paying down debt at Acme","lang":"en","situation":"Releases had slowed to one a month and every release broke something.","task":"Get the board to fund a quarter of repayment.","action":"Measured lead time and incidents, priced them, and proposed a plan with milestones.","result":"Lead time from 30 to 4 days; incidents halved.","competencies":["tech-debt","stakeholders"],"cards":["vpoe-q01","my-cto-prep-q01"]}
EOF
cat >"$work/guides/my-notes.md" <<'EOF'
# My VPoE notes

### Q1. How do you set the engineering strategy?
- Start from the business goals
- A three-year roadmap, reviewed every quarter

### Q2. How do you hire senior engineers?
- Referrals first
- A fast, respectful interview loop
EOF
printf 'Q: なぜ転職するのですか？\nA: 組織づくりに専念したい、事業の成長に関わりたい\n' >"$work/guides/qa-notes.txt"

# --- the display and the app --------------------------------------------------------

Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do
    [[ -s $work/display ]] && break
    sleep 0.2
done
export DISPLAY=":$(head -n 1 "$work/display")"
export LIBGL_ALWAYS_SOFTWARE=1 LANG=C.UTF-8

W=1280
H=900
start_app() {
    W=$1
    H=$2
    printf '{"ui_language": "%s", "theme": "light"}\n' "$3" >"$work/data/settings.json"
    local home
    home=$(mktemp -d "$work/home.XXXXXX")
    HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_CACHE_HOME=$home/cache \
        "$app_bin" --data-dir "$work/data" >"$work/app.log" 2>&1 &
    app_pid=$!
    local window
    window=$(timeout 60 xdotool search --sync --name '^mensetsu' | head -n 1)
    xdotool windowsize "$window" "$W" "$H"
    xdotool windowmove "$window" 0 0
    sleep 5
    xdotool windowfocus --sync "$window" || true
    xdotool mousemove $((W - 2)) $((H - 2)) click 1
    sleep 1
}
stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}
shot() {
    xdotool mousemove $((W - 1)) $((H - 1))
    sleep 1.5
    import -window root -crop "${W}x${H}+0+0" +repage "$out/$1.png"
    echo "  wrote $out/$1.png"
}
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }
wheel() { xdotool mousemove $((W / 2)) $((H / 2)) click --repeat "$2" --delay 80 "$1"; sleep 1; }
type_text() { xdotool type --delay 40 "$1"; sleep 0.5; }

# --- 1280x900 -----------------------------------------------------------------------

echo "1280x900..."
start_app 1280 900 en
click 841 558            # Import…
click 553 643 0.5        # the path field
type_text "$work/guides/my-notes.md"
click 264 643 1.5        # Choose a file…: opens where the typed path points
click 378 445            # my-notes.md
shot import-dialog-1280x900
click 351 560 1.5        # Open
shot import-1280x900
click 1049 569           # Close the panel
click 1001 879 1.5       # Edit (CTO interview prep)
shot editor-1280x900
xdotool key ctrl+3
sleep 2
click 400 184 1.5        # the first card
shot browser-1280x900
xdotool key ctrl+5
sleep 2
shot stories-1280x900
stop_app

# --- 800x600 ------------------------------------------------------------------------

echo "800x600..."
start_app 800 600 en
click 517 558            # Import…
wheel 5 3
click 397 403 0.5        # the path field
type_text "$work/guides/qa-notes.txt"
click 108 403 1.5        # Choose a file…
click 135 331            # qa-notes.txt
shot import-dialog-800x600
click 111 410 1.5        # Open
wheel 5 2
shot import-800x600
click 725 169            # Close the panel
wheel 5 12
click 676 403 1.5        # Edit (CTO interview prep)
shot editor-800x600
xdotool key ctrl+3
sleep 2
click 300 184 1.5        # the first card
xdotool mousemove 400 260 click --repeat 8 --delay 80 7 # sideways to the last columns
sleep 1
import -window root -crop "${W}x${H}+0+0" +repage "$out/browser-800x600.png"
echo "  wrote $out/browser-800x600.png"
xdotool key ctrl+5
sleep 2
wheel 5 3
shot stories-800x600
stop_app

# --- Japanese -----------------------------------------------------------------------

echo "1280x900 in Japanese..."
start_app 1280 900 ja
xdotool key ctrl+5
sleep 2
shot stories-ja-1280x900
stop_app
