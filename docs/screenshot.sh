#!/usr/bin/env bash
# Takes docs/review-screen.png: the real app in a real window under Xvfb (software
# OpenGL), driven with xdotool. Needs: apt-get install xvfb xdotool imagemagick
# Usage: bash docs/screenshot.sh   (after `cargo build --release`)
set -euo pipefail
cd "$(dirname "$0")/.."
data=$(mktemp -d)
display=:99
Xvfb "$display" -screen 0 1100x860x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 1
# Both languages on the card, so the screenshot shows the Japanese and the English.
printf '{"content_language": "both", "ui_language": "ja", "theme": "light"}\n' > "$data/settings.json"
export DISPLAY=$display LIBGL_ALWAYS_SOFTWARE=1 MENSETSU_DEVICE_ID=screenshot LANG=ja_JP.UTF-8
./target/release/mensetsu --data-dir "$data" &
app=$!
sleep 3
window=$(xdotool search --sync --name "mensetsu" | head -n 1)
xdotool windowsize "$window" 1100 860
xdotool windowmove "$window" 0 0
sleep 1
xdotool windowfocus --sync "$window" || true
xdotool mousemove 150 107 click 1           # "study" on the VPoE deck
sleep 1
xdotool mousemove 540 200 click 1           # the answer box
xdotool type --delay 40 "Tech debt: measure lead time and MTTR, invest 20%."
xdotool key Escape
sleep 8                                     # let the answer timer run
xdotool key space                           # reveal the answer points
sleep 1
xdotool mousemove 15 "${FIRST_POINT_Y:-300}" click 1   # tick an answer point
xdotool mousemove 700 700
sleep 1
import -window root "${OUT:-docs/review-screen.png}"
echo "wrote ${OUT:-docs/review-screen.png}"
