#!/bin/bash
# `make test`: every stage in turn, even after one fails, then a table and the total.
# Stages: host unit tests, the parsers under libFuzzer (60 s each), the face detector against OpenCV, redaction
# on annotated photos and on video (against OpenCV's detector), both firmware builds, the firmware self-test
# under qemu-aarch64-static, and the on-target tests on both emulated boards.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p build/logs
names=()
results=()
passed=0
failed=0
stage() {
	local name=$1 log=build/logs/$1.log start=$SECONDS
	shift
	echo "=== $name: $*"
	"$@" 2>&1 | tee "$log"
	local rc=${PIPESTATUS[0]}
	names+=("$name")
	if [ "$rc" = 0 ]; then results+=("ok      $((SECONDS - start)) s"); passed=$((passed + 1))
	else results+=("FAILED  $((SECONDS - start)) s  (exit $rc, log build/logs/$name.log)"); failed=$((failed + 1)); fi
}
# Each stage is a Makefile target, so `make test` runs exactly what the targets run.
run() { make --no-print-directory "$@"; }
stage unit-test run unit-test
stage fuzz run fuzz
stage face-agreement run face-agreement
stage redaction-coverage run redaction-coverage
stage redaction-video run redaction-video VIDEO_CLIPS="--clips carphone"
stage firmware-aarch64 run firmware ARCH=aarch64
stage firmware-x86_64 run firmware ARCH=x86_64
stage selftest-aarch64 run selftest
stage qemu-x86_64 run qemu-test BOARD=qemu-x86_64
stage qemu-aarch64 run qemu-test BOARD=qemu-aarch64
echo
echo "=== make test"
for i in "${!names[@]}"; do printf '  %-18s %s\n' "${names[$i]}" "${results[$i]}"; done
echo "stages: $passed passed, $failed failed"
[ "$failed" = 0 ]
