#!/bin/sh
# The `make demo` payload: what the unit says about itself and its devices on first contact,
# with gpio-sim's reading of the status light shown as vigil switches it.
set -o pipefail
. /run/board/gpio-sim.env
echo
echo "==== vigil on the emulated aarch64 board ($(uname -m), kernel $(uname -r))"
vigil --version
echo
echo "==== vigil probe: the camera (vivid) and the status light (gpio-sim line 'vigil-status')"
vigil probe --hold-ms 1500 | while IFS= read -r line; do
	echo "$line"
	case "$line" in
	"light: vigil-status ("*) # vigil holds the state for 1.5 s after saying it: read it now
		offset=${line##* line }; offset=${offset%%)*}
		echo "        gpio-sim reads $GPIO_SIM_CHIP line $offset as $(cat "$GPIO_SIM_DIR/sim_gpio$offset/value")" ;;
	esac
done
