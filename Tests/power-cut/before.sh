#!/bin/sh
# Boot 1 of `make qemu-power-cut` (board/emulated/power-cut.sh): on the fresh flash disk, one
# file written and synced, one written and not synced, one still growing - then the power cut.
D=/var/lib/vigil
grep -q " $D ext4 " /proc/mounts || { echo "no flash disk on $D"; exit 1; }
echo kept > $D/synced
sync
head -c 1000000 /dev/urandom > $D/unsynced
while :; do head -c 65536 /dev/urandom >> $D/growing; done &
sleep 1
exec /usr/lib/vigil-board/cut-power
