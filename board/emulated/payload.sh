#!/bin/bash
# payload.sh DIR - fill DIR (made if missing) with the on-target test payload
# for boot.sh: Tests/target/run.sh, lib.sh and every Tests/target/NN-*.sh.
# Test scripts of an earlier fill that are gone from Tests/target are removed;
# anything else in DIR is left alone (add more files after calling this).
set -euo pipefail
. "$(dirname "$0")/common.sh"

[ $# -eq 1 ] || die "usage: $0 DIR"
SRC=$REPO/Tests/target
mkdir -p "$1"
rm -f "$1"/[0-9][0-9]-*.sh
cp "$SRC/run.sh" "$SRC/lib.sh" "$SRC"/[0-9][0-9]-*.sh "$1/"
