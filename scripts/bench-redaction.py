#!/usr/bin/env python3
"""`make bench` (redaction part): what `vigil redact` costs per frame of a stream - analysis,
face search within its budget and pixelation, file I/O excluded (vigil's own summary) - on vtest
(pedestrians) and a fall clip (gmdcsa24 S3_Fall_15), each at 640x480 and 1280x720. Prints
figures and never fails on them. Target (issue 4): vtest at 640x480 under 5 ms per frame.
Two measures: vigil's own clock around the per-frame path (wall time: grows when other work
shares the cores), and the CPU time of the whole process per frame (file reading and writing
included, so an upper bound, but not inflated by a busy machine).
Usage: bench-redaction.py VIGIL
"""
import json, os, resource, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from face_images import decoded_y4m

LABEL = "bench-redaction"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
WORK = os.path.join(ROOT, "build", "bench")
CLIPS = [("vtest", "motion/opencv-doc/vtest.avi"), ("S3_Fall_15", "fall/gmdcsa24/S3_Fall_15.mp4")]
SIZES = [(640, 480), (1280, 720)]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    vigil = sys.argv[1]
    print(f"{LABEL}: vigil redact, default [redaction] (faces,heads,masks; {'haarcascade_frontalface_default'}), one thread")
    print(f"  {'clip':12} {'size':>10} {'frames':>7} {'wall ms/frame':>14} {'CPU ms/frame':>13} {'windows/frame':>14} {'windows max':>12}")
    for name, relative in CLIPS:
        for width, height in SIZES:
            source = decoded_y4m(os.path.join(DATA, relative), os.path.join(WORK, f"{name}-{width}x{height}.y4m"), LABEL, "yuv420p",
                                 f"scale={width}:{height}")
            output = os.path.join(WORK, f"{name}-{width}x{height}.redacted.y4m")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            result = subprocess.run([vigil, "redact", source, output], capture_output=True, text=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if result.returncode != 0:
                sys.exit(f"{LABEL}: vigil redact {source} failed (exit {result.returncode}): {result.stderr.strip()}")
            os.remove(output)
            summary = json.loads(result.stdout.splitlines()[-1])["summary"]
            cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000 / max(summary["frames"], 1)
            print(f"  {name:12} {f'{width}x{height}':>10} {summary['frames']:7} {summary['ms_per_frame']:14.2f} {cpu:13.2f} "
                  f"{summary['windows_per_frame']:14} {summary['windows_max']:12}")


if __name__ == "__main__":
    main()
