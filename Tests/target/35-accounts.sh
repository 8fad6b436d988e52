#!/bin/sh
# The product's accounts and permissions (rootfs-overlay, /etc/init.d/S35vigil-files): the
# daemon's user reaches the camera, the lights and the clips; the technician logs in to the
# maintenance shell, whose commands (diag, snapshot, clips, verify, hold) reach the camera, the
# lines and the clips' headers through the groups video, gpio and vigil - but never the unit's
# signing key, and nobody else reaches any of them.
. "$(dirname "$0")/lib.sh"
as() { _u=$1; shift; su -s /bin/sh -c "$*" "$_u" > /dev/null 2>&1; }
field() { grep "^$1:" /etc/passwd | cut -d: -f"$2"; }

check "vigil is a system user without a login shell ($(field vigil 7))" test "$(field vigil 7)" = /sbin/nologin
check "vigil is in the groups video and gpio ($(id -Gn vigil))" sh -c 'id -Gn vigil | grep -qw video && id -Gn vigil | grep -qw gpio'
check "technician's shell is the maintenance shell ($(field technician 7))" test "$(field technician 7)" = /usr/bin/vigil-shell
check "/usr/bin/vigil-shell is a link to vigil ($(readlink /usr/bin/vigil-shell))" test "$(readlink /usr/bin/vigil-shell)" = vigil
check "/etc/shells lists /usr/bin/vigil-shell" grep -qx /usr/bin/vigil-shell /etc/shells
check "/etc/shadow is readable by root only ($(stat -c %a /etc/shadow))" test "$(stat -c %a /etc/shadow)" = 600
K=/home/technician/.ssh/authorized_keys
check "technician's authorized_keys is its own, mode 600 ($(stat -c '%U %a' $K))" test "$(stat -c '%U %a' $K)" = "technician 600"

check "the flash disk is mounted (${FLASH_MOUNT:-none})" test -n "${FLASH_MOUNT:-}" || exit 1
D=/var/lib/vigil
check "$D/clips belongs to vigil, group-writable and setgid ($(stat -c '%U:%G %a' $D/clips))" test "$(stat -c '%U:%G %a' $D/clips)" = "vigil:vigil 2770"
check "vigil can write a clip" as vigil "echo x > $D/clips/probe && rm $D/clips/probe"
check "technician (group vigil) can list the clips, for clips and verify" as technician "ls $D/clips"
check "nobody else can list the clips" sh -c "! su -s /bin/sh -c 'ls $D/clips' nobody > /dev/null 2>&1"
check "technician cannot read a secret the daemon keeps 0600 there (as unit.key)" sh -c "echo key > $D/clips/probe.key && chown vigil:vigil $D/clips/probe.key && chmod 600 $D/clips/probe.key && ! su -s /bin/sh -c 'cat $D/clips/probe.key' technician > /dev/null 2>&1"
rm -f $D/clips/probe.key
check "the audit log is vigil:technician, mode 660 ($(stat -c '%U:%G %a' $D/audit.log))" test "$(stat -c '%U:%G %a' $D/audit.log)" = "vigil:technician 660"
check "technician can append to the audit log" as technician "echo '# 35-accounts probe' >> $D/audit.log"
check "others cannot read the audit log" sh -c "! su -s /bin/sh -c 'cat $D/audit.log' nobody > /dev/null 2>&1"

check "vigil can open the camera ($WEBCAM, $(stat -c '%G %a' "$WEBCAM"))" as vigil "v4l2-ctl -d $WEBCAM --get-fmt-video"
check "technician (group video, for diag) can query the camera" as technician "v4l2-ctl -d $WEBCAM --get-fmt-video"
check "nobody else can open the camera" sh -c "! su -s /bin/sh -c 'v4l2-ctl -d $WEBCAM --get-fmt-video' nobody > /dev/null 2>&1"
check "vigil can open the lights' gpiochip (/dev/$GPIO_SIM_CHIP)" as vigil "gpioinfo $GPIO_SIM_CHIP"
check "technician (group gpio, for diag and lamp-test) can list the lines" as technician "gpioinfo $GPIO_SIM_CHIP"
check "nobody else can open the gpiochip" sh -c "! su -s /bin/sh -c 'gpioinfo $GPIO_SIM_CHIP' nobody > /dev/null 2>&1"
check "/dev/watchdog is vigil's only ($(stat -c '%U %a' /dev/watchdog))" test "$(stat -c '%U %a' /dev/watchdog)" = "vigil 600"
