#!/bin/bash
# Installs what building and testing vigil needs on Debian 12, and says so. Only packages that
# are missing are installed, so a second run costs a second. Runs apt-get as root, or via sudo.
# Swift itself is not a Debian package: it must be installed already (see README).
set -euo pipefail

# Host build and tests: the four C libraries vigil wraps (+ libjpeg for static links), and
# ffmpeg, which decodes the footage in ../shared/data for the tests, and python3 for make eval.
# opencv-data: the face cascades that every build converts into vigil (scripts/convert-cascades.py);
# python3-venv: the OpenCV environment that make face-agreement compares vigil with;
# systemd: systemd-analyze, which checks the product's vigil.service (scripts/check-overlay.sh).
HOST="libv4l-dev libturbojpeg0-dev libjpeg62-turbo-dev libgpiod-dev libsodium-dev pkg-config ffmpeg python3
      opencv-data python3-venv systemd"
# Firmware self-test under user-mode emulation.
FIRMWARE="qemu-user-static file"
# The emulated boards: qemu, the out-of-tree gpio-sim build (native and cross gcc), initramfs tools,
# the flash disk image (mke2fs).
BOARDS="qemu-system-arm qemu-system-x86 gcc make libc6-dev gcc-aarch64-linux-gnu libc6-dev-arm64-cross
        cpio kmod binutils xz-utils zstd gzip util-linux coreutils e2fsprogs"
PKGS="$HOST $FIRMWARE $BOARDS"

if ! command -v swift >/dev/null; then
	echo "install-deps: Swift 6.3 is not on PATH. Install the swift.org toolchain for Debian 12" >&2
	echo "  (e.g. unpacked to /opt/swift, with /opt/swift/usr/bin on PATH), then run this again." >&2
	exit 3
fi

SUDO=
if [ "$(id -u)" != 0 ]; then
	command -v sudo >/dev/null || { echo "install-deps: run as root, or install sudo" >&2; exit 3; }
	SUDO=sudo
fi

missing=()
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
# The firmware's sysroot and the aarch64 board are made from Debian's arm64 packages.
need_arm64=0
dpkg --print-foreign-architectures | grep -qx arm64 || need_arm64=1

if [ ${#missing[@]} -eq 0 ] && [ $need_arm64 = 0 ]; then
	echo "install-deps: everything is installed"
	exit 0
fi
if [ $need_arm64 = 1 ]; then
	echo "install-deps: enabling Debian's arm64 architecture (for the firmware sysroot and the aarch64 board)"
	$SUDO dpkg --add-architecture arm64
fi
echo "install-deps: installing with apt-get:${missing[*]:+ ${missing[*]}}"
$SUDO apt-get update -qq
[ ${#missing[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
