#!/bin/bash
# qemu-test.sh BOARD SCENE - the on-target tests of BOARD (make qemu-test), in three parts:
#   1. one boot with a fresh flash disk: every Tests/target/NN-*.sh, SCENE (raw 640x480 YUYV at
#      30 fps) as /mnt/host/scene.yuyv, and two reviewers' public keys made here (the private
#      halves never leave the host);
#   2. on the host, the clips 50-run.sh brought back are opened with those two keys and checked
#      for pixelated people (scripts/check-run-clips.py);
#   3. a power cut in the middle of a clip (board/emulated/power-cut.sh: Tests/target/power-cut/
#      before.sh, qemu killed, after.sh on the same flash), and the truncated clip opened here.
# Env: FIRMWARE, VIGIL_CACHE, GUEST_TIMEOUT as for boot.sh. Exit status 0 only if all three pass.
set -uo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BOARD SCENE" >&2; exit 2; }
BOARD=$1 SCENE=$2
say() { echo "[qemu-test] $*"; }

# The host's vigil makes the keys and opens the clips (debug build: `make unit-test` made it).
swift build --product vigil > build/host-vigil-build.log 2>&1 || { say "host build failed: build/host-vigil-build.log"; exit 1; }
HOST_VIGIL=$(swift build --product vigil --show-bin-path)/vigil
P=build/payload/$BOARD
make_keys() {
	rm -rf "$1" && mkdir -p "$1" &&
		"$HOST_VIGIL" keygen --out "$1/alice" > /dev/null && "$HOST_VIGIL" keygen --out "$1/bob" > /dev/null
}
failed=0

board/emulated/payload.sh "$P" "$SCENE" && make_keys "$P/keys" || exit 1
board/emulated/make-flash.sh "build/flash/$BOARD.img" 64 || exit 1
# The technician at the serial console (Tests/target/70-serial.sh waits for it): the driver
# logs in on the board's second serial line while the payload runs; its checks count in the
# payload's results.
rm -rf "$P/serial"
python3 scripts/drive-serial-shell.py "build/image/$BOARD/technician.sock" "$P" "${GUEST_TIMEOUT:-900}" > "build/serial-$BOARD.log" 2>&1 &
driver=$!
FLASH=build/flash/$BOARD.img GUEST_TIMEOUT=${GUEST_TIMEOUT:-900} board/emulated/boot.sh "$BOARD" "$P" || failed=1
kill "$driver" 2>/dev/null
wait "$driver" 2>/dev/null || say "the serial console driver did not pass: build/serial-$BOARD.log"

say "the clips vigil run recorded on $BOARD, opened here with two reviewer keys"
python3 scripts/check-run-clips.py "$HOST_VIGIL" "$P/keys" "$P/out/run/clips" || failed=1

# Two payloads of one script each, with the same scene and keys.
for part in before after; do
	D=$P-power-cut-$part
	rm -rf "$D" && mkdir -p "$D"
	cp Tests/target/run.sh Tests/target/lib.sh "$D/" && cp "Tests/target/power-cut/$part.sh" "$D/10-power-cut-$part.sh"
	ln -f "$SCENE" "$D/scene.yuyv" 2>/dev/null || cp "$SCENE" "$D/scene.yuyv"
	cp -r "$P/keys" "$D/keys"
done
say "a power cut in the middle of a clip on $BOARD"
if FLASH=build/flash/$BOARD-power-cut.img board/emulated/power-cut.sh "$BOARD" "$P-power-cut-before" "$P-power-cut-after"; then
	python3 scripts/check-run-clips.py "$HOST_VIGIL" "$P/keys" "$P-power-cut-after/out/power-cut/clips" truncated || failed=1
else
	failed=1
fi
[ "$failed" -eq 0 ] && say "$BOARD: all parts passed" || say "$BOARD: FAILED (see above)"
exit "$failed"
