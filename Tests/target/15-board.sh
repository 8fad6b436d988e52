#!/bin/sh
# 15-board.sh - what the board gives the end-to-end tests works: the looped camera (a file played
# through vivid's HDMI loop comes out of the capture node, byte for byte, in real time), the flash
# disk on /var/lib/vigil, the watchdog, and the camera driver reset (vivid-reload).
. "$(dirname "$0")/lib.sh"
OUT=$TARGET_OUT/board
W=/tmp/board
mkdir -p "$OUT" "$W"
B=/usr/lib/vigil-board
FRAME=614400

# ---------------------------------------------------------------- the camera nodes
check "vivid.env: the webcam is /dev/video0 (got ${WEBCAM:-none})" test "${WEBCAM:-}" = /dev/video0
check "vivid.env: the loop is ${LOOP_CAPTURE:-none} <- ${LOOP_OUTPUT:-none}" test -c "${LOOP_CAPTURE:-/none}" -a -c "${LOOP_OUTPUT:-/none}"

# ---------------------------------------------------------------- the loop
# frame_sums FILE - the md5 of each 640x480 YUYV frame of FILE, one a line
frame_sums() {
	_i=0
	_n=$(($(stat -c %s "$1") / FRAME))
	while [ $_i -lt $_n ]; do
		dd if="$1" bs=$FRAME skip=$_i count=1 2> /dev/null | md5sum | cut -d' ' -f1
		_i=$((_i + 1))
	done
}
# played_frames NAME - for each frame of $W/NAME.yuyv, its number in $W/src.yuyv ("-": none)
played_frames() {
	frame_sums "$W/$1.yuyv" > "$W/$1.sums"
	awk 'NR == FNR { number[$1] = FNR - 1; next } { print ($1 in number) ? number[$1] : "-" }' \
		"$W/src.sums" "$W/$1.sums" > "$OUT/$1-frames.txt"
}
# capture NAME COUNT - COUNT frames of the loop's capture node into $W/NAME.yuyv
capture() {
	v4l2-ctl -d "$LOOP_CAPTURE" --stream-mmap --stream-count="$2" --stream-to="$W/$1.yuyv" > "$OUT/$1.txt" 2>&1
}

# 20 frames of random bytes (no two alike) played at 30 fps, over and over
N=20
head -c $((N * FRAME)) /dev/urandom > $W/src.yuyv
frame_sums $W/src.yuyv > $W/src.sums
$B/vivid-loop start $W/src.yuyv 15 > "$OUT/loop-start.txt" 2>&1
rc=$?
cat "$OUT/loop-start.txt"
if check "vivid-loop start plays a file into $LOOP_OUTPUT (exit $rc)" test $rc = 0; then
	capture loop 30
	# v4l2-ctl prints the rate every second; the last is over the most frames
	fps=$(tr '\r' '\n' < "$OUT/loop.txt" | sed -n 's/.* \([0-9][0-9.]*\) fps.*/\1/p' | tail -n 1)
	check "the loop's capture runs at 15 fps (got ${fps:-none})" awk "BEGIN { exit !(${fps:-0} >= 14 && ${fps:-0} <= 16) }"
	played_frames loop
	check "the 30 frames captured are the file's, byte for byte ($(grep -c -- - "$OUT/loop-frames.txt") are not)" \
		test "$(grep -c '^[0-9]' "$OUT/loop-frames.txt")" = 30
	# Real time: 30 frames played a second, 15 captured: 2 file frames from one capture to the
	# next, 58 in all. vivid's output thread loses a frame whenever it wakes up late, as it does
	# under TCG when the host is busy (all of them on an idle host, 3/4 with the load at 4.5 on
	# 2 cores): 60 % must pass. The capture wakes late as well, so more may pass between two
	# captures (67 when the host's hypervisor took 15 %): up to 150 %.
	advance=$(awk -v n=$N 'NR > 1 && $1 != "-" && last != "-" { sum += ($1 - last + n) % n } { last = $1 } END { print sum + 0 }' \
		"$OUT/loop-frames.txt")
	check "the file plays in real time: $advance of its frames pass in 29 captured (58 expected)" test "$advance" -ge 35 -a "$advance" -le 87
