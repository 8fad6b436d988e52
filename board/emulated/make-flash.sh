#!/bin/bash
# make-flash.sh PATH SIZE_MB - a raw disk image holding an empty ext4 filesystem, made without
# root: the emulated board's data partition (boot.sh FLASH=PATH; the guest mounts it on
# /var/lib/vigil). An existing PATH is replaced.
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 2 ] && [[ $2 =~ ^[0-9]+$ ]] && [ "$2" -ge 8 ] || die "usage: $0 PATH SIZE_MB   (SIZE_MB at least 8)"
need_tools mke2fs:e2fsprogs truncate:coreutils
mkdir -p "$(dirname "$1")"
rm -f "$1"
truncate -s "$2M" "$1"
# As on the camera unit (board/raspberrypi4/flash-layout.md): 4 KB blocks, the journal, initialised
# now rather than by the guest's kernel in the background.
mke2fs -q -t ext4 -F -b 4096 -L vigil-clips -E lazy_itable_init=0,lazy_journal_init=0 "$1"
say "flash image $1: $2 MB, ext4"
