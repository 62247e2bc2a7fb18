#!/usr/bin/env python3
"""The speed benchmark (issue 11). Prints figures; never a timed test.

For 200, 2,000 and 10,000 synthetic questions (scripts/bench_content.py) it times, in the same run and
alternating, `toolkit build` (release), `hugo` on the same Markdown as plain pages, and the `cmark` CLI on the
same Markdown in one file, as medians of several runs; then peak memory (/usr/bin/time -v), the weight of
what the browser loads before the first question (gzipped), render times in headless Chromium (Performance
API), and the preview's save-to-reload time (scripts/measure-reload.py). Writes benchmarks/results.md.

    make bench                          # installs hugo, cmark and time, builds in release, runs this
    python3 scripts/bench.py [--sizes 200,2000] [--runs 5] [--skip-browser] [--skip-preview]
"""

import argparse
import datetime
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "Tests" / "browser"))

import bench_content  # noqa: E402


# As `make release` builds it: optimised, with Swift's libraries linked in (the build starts 7 ms sooner),
# in a build folder of its own so that it does not undo the other release builds.
RELEASE = ["-c", "release", "--static-swift-stdlib", "--scratch-path", ".build-static"]


def release_binary(preview=True):
    # `toolkit serve` runs toolkit-preview beside it, so the preview's figure needs that built too.
    for product in ["toolkit"] + (["toolkit-preview"] if preview else []):
        subprocess.run(["swift", "build", *RELEASE, "--product", product], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
    folder = subprocess.run(["swift", "build", *RELEASE, "--show-bin-path"], cwd=REPO, check=True,
                            capture_output=True, text=True).stdout.strip()
    return Path(folder) / "toolkit"


def commands(binary, root):
    return {
        "toolkit build": [str(binary), "build", "--content", str(root / "content"), "--theme", str(REPO / "theme"),
                          "--output", str(root / "site")],
        "hugo": ["hugo", "--quiet", "--source", str(root / "hugo"), "--destination", str(root / "hugo-public")],
        "cmark": ["sh", "-c", f"cmark --smart < '{root / 'bare.md'}' > '{root / 'bare.html'}'"],
    }


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_memory_mb(command):
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, check=True)
    kilobytes = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return kilobytes / 1024


def step_medians(command, runs):
    """Each step's median time in milliseconds, as `toolkit build --timings` prints them."""
    steps = {}
    for _ in range(runs):
        printed = subprocess.run(command + ["--timings"], check=True, capture_output=True, text=True).stderr
        line = next(l for l in printed.splitlines() if l.startswith("toolkit: load "))
        for step, milliseconds in re.findall(r"(\w+) (\d+) ms", line):
            steps.setdefault(step, []).append(int(milliseconds))
    return {step: statistics.median(values) for step, values in steps.items()}


def measure_builds(binary, sizes, runs, work):
    rows = {}
    for size in sizes:
        root = bench_content.generate(size, work / f"q{size}")
        cmds = commands(binary, root)
        times = {name: [] for name in cmds}
        count = runs if size < 10000 else max(3, runs - 2)
        for _ in range(count):  # alternating, so a slow moment of the machine hits each tool alike
            for name, command in cmds.items():
                times[name].append(timed(command))
        medians = {name: statistics.median(values) for name, values in times.items()}
        memory = peak_memory_mb(cmds["toolkit build"])
        rows[size] = {"medians": medians, "runs": count, "memory": memory, "root": root,
                      "steps": step_medians(cmds["toolkit build"], count)}
        print(f"{size:>6} questions: toolkit {medians['toolkit build']:.3f} s, hugo {medians['hugo']:.3f} s, "
              f"cmark {medians['cmark']:.3f} s; toolkit/hugo {medians['toolkit build'] / medians['hugo']:.2f}x, "
              f"toolkit/cmark {medians['toolkit build'] / medians['cmark']:.1f}x; peak {memory:.0f} MB", flush=True)
    return rows


def first_load(site, toolkit):
    """What the browser asks for before the first question shows, gzipped, from Chromium's resource list."""
    from report_browser import new_browser, Visit
    driver = new_browser(Path(tempfile.mkdtemp()))
    try:
        visit = Visit(driver, toolkit, site=site)
        visit.open()
        # file:// pages list no resource timings, so the page's own elements say what it loaded.
        names = driver.execute_script(
            "return [location.href, ...[...document.querySelectorAll('script[src], link[rel=stylesheet]')]"
            ".map((e) => e.src || e.href)]")
        files = [Path(re.sub(r"^file://", "", name.split("#")[0].split("?")[0])) for name in names]
        raw = sum(f.stat().st_size for f in files)
        zipped = sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)
        timings = render_times(driver, visit)
        return {"files": [str(f.relative_to(site)) for f in files], "raw": raw, "gzip": zipped, **timings}
    finally:
        driver.quit()


