# shellcheck shell=bash
# common.sh - sourced (bash) by the board/emulated/*.sh scripts: repo paths,
# messages, board.conf loading and host tool checks.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# depmod/modprobe live in /sbin, which is not on a Debian user's PATH
PATH=$PATH:/usr/sbin:/sbin

say() { echo "[board] $*" >&2; }
die() { echo "[board] error: $*" >&2; exit 1; }

boards() {   # the names of board/*/board.conf
	local c names=()
	for c in "$REPO"/board/*/board.conf; do c=${c%/board.conf}; names+=("${c##*/}"); done
	echo "${names[*]}"
}

# load_board BOARD: the variables of board/BOARD/board.conf, plus
#   IMAGE_DIR  build/image/BOARD (kernel, initramfs.cpio.gz, console.log)
#   CACHE      downloads and builds for this architecture, outside the repo
# shellcheck disable=SC2034 # used by the scripts sourcing this
load_board() {
	local conf=$REPO/board/$1/board.conf
	[ -f "$conf" ] || die "unknown board '$1' (boards: $(boards))"
	# shellcheck source=/dev/null
	. "$conf"
	BOARD=$1
	IMAGE_DIR=$REPO/build/image/$BOARD
	CACHE_TOP=${VIGIL_CACHE:-$HOME/.cache/vigil}/board
	CACHE=$CACHE_TOP/$ARCH
	# a native build needs no cross compiler
	if [ "$(uname -m)" = "$ARCH" ]; then CROSS_COMPILE=; fi
}

# need_tools TOOL:PACKAGE... - fail naming the Debian packages that are missing
need_tools() {
	local t miss=()
	for t in "$@"; do command -v "${t%%:*}" >/dev/null || miss+=("${t#*:}"); done
	[ ${#miss[@]} -eq 0 ] && return
	die "missing host tools: run scripts/install-deps.sh or: apt-get install $(printf '%s\n' "${miss[@]}" | sort -u | paste -sd ' ')"
}
