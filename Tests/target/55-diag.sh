#!/bin/sh
# vigil diag, status and snapshot on the board, as the technician runs them: all OK on a
# healthy unit (vivid's webcam showing a detailed pattern, gpio-sim's lines, the flash disk);
# the camera covered (a black pattern) and then gone (vivid unloaded) FAIL with a hint; a full
# clip filesystem WARNs; with the daemon running, the figures come from it, the lamp test is
# done by it (gpio-sim sees each line lit, then the daemon's state again) and the snapshot is
# its redacted frame.
. "$(dirname "$0")/lib.sh"
V=/usr/bin/vigil
OUT=$TARGET_OUT/diag
W=/tmp/diag
KEYS=/mnt/host/keys
mkdir -p "$OUT" "$W"
check "the flash disk is mounted (${FLASH_MOUNT:-none})" test -n "${FLASH_MOUNT:-}" || exit 1
STATUS_DIR=/run/vigil-diag
cat > $W/vigil.conf <<CONF
[camera]
device = $WEBCAM
size = 640x480
fps = 5
[store]
directory = $FLASH_MOUNT/diag-clips
recipients = $KEYS/alice.pub,$KEYS/bob.pub
[policy]
timezone = UTC0
[unit]
status_file = $STATUS_DIR/status.json
log_file = $STATUS_DIR/vigil.log
audit_log = $W/audit.log
CONF
mkdir -p "$FLASH_MOUNT/diag-clips"
# The technician's picture: vivid's 16x16 checkers, a scene with detail to focus on.
pattern() { v4l2-ctl -d "$WEBCAM" -c test_pattern="$1"; }
# No on-screen text: the black pattern is then black.
v4l2-ctl -d "$WEBCAM" -c osd_text_mode=2
pattern 10
verdict() { grep -o "\"group\":\"$2\",\"name\":\"$3\",\"status\":\"[A-Z]*\"" "$1" | sed 's/.*"status":"//; s/"$//'; }
hint() { grep -o "\"group\":\"$2\",\"name\":\"$3\",[^}]*" "$1" | sed 's/.*"hint":"//; s/"$//'; }
is() { test "$(verdict "$1" "$2" "$3")" = "$4"; }
# is_named FILE "GROUP NAME WITH SPACES" VERDICT
is_named() { is "$1" "${2%% *}" "${2#* }" "$3"; }

# --- a healthy unit with its daemon running: the camera's figures come from the daemon
sim() { cat "$GPIO_SIM_DIR/sim_gpio$1/value"; }
for n in 0 1 2 3 4; do echo pull-down > "$GPIO_SIM_DIR/sim_gpio$n/pull"; done
$V run --config $W/vigil.conf > "$OUT/events.jsonl" 2> "$OUT/run.log" &
vigil=$!
watching() { $V status --config $W/vigil.conf > "$OUT/status.txt" 2>&1 && grep -q '^unit     watching' "$OUT/status.txt"; }
wait_for "vigil status: the daemon is watching" 60 watching
sleep 3
$V diag --config $W/vigil.conf > "$OUT/healthy.txt" 2>&1
healthy_rc=$?
$V diag --config $W/vigil.conf --json > "$OUT/healthy.json" 2> "$OUT/healthy-json.err"
check "diag on a healthy unit exits 0 ($(tail -1 "$OUT/healthy.txt"))" test "$healthy_rc" -eq 0
check "diag --json: no check FAILs" sh -c "grep -q '\"fail\":0}' '$OUT/healthy.json' && ! grep -q '\"status\":\"FAIL\"' '$OUT/healthy.json'"
# Frame rate, write latency and load are timings: reported, judged, but not asserted here.
for c in "config file" "camera present" "camera driver" "camera formats" "camera mode" "camera brightness" "camera sharpness" "camera tamper" \
	"lights sign" "lights recording" "lights alarm" "lights status" "lights tamper" "storage mounted" "storage free space" \
	"storage clips" "storage torn clips" "storage retention" "keys reviewers" "keys unit signing key" "keys secret permissions" \
	"clock time" "clock against clips" "system temperature" "system memory" "system firmware" "daemon running" "daemon frames" \
	"daemon write queue" "daemon recording"; do
	check "diag --json: $c is OK ($(grep -o "\"name\":\"${c#* }\",[^}]*" "$OUT/healthy.json" | head -1))" is_named "$OUT/healthy.json" "$c" OK
done
check "... the lines are found, held by vigil" sh -c "grep -q '\"name\":\"sign\",\"status\":\"OK\",\"value\":\"vigil-sign: gpiochip[0-9]* line 0, output, held by vigil' '$OUT/healthy.json'"
check "... the frame rate is judged against the configuration ($(grep -o '"name":"frame rate",[^}]*' "$OUT/healthy.json"))" \
	grep -q '"name":"frame rate","status":"[A-Z]*","value":"[0-9.]* fps (configured 5.00)"' "$OUT/healthy.json"
