"""The Python environment of the scripts that run OpenCV beside vigil (bench-peers.py,
face-agreement.py, bench-faces.py): opencv-python-headless from PyPI in build/venv-peers, made
on first use and shared by them all, so it is downloaded once."""
import os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "build", "venv-peers")
REQUIREMENTS = ["opencv-python-headless==4.14.0.94", "numpy==2.4.6"]


def inside():
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


def enter(script, label):
    """Makes the venv with REQUIREMENTS if needed, then runs `script` again inside it (same process)."""
    python = os.path.join(VENV, "bin", "python")
    stamp = os.path.join(VENV, "vigil-requirements.txt")
    wanted = "\n".join(REQUIREMENTS) + "\n"
    if not os.path.exists(python):
        print(f"{label}: making {os.path.relpath(VENV)} (once)", flush=True)
        if subprocess.run([sys.executable, "-m", "venv", VENV]).returncode != 0:
            sys.exit(f"{label}: python3 -m venv failed; on Debian install python3-venv (apt-get install python3-venv)")
    installed = open(stamp).read() if os.path.exists(stamp) else ""
    if installed != wanted:
        print(f"{label}: installing " + " ".join(REQUIREMENTS) + " from PyPI", flush=True)
        pip = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *REQUIREMENTS]
        if subprocess.run(pip).returncode != 0:
            sys.exit(f"{label}: pip install failed; check the connection to PyPI, or delete build/venv-peers and retry")
        with open(stamp, "w") as file:
            file.write(wanted)
    os.execv(python, [python, os.path.abspath(script), *sys.argv[1:]])
