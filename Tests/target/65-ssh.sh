#!/bin/sh
# The technician's SSH access (dropbear, /etc/init.d/S40sshd): a key in authorized_keys gets
# the maintenance shell and nothing else; no password logins, no forwarding; and nothing but
# SSH listens on the network.
. "$(dirname "$0")/lib.sh"
OUT=$TARGET_OUT/ssh
W=/tmp/ssh-test
rm -rf $W && mkdir -p $W "$OUT"
export HOME=$W   # dbclient's known_hosts
AK=/home/technician/.ssh/authorized_keys
cp $AK $W/authorized_keys.saved

/etc/init.d/S40sshd restart > "$OUT/start.txt" 2>&1
check "S40sshd starts dropbear ($(tr '\n' ' ' < "$OUT/start.txt"))" sh -c "kill -0 \$(cat /run/dropbear.pid)"
check "the host key was made (/etc/dropbear)" test -s /etc/dropbear/dropbear_ed25519_host_key
dropbearkey -t ed25519 -f $W/key > $W/keygen.txt 2>&1
grep '^ssh-ed25519 ' $W/keygen.txt >> $AK
check "a technician key is installed" grep -q '^ssh-ed25519 ' $AK

ssh_as() { timeout 60 dbclient -y -i $W/key technician@127.0.0.1 "$@"; }
ssh_as help > "$OUT/help.txt" 2>&1
check "ssh technician@unit help lists the shell's commands" sh -c "grep -qw diag '$OUT/help.txt' && grep -qw snapshot '$OUT/help.txt' && grep -qw lamp-test '$OUT/help.txt'"
ssh_as sh > "$OUT/sh.txt" 2>&1
check "ssh technician@unit sh is refused ($(head -1 "$OUT/sh.txt"))" grep -q '^vigil-shell: \(refused\|unknown command\)' "$OUT/sh.txt"
ssh_as 'cat /etc/shadow' > "$OUT/shadow.txt" 2>&1
check "ssh technician@unit 'cat /etc/shadow' is refused and shows nothing" sh -c "grep -q '^vigil-shell: \(refused\|unknown command\)' '$OUT/shadow.txt' && ! grep -q 'root:' '$OUT/shadow.txt'"

DROPBEAR_PASSWORD=technician-test timeout 60 dbclient -y technician@127.0.0.1 help > "$OUT/password.txt" 2>&1
check "a password login is refused ($(tail -1 "$OUT/password.txt"))" sh -c "! grep -qw diag '$OUT/password.txt' && grep -qi 'auth' '$OUT/password.txt'"

# -L: dbclient listens on 127.0.0.1:PORT itself and asks the server for a channel to port 22;
# the unit's server must refuse it, so no SSH banner comes back. The same through a second
# dropbear that allows forwarding shows the check would see one.
listens_on() { awk -v p="$(printf ':%04X' "$1")" '$4 == "0A" && substr($2, length($2) - 4) == p' /proc/net/tcp | grep -q .; }
forwarded() {   # forwarded SERVER_PORT LOCAL_PORT - what comes back through -L LOCAL_PORT:127.0.0.1:22
	timeout 60 dbclient -y -i $W/key -p "$1" -N -L "127.0.0.1:$2:127.0.0.1:22" technician@127.0.0.1 > "$OUT/forward-$1.txt" 2>&1 &
	_fwd=$!
	wait_for "dbclient -L listens on $2 (server port $1)" 30 listens_on "$2"
	sleep 3 | timeout 10 nc 127.0.0.1 "$2" > "$OUT/forwarded-$1.txt" 2>&1
	kill $_fwd 2>/dev/null
	wait $_fwd 2>/dev/null
}
forwarded 22 2222
check "port forwarding (-L) is refused: no SSH banner comes back through it ($(head -c 60 "$OUT/forwarded-22.txt"))" sh -c "! grep -q SSH- '$OUT/forwarded-22.txt'"
dropbear -s -p 127.0.0.1:2022 -r /etc/dropbear/dropbear_ed25519_host_key -P $W/control.pid
forwarded 2022 2223
kill "$(cat $W/control.pid)" 2>/dev/null
n=0
while listens_on 2022 && [ $n -lt 50 ]; do sleep 0.2; n=$((n + 1)); done
check "(control) through a dropbear that allows forwarding the banner does come back" grep -q SSH- "$OUT/forwarded-2022.txt"

# every listening socket: TCP in LISTEN state, UDP bound (state 07); only TCP port 22 may be there
listening() {
	for f in tcp tcp6 udp udp6; do
		awk -v f=$f 'NR > 1 && ((f ~ /tcp/ && $4 == "0A") || (f ~ /udp/ && $4 == "07")) { print f, $2 }' /proc/net/$f
	done
}
listening > "$OUT/listening.txt"
others=$(grep -v '^tcp6\? .*:0016$' "$OUT/listening.txt" | tr '\n' ' ')
check "something listens on TCP port 22" grep -q '^tcp6\? .*:0016$' "$OUT/listening.txt"
check "nothing else listens on the network (${others:-none})" test -z "$others"

cp $W/authorized_keys.saved $AK
/etc/init.d/S40sshd stop > /dev/null
