#!/usr/bin/env python3
"""bench-unit.py [--runs N] VIGIL CLIP... - the whole per-frame path of `vigil run` on recorded
footage: each CLIP (any video; decoded to 4:2:2 YUV4MPEG2 as a YUYV camera delivers it) is the
unit's camera ([camera] device = FILE.y4m, played in real time), with every stage of the unit
on: tamper check, analysis, face search and redaction, JPEG encoding, the pre-event ring (5 s)
and the clip writer (an event is recorded: the policy says night). The per-frame path runs on
one core, as the target says (`evidence_thread = no`; the clip writer keeps its own thread).

Each clip is run N times (default 3) and the median run is printed: the mean time a frame
takes from capture to the ring (capture itself excluded; the first frame, whose face search
covers the whole frame, is timed apart), with the fastest and slowest run's; the capture
thread's CPU time a frame over the same frames (what a shared machine's other load and its
hypervisor cannot inflate); the frames and events; and the process's peak resident memory
(ru_maxrss, from wait4). Figures only: it never fails on them."""
import argparse, os, statistics, subprocess, tempfile

TARGET_MS = 10.0
TARGET_RSS_KB = 24 * 1024


def run_once(vigil, footage, work):
    """One `vigil run` over the footage; its figures, or the reason it failed."""
    for name in ("alice", "bob"):
        if not os.path.exists(os.path.join(work, name + ".pub")):
            subprocess.run([vigil, "keygen", "--out", os.path.join(work, name)], check=True, stdout=subprocess.DEVNULL)
    clips = os.path.join(work, "clips")
    if os.path.isdir(clips):
        for name in os.listdir(clips):
            os.unlink(os.path.join(clips, name))
    config = os.path.join(work, "vigil.conf")
    with open(config, "w") as file:
        file.write(f"""[camera]
device = {footage}
[store]
directory = {clips}
recipients = {work}/alice.pub,{work}/bob.pub
pre_roll_ms = 5000
evidence_thread = no
[policy]
day_window = mon 00:00-00:01
timezone = UTC0
[outputs]
sign_line = none
recording_line = none
alarm_line = none
status_line = none
tamper_line = none
[unit]
status_file = {work}/status.json
syslog = no
""")
    with open(os.path.join(work, "out"), "w") as stdout, open(os.path.join(work, "err"), "w") as stderr:
        process = subprocess.Popen([vigil, "run", "--config", config], stdout=stdout, stderr=stderr)
        # wait4, not wait: the peak memory of this process alone, not of ffmpeg before it
        _, status, usage = os.wait4(process.pid, 0)
    out, err = open(os.path.join(work, "out")).read(), open(os.path.join(work, "err")).read()
    stopped = [line for line in err.splitlines() if "stopped: " in line]
    if os.waitstatus_to_exitcode(status) != 0 or not stopped:
        return f"vigil run failed (status {status}):\n{err}"
    # "stopped: N frames (W ms a frame (C ms of CPU) to analyse ...; ... whole frame, F ms), ..."
    line = stopped[-1]
    return {
        "frames": int(line.split("stopped: ")[1].split(" ")[0]),
        "ms": float(line.split("(")[1].split(" ms")[0]),
        "cpu": float(line.split("(")[2].split(" ms")[0]),
        "first": int(line.split("whole frame, ")[1].split(" ms")[0]),
        "events": out.count('"event"'),
        "clips": len([n for n in os.listdir(clips) if n.endswith(".vclip")]),
        "rss": usage.ru_maxrss,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per clip; the median is printed (default 3)")
    parser.add_argument("vigil")
    parser.add_argument("clips", nargs="+")
    args = parser.parse_args()
    vigil = os.path.abspath(args.vigil)
    kind = subprocess.run(["file", "-b", vigil], capture_output=True, text=True).stdout
    print(f"{args.vigil}: {'statically' if 'statically linked' in kind else 'dynamically'} linked; median of {args.runs} runs a clip")
    print(f"{'clip':<22} {'size':>9} {'frames':>6} {'ms/frame':>8} {'(range)':>13} {'CPU ms':>6} {'first ms':>8} {'events':>6} {'clips':>5} {'peak RSS':>9}")
    for clip in args.clips:
        with tempfile.TemporaryDirectory() as work:
            footage = os.path.join(work, "footage.y4m")
            subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-i", clip, "-f", "yuv4mpegpipe", "-pix_fmt", "yuv422p",
                            footage], check=True)
            with open(footage, "rb") as file:
                header = file.readline().decode()
            size = header.split(" W")[1].split(" ")[0] + "x" + header.split(" H")[1].split(" ")[0]
            runs = [run_once(vigil, footage, work) for _ in range(args.runs)]
            failed = [run for run in runs if isinstance(run, str)]
            if failed:
                print(f"{os.path.basename(clip)}: {failed[0]}")
                continue
            runs.sort(key=lambda run: run["ms"])
            median = runs[len(runs) // 2]
            spread = f"{runs[0]['ms']:.2f}-{runs[-1]['ms']:.2f}"
            cpu = statistics.median(run["cpu"] for run in runs)
            rss = max(run["rss"] for run in runs)
            print(f"{os.path.basename(clip):<22} {size:>9} {median['frames']:>6} {median['ms']:>8.2f} {spread:>13} {cpu:>6.2f} "
                  f"{median['first']:>8} {median['events']:>6} {median['clips']:>5} {rss / 1024:>7.1f} MB")
    print(f"targets (issue 6, host, one core): under {TARGET_MS:.0f} ms a frame at 1280x720; peak RSS under {TARGET_RSS_KB // 1024} MB"
          " with a 5 s pre-roll at 1280x720, 15 fps (peak RSS: the highest of the runs)")


if __name__ == "__main__":
    main()
