#!/usr/bin/env python3
"""Measures `toolkit serve`'s save-to-reload time on a copy of the content.

Starts `toolkit serve` on a free port over a temporary copy of content/ and theme/, listens to the
reload events as a browser tab does, then saves a question file N times (a small change each time) and
reports, for each save, the time until the reload event arrives and until the changed page has been
fetched again. Nothing in the working tree is touched.

    python3 scripts/measure-reload.py [--binary .build/debug/toolkit] [--saves 10]
"""
import argparse, os, re, shutil, socket, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=os.path.join(root, ".build/debug/toolkit"))
parser.add_argument("--saves", type=int, default=10)
parser.add_argument("--question", default="data-analytics/0-which-rules/01-competent-authority.md")
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="toolkit-reload-")
shutil.copytree(os.path.join(root, "content"), os.path.join(work, "content"))
shutil.copytree(os.path.join(root, "theme"), os.path.join(work, "theme"))
server = subprocess.Popen([os.path.abspath(args.binary), "serve", "--port", "0", "--preview-folder", os.path.join(work, "preview")],
                          cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
port = None
for line in server.stdout:
    match = re.search(r"Preview at http://127\.0\.0\.1:(\d+)/", line)
    if match:
        port = int(match.group(1))
    if "Ctrl-C" in line:
        break
if port is None:
    sys.exit("serve did not start")

def get(path):
    with socket.create_connection(("127.0.0.1", port)) as s:
        # Connection: close, or the server keeps the connection open for the next request.
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode("utf-8", "replace")

events = socket.create_connection(("127.0.0.1", port))
events.sendall(b"GET /__toolkit/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
events.settimeout(10)
buffer = b""
def next_event(name):
    global buffer
    while True:
        while b"\n\n" in buffer:
            block, buffer = buffer.split(b"\n\n", 1)
            if f"event: {name}".encode() in block:
                return
        chunk = events.recv(4096)
        if not chunk:
            sys.exit("the server closed the event stream: " + buffer.decode("utf-8", "replace")[:300])
        buffer += chunk.replace(b"\r\n", b"\n")

try:
    next_event("hello")
except BaseException:
    server.terminate(); shutil.rmtree(work, ignore_errors=True); raise
path = os.path.join(work, "content", args.question)
original = open(path).read()
toolkit = args.question.split("/")[0]
to_event, to_page = [], []
for n in range(args.saves):
    time.sleep(0.3)  # a pause between saves, as an editor makes
    marker = f"edit {n}"
    changed = re.sub(r"^question: (.*?)(?: \(edit \d+\))?$", lambda m: f"question: {m.group(1)} ({marker})",
                     original, count=1, flags=re.M)
    start = time.monotonic()
    with open(path, "w") as f:
        f.write(changed)
    # The first reload event after the save, then the first fetch that has the change (a save seen
    # half way could give a rebuild without it).
    next_event("reload")
    to_event.append(time.monotonic() - start)
    while marker not in get(f"/{toolkit}/model.js"):
        next_event("reload")
    to_page.append(time.monotonic() - start)
server.terminate()
server.wait()
shutil.rmtree(work, ignore_errors=True)

def ms(values):
    return f"median {statistics.median(values) * 1000:.0f} ms, min {min(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"
print(f"{args.binary}, {args.saves} saves of content/{args.question}")
print(f"  save -> reload event:         {ms(to_event)}")
print(f"  save -> changed page fetched: {ms(to_page)}")
