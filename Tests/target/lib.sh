# lib.sh - sourced by the on-target test scripts (Tests/target/NN-*.sh); POSIX sh
# for busybox ash.
#   ok DESC                    record a passed check
#   bad DESC                   record a failed check (returns 1)
#   check DESC CMD [ARG...]    passed if CMD exits 0; returns CMD's verdict
#   wait_for DESC SECS CMD...  poll CMD every 0.2 s: passed as soon as it exits 0,
#                              failed if it has not within SECS; returns the verdict
# Every check appends "PASS: DESC" or "FAIL: DESC" to $TARGET_RESULTS, so the
# scripts of one run add up (run.sh counts them). TARGET_OUT is the directory
# for anything a test wants to keep (the host gets it back).
# The board's gpio-sim facts (/run/board/gpio-sim.env) are set as variables:
#   GPIO_SIM_CHIP  gpiochipN of the "vigil-lights" bank
#   GPIO_SIM_DIR   its simulator side: $GPIO_SIM_DIR/sim_gpioK/{value,pull}

TARGET_OUT=${TARGET_OUT:-/tmp/target-out}
TARGET_RESULTS=${TARGET_RESULTS:-$TARGET_OUT/results.txt}
mkdir -p "$TARGET_OUT"

ok() {
	echo "PASS: $*"
	echo "PASS: $*" >> "$TARGET_RESULTS"
}

bad() {
	echo "FAIL: $*"
	echo "FAIL: $*" >> "$TARGET_RESULTS"
	return 1
}

check() {
	_desc=$1
	shift
	if "$@"; then ok "$_desc"; else bad "$_desc"; fi
}

wait_for() {
	_desc=$1 _secs=$2
	shift 2
	_end=$(($(date +%s) + _secs))
	until "$@"; do
		[ "$(date +%s)" -lt "$_end" ] || { bad "$_desc (not within ${_secs}s)"; return 1; }
		sleep 0.2
	done
	ok "$_desc"
}

if [ -r /run/board/gpio-sim.env ]; then
	set -a
	. /run/board/gpio-sim.env
	set +a
fi
