#!/usr/bin/env python3
"""`make bench-faces`: full-frame face detection time per cascade at 640x480, vigil against
OpenCV's CascadeClassifier.detectMultiScale(image, 1.1, 3) with the same cascade on the same grey
frame, one thread each (`make bench-peers`; `make bench` runs it with --vigil-only). Prints
figures and never fails on them; not part of `make test`.
Usage: bench-faces.py VIGIL [--repeat N] [--vigil-only]
"""
import argparse, json, os, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers_venv
from face_images import decode, read_luma

LABEL = "bench-faces"
CASCADES = {
    "haarcascade_frontalface_default": "haarcascades/haarcascade_frontalface_default.xml",
    "haarcascade_frontalface_alt2": "haarcascades/haarcascade_frontalface_alt2.xml",
    "haarcascade_profileface": "haarcascades/haarcascade_profileface.xml",
    "lbpcascade_frontalface_improved": "lbpcascades/lbpcascade_frontalface_improved.xml",
}
# (name, file under ../shared/data/faces, ffmpeg filter), each made 640x480.
FRAMES = [
    ("dlib-2008_002079", "dlib/2008_002079.jpg", None, "a group photo, 6 faces"),
    ("gmdcsa24-S4_ADL_19", "../fall/gmdcsa24/S4_ADL_19.mp4", r"select=eq(n\,0)", "a room, no face"),
]


def vigil_ms(vigil, cascade, path, repeat):
    command = [vigil, "faces", "--cascade", cascade, "--repeat", str(repeat), path]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{LABEL}: {' '.join(command)} failed: {result.stderr.strip()}")
    lines = result.stdout.splitlines()
    return json.loads(lines[-1])["summary"]["detect_ms_per_frame"], len(lines) - 1


def opencv_ms(classifier, luma, repeat):
    found = classifier.detectMultiScale(luma, scaleFactor=1.1, minNeighbors=3)  # warm-up
    started = time.perf_counter()
    for _ in range(repeat):
        classifier.detectMultiScale(luma, scaleFactor=1.1, minNeighbors=3)
    return (time.perf_counter() - started) * 1000 / repeat, len(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vigil", help="the vigil executable (host build)")
    parser.add_argument("--repeat", type=int, default=10, help="detections timed per frame and cascade (default 10)")
    parser.add_argument("--vigil-only", action="store_true", help="time vigil alone (no OpenCV, no download)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.vigil_only:
        print(f"{LABEL}: vigil, one thread, mean of {args.repeat} full-frame detections, scaleFactor 1.1, minNeighbors 3")
        print(f"  {'frame (640x480)':48} {'cascade':32} {'vigil ms':>9}  faces")
        for name, relative, video_filter, what in FRAMES:
            path = decode(name, relative, video_filter, LABEL, extra_filter="scale=640:480")
            for cascade in CASCADES:
                ours, our_faces = vigil_ms(os.path.abspath(args.vigil), cascade, path, args.repeat)
                print(f"  {name + ' (' + what + ')':48} {cascade:32} {ours:9.1f}  {our_faces}")
        return
    if not peers_venv.inside():
        peers_venv.enter(__file__, LABEL)
    import cv2
    cv2.setNumThreads(1)
    print(f"{LABEL}: OpenCV {cv2.__version__} and vigil, one thread each, mean of {args.repeat} full-frame detections "
          "after one warm-up, scaleFactor 1.1, minNeighbors 3")
    print(f"  {'frame (640x480)':48} {'cascade':32} {'vigil ms':>9} {'OpenCV ms':>10} {'ratio':>6}  faces vigil/OpenCV")
    for name, relative, video_filter, what in FRAMES:
        path = decode(name, relative, video_filter, LABEL, extra_filter="scale=640:480")
        luma = read_luma(path, LABEL)[0]
        for cascade, xml in CASCADES.items():
            ours, our_faces = vigil_ms(os.path.abspath(args.vigil), cascade, path, args.repeat)
            theirs, their_faces = opencv_ms(cv2.CascadeClassifier(os.path.join("/usr/share/opencv4", xml)), luma, args.repeat)
            print(f"  {name + ' (' + what + ')':48} {cascade:32} {ours:9.1f} {theirs:10.1f} {theirs / ours:5.2f}x  {our_faces}/{their_faces}")


if __name__ == "__main__":
    main()
