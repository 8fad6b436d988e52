#!/bin/bash
# power-cut.sh BOARD BEFORE_DIR AFTER_DIR - a power cut between two boots of BOARD on one flash
# disk. BEFORE_DIR and AFTER_DIR are payloads, as boot.sh takes them (a run.sh each).
#   1. A fresh flash image (make-flash.sh). BEFORE_DIR's payload runs with it mounted on
#      /var/lib/vigil; when it wants the power to go (in the middle of a recording, say) it runs
#      /usr/lib/vigil-board/cut-power, and at that console line qemu is killed (SIGKILL: no sync,
#      no unmount; boot.sh CUT_POWER_ON).
#   2. AFTER_DIR's payload runs on the same image: the guest mounts it (ext4 replays its journal)
#      and sees what survived.
# Exit status: AFTER_DIR's payload's (boot.sh: 98 = no result); 96 when the first boot ended
# without the power cut (its payload finished or failed first, or timed out). The console of
# boot 1 is kept as BEFORE_DIR/out/console.log.
# Env: FLASH     the image (default build/flash/BOARD-power-cut.img), FLASH_MB its size (64)
#      CUT_POWER_ON  the console line to cut at (default: cut-power's)
#      GUEST_TIMEOUT, TIMEOUT, FIRMWARE, VIGIL_CACHE   as for boot.sh
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 3 ] || die "usage: $0 BOARD BEFORE_DIR AFTER_DIR   (boards: $(boards))"
export FLASH=${FLASH:-$REPO/build/flash/$1-power-cut.img}
"$REPO/board/emulated/make-flash.sh" "$FLASH" "${FLASH_MB:-64}"

say "power cut, boot 1 of 2: $2"
rc=0
CUT_POWER_ON=${CUT_POWER_ON:-'^\[board\] cut the power now$'} "$REPO/board/emulated/boot.sh" "$1" "$2" || rc=$?
# boot 2 writes console.log again: boot 1's goes with its results
cp "$REPO/build/image/$1/console.log" "$2/out/console.log"
if [ "$rc" -ne 97 ]; then
	say "boot 1 ended with status $rc, not with the power cut (97): did $2/run.sh run /usr/lib/vigil-board/cut-power? (console: $2/out/console.log)"
	exit 96
fi
say "power cut, boot 2 of 2: $3 on what $FLASH kept"
exec "$REPO/board/emulated/boot.sh" "$1" "$3"
