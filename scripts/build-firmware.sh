#!/bin/bash
# Builds the firmware: the same sources as the host build, compiled as Embedded Swift and
# linked by the toolchain's clang + lld into ONE fully static Linux executable for ARCH,
# against a sysroot unpacked from Debian's packages (board/sysroot/make-sysroot.sh).
# Usage: scripts/build-firmware.sh [aarch64|x86_64]    Output: build/ARCH/vigil (stripped)
set -euo pipefail
ARCH=${1:-aarch64}
ROOT=$(cd "$(dirname "$0")/.." && pwd); cd "$ROOT"
case "$ARCH" in
aarch64) TRIPLE=aarch64-none-none-elf;    CLANG_TARGET=aarch64-unknown-linux-gnu; LINK_TARGET=aarch64-linux-gnu ;;
x86_64)  TRIPLE=x86_64-unknown-none-elf;  CLANG_TARGET=x86_64-unknown-linux-gnu;  LINK_TARGET=x86_64-linux-gnu ;;
*) echo "build-firmware: unknown ARCH '$ARCH' (use aarch64 or x86_64)" >&2; exit 2 ;;
esac
SYSROOT=${VIGIL_CACHE:-$HOME/.cache/vigil}/sysroot-$ARCH
board/sysroot/make-sysroot.sh "$ARCH" "$SYSROOT"

SWIFTC=$(readlink -f "$(command -v swiftc)") || { echo "build-firmware: swiftc not found; install Swift 6.3 (see README)" >&2; exit 3; }
TOOLCHAIN_BIN=$(dirname "$SWIFTC")
EMBEDDED_LIB=$TOOLCHAIN_BIN/../lib/swift/embedded/$TRIPLE
SCRATCH=build/.swiftpm-$ARCH
mkdir -p "$SCRATCH" "build/$ARCH"
# -clang-target makes the C headers see the Linux target (__linux__, glibc) rather than bare
# metal; Debian's BFD ld cannot link this statically, lld can.
# SwiftPM compiles each module as multi-threaded WMO, one object per file. Embedded Swift 6.3.1
# miscompiles that split (string comparisons fail, then a segfault: `vigil selftest` caught it);
# one LLVM module per Swift module is correct.
cat > "$SCRATCH/toolset.json" <<JSON
{
  "schemaVersion": "1.0",
  "swiftCompiler": { "extraCLIOptions": [
    "-Xfrontend", "-clang-target", "-Xfrontend", "$CLANG_TARGET",
    "-Xcc", "--sysroot=$SYSROOT",
    "-Xclang-linker", "--target=$LINK_TARGET",
    "-Xclang-linker", "--sysroot=$SYSROOT",
    "-Xclang-linker", "-static",
    "-use-ld=lld",
    "-Xfrontend", "-enable-single-module-llvm-emission" ] },
  "cCompiler": { "extraCLIOptions": ["--target=$LINK_TARGET", "--sysroot=$SYSROOT"] },
  "linker": { "extraCLIOptions": ["-L$EMBEDDED_LIB", "-lswiftUnicodeDataTables", "-lm"] }
}
JSON
VIGIL_EMBEDDED=1 swift build -c release --triple "$TRIPLE" --toolset "$SCRATCH/toolset.json" \
	--scratch-path "$SCRATCH" --product vigil
"$TOOLCHAIN_BIN/llvm-objcopy" --strip-all "$SCRATCH/release/vigil" "build/$ARCH/vigil"
file "build/$ARCH/vigil"
SIZE=$(stat -c %s "build/$ARCH/vigil")
# The 5 MB budget is the product's, which runs on ARM boards (it was 4 MB before `vigil run`
# brought the daemon, libv4lconvert and pthreads; 4.75 MB then); the x86_64 build runs only
# on the emulated board, and x86_64 code is about a quarter larger for the same sources.
case $ARCH in
	aarch64) BUDGET=5242880 ;;
	*) BUDGET=7340032 ;;
esac
echo "firmware build/$ARCH/vigil: $SIZE bytes stripped (budget $BUDGET)"
if [ "$SIZE" -gt "$BUDGET" ]; then
	echo "build-firmware: the firmware is over its budget of $BUDGET bytes; find what grew (llvm-size, nm --size-sort)" >&2
	exit 1
fi
