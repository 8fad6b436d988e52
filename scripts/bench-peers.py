#!/usr/bin/env python3
"""`make bench-peers`: vigil's analysis against OpenCV's usual motion pipeline (MOG2 background
subtraction, 3x3 opening, connectedComponentsWithStats), one thread each, on the same decoded
frames of one YUV4MPEG2 file, in one run of this script; prints both ms/frame and the ratio.

OpenCV works on the full frame. vigil runs twice: with its defaults, which analyse a frame
shrunk to about 320 px wide (part of its design), and with downscale=1, on the full frame as
OpenCV does. OpenCV comes from PyPI into build/venv-peers, made on the first run.
Usage: bench-peers.py VIGIL_BENCH INPUT.y4m [--frames N] [--warmup N]
"""
import argparse, json, os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers_venv


def read_luma(path, limit):
    """The first `limit` frames' luma planes of a YUV4MPEG2 file, as (width, height, [h x w uint8 arrays])."""
    import numpy as np
    try:
        file = open(path, "rb")
    except OSError as error:
        sys.exit(f"bench-peers: cannot read {path}: {error.strerror}; make it with ffmpeg -i CLIP -f yuv4mpegpipe -pix_fmt gray {path}")
    with file:
        header = file.readline().split()
        if not header or header[0] != b"YUV4MPEG2":
            sys.exit(f"bench-peers: {path} is not YUV4MPEG2; make it with ffmpeg -i CLIP -f yuv4mpegpipe -pix_fmt gray {path}")
        fields = {field[:1]: field[1:].decode() for field in header[1:]}
        width, height, chroma = int(fields[b"W"]), int(fields[b"H"]), fields.get(b"C", "420")
        half_width, half_height = (width + 1) // 2, (height + 1) // 2
        chroma_bytes = {"mono": 0, "422": 2 * half_width * height, "444": 2 * width * height}.get(
            chroma, 2 * half_width * half_height)  # the 420 variants
        frames = []
        while len(frames) < limit:
            marker = file.readline()
            if not marker:
                break
            if not marker.startswith(b"FRAME"):
                sys.exit(f"bench-peers: {path}: frame {len(frames)} has no FRAME line; the file is damaged")
            data = file.read(width * height + chroma_bytes)
            if len(data) < width * height + chroma_bytes:
                sys.exit(f"bench-peers: {path}: frame {len(frames)} is truncated")
            frames.append(np.frombuffer(data, np.uint8, count=width * height).reshape(height, width).copy())
    if not frames:
        sys.exit(f"bench-peers: {path} has no frame")
    return width, height, frames


def opencv_ms_per_frame(frames, warmup, measured):
    """MOG2 (defaults) + 3x3 opening + connectedComponentsWithStats per frame, one thread."""
    import cv2
    import numpy as np
    cv2.setNumThreads(1)
    subtractor = cv2.createBackgroundSubtractorMOG2()
    kernel = np.ones((3, 3), np.uint8)

    def analyse(index):
        mask = subtractor.apply(frames[index % len(frames)])
        opened = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
        cv2.connectedComponentsWithStats(opened)

    # The same sequence as vigil-bench: warm-up frames first, the clip looped when it is shorter.
    for index in range(warmup):
        analyse(index)
    started = time.perf_counter()
    for index in range(warmup, warmup + measured):
        analyse(index)
    return (time.perf_counter() - started) * 1000 / measured


def vigil(bench, path, warmup, measured, settings):
    """vigil-bench's JSON summary for the same file and frames."""
    command = [bench, "--warmup", str(warmup), "--frames", str(measured), *settings, path]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"bench-peers: {' '.join(command)} failed: {result.stderr.strip()}")
    summary = json.loads(result.stdout.splitlines()[-1])
    if summary["frames"] != measured:
        sys.exit(f"bench-peers: vigil-bench measured {summary['frames']} frames, not {measured}")
    return summary


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", help="the vigil-bench executable")
    parser.add_argument("input", help="a YUV4MPEG2 file")
    parser.add_argument("--frames", type=int, default=1000, help="frames measured (default 1000)")
    parser.add_argument("--warmup", type=int, default=50, help="frames before measuring (default 50)")
    args = parser.parse_args()
    if args.frames < 1 or args.warmup < 0:
        parser.error("--frames must be at least 1 and --warmup at least 0")
    if not peers_venv.inside():
        peers_venv.enter(__file__, "bench-peers")
    import cv2

    width, height, frames = read_luma(args.input, args.warmup + args.frames)
    print(f"bench-peers: {args.input}, {width}x{height}: the same {args.frames} frames after {args.warmup} warm-up "
          f"for each ({len(frames)} frames looped), one thread each", flush=True)
    opencv = opencv_ms_per_frame(frames, args.warmup, args.frames)
    del frames
    default = vigil(args.bench, args.input, args.warmup, args.frames, [])
    full = vigil(args.bench, args.input, args.warmup, args.frames, ["--set", "downscale=1"])
    small = f"{width // default['downscale']}x{height // default['downscale']}"

    print("  ms/frame  allocs/frame  what")
    print(f"  {opencv:8.3f}             -  OpenCV {cv2.__version__}: MOG2 + 3x3 open + connectedComponentsWithStats "
          f"on the full {width}x{height} frame")
    print(f"  {default['ms_per_frame']:8.3f}  {default['allocations_per_frame']:12.3f}  vigil, defaults: analyses at {small} "
          f"(downscale {default['downscale']}, by design)")
    print(f"  {full['ms_per_frame']:8.3f}  {full['allocations_per_frame']:12.3f}  vigil, downscale=1: analyses the full "
          f"{width}x{height} frame, as OpenCV does")
    print(f"vigil is {opencv / default['ms_per_frame']:.1f}x faster than OpenCV MOG2 (target >= 10x), "
          f"with its default downscale to {small}")
    print(f"vigil at full resolution (downscale=1) is {opencv / full['ms_per_frame']:.1f}x faster than OpenCV MOG2")


if __name__ == "__main__":
    main()