fi

# ---------------------------------------------------------------- the driver reset
# with the loop playing: vivid-reload stops it first
$B/vivid-reload > "$OUT/reload.txt" 2>&1
rc=$?
cat "$OUT/reload.txt"
check "vivid-reload reloads vivid while the loop plays (exit $rc)" test $rc = 0
check "vivid-reload has stopped the loop" test ! -e /run/board/vivid-loop.pid
. /run/board/vivid.env
check "after the reload the webcam is /dev/video0 again (got ${WEBCAM:-none})" test "${WEBCAM:-}" = /dev/video0
check "after the reload vivid.env names the loop again (${LOOP_CAPTURE:-none} <- ${LOOP_OUTPUT:-none})" \
	test -c "${LOOP_CAPTURE:-/none}" -a -c "${LOOP_OUTPUT:-/none}"
check "after the reload the webcam streams" v4l2-ctl -d "$WEBCAM" --stream-mmap --stream-count=3 --stream-to=/dev/null
if $B/vivid-loop start $W/src.yuyv 15 > /dev/null 2>&1; then
	capture reloaded 5
	played_frames reloaded
	check "after the reload the loop plays the file again" test "$(grep -c '^[0-9]' "$OUT/reloaded-frames.txt")" = 5
else
	bad "after the reload vivid-loop start fails"
fi
$B/vivid-loop stop
check "vivid-loop stop ends the playing" test ! -e /run/board/vivid-loop.pid
rm -f $W/*.yuyv

# ---------------------------------------------------------------- the flash disk
check "flash.env: ${FLASH_DEVICE:-none} on ${FLASH_MOUNT:-none}" test -b "${FLASH_DEVICE:-/none}" -a "${FLASH_MOUNT:-}" = /var/lib/vigil
check "the flash disk is mounted ext4, read-write" grep -q "^${FLASH_DEVICE:-none} /var/lib/vigil ext4 rw," /proc/mounts
head -c 1000000 /dev/urandom > $W/written
cp $W/written /var/lib/vigil/board-test && sync
check "a file written to the flash disk reads back" cmp -s $W/written /var/lib/vigil/board-test
rm -f /var/lib/vigil/board-test $W/written

# ---------------------------------------------------------------- the watchdog
check "/dev/watchdog is a character device" test -c /dev/watchdog
check "the watchdog is softdog" test "$(cat /sys/class/watchdog/watchdog0/identity 2> /dev/null)" = "Software Watchdog"
# A holder killed without closing it (no magic close) leaves it running: it fires after its 1 s
# and the board only logs it (soft_noboot=1).
WD=/sys/class/watchdog/watchdog0
timeout_is() { test "$(cat $WD/timeout)" = "$1"; }
fired() { test "$(dmesg | grep -c 'softdog: Triggered - Reboot ignored')" -gt "$1"; }
before=$(dmesg | grep -c 'softdog: Triggered - Reboot ignored')
watchdog -F -T 1 -t 60 /dev/watchdog &
pid=$!
wait_for "busybox watchdog holds /dev/watchdog with a 1 s timeout" 10 timeout_is 1
kill -9 $pid
wait $pid 2> /dev/null
wait_for "the unfed watchdog fires and the board runs on" 5 fired "$before"
# Left as found for the tests after this one: the default 60 s, stopped (on SIGTERM busybox
# watchdog closes it with the magic character).
watchdog -F -T 60 -t 30 /dev/watchdog &
pid=$!
wait_for "the watchdog's timeout is set back to 60 s" 10 timeout_is 60
kill $pid
wait $pid 2> /dev/null
check "the watchdog is left stopped (state $(cat $WD/state))" test "$(cat $WD/state)" = inactive
rm -rf "$W"
