#!/usr/bin/env bash
# Renders the app icon's PNG sizes from its SVG source (assets/icon/mensetsu.svg) into
# assets/icon/mensetsu-<N>.png, the sizes of the hicolor icon theme that desktops look
# for. The PNGs are committed, so building the package needs no SVG renderer; run this
# after changing the SVG. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" assets/icon/mensetsu.svg \
    --output "assets/icon/mensetsu-$size.png"
done
ls -l assets/icon