def render_times(driver, visit):
    """Milliseconds to render the next question and the report, measured in the page after the runtime's own
    handlers have run (the runtime renders synchronously)."""
    # Timed to the moment the next page is in the document (a MutationObserver runs right after the change),
    # not to the next frame, which would add up to 16 ms of waiting for the screen.
    next_question = """
        const done = arguments[arguments.length - 1];
        const app = document.getElementById('app');
        const form = app.querySelector('form[data-question]');
        form.querySelector('input[name=answer]').click();
        const observer = new MutationObserver(() => {
          if (app.contains(form)) return;
          observer.disconnect();
          done(performance.now() - start);
        });
        observer.observe(app, {childList: true, subtree: true});
        const start = performance.now();
        form.querySelector('button[type=submit]').click();"""
    samples = []
    for _ in range(5):  # from a fresh first question each time: the median of five
        driver.execute_script("localStorage.clear()")
        visit.open()
        visit.pass_interstitials()  # a track's first part opens with its start page
        samples.append(driver.execute_async_script(next_question))
    question = statistics.median(samples)
    answers = driver.execute_script("""
        const m = globalThis.toolkitModel, flow = globalThis.toolkitFlow;
        let answers = {};
        for (let i = 0; i < 5000; i++) {
          const next = flow.run(m, answers).asked.find((q) => !(q.id in answers));
          if (!next) break;
          answers[next.id] = next.kind === 'any' ? [next.options[0].id] : next.options[0].id;
        }
        localStorage.setItem(`toolkit:${m.id}:${m.version}`, JSON.stringify({toolkit: m.id, version: m.version, answers}));
        return Object.keys(answers).length;""")
    visit.open("#/check")
    # The first report loads its files (the guidance on the path, the report's scripts) before it draws:
    # timed from the change of address to the report on the page, loading included.
    report = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const start = performance.now();
        const app = document.getElementById('app');
        const observer = new MutationObserver(() => {
          if (!app.querySelector('.report-summary')) return;
          observer.disconnect();
          done(performance.now() - start);
        });
        observer.observe(app, {childList: true, subtree: true});
        location.hash = '#/report';""")
    return {"question_ms": question, "report_ms": report, "report_answers": answers}


def preview_latency(binary):
    script = REPO / "scripts" / "measure-reload.py"
    result = subprocess.run([sys.executable, str(script), "--binary", str(binary), "--saves", "10"],
                            capture_output=True, text=True, cwd=REPO, timeout=600)
    return result.stdout.strip().splitlines()[-3:] if result.returncode == 0 else [f"failed: {result.stderr[-300:]}"]


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")), "?")
    versions = {tool: subprocess.run([tool, "version" if tool == "hugo" else "--version"], capture_output=True,
                                     text=True).stdout.splitlines()[0] for tool in ("hugo", "cmark")}
    return f"{os.cpu_count()} cores, {cpu}, {int(memory) // 1024 // 1024} GiB; {versions['hugo']}; {versions['cmark']}"


def write_results(rows, loads, preview, args):
    lines = ["# Benchmark results", "",
             f"Made by `python3 scripts/bench.py {' '.join(sys.argv[1:])}` (or `make bench`) on "
             f"{datetime.date.today().isoformat()}.", "", f"Machine: {machine()}.", "",
             "## Build: `toolkit build` against Hugo and the cmark CLI on the same Markdown", "",
             "| questions | runs | toolkit build | hugo | cmark | toolkit / hugo | toolkit / cmark | toolkit peak memory |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for size, row in rows.items():
        m = row["medians"]
        lines.append(f"| {size:,} | {row['runs']} | {m['toolkit build']:.3f} s | {m['hugo']:.3f} s | {m['cmark']:.3f} s | "
                     f"{m['toolkit build'] / m['hugo']:.2f}x | {m['toolkit build'] / m['cmark']:.1f}x | {row['memory']:.0f} MB |")
    lines += ["", "Where a build's time goes (`toolkit build --timings`, medians in ms; the theme loads while the checks "
              "run, so its figure is the wait after them):", "",
              "| questions | " + " | ".join(next(iter(rows.values()))["steps"]) + " |",
              "| ---: |" + " ---: |" * len(next(iter(rows.values()))["steps"])]
    for size, row in rows.items():
        lines.append(f"| {size:,} | " + " | ".join(f"{value:g}" for value in row["steps"].values()) + " |")
    sizes = sorted(rows)
    if len(sizes) > 1:
        growth = rows[sizes[-1]]["medians"]["toolkit build"] / rows[sizes[-2]]["medians"]["toolkit build"]
        lines += ["", f"Growth in build time from {sizes[-2]:,} to {sizes[-1]:,} questions: {growth:.1f}x."]
    if loads:
        lines += ["", "## The browser (headless Chromium, from file://)", "",
                  "| site | first load, raw | first load, gzipped | next question | report | files before the first question |",
                  "| --- | ---: | ---: | ---: | ---: | --- |"]
        for name, load in loads.items():
            lines.append(f"| {name} | {load['raw'] / 1024:.1f} KB | {load['gzip'] / 1024:.1f} KB | {load['question_ms']:.1f} ms | "
                         f"{load['report_ms']:.1f} ms ({load['report_answers']} answers) | {', '.join(load['files'])} |")
    if preview:
        lines += ["", "## Preview: save to reload (scripts/measure-reload.py, release build)", "", "```", *preview, "```"]
    out = REPO / "benchmarks" / "results.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print(f"wrote {out.relative_to(REPO)}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="200,2000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--skip-preview", action="store_true")
    args = parser.parse_args()
    for tool in ("hugo", "cmark", "/usr/bin/time"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: run `make bench`, which installs it")
    binary = release_binary(preview=not args.skip_preview)
    work = Path(tempfile.mkdtemp(prefix="toolkit-bench-"))
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = measure_builds(binary, sizes, args.runs, work)
    loads = {}
    if not args.skip_browser:
        subprocess.run([str(binary), "build", "--output", str(work / "shipped")], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        loads["shipped content"] = first_load(work / "shipped", "data-analytics")
        for size in sizes:
            if size == 2000:
                loads["2,000 questions"] = first_load(rows[size]["root"] / "site", "bench")
        for name, load in loads.items():
            print(f"{name}: first load {load['gzip'] / 1024:.1f} KB gzipped ({load['raw'] / 1024:.1f} KB raw); "
                  f"next question {load['question_ms']:.1f} ms; report {load['report_ms']:.1f} ms", flush=True)
    preview = [] if args.skip_preview else preview_latency(binary)
    for line in preview:
        print(line)
    write_results(rows, loads, preview, args)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
