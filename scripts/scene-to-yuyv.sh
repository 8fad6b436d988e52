#!/bin/bash
# scene-to-yuyv.sh IN OUT [FPS] - decode a clip (anything ffmpeg reads) into raw 640x480 YUYV
# (yuyv422) frames at FPS, default 30: the rate at which the emulated board's looped camera plays
# them (/usr/lib/vigil-board/vivid-loop). Frames are repeated or dropped so that the clip keeps
# its real time; other sizes are scaled to fit and padded with black, not distorted.
set -euo pipefail
[ $# -eq 2 ] || [ $# -eq 3 ] || { echo "usage: $0 IN OUT [FPS]" >&2; exit 2; }
IN=$1 OUT=$2 FPS=${3:-30}
command -v ffmpeg > /dev/null || { echo "scene-to-yuyv: ffmpeg is missing: run scripts/install-deps.sh" >&2; exit 3; }
[ -f "$IN" ] || { echo "scene-to-yuyv: $IN does not exist" >&2; exit 2; }
mkdir -p "$(dirname "$OUT")"
ffmpeg -nostdin -loglevel error -y -i "$IN" -an \
	-vf "fps=$FPS,scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2" \
	-pix_fmt yuyv422 -f rawvideo "$OUT.part"
mv "$OUT.part" "$OUT"
echo "scene-to-yuyv: $OUT: $(($(stat -c %s "$OUT") / 614400)) frames of 640x480 YUYV at $FPS fps"
