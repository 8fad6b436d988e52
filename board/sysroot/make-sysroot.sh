#!/bin/bash
# Builds the sysroot the firmware links against: Debian's own .debs for the target
# architecture, unpacked with dpkg-deb (nothing is installed into the host system).
# Usage: board/sysroot/make-sysroot.sh ARCH DEST     ARCH: aarch64 | x86_64
# DEST is a cache outside the repository; a stamp file names the package set, so a
# changed list or a half-finished extraction is rebuilt rather than trusted.
set -euo pipefail
ARCH=${1:?usage: make-sysroot.sh aarch64|x86_64 DEST}
DEST=${2:?usage: make-sysroot.sh aarch64|x86_64 DEST}
case "$ARCH" in
aarch64) DEBARCH=arm64 ;;
x86_64)  DEBARCH=amd64 ;;
*) echo "make-sysroot: unknown ARCH '$ARCH' (use aarch64 or x86_64)" >&2; exit 2 ;;
esac
# glibc and the kernel headers, libgcc for the compiler runtime, then the four C libraries
# vigil wraps (their -dev packages ship the static .a files) and libjpeg that turbojpeg needs.
PKGS="libc6 libc6-dev linux-libc-dev libgcc-12-dev libgcc-s1 libcrypt1 libcrypt-dev
      libv4l-dev libv4l-0 libv4lconvert0 libturbojpeg0-dev libturbojpeg0 libjpeg62-turbo-dev libjpeg62-turbo
      libgpiod-dev libgpiod2 libsodium-dev libsodium23"
STAMP="$DEST/.vigil-sysroot"
WANT="$DEBARCH $(echo $PKGS)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ]; then exit 0; fi

HOSTARCH=$(dpkg --print-architecture)
if [ "$DEBARCH" != "$HOSTARCH" ] && ! dpkg --print-foreign-architectures | grep -qx "$DEBARCH"; then
	[ "$(id -u)" = 0 ] || { echo "make-sysroot: run as root once, or: dpkg --add-architecture $DEBARCH && apt-get update" >&2; exit 3; }
	dpkg --add-architecture "$DEBARCH"
	apt-get update -qq
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
list=""; for p in $PKGS; do list="$list $p:$DEBARCH"; done
download() { (cd "$tmp" && apt-get download -qq $list 2>"$tmp/err"); }
# The package lists may predate the foreign architecture or be stale: refresh once.
if ! download; then
	apt-get update -qq || true
	download || { cat "$tmp/err" >&2; echo "make-sysroot: apt-get download failed (see above); check the network and 'apt-get update'" >&2; exit 3; }
fi
rm -rf "$DEST.new"; mkdir -p "$DEST.new"
for d in "$tmp"/*.deb; do dpkg-deb -x "$d" "$DEST.new"; done
rm -rf "$DEST"; mv "$DEST.new" "$DEST"
echo "$WANT" > "$STAMP"
echo "sysroot for $ARCH ready: $DEST ($(du -sh "$DEST" | cut -f1))"
