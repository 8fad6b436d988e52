#!/bin/sh
# The `make demo` payload: what the unit says about itself and its devices on first contact.
echo
echo "==== vigil on the emulated aarch64 board ($(uname -m), kernel $(uname -r))"
vigil --version
echo
echo "==== vigil probe: camera (vivid) and the status light (gpio-sim line 'vigil-status')"
vigil probe
rc=$?
echo
echo "==== what gpio-sim saw is checked by 'make test'; the lines on this board:"
gpioinfo 2>/dev/null | grep vigil-
exit $rc
