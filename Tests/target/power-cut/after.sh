#!/bin/sh
# Power cut, boot 2 of 2: on the same flash disk, vigil run starts, closes the torn clip as
# truncated (every complete frame kept, under a trailer the unit signs) and records on; the clip
# verifies without keys here and goes back to the host, which opens it with two reviewer keys.
. "$(dirname "$0")/lib.sh"
V=/usr/bin/vigil
OUT=$TARGET_OUT/power-cut
mkdir -p "$OUT"
CLIPS=$FLASH_MOUNT/clips
ls -l $CLIPS > "$OUT/after-boot.txt"
check "the power cut left a torn clip (.partial) on the flash" sh -c "ls $CLIPS | grep -q '\.vclip\.partial$'"
cat > /tmp/vigil.conf <<CONF
[camera]
device = $LOOP_CAPTURE
[store]
directory = $CLIPS
recipients = /mnt/host/keys/alice.pub,/mnt/host/keys/bob.pub
CONF
$V run --config /tmp/vigil.conf > "$OUT/events-after.jsonl" 2> "$OUT/run-after.log" &
vigil=$!
wait_for "vigil run closes the torn clip as truncated when it starts" 60 grep -qs 'recovered .*closed as truncated' "$OUT/run-after.log"
grep recovered "$OUT/run-after.log"
kill -TERM $vigil
wait $vigil
rc=$?
check "vigil run records on after the recovery and stops cleanly (exit $rc)" test "$rc" = 0
check "no .partial is left" sh -c "! ls $CLIPS | grep -q partial"
$V verify $CLIPS > "$OUT/verify.txt" 2>&1
rc=$?
cat "$OUT/verify.txt"
check "the truncated clip verifies without keys (vigil verify exit $rc)" test "$rc" = 0
check "verify calls it truncated" grep -q 'truncated' "$OUT/verify.txt"
mkdir -p "$OUT/clips"
cp $CLIPS/clip-*.vclip $CLIPS/unit.pub "$OUT/clips/"
