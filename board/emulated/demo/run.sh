#!/bin/sh
# The `make demo` payload, on the emulated aarch64 board: vigil run watches vivid's looped camera
# while the scene vigil generated on the host (a person walks in and falls) plays through it.
# The console shows the unit's log (events, the lights as they switch) and a status line every
# few seconds; gpio-sim's own reading of the lines is printed beside vigil's word for them.
# When the clip of the fall is closed, vigil is stopped and the clip goes back to the host.
set -u
for env in /run/board/*.env; do . "$env"; done
H=/mnt/host
CLIPS=${FLASH_MOUNT:-/tmp}/clips
echo
echo "==== vigil on the emulated aarch64 board ($(uname -m), kernel $(uname -r))"
vigil --version
cat > /tmp/vigil.conf <<CONF
[camera]
device = $LOOP_CAPTURE
fps = 15
[store]
directory = $CLIPS
recipients = $H/keys/demo-alice.pub,$H/keys/demo-bob.pub
pre_roll_ms = 2000
post_roll_ms = 2000
[policy]
# night all week, so the fall is recorded (and, by day, it would drive the alarm)
day_window = mon 00:00-00:01
alarm_at_night = yes
timezone = UTC0
[unit]
syslog = no
CONF
echo
echo "==== the camera: vigil's own scene, played through vivid's HDMI loop ($LOOP_OUTPUT -> $LOOP_CAPTURE)"
/usr/lib/vigil-board/vivid-loop start $H/scene.yuyv 15
echo
echo "==== vigil run (the log; events as JSON lines; 'gpio-sim:' is the simulator's reading)"
vigil run --config /tmp/vigil.conf > /tmp/vigil.out 2>&1 &
vigil=$!
tail -f /tmp/vigil.out &
console=$!
names="sign recording alarm status"
last=""
n=0
fell=0
# Until the first fall has been recorded for 4 s more (the scene loops, so new events would keep
# the clip open for good); SIGTERM then closes the clip cleanly.
while [ $n -lt 600 ]; do
	sleep 0.5
	n=$((n + 1))
	now=""
	for i in 0 1 2; do now="$now $(set -- $names; shift $i; echo "$1")=$(cat "$GPIO_SIM_DIR/sim_gpio$i/value")"; done
	[ "$now" != "$last" ] && echo "gpio-sim:$now" && last=$now
	if [ $((n % 10)) -eq 0 ] && [ -r /run/vigil/status.json ]; then
		sed 's/.*"state":"\([^"]*\)".*"frames":\([0-9]*\),"fps":\([0-9.]*\).*"ms_per_frame":\([0-9.]*\).*"count":\([0-9]*\).*"clips_written":\([0-9]*\).*/status: \1, \2 frames at \3 fps, \4 ms a frame, \5 events, \6 clips/' /run/vigil/status.json
	fi
	if [ $fell -eq 0 ] && grep -q '"event":"fall"' /tmp/vigil.out; then fell=$n; fi
	[ $fell -gt 0 ] && [ $((n - fell)) -ge 8 ] && break
done
kill -TERM $vigil
wait $vigil
sleep 0.5
kill $console
/usr/lib/vigil-board/vivid-loop stop
mkdir -p $H/out/clips
cp "$CLIPS"/clip-*.vclip "$CLIPS"/unit.pub $H/out/clips/ 2>/dev/null
echo
echo "==== on the flash: $(ls "$CLIPS" | grep -c '\.vclip$') encrypted clip(s); the unit cannot open them, the host can with two keys"
ls -l "$CLIPS"
