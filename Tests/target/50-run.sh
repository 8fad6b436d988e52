#!/bin/sh
# vigil run end to end on the board: real footage (a fall clip, decoded on the host into
# /mnt/host/scene.yuyv) played through vivid's HDMI loop into the capture node vigil reads;
# gpio-sim is the independent witness of the lights; the clips land on the flash disk and go
# back to the host (out/run/clips), where scripts/check-run-clips.sh opens them with two
# reviewer keys and checks that the people in them are pixelated. Mid-run the camera's driver
# is reset (the device unbound, vivid unloaded and loaded again): vigil must recover and record on.
. "$(dirname "$0")/lib.sh"
V=/usr/bin/vigil
OUT=$TARGET_OUT/run
W=/tmp/run
B=/usr/lib/vigil-board
mkdir -p "$OUT" "$W"
SCENE=/mnt/host/scene.yuyv
KEYS=/mnt/host/keys
check "the scene and the reviewers' public keys are in the payload" test -f $SCENE -a -f $KEYS/alice.pub -a -f $KEYS/bob.pub || exit 1
check "the flash disk is mounted (${FLASH_MOUNT:-none})" test -n "${FLASH_MOUNT:-}" || exit 1
CLIPS=$FLASH_MOUNT/clips

sim() { cat "$GPIO_SIM_DIR/sim_gpio$1/value"; }   # 0 sign, 1 recording, 2 alarm, 3 status, 4 tamper (input)
line_is() { test "$(sim "$1")" = "$2"; }
# Pulled down: a 1 read is vigil driving the line.
for n in 0 1 2 3 4; do echo pull-down > "$GPIO_SIM_DIR/sim_gpio$n/pull"; done

# vigil opens the camera by a stable name, as udev gives a real unit's camera one
# (/dev/v4l/by-id/...): it exists only while the camera is there and set up.
CAMERA=$W/camera
ln -sf "$LOOP_CAPTURE" $CAMERA
cat > $W/vigil.conf <<CONF
# the board's end-to-end configuration: everything else at its default
[camera]
device = $CAMERA
size = 640x480
fps = 15
[store]
directory = $CLIPS
recipients = $KEYS/alice.pub,$KEYS/bob.pub
pre_roll_ms = 2000
[policy]
# always day, recorded by day too: an event both alarms and is recorded
day_window = mon-sun 00:00-24:00
record_by_day = yes
alarm_hold_ms = 4000
timezone = UTC0
[unit]
status_file = /run/vigil/status.json
watchdog = /dev/watchdog
CONF
$V config check $W/vigil.conf > "$OUT/config-check.txt" 2>&1
check "vigil config check accepts the board's configuration ($(cat "$OUT/config-check.txt"))" grep -q ': ok$' "$OUT/config-check.txt"

$B/vivid-loop start $SCENE 15 > "$OUT/loop.txt" 2>&1
check "the fall clip plays through the loop ($(cat "$OUT/loop.txt"))" grep -q '^vivid-loop: ' "$OUT/loop.txt" || exit 1

started=$(date +%s)
expiries() { dmesg | grep -c 'softdog: Triggered'; }
expired_before=$(expiries)
$V run --config $W/vigil.conf > "$OUT/events.jsonl" 2> "$OUT/run.log" &
vigil=$!
event_count() { grep -c "\"event\":\"$1\"" "$OUT/events.jsonl"; }
has_event() { [ "$(event_count "$1")" -ge "${2:-1}" ]; }
status() { cat /run/vigil/status.json 2>/dev/null; }

wait_for "the surveillance sign (gpio-sim line 0) is lit once vigil watches" 60 line_is 0 1
wait_for "a fall is detected in the real footage" 120 has_event fall
# The event line is printed while its frame is still on its way; the lines follow at its end
# and the status file within a second.
wait_for "the fall drove the alarm line (gpio-sim line 2 reads 1)" 5 line_is 2 1
wait_for "the recording lamp (gpio-sim line 1) is lit while the clip is written" 5 line_is 1 1
check "the fall event says alarm and record ($(grep '"event":"fall"' "$OUT/events.jsonl" | head -1))" grep -q '"event":"fall".*"alarm":true,"record":true' "$OUT/events.jsonl"
running() { status > "$OUT/status-running.json" && grep -q '"state":"watching".*"fps":[1-9].*"recording":true' "$OUT/status-running.json"; }
wait_for "the status file says watching, with a frame rate and a clip being written" 10 running
check "the status file shows the outputs and the watchdog" grep -q '"outputs":{"sign":true,.*"watchdog":"fed while frames flow"' "$OUT/status-running.json"

# The tamper switch: gpio-sim pulls the input line up, as a door contact opening would.
echo pull-up > "$GPIO_SIM_DIR/sim_gpio4/pull"
wait_for "the tamper switch raises a tamper event" 30 grep -q '"event":"tamper".*"detail":"switch"' "$OUT/events.jsonl"
echo pull-down > "$GPIO_SIM_DIR/sim_gpio4/pull"

