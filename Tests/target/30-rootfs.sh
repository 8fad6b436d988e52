#!/bin/sh
# The product's root filesystem overlay is in the image and its start-up scripts ran.
. "$(dirname "$0")/lib.sh"
check "rootfs-overlay is laid over the image (/etc/hostname)" test "$(cat /etc/hostname)" = vigil
check "its start-up scripts ran (hostname is $(hostname))" test "$(hostname)" = vigil
