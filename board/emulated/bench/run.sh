#!/bin/sh
# The `make bench-board` payload: vigil run on the board's webcam node (vivid, 640x480 YUYV at
# 25 fps) for 60 s with every stage on (tamper check, analysis, face search and redaction, JPEG,
# the pre-event ring), then what it sustained: frames, the rate, the frames the driver dropped
# (gaps in its sequence numbers), vigil's share of the CPU (utime + stime from /proc over the
# wall time, in % of one core and of all cores), and the fewest of its buffers the driver had
# queued to fill (vigil asks after each frame): 0 means it went without one because vigil fell
# behind; above 0, the drops are vivid's own skips.
set -u
for env in /run/board/*.env; do . "$env"; done
SECONDS_RUN=${BENCH_SECONDS:-60}
mkdir -p /tmp/bench
vigil keygen --out /tmp/bench/a > /dev/null && vigil keygen --out /tmp/bench/b > /dev/null
cat > /tmp/bench/vigil.conf <<CONF
[camera]
device = ${WEBCAM:-/dev/video0}
size = 640x480
fps = 25
format = YUYV
[store]
directory = /tmp/bench/clips
recipients = /tmp/bench/a.pub,/tmp/bench/b.pub
[unit]
status_file = /tmp/bench/status.json
syslog = no
CONF
vigil run --config /tmp/bench/vigil.conf > /tmp/bench/events.jsonl 2> /tmp/bench/run.log &
pid=$!
sleep 5   # start-up and the first frame's full face search are not the sustained rate
ticks() { awk '{ print $14 + $15 }' /proc/$pid/stat; }
frames() { sed -n 's/.*"camera":{[^}]*"frames":\([0-9]*\).*/\1/p' /tmp/bench/status.json; }
drops() { sed -n 's/.*"driver_drops":\([0-9]*\).*/\1/p' /tmp/bench/status.json; }
fewest() { sed -n 's/.*"fewest_buffers_to_fill":\([0-9-]*\).*/\1/p' /tmp/bench/status.json; }
buffers() { sed -n 's/.*"buffers":\([0-9]*\).*/\1/p' /tmp/bench/status.json; }
t0=$(cut -d' ' -f1 /proc/uptime); c0=$(ticks); f0=$(frames); d0=$(drops)
sleep "$SECONDS_RUN"
t1=$(cut -d' ' -f1 /proc/uptime); c1=$(ticks); f1=$(frames); d1=$(drops); low=$(fewest); total=$(buffers)
kill -TERM $pid
wait $pid
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
cores=$(grep -c ^processor /proc/cpuinfo)
awk -v t0="$t0" -v t1="$t1" -v c0="$c0" -v c1="$c1" -v f0="$f0" -v f1="$f1" -v d0="$d0" -v d1="$d1" -v hz="$hz" -v cores="$cores" -v low="$low" -v total="$total" 'BEGIN {
	wall = t1 - t0; cpu = (c1 - c0) / hz
	printf "bench-board: %s s of 640x480 YUYV at 25 fps from vivid: %d frames, %.1f fps, %d dropped by the driver;", wall, f1 - f0, (f1 - f0) / wall, d1 - d0
	printf " vigil used %.0f %% of one core (%.0f %% of the %d cores);", 100 * cpu / wall, 100 * cpu / wall / cores, cores
	printf " the driver had at least %s of its %s buffers to fill throughout (0: it went without, so vigil fell behind)\n", low, total
}' | tee /mnt/host/out/bench.txt
grep 'stopped:' /tmp/bench/run.log
echo 0 > /mnt/host/out/bench-rc
