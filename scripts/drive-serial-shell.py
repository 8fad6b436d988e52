#!/usr/bin/env python3
"""drive-serial-shell.py SOCKET PAYLOAD_DIR [SECONDS] - the technician at the serial console.

Connects to the emulated board's second serial line (board/emulated/boot.sh: a virtio
console, guest /dev/hvc0, on the unix socket SOCKET) while a payload boot runs, waits for the
getty that Tests/target/70-serial.sh starts, logs in as technician (the emulated board's
test-only password) and drives the maintenance shell (vigil-shell): its commands, refused
escape attempts, line editing, exit. Every expectation is one "PASS: serial: ..." or
"FAIL: serial: ..." line in PAYLOAD_DIR/serial/results.txt; then PAYLOAD_DIR/serial/done is
written, which the guest script waits for before it counts those lines into the payload's
results and checks the audit log. SECONDS (default 900) bounds the whole session.
Exit status: 0 if every expectation passed.
"""
import os
import re
import select
import socket
import sys
import time

USER, PASSWORD = "technician", "technician-test"   # board/emulated/overlay/etc/shadow
PROMPT = "vigil> "
STEP = 20.0   # seconds one answer may take under emulation


class Console:
    def __init__(self, path, deadline):
        self.deadline = deadline
        self.sock = None
        while self.sock is None:
            try:
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(path)
                self.sock = s
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"drive-serial-shell: no qemu listening on {path}")
                time.sleep(0.5)
        self.sock.setblocking(False)
        self.seen = ""   # everything received, for the transcript
        self.pending = ""   # received since the last expect

    def send(self, text):
        self.sock.sendall(text.encode("latin-1"))

    def read(self, seconds):
        # Woken as soon as bytes arrive: qemu's virtio console drops what the socket cannot take.
        if not select.select([self.sock], [], [], seconds)[0]:
            return
        try:
            data = self.sock.recv(65536)
        except BlockingIOError:
            return
        if not data:
            raise SystemExit("drive-serial-shell: qemu closed the serial line")
        text = data.decode("utf-8", "replace").replace("\r", "")
        self.seen += text
        self.pending += text

    def expect(self, pattern, seconds=STEP):
        """Text received up to and including the first match of pattern, or None."""
        end = min(time.monotonic() + seconds, self.deadline)
        while True:
            m = re.search(pattern, self.pending)
            if m:
                got, self.pending = self.pending[:m.end()], self.pending[m.end():]
                return got
            if time.monotonic() > end:
                return None
            self.read(0.2)

    def command(self, line, seconds=STEP):
        """What the shell answered to line (its echo included), or None without a prompt again."""
        self.pending = ""
        self.send(line + "\r")
        return self.expect(re.escape(PROMPT) + "$", seconds)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    path, payload = sys.argv[1], sys.argv[2]
    deadline = time.monotonic() + (float(sys.argv[3]) if len(sys.argv) == 4 else 900)
    outdir = os.path.join(payload, "serial")
    os.makedirs(outdir, exist_ok=True)
    results = []

    def record(ok, desc):
        results.append(("PASS: " if ok else "FAIL: ") + "serial: " + desc)
        print(results[-1], flush=True)

    con = Console(path, deadline)
    try:
        drive(con, record, deadline)
    finally:
        with open(os.path.join(outdir, "transcript.txt"), "w") as f:
            f.write(con.seen)
        with open(os.path.join(outdir, "results.txt"), "w") as f:
            f.write("".join(r + "\n" for r in results))
        with open(os.path.join(outdir, "done"), "w") as f:
            f.write("done\n")
    sys.exit(0 if results and all(r.startswith("PASS") for r in results) else 1)


def refused(answer):
    return answer is not None and ("vigil-shell: refused: " in answer or "vigil-shell: unknown command" in answer)


def drive(con, record, deadline):
    # the getty appears once 70-serial.sh runs: knock until it asks
    while con.expect(r"login: ", 5) is None:
        if time.monotonic() > deadline:
            record(False, "a getty on hvc0 asks for a login (none before the deadline)")
            return
        con.send("\r")
    record(True, "a getty on hvc0 asks for a login")
    con.send(USER + "\r")
    if con.expect(r"Password: ") is None:
        record(False, "login asks technician for the password")
        return
    con.send(PASSWORD + "\r")
    banner = con.expect(re.escape(PROMPT) + r"|login: ", 60)
    if banner is None or not banner.endswith(PROMPT):
        record(False, f"the login gives the maintenance shell's prompt '{PROMPT}' (got: {banner!r})")
        return
    record(True, f"the login gives the maintenance shell's prompt '{PROMPT}'")
    record("audit" in banner, "the message of the day says the session is audited")

    commands = "help status diag lamp-test snapshot clips verify hold log date set-time reboot exit".split()
    answer = con.command("help")
    missing = [c for c in commands if answer is None or c not in answer]
    record(not missing, "help lists the commands" + (f" (missing: {' '.join(missing)})" if missing else ""))

    answer = con.command("date")
    record(answer is not None and re.search(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}", answer) is not None,
           "date prints the unit's date and time")
    answer = con.command("clips")
    record(answer is not None and not refused(answer), "clips answers (not refused)")
    answer = con.command("diag --quick", 90)
    record(answer is not None and not refused(answer) and len(answer.splitlines()) > 2,
           "diag --quick prints its checks")

    for attempt in [";sh", "$(id)", "`id`", "hold ../../etc/shadow", "sh", "status; cat /etc/shadow", "log | sh"]:
        answer = con.command(attempt)
        leaked = answer is not None and ("uid=" in answer or "root:" in answer)
        record(refused(answer) and not leaked, f"{attempt!r} is refused and runs nothing")

    answer = con.command("x" * 4000, 60)
    record(refused(answer) or (answer is not None and "too long" in answer),
           "a 4000-byte line is refused and the shell stays")
    for name, chars in [("an escape sequence (ESC[2J)", "\x1b[2J"), ("a NUL byte", "\x00")]:
        answer = con.command(chars)
        record(answer is not None, f"{name} on its own line leaves the shell at its prompt")
    con.pending = ""
    con.send("stat\x03")
    got = con.expect(re.escape(PROMPT) + "$")
    answer = con.command("help")
    record(got is not None and answer is not None and "diag" in answer,
           "Ctrl-C drops the line being typed and the shell goes on")

    con.pending = ""
    con.send("dia\t")
    completed = con.expect(r"diag ", 10)
    record(completed is not None, "tab completes 'dia' to 'diag '")
    con.send("\x15" if completed is not None else "\r")   # Ctrl-U: drop the completed line
    con.command("")

    con.command("date")
    con.pending = ""
    con.send("\x1b[A")
    recalled = con.expect(r"date", 10)
    answer = con.command("") if recalled is not None else None
    record(recalled is not None and answer is not None and re.search(r"\d{2}:\d{2}", answer) is not None,
           "the up arrow brings back the last line (date) and runs it again")

    con.pending = ""
    con.send("exit\r")
    record(con.expect(r"login: ", 30) is not None, "exit ends the session: the getty asks for a login again")


if __name__ == "__main__":
    main()
