#!/bin/sh
# The evidence store on a real, small filesystem (a tmpfs): recording on past a full disk by
# deleting the oldest clips, the share quota evicting the oldest clips, and held clips filling
# the disk or the quota.
. "$(dirname "$0")/lib.sh"
V=/usr/bin/vigil
OUT=$TARGET_OUT/store
W=/tmp/store
M=/mnt/store
mkdir -p "$OUT" "$W" "$M"

# 5 walks, one every 16 s, so that each is a clip of its own (2 s pre-roll, the walk, 3 s
# post-roll): about 150 KB of clip per walk.
walking_stream 5 160 > $W/walks.y4m
$V keygen --out $W/alice > /dev/null && $V keygen --out $W/bob > /dev/null
RECIPIENTS=$W/alice.pub,$W/bob.pub

# record NAME DIR ARGS... - vigil replay --record DIR, keeping stdout, stderr and the exit status in $OUT/NAME.*
record() {
	_name=$1 _dir=$2
	shift 2
	$V replay --record "$_dir" --recipients $RECIPIENTS "$@" $W/walks.y4m > "$OUT/$_name.out" 2> "$OUT/$_name.err"
	echo $? > "$OUT/$_name.rc"
}
status_is() { test "$(cat "$OUT/$1.rc")" = "$2"; }
said() { grep -qF "$2" "$OUT/$1.err"; }
summary() { sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p" "$OUT/$1.out"; }
# only_clips DIR - nothing but closed clips and the store's own files: no .partial, no temporary file
only_clips() { test -z "$(ls "$1" | grep -v -e '^clip-[0-9]*\.vclip$' -e '^chain$' -e '^unit\.key$' -e '^unit\.pub$' -e '^deletions$' -e '^holds$')"; }
clip_bytes() { cat "$1"/clip-*.vclip | wc -c; }
newest_clip() { ls "$1" | grep '^clip-[0-9]*\.vclip$' | tail -n 1; }

mount -t tmpfs -o size=640k vigil-store $M || { bad "mount a 640 KB tmpfs on $M"; exit 1; }
FS_BYTES=$((640 * 1024))

# ------------------- (a) a byte quota above the filesystem: the full filesystem deletes the oldest
record full $M/full --quota 100000000 --quota-percent 0
check "a full filesystem: every walk recorded, exit 0 ($(cat "$OUT/full.err"))" status_is full 0
CLIPS=$(summary full clips)
EVICTED=$(summary full clips_evicted)
check "a full filesystem: $CLIPS clips written (5 walks), $EVICTED evicted" test "$CLIPS" -eq 5 -a "$EVICTED" -ge 1
check "a full filesystem: the newest event is recorded (clip 5)" test "$(newest_clip $M/full)" = clip-00000005.vclip
check "a full filesystem: the oldest went first, clips $((EVICTED + 1))-5 are left" \
	test "$(ls $M/full | grep '^clip-' | head -n 1)" = "$(printf 'clip-%08d.vclip' $((EVICTED + 1)))" -a "$(ls $M/full | grep -c '^clip-')" -eq $((5 - EVICTED))
check "a full filesystem: only closed clips are left, nothing half-written or in the clear" only_clips $M/full
$V verify $M/full > "$OUT/full-verify.out" 2>&1
check "a full filesystem: vigil verify passes every clip" grep -q "chain intact" "$OUT/full-verify.out"
check "a full filesystem: verify names clips 1-$EVICTED as deleted by the governor" \
	grep -q "^ok   clips 1-$EVICTED deleted by the governor (full) before" "$OUT/full-verify.out"
check "a full filesystem: the newest clip verifies as closed" grep -q "^ok   clip-00000005.vclip: .*, closed, [1-9][0-9]* frames" "$OUT/full-verify.out"
FRAMES=$(sed -n "s/^ok   clip-00000005.vclip: .*, closed, \([0-9]*\) frames.*/\1/p" "$OUT/full-verify.out")
$V open --key $W/alice.key --key $W/bob.key --frames $W/full-frames $M/full/clip-00000005.vclip > "$OUT/full-open.out" 2>&1
check "a full filesystem: the newest clip opens, all its $FRAMES frames" test "$(ls $W/full-frames | grep -c '\.jpg$')" = "$FRAMES"
rm -rf $M/full

# ----------------------------------------------- (b) the share quota: 50 % of the filesystem
record share $M/share --quota-percent 50
check "the share quota: exit 0 ($(cat "$OUT/share.err"))" status_is share 0
CLIPS=$(summary share clips)
EVICTED=$(summary share clips_evicted)
check "the share quota: $CLIPS clips written, $EVICTED evicted" test "$EVICTED" -ge 1 -a "$CLIPS" -gt "$EVICTED"
check "the share quota: the newest event is recorded (clip $CLIPS)" test "$(newest_clip $M/share)" = "$(printf 'clip-%08d.vclip' "$CLIPS")"
check "the share quota: the clips take at most half the filesystem ($(clip_bytes $M/share) bytes)" test "$(clip_bytes $M/share)" -le $((FS_BYTES / 2))
$V verify $M/share > "$OUT/share-verify.out" 2>&1
check "the share quota: vigil verify passes" grep -q "chain intact" "$OUT/share-verify.out"
check "the share quota: verify names clips 1-$EVICTED as deleted by the governor" \
	grep -q "^ok   clips 1-$EVICTED deleted by the governor (quota) before" "$OUT/share-verify.out"

# ------------------------------------------------------- (c) held clips filling the quota
for clip in $M/share/clip-*.vclip; do $V hold "$clip" > /dev/null; done
record held $M/share --quota-percent 50
check "held clips fill the quota: exit status 1 (got $(cat "$OUT/held.rc"))" status_is held 1
check "held clips fill the quota: the error says so" said held "held clip(s) take"
check "held clips fill the quota: the error says what to do" said held "release reviewed clips ('vigil release') or raise the quota"
check "held clips fill the quota: every held clip is kept" test "$(ls $M/share | grep -c '^clip-')" -eq $((CLIPS - EVICTED + 1))
check "held clips fill the quota: nothing half-written is left" only_clips $M/share
$V verify $M/share > "$OUT/held-verify.out" 2>&1
check "held clips fill the quota: vigil verify passes" grep -q "chain intact" "$OUT/held-verify.out"

# ------------------------------------- (d) held clips and a full filesystem: a clean stop
# Every clip is held (also the one (c) closed when the quota stopped it), and the rest of the
# tmpfs is taken by a file outside the store but for 24 KB: a few frames' room.
for clip in $M/share/clip-*.vclip; do $V hold "$clip" > /dev/null; done
HELD=$(ls $M/share | grep -c '^clip-')
NEXT=$(printf 'clip-%08d.vclip' $(($(newest_clip $M/share | tr -dc 0-9 | sed 's/^0*//') + 1)))
dd if=/dev/zero of=$M/spare bs=4096 count=6 2> /dev/null
cat /dev/zero > $M/filler 2> /dev/null
rm $M/spare
record heldfull $M/share --quota 100000000 --quota-percent 0
check "held clips on a full filesystem: exit status 1 (got $(cat "$OUT/heldfull.rc"))" status_is heldfull 1
check "held clips on a full filesystem: the error says so" said heldfull "No space left on device: the filesystem is full and every other clip is held"
check "held clips on a full filesystem: the error says what to do" said heldfull "release reviewed clips ('vigil release') or free space on the filesystem"
check "held clips on a full filesystem: the clip being written was closed ($NEXT)" said heldfull "$M/share/$NEXT was closed with the frames written before"
check "held clips on a full filesystem: no clip was deleted" test "$(summary heldfull clips_evicted)" = 0
check "held clips on a full filesystem: every held clip is kept" test "$(ls $M/share | grep -c '^clip-')" -eq $((HELD + 1))
check "held clips on a full filesystem: nothing half-written is left" only_clips $M/share
$V verify $M/share > "$OUT/heldfull-verify.out" 2>&1
check "held clips on a full filesystem: vigil verify passes" grep -q "chain intact" "$OUT/heldfull-verify.out"
check "held clips on a full filesystem: $NEXT verifies as closed" grep -q "^ok   $NEXT: .*, closed, [1-9][0-9]* frames" "$OUT/heldfull-verify.out"
rm $M/filler

umount $M
rm -rf "$W"
