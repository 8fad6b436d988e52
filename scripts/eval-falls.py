#!/usr/bin/env python3
"""`make eval`: replays every clip of ../shared/data/fall/gmdcsa24 (and the motion clips) through
`vigil replay` and scores the fall events against the labels.

A fall clip counts as detected when a `fall` event comes no earlier than 1 s before the
labelled fall start; an ADL clip is a false alarm when any `fall` event comes. The motion
clips should give no `fall` event at all. Usage: eval-falls.py VIGIL_BINARY [--set K=V]...
"""
import csv, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
FALLS = os.path.join(DATA, "fall", "gmdcsa24")
MOTION = [os.path.join(DATA, "motion", p) for p in
          ("opencv-doc/vtest.avi", "opencv-doc/tree.avi", "bgslibrary/video.avi", "bgslibrary/video03.avi")]


def replay(vigil, clip, settings):
    """Decodes `clip` to grey Y4M with ffmpeg and returns (events, summary) from vigil replay."""
    decoder = subprocess.Popen(["ffmpeg", "-loglevel", "error", "-i", clip, "-f", "yuv4mpegpipe", "-pix_fmt", "gray", "-"],
                               stdout=subprocess.PIPE)
    result = subprocess.run([vigil, "replay", *settings, "-"], stdin=decoder.stdout, capture_output=True, text=True)
    decoder.stdout.close()
    decoder.wait()
    if result.returncode != 0:
        sys.exit(f"vigil replay failed on {clip}: {result.stderr.strip()}")
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return [l for l in lines if "event" in l], lines[-1]["summary"]


def fall_start(labels):
    """Seconds at which the labelled fall begins ("Falling (BW)[0.4 to 4]", "Fall (FW)[0 to 3]")."""
    match = re.search(r"Fall\w*\s*(\([A-Z]+\))?\s*\[\s*([0-9.]+)\s*to", labels)
    return float(match.group(2)) if match else None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    vigil, settings = sys.argv[1], sys.argv[2:]
    rows, detected, falls, alarms, adls, ms_total, frames_total = [], 0, 0, 0, 0, 0.0, 0
    with open(os.path.join(FALLS, "labels_gmdcsa24.csv")) as labels:
        for entry in csv.DictReader(labels):
            events, summary = replay(vigil, os.path.join(FALLS, entry["file"]), settings)
            fall_times = [e["t_ms"] for e in events if e["event"] == "fall"]
            ms_total += summary["analysis_ms_per_frame"] * summary["frames"]
            frames_total += summary["frames"]
            if entry["class"] == "fall":
                start = fall_start(entry["interval_labels_seconds"])
                hit = any(t >= (start - 1.0) * 1000 for t in fall_times)
                falls += 1
                detected += hit
                verdict = "detected" if hit else "MISSED"
                label = f"fall at {start:.1f} s"
            else:
                alarm = bool(fall_times)
                adls += 1
                alarms += alarm
                verdict = "FALSE ALARM" if alarm else "ok"
                label = "daily activity"
            rows.append((entry["file"], label, ",".join(str(t) for t in fall_times) or "-", verdict))
    print(f"{'clip':<16} {'label':<16} {'fall events (ms)':<22} verdict")
    for row in rows:
        print(f"{row[0]:<16} {row[1]:<16} {row[2]:<22} {row[3]}")
    print()
    sensitivity = detected / falls
    specificity = (adls - alarms) / adls
    print(f"gmdcsa24: sensitivity {detected}/{falls} = {sensitivity:.2f}, specificity {adls - alarms}/{adls} = {specificity:.2f}, "
          f"analysis {ms_total / frames_total:.2f} ms/frame")
    print()
    motion_falls = 0
    for clip in MOTION:
        events, summary = replay(vigil, clip, settings)
        count = sum(1 for e in events if e["event"] == "fall")
        motion_falls += count
        print(f"{os.path.relpath(clip, DATA):<28} {summary['frames']:>5} frames  {count} fall events"
              f"  {sum(1 for e in events if e['event'] == 'motion')} motion events  {summary['analysis_ms_per_frame']} ms/frame")
    print(f"motion clips: {motion_falls} fall events (expected 0)")


if __name__ == "__main__":
    main()
