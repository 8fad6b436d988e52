#!/bin/sh
# 10-board.sh - the emulated board itself works, independently of vigil:
# the camera (vivid /dev/video0), the lights (gpio-sim lines, driven and read
# with libgpiod's tools) and the installed firmware.
. "$(dirname "$0")/lib.sh"

# ---------------------------------------------------------------- camera
V=/dev/video0
check "$V is a character device" test -c $V
name=$(cat /sys/class/video4linux/video0/name 2>/dev/null)
check "video0 is vivid's ($name)" test "${name%%-*}" = vivid
v4l2-ctl -d $V --info > "$TARGET_OUT/v4l2-info.txt" 2>&1
check "v4l2-ctl --info: driver vivid" grep -q 'Driver name *: vivid' "$TARGET_OUT/v4l2-info.txt"

# ---------------------------------------------------------------- firmware
check "/usr/bin/vigil is an executable file" test -f /usr/bin/vigil -a -x /usr/bin/vigil

# ---------------------------------------------------------------- lights
check "gpio-sim env: $GPIO_SIM_CHIP at $GPIO_SIM_DIR" test -n "${GPIO_SIM_CHIP:-}" -a -d "${GPIO_SIM_DIR:-/none}"
for line in 0:vigil-sign 1:vigil-recording 2:vigil-alarm 3:vigil-status 4:vigil-tamper; do
	k=${line%%:*} name=${line#*:}
	check "gpiofind $name: $GPIO_SIM_CHIP $k" test "$(gpiofind "$name")" = "$GPIO_SIM_CHIP $k"
done

sim_is() { [ "$(cat "$GPIO_SIM_DIR/sim_gpio$1/value")" = "$2" ]; }

# output: gpioset holds vigil-status (3) while it runs, the simulator sees it
echo pull-down > "$GPIO_SIM_DIR/sim_gpio3/pull"
gpioset --mode=signal "$GPIO_SIM_CHIP" 3=1 &
pid=$!
wait_for "gpioset vigil-status=1: sim_gpio3/value 1" 5 sim_is 3 1
kill $pid; wait $pid
# pulled up, so that reading 0 proves the line is driven low
echo pull-up > "$GPIO_SIM_DIR/sim_gpio3/pull"
gpioset --mode=signal "$GPIO_SIM_CHIP" 3=0 &
pid=$!
wait_for "gpioset vigil-status=0 against a pull-up: sim_gpio3/value 0" 5 sim_is 3 0
kill $pid; wait $pid
echo pull-down > "$GPIO_SIM_DIR/sim_gpio3/pull"

# input: the simulator pulls vigil-tamper (4), gpioget reads it
echo pull-up > "$GPIO_SIM_DIR/sim_gpio4/pull"
check "vigil-tamper pulled up: gpioget 1" test "$(gpioget "$GPIO_SIM_CHIP" 4)" = 1
echo pull-down > "$GPIO_SIM_DIR/sim_gpio4/pull"
check "vigil-tamper pulled down: gpioget 0" test "$(gpioget "$GPIO_SIM_CHIP" 4)" = 0
