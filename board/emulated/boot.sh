#!/bin/bash
# boot.sh BOARD [PAYLOAD_DIR] - boot the emulated board under qemu (TCG).
#
# With PAYLOAD_DIR (holding run.sh: see payload.sh): PAYLOAD_DIR is shared over
# 9p as /mnt/host, the guest runs `sh /mnt/host/run.sh /mnt/host/out` and powers
# off. PAYLOAD_DIR/out/ (emptied first) gets what the tests keep, dmesg.txt and
# result (the payload's exit status).
# Exit status: the payload's; 98 when there is no result (qemu or guest timeout,
# kernel panic, crash); 97 when the power was cut as asked (CUT_POWER_ON). The
# console is streamed to stdout and saved in
# build/image/BOARD/console.log; the payload's last "N passed, M failed" line is
# repeated at the end.
# Without PAYLOAD_DIR: an interactive boot to a shell on the console (leave with
# `poweroff -f`, or Ctrl-A X).
#
# Env: GUEST_TIMEOUT  seconds the payload may run (default 300)
#      TIMEOUT        hard limit for qemu, seconds (default GUEST_TIMEOUT + 60)
#      FLASH          a raw disk image (make-flash.sh) attached as the virtio disk with
#                     serial vigil-flash: the guest mounts it on /var/lib/vigil
#      CUT_POWER_ON   an extended regular expression: at the first console line matching
#                     it, qemu is killed (SIGKILL: the guest cannot sync) and boot.sh exits
#                     97. What FLASH holds then is what a power cut leaves (power-cut.sh)
#      FIRMWARE, VIGIL_CACHE   passed on to build-image.sh
# The technician's serial line is a second one, a virtio console (guest /dev/hvc0), on the
# unix socket build/image/BOARD/technician.sock (qemu listens; connect any time while it runs,
# e.g. scripts/drive-serial-shell.py, or socat - UNIX-CONNECT:SOCK for an interactive login).
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

PIDFILE=$IMAGE_DIR/qemu.pid
args=("${QEMU_MACHINE[@]}" -m 1024 -smp 2 -nodefaults -display none -no-reboot
	-kernel "$KERNEL" -initrd "$INITRD" -pidfile "$PIDFILE")
append="console=$CONSOLE panic=-1 loglevel=4"
TECH_SOCKET=$IMAGE_DIR/technician.sock
rm -f "$TECH_SOCKET"
args+=(-device virtio-serial-pci -chardev "socket,id=tech,path=$TECH_SOCKET,server=on,wait=off"
	-device virtconsole,chardev=tech)
if [ -n "${FLASH:-}" ]; then
	[ -f "$FLASH" ] || die "FLASH=$FLASH does not exist: make it with board/emulated/make-flash.sh $FLASH SIZE_MB"
	# qemu writes to the image file at once: a SIGKILL of qemu loses what the guest had not
	# written out yet, as a power cut loses what is still in the unit's RAM
	args+=(-drive "if=none,id=flash,format=raw,file=$FLASH" -device virtio-blk-pci,drive=flash,serial=vigil-flash)
fi

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

# cut_power_on_match: the console from stdin to stdout, until a line matches CUT_POWER_ON:
# then qemu is killed and the status is 97
cut_power_on_match() {
	local line
	while IFS= read -r line; do
		printf '%s\n' "$line"
		if [[ ${line%$'\r'} =~ $CUT_POWER_ON ]]; then
			kill -KILL "$(cat "$PIDFILE")"
			return 97
		fi
	done
}

say "booting $BOARD ($QEMU, TCG), payload $PAYLOAD, timeout ${TIMEOUT}s${FLASH:+, flash $FLASH}"
SECONDS=0
qrc=0 cut=0
if [ -n "${CUT_POWER_ON:-}" ]; then
	timeout -k 10 "$TIMEOUT" "$QEMU" "${args[@]}" < /dev/null 2>&1 | cut_power_on_match | tee "$LOG" ||
		{ status=("${PIPESTATUS[@]}"); qrc=${status[0]} cut=${status[1]}; }
else
	timeout -k 10 "$TIMEOUT" "$QEMU" "${args[@]}" < /dev/null 2>&1 | tee "$LOG" || qrc=${PIPESTATUS[0]}
fi
say "qemu ran ${SECONDS}s; console log: $LOG"
if [ "$cut" -eq 97 ]; then
	say "power cut as asked (CUT_POWER_ON='$CUT_POWER_ON'): qemu killed, exit 97"
	exit 97
elif [ "$qrc" -eq 124 ] || [ "$qrc" -eq 137 ]; then
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
