#!/bin/bash
# demo.sh - `make demo`: vigil makes two demo reviewer keys and its own scene (a person walks
# in and falls) on the host, the emulated aarch64 board runs the unit on it (run.sh), and the
# clip it recorded is opened here with both keys, its frames written to build/demo/frames.
set -euo pipefail
cd "$(dirname "$0")/../../.."
say() { echo "[demo] $*"; }
swift build --product vigil > build/host-vigil-build.log 2>&1 || { say "host build failed: build/host-vigil-build.log"; exit 1; }
VIGIL=$(swift build --product vigil --show-bin-path)/vigil
P=build/payload/demo
rm -rf "$P" build/demo && mkdir -p "$P/keys" build/demo
cp board/emulated/demo/run.sh "$P/run.sh"
"$VIGIL" keygen --out "$P/keys/demo-alice" > /dev/null
"$VIGIL" keygen --out "$P/keys/demo-bob" > /dev/null
say "the scene: vigil scene, 640x480 YUYV at 30 fps, 10 s"
"$VIGIL" scene --fps 30 --seconds 10 "$P/scene.yuyv"
board/emulated/make-flash.sh build/flash/demo.img 64 > /dev/null
FLASH=build/flash/demo.img GUEST_TIMEOUT=400 board/emulated/boot.sh qemu-aarch64 "$P" || true
clip=$(ls "$P"/out/clips/clip-*.vclip 2>/dev/null | head -1 || true)
[ -n "$clip" ] || { say "no clip came back from the board (see the console above)"; exit 1; }
say "opening ${clip##*/} with the two demo reviewers' keys (four eyes)"
"$VIGIL" open --key "$P/keys/demo-alice.key" --key "$P/keys/demo-bob.key" --unit "$P/out/clips/unit.pub" --frames build/demo/frames "$clip"
"$VIGIL" open --key "$P/keys/demo-alice.key" --key "$P/keys/demo-bob.key" --unit "$P/out/clips/unit.pub" --out build/demo/clip.avi "$clip" > /dev/null
say "the clip's $(ls build/demo/frames | grep -c '\.jpg$') frames: build/demo/frames/ (JPEG), build/demo/clip.avi, its metadata build/demo/frames/clip.json"
say "the person's head is pixelated in every frame: that is all the unit ever kept"
