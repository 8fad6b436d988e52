# lib.sh - sourced by the on-target test scripts (Tests/target/NN-*.sh); POSIX sh
# for busybox ash.
#   ok DESC                    record a passed check
#   bad DESC                   record a failed check (returns 1)
#   check DESC CMD [ARG...]    passed if CMD exits 0; returns CMD's verdict
#   wait_for DESC SECS CMD...  poll CMD every 0.2 s: passed as soon as it exits 0,
#                              failed if it has not within SECS; returns the verdict
#   walking_stream WALKS PERIOD  a synthetic YUV4MPEG2 stream of people walking, on stdout
# Every check appends "PASS: DESC" or "FAIL: DESC" to $TARGET_RESULTS, so the
# scripts of one run add up (run.sh counts them). TARGET_OUT is the directory
# for anything a test wants to keep (the host gets it back).
# The board's facts (/run/board/*.env, written at boot) are set as variables:
#   GPIO_SIM_CHIP  gpiochipN of the "vigil-lights" bank
#   GPIO_SIM_DIR   its simulator side: $GPIO_SIM_DIR/sim_gpioK/{value,pull}
#   WEBCAM         vivid's webcam-type capture node (/dev/video0)
#   LOOP_CAPTURE, LOOP_OUTPUT   vivid's looped HDMI capture and output nodes
#                  (/usr/lib/vigil-board/vivid-loop plays a file through them)
#   FLASH_DEVICE, FLASH_MOUNT   the flash disk and where it is mounted (/var/lib/vigil);
#                  unset when the board was booted without one

TARGET_OUT=${TARGET_OUT:-/tmp/target-out}
TARGET_RESULTS=${TARGET_RESULTS:-$TARGET_OUT/results.txt}
mkdir -p "$TARGET_OUT"

ok() {
	echo "PASS: $*"
	echo "PASS: $*" >> "$TARGET_RESULTS"
}

bad() {
	echo "FAIL: $*"
	echo "FAIL: $*" >> "$TARGET_RESULTS"
	return 1
}

check() {
	_desc=$1
	shift
	if "$@"; then ok "$_desc"; else bad "$_desc"; fi
}

wait_for() {
	_desc=$1 _secs=$2
	shift 2
	_end=$(($(date +%s) + _secs))
	until "$@"; do
		[ "$(date +%s)" -lt "$_end" ] || { bad "$_desc (not within ${_secs}s)"; return 1; }
		sleep 0.2
	done
	ok "$_desc"
}

# walking_stream WALKS PERIOD - WALKS x PERIOD frames of a textured 160x120 scene at 10 fps
# in which, from frame 5 to 41 of every PERIOD frames, a dark person-sized box (14x44) walks in
# from the left, 4 px a frame. Rows are made once and cut per frame, so it takes seconds even
# under emulation.
walking_stream() {
	awk -v walks="$1" -v period="$2" 'BEGIN {
		w = 160; h = 120
		printf "YUV4MPEG2 W%d H%d F10:1 Ip A1:1 Cmono\n", w, h
		for (y = 0; y < h; y++) {
			row = ""
			for (x = 0; x < w; x++)
				row = row sprintf("%c", 60 + int(x * 60 / w) + int(y * 40 / h) + (int(x / 16) + int(y / 16)) % 2 * 24)
			background[y] = row
		}
		box = ""
		for (x = 0; x < 14; x++) box = box sprintf("%c", 30)
		for (f = 0; f < walks * period; f++) {
			printf "FRAME\n"
			step = f % period
			left = 4 * (step - 5)
			for (y = 0; y < h; y++) {
				if (step >= 5 && step < 42 && y >= 50 && y < 94) printf "%s%s%s", substr(background[y], 1, left), box, substr(background[y], left + 15)
				else printf "%s", background[y]
			}
		}
	}'
}

for _env in /run/board/*.env; do
	[ -r "$_env" ] || continue
	set -a
	. "$_env"
	set +a
done
