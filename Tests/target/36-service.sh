#!/bin/sh
# The daemon through its init script (/etc/init.d/S50vigil): not started at boot on the
# emulated board (/etc/default/vigil), force-started as user vigil with the product's configuration,
# reloaded, stopped with SIGTERM; its outputs stay the daemon's.
. "$(dirname "$0")/lib.sh"
S=/etc/init.d/S50vigil
OUT=$TARGET_OUT/service
mkdir -p "$OUT"
vigil_pids() { for p in $(pidof vigil); do grep -q '^run' /proc/$p/cmdline 2>/dev/null && echo $p; done; }
check "no daemon after boot (VIGIL_AUTOSTART=no in /etc/default/vigil)" test -z "$(pidof vigil)"

# the product's configuration names the reviewers' keys reviewer-a.pub and reviewer-b.pub
cp /mnt/host/keys/alice.pub /etc/vigil/reviewers/reviewer-a.pub &&
	cp /mnt/host/keys/bob.pub /etc/vigil/reviewers/reviewer-b.pub
check "/etc/vigil/vigil.conf passes vigil config check" /usr/bin/vigil config check /etc/vigil/vigil.conf
$S start > "$OUT/start.txt" 2>&1
check "$S start keeps to VIGIL_AUTOSTART=no ($(cat "$OUT/start.txt"))" sh -c "grep -q 'not started' '$OUT/start.txt' && test -z \"\$(pidof vigil)\""
$S force-start > "$OUT/start.txt" 2>&1
check "$S force-start ($(cat "$OUT/start.txt"))" grep -q 'started' "$OUT/start.txt"
wait_for "the daemon writes /run/vigil/status.json" 60 test -s /run/vigil/status.json
pid=$(cat /run/vigil.pid 2>/dev/null)
uid() { awk '/^Uid:/ { print $2 }' /proc/"$pid"/status; }
check "vigil run runs as user vigil (uid $(uid))" test "$(uid)" = "$(id -u vigil)"
ps -o pid,user,args > "$OUT/ps.txt" 2>&1 || ps > "$OUT/ps.txt"
check "ps shows vigil run as user vigil" sh -c "awk '\$1 == $pid' '$OUT/ps.txt' | grep -q 'vigil .*vigil run --config /etc/vigil/vigil.conf'"
groups=$(awk '/^Groups:/' /proc/"$pid"/status)
gid() { grep "^$1:" /etc/group | cut -d: -f3; }
check "with the groups video and gpio ($groups)" sh -c "echo '$groups' | grep -qw $(gid video) && echo '$groups' | grep -qw $(gid gpio)"
check "/run/vigil belongs to vigil, group-writable and setgid for the technician's requests ($(stat -c '%U:%G %a' /run/vigil))" \
	test "$(stat -c '%U:%G %a' /run/vigil)" = "vigil:vigil 2770"
# The technician's shell (su runs the account's login shell, vigil-shell, with -c) reaches the
# running daemon through the group: its status, a redacted snapshot, the checks.
wait_for "the daemon is watching" 60 grep -q '"state":"watching"' /run/vigil/status.json
su technician -c status > "$OUT/tech-status.txt" 2>&1
check "technician's 'status' shows the running daemon ($(head -1 "$OUT/tech-status.txt"))" grep -q '^unit     watching' "$OUT/tech-status.txt"
su technician -c snapshot > "$OUT/tech-snapshot.txt" 2>&1
check "technician's 'snapshot' gets the daemon's redacted frame ($(tail -1 "$OUT/tech-snapshot.txt"))" \
	sh -c "grep -q '^snapshot: /run/vigil/snapshot.jpg ([0-9]* bytes, redacted)' '$OUT/tech-snapshot.txt' && grep -q 'focus score' '$OUT/tech-snapshot.txt'"
su technician -c 'diag --quick' > "$OUT/tech-diag.txt" 2>&1
check "technician's 'diag --quick' sees the daemon, the camera, the lines and the clips" \
	sh -c "grep -q 'OK    running  ' '$OUT/tech-diag.txt' && grep -q 'OK    present ' '$OUT/tech-diag.txt' && grep -q 'OK    sign .*held by vigil' '$OUT/tech-diag.txt' && grep -q 'OK    clips ' '$OUT/tech-diag.txt'"
su technician -c log > "$OUT/tech-log.txt" 2>&1
check "technician's 'log' shows the daemon's log lines" grep -q 'vigil: notice: started' "$OUT/tech-log.txt"
$S reload > "$OUT/reload.txt" 2>&1
sleep 2
check "$S reload (SIGHUP) keeps it running ($(cat "$OUT/reload.txt"))" kill -0 "$pid"
$S stop > "$OUT/stop.txt" 2>&1
check "$S stop ends it ($(cat "$OUT/stop.txt" | tr '\n' ' '))" sh -c "! kill -0 $pid 2>/dev/null && grep -q stopped '$OUT/stop.txt' && ! grep -q SIGKILL '$OUT/stop.txt'"
check "no vigil run is left" test -z "$(vigil_pids)"
cp /run/vigil/vigil.log "$OUT/vigil.log" 2>/dev/null
check "its log is in /run/vigil/vigil.log" test -s /run/vigil/vigil.log
check "the clips directory is still vigil's, its group's to list ($(stat -c '%U:%G %a' /var/lib/vigil/clips))" test "$(stat -c '%U:%G %a' /var/lib/vigil/clips)" = "vigil:vigil 2770"
key=/var/lib/vigil/clips/unit.key
check "the unit's key was made, vigil's ($(stat -c '%U' $key 2>&1))" test "$(stat -c %U $key)" = vigil
check "technician cannot read the unit's key" sh -c "! su -s /bin/sh -c 'cat $key' technician > /dev/null 2>&1"
rm -f /etc/vigil/reviewers/reviewer-a.pub /etc/vigil/reviewers/reviewer-b.pub
