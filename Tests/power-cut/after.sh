#!/bin/sh
# Boot 2 of `make qemu-power-cut`: what the power cut of before.sh left on the flash disk.
# run.sh-style: OUTDIR as $1, the checks of lib.sh, "N passed, M failed" at the end.
TARGET_OUT=$1
. "$(dirname "$0")/lib.sh"
D=${FLASH_MOUNT:-/none}
check "the flash disk is mounted again ($FLASH_DEVICE on $D)" grep -q " $D ext4 rw," /proc/mounts
check "mounting replayed the journal (dmesg: recovery complete)" sh -c "dmesg | grep -q 'EXT4-fs ($(basename "${FLASH_DEVICE:-none}")): recovery complete'"
check "the file synced before the cut is whole" test "$(cat $D/synced 2> /dev/null)" = kept
size=$(stat -c %s $D/unsynced 2> /dev/null || echo none)
check "the file written but not synced is not (size $size of 1000000)" test "$size" != 1000000
ls -l $D
pass=$(grep -c '^PASS' "$TARGET_RESULTS")
fail=$(grep -c '^FAIL' "$TARGET_RESULTS")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
