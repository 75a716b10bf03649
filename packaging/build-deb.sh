#!/usr/bin/env bash
# Builds the Debian package with cargo-deb from [package.metadata.deb] in Cargo.toml:
#
#   bash packaging/build-deb.sh        ->  target/debian/mensetsu_<version>-1_<arch>.deb
#
# then `sudo apt install ./target/debian/mensetsu_*.deb` (or `dpkg -i`) installs it.
# Checks the desktop metadata first (packaging/check-metadata.sh), installs cargo-deb if
# it is missing, and builds the release binary (LTO: several minutes from cold).
# Needs a Rust toolchain, dpkg-dev, desktop-file-utils and appstream.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/check-metadata.sh
if ! command -v cargo-deb >/dev/null 2>&1; then
  cargo install cargo-deb --version '^3.8' --locked
fi
cargo deb --locked "$@"
deb=$(ls -t target/debian/mensetsu_*.deb | head -n 1)
echo "built $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --info "$deb" | sed -n '/Package:/,/Description:/p'
dpkg-deb --contents "$deb" | awk '{ print $NF }'
