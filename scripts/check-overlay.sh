#!/bin/bash
# check-overlay.sh - host-side checks of the product's root filesystem overlay (rootfs-overlay/),
# run by `make unit-test`: the systemd unit and the OpenSSH configuration carry the confinement
# the unit relies on (a directive dropped in an edit fails here), systemd-analyze accepts the
# unit without a warning, the init scripts parse, and the accounts fit together.
# (/etc/vigil/vigil.conf against `vigil config --defaults`: Tests/VigilCommandTests/ProductConfigurationTests.)
set -uo pipefail
cd "$(dirname "$0")/../rootfs-overlay"
failed=0
fail() { echo "check-overlay: $*" >&2; failed=1; }
has_lines() {   # has_lines FILE LINE... - each LINE is a whole line of FILE
	local f=$1 l; shift
	for l in "$@"; do grep -qxF -- "$l" "$f" || fail "$f: '$l' missing"; done
}

UNIT=usr/lib/systemd/system/vigil.service
has_lines $UNIT "User=vigil" "Group=vigil" "SupplementaryGroups=video gpio" "RuntimeDirectory=vigil" \
	"StateDirectory=vigil" "ReadWritePaths=/var/lib/vigil" "NoNewPrivileges=yes" "ProtectSystem=strict" \
	"ProtectHome=yes" "PrivateTmp=yes" "PrivateNetwork=yes" "RestrictAddressFamilies=AF_UNIX" \
	"DevicePolicy=closed" "DeviceAllow=char-video4linux rw" "DeviceAllow=char-gpiochip rw" \
	"DeviceAllow=/dev/watchdog rw" "CapabilityBoundingSet=" "ExecReload=/bin/kill -HUP \$MAINPID" \
	"Restart=on-failure" "ExecStart=/usr/bin/vigil run --config /etc/vigil/vigil.conf"
grep -q '^WatchdogSec=' $UNIT && fail "$UNIT: no WatchdogSec: vigil feeds /dev/watchdog itself"
if command -v systemd-analyze > /dev/null; then
	# verify wants ExecStart's program to exist: the host's `true` stands in for vigil
	tmp=$(mktemp -d)
	sed "s|^ExecStart=/usr/bin/vigil |ExecStart=$(command -v true) |" $UNIT > "$tmp/vigil.service"
	out=$(systemd-analyze verify "$tmp/vigil.service" 2>&1) || fail "systemd-analyze verify $UNIT failed"
	[ -z "$out" ] || fail "systemd-analyze verify $UNIT: $out"
	rm -rf "$tmp"
else
	fail "no systemd-analyze to verify $UNIT: install systemd (scripts/install-deps.sh does)"
fi

SSHD=etc/ssh/sshd_config.d/vigil.conf
has_lines $SSHD "PasswordAuthentication no" "KbdInteractiveAuthentication no" "PermitRootLogin no" \
	"AllowUsers technician" "AllowTcpForwarding no" "AllowStreamLocalForwarding no" "X11Forwarding no" \
	"AllowAgentForwarding no" "PermitTunnel no" "PermitUserRC no" "DisableForwarding yes"
grep -qi '^Subsystem' $SSHD && fail "$SSHD: no Subsystem (no sftp)"
grep -q -- '-s -j -k -w -p 22' etc/init.d/S40sshd || fail "etc/init.d/S40sshd: dropbear must run keys only, without forwarding (-s -j -k -w)"

# without these a node made after boot (a driver reloaded) would be root's only
has_lines etc/mdev.conf "video[0-9]+      root:video 660" "gpiochip[0-9]+   root:gpio 660" \
	"watchdog[0-9]*   vigil:vigil 600" "null             root:root 666"

for s in etc/init.d/S*; do
	[ -x "$s" ] || fail "$s is not executable (rcS skips it)"
	sh -n "$s" || fail "$s: syntax error"
done
grep -q '^[^#].*getty -L 115200 ttyAMA0' etc/inittab || fail "etc/inittab: no getty on the serial console"

[ "$(readlink usr/bin/vigil-shell)" = vigil ] || fail "usr/bin/vigil-shell must be a symlink to vigil"
grep -qx /usr/bin/vigil-shell etc/shells || fail "etc/shells must list /usr/bin/vigil-shell (sshd refuses other shells)"
[ "$(grep '^technician:' etc/passwd | cut -d: -f7)" = /usr/bin/vigil-shell ] || fail "etc/passwd: technician's shell must be /usr/bin/vigil-shell"
[ "$(grep '^vigil:' etc/passwd | cut -d: -f7)" = /sbin/nologin ] || fail "etc/passwd: vigil must have no login shell"
for g in video gpio; do grep -q "^$g:.*[:,]vigil\(,\|$\)" etc/group || fail "etc/group: vigil must be in $g"; done
while IFS=: read -r user _ _ gid _; do
	grep -q "^[^:]*:[^:]*:$gid:" etc/group || fail "etc/passwd: $user's group $gid is not in etc/group"
	grep -q "^$user:" etc/shadow || fail "etc/shadow: no line for $user"
done < etc/passwd
grep '^[^:]*:[^!*]' etc/shadow && fail "etc/shadow: the product ships no password (! or *)"

[ "$failed" -eq 0 ] && echo "check-overlay: rootfs-overlay passed"
exit "$failed"
