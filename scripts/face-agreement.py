#!/usr/bin/env python3
"""`make face-agreement`: vigil's face detector against OpenCV's own CascadeClassifier, per
cascade, on the same grey images (../shared/data/faces, decoded once by ffmpeg, so both read the
same luma) with the same parameters (detectMultiScale(image, 1.1, 3), one thread).

An OpenCV box is found when a vigil box of the same image overlaps it with IoU >= 0.8 (each
vigil box matches one OpenCV box at most); vigil boxes left over are extra. A cascade passes
with at least 95 % of OpenCV's boxes found and at most 5 % extra (of OpenCV's count).
Usage: face-agreement.py VIGIL
"""
import json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from face_images import IMAGES, decode, read_luma, start_with_opencv

LABEL = "face-agreement"
CASCADES = {  # vigil's name: the file under /usr/share/opencv4 that OpenCV loads
    "haarcascade_frontalface_default": "haarcascades/haarcascade_frontalface_default.xml",
    "haarcascade_frontalface_alt2": "haarcascades/haarcascade_frontalface_alt2.xml",
    "haarcascade_profileface": "haarcascades/haarcascade_profileface.xml",
    "lbpcascade_frontalface_improved": "lbpcascades/lbpcascade_frontalface_improved.xml",
}
MIN_IOU, MIN_FOUND, MAX_EXTRA = 0.8, 0.95, 0.05
# Too few boxes and the percentages mean nothing: then the check fails rather than passes.
MIN_BOXES = 5


def iou(a, b):
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    w = min(ax + aw, bx + bw) - max(ax, bx)
    h = min(ay + ah, by + bh) - max(ay, by)
    inter = max(w, 0) * max(h, 0)
    return inter / (aw * ah + bw * bh - inter)


def match(reference, candidates):
    """How many reference boxes a distinct candidate box covers with IoU >= MIN_IOU (greedy, best pair first)."""
    pairs = sorted(((iou(r, c), i, j) for i, r in enumerate(reference) for j, c in enumerate(candidates)), reverse=True)
    used_r, used_c = set(), set()
    for overlap, i, j in pairs:
        if overlap >= MIN_IOU and i not in used_r and j not in used_c:
            used_r.add(i)
            used_c.add(j)
    return len(used_r)


def vigil_boxes(vigil, cascade, path):
    """{frame: [boxes]} from `vigil faces`."""
    result = subprocess.run([vigil, "faces", "--cascade", cascade, path], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{LABEL}: vigil faces --cascade {cascade} {path} failed (exit {result.returncode}): {result.stderr.strip()}")
    boxes = {}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        if "box" in record:
            boxes.setdefault(record["frame"], []).append(tuple(record["box"]))
    return boxes


def main():
    vigil, cv2 = start_with_opencv(__file__, LABEL)

    inputs = [(name, decode(name, relative, video_filter, LABEL)) for name, relative, video_filter in IMAGES]
    print(f"{LABEL}: OpenCV {cv2.__version__} detectMultiScale(scaleFactor=1.1, minNeighbors=3) against vigil faces, "
          f"{len(inputs)} inputs; found = IoU >= {MIN_IOU}")
    passed = failed = 0
    for cascade, relative in CASCADES.items():
        classifier = cv2.CascadeClassifier(os.path.join("/usr/share/opencv4", relative))
        if classifier.empty():
            sys.exit(f"{LABEL}: OpenCV cannot load /usr/share/opencv4/{relative}; install opencv-data (scripts/install-deps.sh)")
        total = found = extra = identical = 0
        misses = []
        for name, path in inputs:
            ours = vigil_boxes(vigil, cascade, path)
            for index, luma in enumerate(read_luma(path, LABEL)):
                theirs = [tuple(int(v) for v in box) for box in classifier.detectMultiScale(luma, scaleFactor=1.1, minNeighbors=3)]
                mine = ours.get(index, [])
                matched = match(theirs, mine)
                total += len(theirs)
                found += matched
                extra += len(mine) - matched
                identical += len(set(theirs) & set(mine))
                if matched < len(theirs) or matched < len(mine):
                    misses.append(f"{name}#{index}: OpenCV {sorted(theirs)} vigil {sorted(mine)}")
        ok = total >= MIN_BOXES and found >= MIN_FOUND * total and extra <= MAX_EXTRA * total
        share = lambda n: f"{100 * n / total:.1f} %" if total else "-"
        print(f"  {'ok  ' if ok else 'FAIL'} {cascade}: OpenCV {total} boxes, vigil found {found} ({share(found)}), "
              f"extra {extra} ({share(extra)}); {identical} of them identical to the pixel")
        for line in misses:
            print("         " + line)
        if total < MIN_BOXES:
            print(f"         fewer than {MIN_BOXES} OpenCV boxes: the inputs do not exercise this cascade")
        passed, failed = passed + ok, failed + (not ok)
    print(f"{LABEL}: {passed} passed, {failed} failed")
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
