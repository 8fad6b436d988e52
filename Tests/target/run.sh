#!/bin/sh
# run.sh OUTDIR - the on-target test payload: runs every NN-*.sh next to it in
# order (each in its own sh, sourcing lib.sh), keeps results in OUTDIR.
# The last line of output is "N passed, M failed"; exit status 0 only if no
# check failed and at least one ran.
# No `set -e`: failing commands are what the tests look at.
set -u
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
TARGET_OUT=$(cd "$1" && pwd)
TARGET_RESULTS=$TARGET_OUT/results.txt
export TARGET_OUT TARGET_RESULTS
: > "$TARGET_RESULTS"
. "$HERE/lib.sh"

failures() { grep -c '^FAIL' "$TARGET_RESULTS"; }

echo "== $(uname -srm)"
for t in "$HERE"/[0-9][0-9]-*.sh; do
	[ -f "$t" ] || continue
	echo "== ${t##*/}"
	before=$(failures)
	sh "$t"
	rc=$?
	# a script that stops with an error but recorded no failure did not run its checks
	if [ "$rc" -ne 0 ] && [ "$(failures)" -eq "$before" ]; then
		bad "${t##*/} exited with status $rc"
	fi
done
pass=$(grep -c '^PASS' "$TARGET_RESULTS")
fail=$(failures)
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
