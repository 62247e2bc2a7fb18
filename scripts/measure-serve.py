#!/usr/bin/env python3
"""Figures for the preview server (toolkit-preview, on Hummingbird), on loopback:

1. load: wrk with 50 connections for 10 s (at least 20,000 requests); prints requests, errors, non-2xx.
2. slow clients: 500 connections trickle request headers a byte every 0.5 s; meanwhile a normal request
   is made every 0.25 s for 10 s. Prints the slowest normal answer (it must be under 1 s) and how long
   the server let the trickling connections live (the header deadline, 10 s, is absolute).

    python3 scripts/measure-serve.py [path/to/toolkit-preview]   (default: the release build; needs wrk)
"""
import os, re, shutil, socket, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    subprocess.run(["swift", "build", "-c", "release", "--product", "toolkit-preview"], cwd=ROOT, check=True)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(path, "toolkit-preview")

def start(program, folder):
    log = open(os.path.join(folder, "serve.log"), "w+")
    process = subprocess.Popen([program, "--port", "0", "--content", os.path.join(ROOT, "content"),
                                "--theme", os.path.join(ROOT, "theme"), "--preview-folder", os.path.join(folder, "preview")],
                               stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        log.seek(0)
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read())
        if found:
            return process, int(found.group(1))
        time.sleep(0.1)
    process.kill()
    sys.exit("the preview did not start")

def get(port, path="/data-analytics/index.html"):
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.split(b" ", 2)[1].decode(), time.monotonic() - started

def load(port):
    if not shutil.which("wrk"):
        print("load: wrk is not installed (Debian: apt-get install wrk)")
        return
    out = subprocess.run(["wrk", "-t2", "-c50", "-d10s", f"http://127.0.0.1:{port}/data-analytics/index.html"],
                         capture_output=True, text=True).stdout
    requests = re.search(r"(\d+) requests in", out).group(1)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    print(f"load: wrk -c50 10 s: {requests} requests ({rate}/s), socket errors: "
          f"{socket_errors.group(1) if socket_errors else 'none'}, non-2xx: {non2xx.group(1) if non2xx else 0}")

def slow_clients(port, count=500):
    lifetimes, stop = [], threading.Event()
    def trickle():
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        opened = time.monotonic()
        try:
            for byte in b"GET /data-analytics/index.html HTTP/1.1\r\nX-Slow: " + b"a" * 200:
                if stop.is_set():
                    break
                s.sendall(bytes([byte]))
                time.sleep(0.5)
        except OSError:
            pass
        lifetimes.append(time.monotonic() - opened)
        s.close()
    threads = [threading.Thread(target=trickle, daemon=True) for _ in range(count)]
    for t in threads:
        t.start()
    time.sleep(1)
    times, statuses = [], []
    end = time.monotonic() + 10
    while time.monotonic() < end:
        status, seconds = get(port)
        statuses.append(status)
        times.append(seconds)
        time.sleep(0.25)
    stop.set()
    for t in threads:
        t.join(timeout=5)
    cut = sorted(lifetimes)
    print(f"slow clients: {count} trickling; {len(times)} normal requests, all 200: {set(statuses) == {'200'}}, "
          f"slowest {max(times) * 1000:.0f} ms, median {sorted(times)[len(times) // 2] * 1000:.0f} ms; "
          f"trickling connections cut off after {cut[0]:.1f} to {cut[-1]:.1f} s")

def main():
    program = binary()
    folder = tempfile.mkdtemp(prefix="toolkit-measure-serve-")
    process, port = start(program, folder)
    try:
        load(port)
        slow_clients(port)
    finally:
        process.terminate()
        process.wait()
        shutil.rmtree(folder)

if __name__ == "__main__":
    main()
