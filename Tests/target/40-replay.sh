#!/bin/sh
# vigil replay on the board: a synthetic stream made here with awk, whole and damaged in
# the ways a recording or a pipe breaks, and the configuration file with zones.
. "$(dirname "$0")/lib.sh"
V=/usr/bin/vigil
OUT=$TARGET_OUT/replay
W=/tmp/replay
mkdir -p "$OUT" "$W"

walking_stream 1 40 > $W/walk.y4m
HEADER=$(head -n 1 $W/walk.y4m | wc -c)
FRAME=$((6 + 160 * 120))   # "FRAME\n" and the luma
check "the synthetic stream has its 40 frames ($(wc -c < $W/walk.y4m) bytes)" test "$(wc -c < $W/walk.y4m)" -eq $((HEADER + 40 * FRAME))

# replay NAME ARGS... - runs vigil replay, keeping stdout, stderr and the exit status in $OUT/NAME.*
replay() {
	_name=$1
	shift
	$V replay "$@" > "$OUT/$_name.out" 2> "$OUT/$_name.err"
	echo $? > "$OUT/$_name.rc"
}
status_is() { test "$(cat "$OUT/$1.rc")" = "$2"; }
events() { grep '^{"event":' "$OUT/$1.out"; }
said() { grep -qF "$2" "$OUT/$1.err"; }
summary_frames() { sed -n 's/^{"summary":{"frames":\([0-9]*\),.*/\1/p' "$OUT/$1.out"; }

replay whole $W/walk.y4m
check "a whole stream: exit 0" status_is whole 0
check "a whole stream: the walker is a motion event" grep -q '^{"event":"motion",' "$OUT/whole.out"
check "a whole stream: all 40 frames in the summary" test "$(summary_frames whole)" = 40
# What every run damaged at frame 30 must still print.
events whole | awk -F'"frame":' '{ split($2, n, ","); if (n[1] < 30) print }' > "$OUT/before-30.events"
check "the whole stream has events before frame 30" test -s "$OUT/before-30.events"

# damaged NAME MESSAGE - exit 2, MESSAGE on stderr, the events before frame 30 and a summary of 30 frames
damaged() {
	check "$1: exit status 2 (got $(cat "$OUT/$1.rc"))" status_is "$1" 2
	check "$1: stderr says: $2" said "$1" "$2"
	events "$1" > "$OUT/$1.events"
	check "$1: the events before the damage are printed" cmp -s "$OUT/$1.events" "$OUT/before-30.events"
	check "$1: the summary counts the 30 good frames" test "$(summary_frames "$1")" = 30
}

head -c $((HEADER + 30 * FRAME + 6 + 9600)) $W/walk.y4m > $W/cut.y4m
replay cut $W/cut.y4m
damaged cut "vigil replay: $W/cut.y4m: frame 30 is truncated: 9600 of 19200 bytes; the stream was cut off"

head -c $((HEADER + 30 * FRAME + 100)) $W/walk.y4m | replay cut-pipe -
damaged cut-pipe "vigil replay: standard input: frame 30 is truncated: 94 of 19200 bytes"

{ head -c $((HEADER + 30 * FRAME)) $W/walk.y4m; echo GARBAGE; head -c 5000 /dev/zero; } | replay garbage -
damaged garbage "frame 30: expected a 'FRAME' line; the stream is damaged"

{ echo "YUV4MPEG2 W160 H120 F10:0 Cmono"; tail -c +$((HEADER + 1)) $W/walk.y4m; } | replay header -
check "a malformed header: exit status 2" status_is header 2
check "a malformed header: stderr names the parameter" said header "bad YUV4MPEG2 header parameter 'F10:0"
check "a malformed header: nothing on stdout" test ! -s "$OUT/header.out"

replay empty - < /dev/null
check "empty input: exit status 2" status_is empty 2
check "empty input: stderr says so" said empty "vigil replay: standard input: the stream is empty"

replay missing /nonexistent/walk.y4m
check "a missing file: exit status 2" status_is missing 2
check "a missing file: stderr names it" said missing "vigil replay: open /nonexistent/walk.y4m: No such file or directory - check the path"

# --------------------------------------------------------------- configuration and zones
printf '[analysis]\nexclude_zone = 0,40 160,40 160,100 0,100   # the walkway\n' > $W/exclude.conf
replay exclude --config $W/exclude.conf $W/walk.y4m
check "an exclude zone over the walkway: exit 0" status_is exclude 0
check "an exclude zone over the walkway: no event" test -z "$(events exclude)"

printf '[analysis]\ninclude_zone = 0,80 160,80 160,120 0,120\n' > $W/include.conf
replay include --config $W/include.conf $W/walk.y4m
check "an include zone where the walker stands: motion" grep -q '^{"event":"motion",' "$OUT/include.out"
printf '[analysis]\ninclude_zone = 0,0 160,0 160,40 0,40\n' > $W/sky.conf
replay sky --config $W/sky.conf $W/walk.y4m
check "an include zone where nobody stands: no event" test -z "$(events sky)"

printf '[analysis]\nfall_confirm_ms = 2000\nfoo = 1\nexclude_zone = 0,0 640,0\n[kamera]\n' > $W/bad.conf
replay bad-config --config $W/bad.conf $W/walk.y4m
check "a bad configuration: exit status 2" status_is bad-config 2
check "a bad configuration: nothing analysed" test ! -s "$OUT/bad-config.out"
check "a bad configuration: line 3's unknown key" said bad-config "vigil replay: $W/bad.conf: line 3: unknown key 'foo' in [analysis]"
check "a bad configuration: line 4's zone" said bad-config "vigil replay: $W/bad.conf: line 4: bad exclude_zone '0,0 640,0': a zone needs at least 3 corners (got 2)"
check "a bad configuration: line 5's section" said bad-config "vigil replay: $W/bad.conf: line 5: unknown section [kamera] (known: analysis, redaction, tamper, policy, outputs, camera, store, unit)"
check "a bad configuration: what to do" said bad-config "vigil replay: $W/bad.conf: 3 errors; correct the lines above"
rm -rf "$W"
