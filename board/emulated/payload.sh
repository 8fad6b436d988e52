#!/bin/bash
# payload.sh DIR [SCENE] - fill DIR (made if missing) with the on-target test payload
# for boot.sh: Tests/target/run.sh, lib.sh and every Tests/target/NN-*.sh; with SCENE
# (raw 640x480 YUYV frames at 30 fps, from scripts/scene-to-yuyv.sh) also DIR/scene.yuyv,
# which the guest sees as /mnt/host/scene.yuyv (for /usr/lib/vigil-board/vivid-loop).
# Test scripts of an earlier fill that are gone from Tests/target are removed;
# anything else in DIR is left alone (add more files after calling this).
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || [ $# -eq 2 ] || die "usage: $0 DIR [SCENE]"
SRC=$REPO/Tests/target
mkdir -p "$1"
rm -f "$1"/[0-9][0-9]-*.sh
cp "$SRC/run.sh" "$SRC/lib.sh" "$SRC"/[0-9][0-9]-*.sh "$1/"
if [ $# -eq 2 ]; then
	[ -f "$2" ] || die "scene $2 missing: make it with scripts/scene-to-yuyv.sh"
	# a hard link costs nothing (a scene is 100 MB or more); the 9p share does not follow symlinks out of DIR
	ln -f "$2" "$1/scene.yuyv" 2>/dev/null || cp "$2" "$1/scene.yuyv"
fi
