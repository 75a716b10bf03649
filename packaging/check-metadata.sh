#!/usr/bin/env bash
# Checks the package's desktop metadata without building anything: the .desktop entry
# (desktop-file-validate), the AppStream metainfo (appstreamcli validate), that the app id
# is the same in the file names, the window (src/main.rs) and Cargo.toml's package
# assets, and that every icon PNG has the size its name says. CI runs it (.ci/run);
# packaging/build-deb.sh runs it before building.
# Needs desktop-file-utils and appstream (Debian packages of those names).
set -euo pipefail
cd "$(dirname "$0")/.."
app_id=io.github.mensetsu.Mensetsu
fail() { echo "packaging: $*" >&2; exit 1; }

desktop-file-validate "packaging/$app_id.desktop"
appstreamcli validate --no-net "packaging/$app_id.metainfo.xml"

grep -q "^const APP_ID: &str = \"$app_id\";" src/main.rs ||
  fail "src/main.rs does not set the app id $app_id"
grep -q "^Icon=$app_id\$" "packaging/$app_id.desktop" || fail "the .desktop Icon is not $app_id"
grep -q "^StartupWMClass=$app_id\$" "packaging/$app_id.desktop" ||
  fail "the .desktop StartupWMClass is not $app_id (the window's WM_CLASS on X11)"
grep -q "<id>$app_id</id>" "packaging/$app_id.metainfo.xml" || fail "the metainfo id is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" \
  "packaging/$app_id.metainfo.xml" || fail "the metainfo does not launch $app_id.desktop"

# gdk-pixbuf (GTK menus and docks) tells an SVG by "<svg" near the start of the file.
head -c 256 assets/icon/mensetsu.svg | grep -q '<svg' ||
  fail "assets/icon/mensetsu.svg: the <svg> element must start in the first 256 bytes"

# PNG width and height are big-endian numbers at bytes 16-23 of the IHDR chunk.
for size in 16 24 32 48 64 128 256 512; do
  png=assets/icon/mensetsu-$size.png
  [[ -f "$png" ]] || fail "$png is missing (bash packaging/render-icons.sh)"
  read -r width height < <(od -An -tu1 -j16 -N8 "$png" |
    awk '{ print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }')
  [[ "$width $height" == "$size $size" ]] || fail "$png is ${width}x$height, not ${size}x$size"
  grep -q "\"$png\", \"usr/share/icons/hicolor/${size}x$size/apps/$app_id.png\"" Cargo.toml ||
    fail "Cargo.toml's package assets do not install $png as the ${size}x$size icon"
done
grep -q "\"assets/icon/mensetsu.svg\", \"usr/share/icons/hicolor/scalable/apps/$app_id.svg\"" \
  Cargo.toml || fail "Cargo.toml's package assets do not install the scalable icon"
echo "packaging: desktop entry, AppStream metadata and icons are valid"
