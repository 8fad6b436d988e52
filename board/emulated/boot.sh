#!/bin/bash
# boot.sh BOARD [PAYLOAD_DIR] - boot the emulated board under qemu (TCG).
#
# With PAYLOAD_DIR (holding run.sh: see payload.sh): PAYLOAD_DIR is shared over
# 9p as /mnt/host, the guest runs `sh /mnt/host/run.sh /mnt/host/out` and powers
# off. PAYLOAD_DIR/out/ (emptied first) gets what the tests keep, dmesg.txt and
# result (the payload's exit status).
# Exit status: the payload's; 98 when there is no result (qemu or guest timeout,
# kernel panic, crash). The console is streamed to stdout and saved in
# build/image/BOARD/console.log; the payload's last "N passed, M failed" line is
# repeated at the end.
# Without PAYLOAD_DIR: an interactive boot to a shell on the console (leave with
# `poweroff -f`, or Ctrl-A X).
#
# Env: GUEST_TIMEOUT  seconds the payload may run (default 300)
#      TIMEOUT        hard limit for qemu, seconds (default GUEST_TIMEOUT + 60)
#      FIRMWARE, VIGIL_CACHE   passed on to build-image.sh
# The image is built first (build-image.sh) when missing or older than one of
# its inputs: the firmware, rootfs-overlay/, board/emulated/, board/BOARD/.
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || [ $# -eq 2 ] || die "usage: $0 BOARD [PAYLOAD_DIR]   (boards: $(boards))"
load_board "$1"
GUEST_TIMEOUT=${GUEST_TIMEOUT:-300}
TIMEOUT=${TIMEOUT:-$((GUEST_TIMEOUT + 60))}
need_tools "$QEMU:$QEMU_PKG" timeout:coreutils

KERNEL=$IMAGE_DIR/kernel
INITRD=$IMAGE_DIR/initramfs.cpio.gz
LOG=$IMAGE_DIR/console.log

image_outdated() {
	[ -f "$KERNEL" ] && [ -f "$INITRD" ] || return 0
	[ -n "$(find "${FIRMWARE:-$REPO/build/$ARCH/vigil}" "$REPO/rootfs-overlay" \
		"$REPO/board/emulated" "$REPO/board/$BOARD" -newer "$INITRD" 2>/dev/null | head -1)" ]
}
if image_outdated; then "$REPO/board/emulated/build-image.sh" "$BOARD"; fi

args=("${QEMU_MACHINE[@]}" -m 1024 -smp 2 -nodefaults -display none -no-reboot
	-kernel "$KERNEL" -initrd "$INITRD")
append="console=$CONSOLE panic=-1 loglevel=4"

if [ $# -eq 1 ]; then
	say "interactive boot of $BOARD: poweroff -f or Ctrl-A X to leave"
	exec "$QEMU" "${args[@]}" -serial mon:stdio -append "$append"
fi

PAYLOAD=$(cd "$2" && pwd)
[ -f "$PAYLOAD/run.sh" ] || die "$2 has no run.sh: fill it with board/emulated/payload.sh $2"
rm -rf "$PAYLOAD/out"
mkdir "$PAYLOAD/out"
args+=(-serial stdio -virtfs "local,path=$PAYLOAD,mount_tag=host0,security_model=none,id=host0"
	-append "$append vigil.payload=9p vigil.timeout=$GUEST_TIMEOUT")

say "booting $BOARD ($QEMU, TCG), payload $PAYLOAD, timeout ${TIMEOUT}s"
SECONDS=0
qrc=0
timeout -k 10 "$TIMEOUT" "$QEMU" "${args[@]}" < /dev/null 2>&1 | tee "$LOG" || qrc=${PIPESTATUS[0]}
say "qemu ran ${SECONDS}s; console log: $LOG"
if [ "$qrc" -eq 124 ] || [ "$qrc" -eq 137 ]; then
	say "qemu killed after TIMEOUT=${TIMEOUT}s"
elif [ "$qrc" -ne 0 ]; then
	say "qemu exited with status $qrc"
fi

result=$(cat "$PAYLOAD/out/result" 2>/dev/null || true)
if ! [[ "$result" =~ ^[0-9]+$ ]]; then
	say "no result from the guest (timeout, kernel panic or crash: see the console log): exit 98"
	result=98
elif [ "$result" -eq 98 ]; then
	say "the payload timed out in the guest (GUEST_TIMEOUT=${GUEST_TIMEOUT}s): exit 98"
else
	say "payload exit status $result; results in $PAYLOAD/out"
fi
summary=$(tr -d '\r' < "$LOG" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1 || true)
[ -z "$summary" ] || echo "$summary"
exit "$result"
