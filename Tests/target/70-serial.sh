#!/bin/sh
# The technician at the serial console: a getty on the second serial line (hvc0) while
# scripts/drive-serial-shell.py on the host logs in through it and drives the maintenance
# shell; its PASS/FAIL lines come back over the 9p share (serial/results.txt) once it writes
# serial/done. Then the audit log must hold what was typed.
. "$(dirname "$0")/lib.sh"
S=/mnt/host/serial
AUDIT=/var/lib/vigil/audit.log
check "the technician's serial line /dev/hvc0 exists" test -c /dev/hvc0 || exit 1
lines_before=$(wc -l < $AUDIT)
# On a payload boot init is still in sysinit (this runs from rcS), so the inittab's respawning
# getty on hvc0 has not started: respawn it here until the host is done.
(while [ ! -f $S/done ]; do getty -L 0 hvc0 vt100; sleep 1; done) > /dev/null 2>&1 &
loop=$!
wait_for "the host driver is done (serial/done)" 240 test -f $S/done
kill $loop 2>/dev/null
kill $(pidof getty) 2>/dev/null
cp $S/transcript.txt "$TARGET_OUT/serial-transcript.txt" 2>/dev/null
check "the host driver recorded its checks" grep -q '^\(PASS\|FAIL\): serial: ' $S/results.txt || exit 1
while IFS= read -r line; do
	case "$line" in
	"PASS: "*) ok "${line#PASS: }" ;;
	"FAIL: "*) bad "${line#FAIL: }" ;;
	esac
done < $S/results.txt

tail -n +$((lines_before + 1)) $AUDIT > "$TARGET_OUT/serial-audit.txt"
for typed in help date 'diag --quick' ';sh' '$(id)' 'hold ../../etc/shadow' exit; do
	check "the audit log has the line '$typed'" grep -qF -- "$typed" "$TARGET_OUT/serial-audit.txt"
done