# The camera's driver is reset: the loop's device is unbound (vigil's open node goes dead, as a
# USB camera that is pulled out), vivid is unloaded and loaded again, and the scene played anew.
clips_before=$(ls $CLIPS | grep -c '\.vclip$')
device=$(readlink -f "/sys/class/video4linux/${LOOP_CAPTURE##*/}/device")
$B/vivid-loop stop
rm $CAMERA
echo "${device##*/}" > "$(readlink -f "$device/driver")/unbind"
wait_for "vigil notices the camera is gone" 30 has_event camera_lost
wait_for "the status file says camera_lost" 10 sh -c 'grep -q "\"state\":\"camera_lost\"" /run/vigil/status.json'
wait_for "the sign goes dark while the unit cannot watch" 10 line_is 0 0
$B/vivid-reload > "$OUT/reload.txt" 2>&1
check "vivid unloaded and loaded again ($(tr '\n' ' ' < "$OUT/reload.txt"))" grep -q 'loop' "$OUT/reload.txt"
. /run/board/vivid.env
$B/vivid-loop start $SCENE 15 >> "$OUT/loop.txt" 2>&1
check "the loop plays again after the reload ($(tail -1 "$OUT/loop.txt"))" sh -c "tail -1 '$OUT/loop.txt' | grep -q '^vivid-loop: '"
ln -sf "$LOOP_CAPTURE" $CAMERA
wait_for "vigil reconnects to the camera" 90 has_event camera_back
wait_for "the sign is lit again" 30 line_is 0 1
falls_before=$(event_count fall)
wait_for "vigil goes on detecting after the reset (another fall)" 150 has_event fall $((falls_before + 1))
wait_for "and records it (a further clip closed)" 60 sh -c "[ \$(ls $CLIPS | grep -c '\\.vclip\$') -gt $clips_before ]"

kill -TERM $vigil
wait $vigil
rc=$?
ran=$(($(date +%s) - started))
$B/vivid-loop stop
check "SIGTERM stops vigil with exit status 0 (got $rc)" test "$rc" = 0
check "the real footage raised no tamper event from the picture ($(grep '"event":"tamper"' "$OUT/events.jsonl" | grep -v switch | head -1))" \
	sh -c "! grep '\"event\":\"tamper\"' '$OUT/events.jsonl' | grep -qv switch"
check "every output is off after the stop (sign $(sim 0), recording $(sim 1), alarm $(sim 2), status $(sim 3))" \
	test "$(sim 0)$(sim 1)$(sim 2)$(sim 3)" = 0000
status > "$OUT/status-stopped.json"
check "the status file says stopped" grep -q '"state":"stopped"' "$OUT/status-stopped.json"
check "the status file says how few of vivid's buffers were queued to fill, at the fewest ($(grep -o '"buffers":[^,]*,"fewest_buffers_to_fill":[^,]*' "$OUT/status-stopped.json"))" \
	grep -q '"buffers":[2-9][0-9]*,"fewest_buffers_to_fill":[0-9]' "$OUT/status-stopped.json"
check "no clip is left open on the flash" test -z "$(ls $CLIPS | grep partial)"
check "the watchdog was fed throughout and closed with the magic character (no softdog expiry in dmesg: $expired_before before, $(expiries) after)" \
	test "$(expiries)" = "$expired_before"
# Fail closed: with a reviewer's key missing the unit watches but records nothing, and says so.
sed -e "s|^directory = .*|directory = $W/refused|" -e "s|$KEYS/bob.pub|$KEYS/carol.pub|" $W/vigil.conf > $W/refused.conf
ln -sf "$LOOP_CAPTURE" $CAMERA
$B/vivid-loop start $SCENE 15 >> "$OUT/loop.txt" 2>&1
rm -f /run/vigil/status.json
$V run --config $W/refused.conf > "$OUT/refused.jsonl" 2> "$OUT/refused.log" &
vigil=$!
wait_for "without both reviewer keys: the status file says recording is refused, and why" 120 \
	sh -c "grep -q '\"refused\":\"open $KEYS/carol.pub: No such file' /run/vigil/status.json 2>/dev/null"
check "without both reviewer keys: the log says so" grep -q 'recording refused: .*carol.pub' "$OUT/refused.log"
check "without both reviewer keys: the status light shows a fault" grep -q '"status":"fault"' /run/vigil/status.json
check "without both reviewer keys: the sign is lit all the same (the unit watches)" line_is 0 1
$V diag --config $W/refused.conf --json --quick > "$OUT/refused-diag.json" 2>&1
check "without both reviewer keys: vigil diag FAILs the daemon's recording, with the reason and what to do" \
	grep -q '"group":"daemon","name":"recording","status":"FAIL","value":"refused: open [^"]*carol.pub[^"]*","hint":"the unit watches and alarms but keeps no clip: install two' "$OUT/refused-diag.json"
check "... and the reviewer keys" grep -q '"group":"keys","name":"reviewers","status":"FAIL"' "$OUT/refused-diag.json"
kill -TERM $vigil
wait $vigil
$B/vivid-loop stop
check "without both reviewer keys: nothing is written, not even the clip directory" test ! -e $W/refused

ls -l $CLIPS > "$OUT/clips.txt"
n=0
for clip in $CLIPS/clip-*.vclip; do
	$V verify "$clip" >> "$OUT/verify.txt" 2>&1 || bad "vigil verify ${clip##*/}"
	n=$((n + 1))
done
check "$n clips written, each verifies on the board" test "$n" -ge 2
mkdir -p "$OUT/clips"
cp $CLIPS/clip-*.vclip $CLIPS/unit.pub "$OUT/clips/"
frames=$(sed -n 's/.*"camera":{[^}]*"frames":\([0-9]*\).*/\1/p' "$OUT/status-stopped.json")
drops=$(sed -n 's/.*"driver_drops":\([0-9]*\).*/\1/p' "$OUT/status-stopped.json")
fewest=$(sed -n 's/.*"fewest_buffers_to_fill":\([0-9-]*\).*/\1/p' "$OUT/status-stopped.json")
echo "run: ${ran}s, $frames frames, $drops dropped by the driver (which had at least $fewest buffers to fill once the stream settled); $(grep -c . "$OUT/events.jsonl") events; $n clips" | tee "$OUT/summary.txt"
sed -n 's/^vigil: \(notice\|error\|warning\): //p' "$OUT/run.log" | head -40
