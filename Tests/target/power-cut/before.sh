#!/bin/sh
# Power cut, boot 1 of 2 (board/emulated/power-cut.sh): vigil run records the fall clip played
# through the loop onto the flash disk; in the middle of the clip the power goes
# (/usr/lib/vigil-board/cut-power: qemu is killed, nothing is synced).
. "$(dirname "$0")/lib.sh"
V=/usr/bin/vigil
OUT=$TARGET_OUT/power-cut
mkdir -p "$OUT"
CLIPS=$FLASH_MOUNT/clips
cat > /tmp/vigil.conf <<CONF
[camera]
device = $LOOP_CAPTURE
[store]
directory = $CLIPS
recipients = /mnt/host/keys/alice.pub,/mnt/host/keys/bob.pub
# every frame reaches the flash at once, so the cut finds a clip with many frames
sync_every = 1
[policy]
day_window = mon-sun 00:00-24:00
record_by_day = yes
timezone = UTC0
CONF
/usr/lib/vigil-board/vivid-loop start /mnt/host/scene.yuyv 15 > "$OUT/loop.txt" 2>&1
$V run --config /tmp/vigil.conf > "$OUT/events.jsonl" 2> "$OUT/run.log" &
partial_grown() { [ "$(cat $CLIPS/*.partial 2>/dev/null | wc -c)" -gt 200000 ]; }
if wait_for "vigil is writing a clip (a .partial over 200 KB on the flash)" 150 partial_grown; then
	ls -l $CLIPS > "$OUT/before-cut.txt"
	sync
	# the clip goes on growing after this sync: the cut tears it
	sleep 2
	/usr/lib/vigil-board/cut-power
fi