# Sample the lines while the daemon runs the lamp test.
# Shell builtins only (read, echo): a sample every few tens of ms even under emulation.
sample() {
	while [ ! -e $W/lamp-done ]; do
		read -r a < "$GPIO_SIM_DIR/sim_gpio0/value"; read -r b < "$GPIO_SIM_DIR/sim_gpio1/value"
		read -r c < "$GPIO_SIM_DIR/sim_gpio2/value"; read -r d < "$GPIO_SIM_DIR/sim_gpio3/value"
		echo "$a$b$c$d"
	done
}
rm -f $W/lamp-done
sample > "$OUT/lamp-samples.txt" &
sampler=$!
$V diag --config $W/vigil.conf --quick --lamp-test > "$OUT/lamp-test.txt" 2>&1
sleep 1
touch $W/lamp-done
wait $sampler
check "diag --lamp-test: the daemon ran it ($(grep 'lamp test' "$OUT/lamp-test.txt" | tail -1))" grep -q 'OK    lamp test          the daemon lit' "$OUT/lamp-test.txt"
check "gpio-sim saw the recording line lit during the test (the daemon leaves it dark when idle)" grep -q '^.1..$' "$OUT/lamp-samples.txt"
check "gpio-sim saw the alarm line lit" grep -q '^..1.$' "$OUT/lamp-samples.txt"
check "gpio-sim saw the sign dark for a moment (it is lit otherwise)" grep -q '^0...$' "$OUT/lamp-samples.txt"
check "afterwards the daemon's state again: sign lit, recording and alarm dark ($(sort "$OUT/lamp-samples.txt" | uniq -c | tr '\n' ' '))" test "$(sim 0)$(sim 1)$(sim 2)" = 100
$V snapshot --config $W/vigil.conf -o $W/aim.jpg --ascii > "$OUT/snapshot.txt" 2>&1
check "vigil snapshot with the daemon running writes a JPEG ($(tail -1 "$OUT/snapshot.txt"))" sh -c "head -c 2 $W/aim.jpg | od -An -tx1 | grep -q 'ff d8'"
check "... and shows it as characters with its focus score" grep -q 'focus score' "$OUT/snapshot.txt"
check "... made by the daemon from its redacted frame" grep -q 'snapshot written for the technician' $STATUS_DIR/vigil.log
kill -TERM $vigil
wait $vigil
check "the daemon stopped on SIGTERM, its outputs dark" test "$(sim 0)$(sim 1)$(sim 2)$(sim 3)" = 0000

# --- the daemon stopped: diag streams from the camera itself, and says the unit is not watching
$V diag --config $W/vigil.conf --json > "$OUT/stopped.json" 2>&1
stopped_rc=$?
for c in "camera mode" "camera brightness" "camera sharpness"; do
	check "diag without the daemon measures the camera itself: $c OK" is_named "$OUT/stopped.json" "$c" OK
done
check "... and the daemon FAILs, with how to start it ($(hint "$OUT/stopped.json" daemon running))" sh -c "grep -q '\"name\":\"running\",\"status\":\"FAIL\",[^}]*start the service' '$OUT/stopped.json'"
check "... exit status 1" test "$stopped_rc" -eq 1

# --- the camera covered: brightness FAILs with what to look at
pattern 5
$V diag --config $W/vigil.conf --json --quick > "$OUT/covered.json" 2>&1
check "a covered camera (black picture): brightness FAIL" is "$OUT/covered.json" camera brightness FAIL
check "... with the hint to look at the lens ($(hint "$OUT/covered.json" camera brightness))" sh -c "grep -q 'lens covered' '$OUT/covered.json'"
pattern 10

# --- a full clip filesystem: storage WARN, the unit still passes
free_kb=$(df -k "$FLASH_MOUNT" | awk 'NR == 2 { print $4 }')
dd if=/dev/zero of="$FLASH_MOUNT/filler" bs=1024 count=$((free_kb - 2048)) 2> /dev/null
$V diag --config $W/vigil.conf --json --quick > "$OUT/full.json" 2>&1
check "a nearly full clip filesystem: storage free space WARN ($(grep -o '"name":"free space",[^}]*' "$OUT/full.json"))" is "$OUT/full.json" storage "free space" WARN
check "... with what to do about it" sh -c "grep -q 'release held clips' '$OUT/full.json'"
rm -f "$FLASH_MOUNT/filler"

# --- the camera gone (its driver unloaded): FAIL with the hint, exit status 1
/usr/lib/vigil-board/vivid-loop stop > /dev/null 2>&1
modprobe -r vivid
$V diag --config $W/vigil.conf --json --quick > "$OUT/no-camera.json" 2>&1
gone_rc=$?
check "vivid unloaded: camera present FAIL" is "$OUT/no-camera.json" camera present FAIL
check "... the hint says what to check ($(hint "$OUT/no-camera.json" camera present))" sh -c "grep -q 'driver loaded' '$OUT/no-camera.json'"
check "... and diag exits 1" test "$gone_rc" -eq 1
/usr/lib/vigil-board/vivid-reload > "$OUT/reload.txt" 2>&1
check "vivid is back for the tests after this one" test -e "$WEBCAM"
cp "$OUT/healthy.txt" "$TARGET_OUT/diag-$(uname -m).txt"
