#!/usr/bin/env python3
"""Runs `toolkit check` on the shipped content with one hostile edit at a time (deep front matter, deep
and long conditions, a 1.6 MB glossary id) and prints, for each, the exit status, the time taken and the
first error. Every line should end in a located error, none in a crash (exit 139) or a long wait.

    python3 scripts/measure-limits.py [path/to/toolkit]   (default: the debug build)
"""
import os, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTION = "data-analytics/1-law-enforcement/1-lawfulness/03-le-legal-basis.md"

def toolkit_binary():
    if len(sys.argv) > 1:
        return sys.argv[1]
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "toolkit")

def front_matter(setting):
    return lambda text: text.replace("hint:", setting + "\nhint:", 1)

CASES = [
    ("front matter [[[ x 5,000", front_matter("x: " + "[" * 5000 + "]" * 5000)),
    ("front matter {a: x 5,000", front_matter("x: " + "{a: " * 5000)),
    ("front matter '- ' x 5,000", front_matter("x: " + "- " * 5000 + "a")),
    ("front matter indented 5,000 deep", front_matter("x:\n" + "".join(" " * i + "a:\n" for i in range(1, 5000)).rstrip("\n"))),
    ("show-if 'not (' x 2,000", front_matter("show-if: " + "not (" * 2000 + "le-condition = yes" + ")" * 2000)),
    ("show-if 'not (' x 42,000", front_matter("show-if: " + "not (" * 42000 + "le-condition = yes" + ")" * 42000)),
    ("show-if 5,000 terms joined by 'or'", front_matter("show-if: " + " or ".join(["le-condition = yes"] * 5000))),
    ("glossary link with a 1.6 MB id", lambda text: text + "\n\nSee [t](glossary:" + "x" * 1_600_000 + ").\n"),
    ("a front matter line of 200,000 spaces", lambda text: text.replace("hint:", "x:\n" + " " * 200_000 + "\nhint:", 1)),
    ("100,000 unknown glossary links, one line", lambda text: text + "\n\n" + "[t](glossary:nope) " * 100_000 + "\n"),
]

def main():
    binary = toolkit_binary()
    for name, edit in CASES:
        folder = tempfile.mkdtemp(prefix="toolkit-limits-")
        try:
            content = os.path.join(folder, "content")
            shutil.copytree(os.path.join(ROOT, "content"), content)
            path = os.path.join(content, QUESTION)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(edit(text))
            start = time.monotonic()
            result = subprocess.run([binary, "check", "--content", content], capture_output=True, text=True, timeout=120)
            elapsed = time.monotonic() - start
            errors = [l for l in result.stdout.splitlines() + result.stderr.splitlines() if ": error: " in l]
            first = errors[0].replace(content + "/", "")[:150] if errors else "(no error)"
            print(f"{name:38} exit {result.returncode:3}  {elapsed:6.2f} s  {first}")
        finally:
            shutil.rmtree(folder)

if __name__ == "__main__":
    main()
