#!/usr/bin/env python3
"""Measure how easy the toolkit's texts are to read.

Usage:
    python3 scripts/readability.py [--max-sentence N] [--summary] [PATH ...]

With no PATH it reads every Markdown file under content/ (next to this script's folder), except the
README. A PATH may be a file or a folder.

Each file is split into front matter and body sections by lines that are exactly `---`, as
content/README.md describes. In a question file the script measures:

- the question text (the `question:` setting of the first front matter)
- the 'more information' text (the first body)
- each piece of guidance (every later body)

In glossary.md it measures each entry (a `## ` heading and the text under it). In any other file
(toolkit.md, report.md, part.md, track.md) it measures the body.

For each text it prints the number of words and sentences, the average sentence length in words,
the number of sentences over 25 words and the Flesch reading ease (higher is easier; 60 to 70 is plain
English, over 70 is easy). Then it prints totals for everything it read.

With --max-sentence N it exits with status 1 if the average sentence length of any text is over N.

Only the Python 3.11 standard library is used. Syllables are counted with a heuristic, so treat
the scores as a guide, not as exact figures.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

LONG_SENTENCE = 25  # words; a sentence longer than this is counted as long

# ---------------------------------------------------------------------------------------------------
# Splitting a file into front matter and bodies


@dataclass
class Section:
    front: dict[str, str]  # the simple `key: value` settings of the front matter
    front_line: int  # line number (1-based) of the opening `---`
    body: str
    body_line: int  # line number (1-based) where the body starts


def split_sections(text: str) -> list[Section]:
    """Split a content file into (front matter, body) pairs.

    The file starts with a line `---`; the front matter runs to the next `---`; the body runs to the
    next `---` (which opens the next front matter) or to the end of the file.
    """
    lines = text.splitlines()
    fences = [i for i, line in enumerate(lines) if line.rstrip("\r") == "---"]
    if not fences or any(line.strip() for line in lines[: fences[0]]):
        return []  # not a content file: no front matter at the top
    sections = []
    for n in range(0, len(fences), 2):
        start = fences[n]
        if n + 1 >= len(fences):
            break  # unclosed front matter: nothing to measure
        end = fences[n + 1]
        body_end = fences[n + 2] if n + 2 < len(fences) else len(lines)
        sections.append(
            Section(
                front=parse_front(lines[start + 1 : end]),
                front_line=start + 1,
                body="\n".join(lines[end + 1 : body_end]),
                body_line=end + 2,
            )
        )
    return sections


def parse_front(lines: list[str]) -> dict[str, str]:
    """Read the top-level `key: value` settings. Nested values (lists of links) are ignored;
    block scalars (`key: >` or `key: |`) are joined into one line."""
    result: dict[str, str] = {}
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^([A-Za-z][\w-]*):\s*(.*)$", line)
        i += 1
        if not m:
            continue
        key, value = m.group(1), m.group(2).strip()
        if value in (">", "|", ">-", "|-"):
            block = []
            while i < len(lines) and (lines[i].startswith((" ", "\t")) or not lines[i].strip()):
                block.append(lines[i].strip())
                i += 1
            value = " ".join(part for part in block if part)
        elif len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
            value = value.replace("''", "'") if m.group(2).strip()[0] == "'" else value.replace('\\"', '"')
        result[key] = value
    return result


# ---------------------------------------------------------------------------------------------------
# Turning Markdown into plain sentences

# Full stops that do not end a sentence: these abbreviations never end one ...
ABBREVIATIONS = ["e.g.", "i.e.", "cf.", "vs.", "v.", "Mr.", "Mrs.", "Ms.", "Dr.", "approx."]
# ... and these do not when a number follows them ("s. 35", "Art. 6", "No. 2")
BEFORE_NUMBERS = ["No.", "no.", "Art.", "Arts.", "art.", "arts.", "para.", "paras.", "Sch.", "sch.", "s.", "ss."]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


ABBREVIATION_RE = re.compile(
    rf"(?<![\w.])(?:({_alternatives(ABBREVIATIONS)})(?=\s)|({_alternatives(BEFORE_NUMBERS)})(?=\s+\d))"
)
DOT = "\u2024"  # stands in for a full stop that does not end a sentence


def strip_markdown(body: str) -> list[str]:
    """Return the body as a list of blocks (paragraphs, list items, headings, table rows) of plain text."""
    blocks: list[str] = []
    current: list[str] = []
    in_fence = False

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if line.startswith(("```", "~~~")):
            in_fence = not in_fence
            flush()
            continue
        if in_fence:
            continue
        if not line or re.fullmatch(r"(\*\s*){3,}|(_\s*){3,}|(-\s*){3,}", line):
            flush()
            continue
        if re.match(r"^\|?\s*:?-{3,}", line):  # table separator row
            continue
        heading = re.match(r"^#{1,6}\s+(.*)$", line)
        item = re.match(r"^(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if heading or item or line.startswith("|"):
            flush()
            text = (heading or item).group(1) if (heading or item) else line.replace("|", " . ")
            blocks.append(text)
            continue
        line = re.sub(r"^>\s?", "", line)
        current.append(line)
    flush()
    return [clean_inline(b) for b in blocks if clean_inline(b)]


def clean_inline(text: str) -> str:
    text = re.sub(r"<!--.*?-->", " ", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images: keep the alt text
    # links: keep the text, drop the target; targets may hold one level of brackets
    text = re.sub(r"\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)", r"\1", text)
    text = re.sub(r"\[([^\]]*)\]\[[^\]]*\]", r"\1", text)  # reference links
    text = re.sub(r"<(?:https?|mailto):[^>]*>", " ", text)  # autolinks
    text = re.sub(r"\bhttps?://\S+", " ", text)  # bare URLs
    text = re.sub(r"</?[A-Za-z][^>]*>", " ", text)  # HTML tags
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<!\w)([*_])(?!\s)(.+?)(?<!\s)\1(?!\w)", r"\2", text)
    text = text.replace("\\", "")
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[list[str]]:
    """Split plain text into sentences, each a list of words."""
    result = []
    for block in strip_markdown(text):
        block = ABBREVIATION_RE.sub(lambda m: m.group(0).replace(".", DOT), block)
        for part in re.split(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|(?<=[.!?])$", block):
            words = [w for w in part.split() if re.search(r"[A-Za-z0-9]", w)]
            if words:
                result.append(words)
    return result


# ---------------------------------------------------------------------------------------------------
# Counting syllables


def syllables_in_letters(word: str) -> int:
    """Estimate the syllables in a run of letters."""
    if len(word) >= 2 and word.isupper():
        return len(word)  # an abbreviation read letter by letter: DPIA, UK, ECHR
    w = word.lower()
    if len(w) <= 3:
        return 1
    groups = re.findall(r"[aeiouy]+", w)
    count = len(groups)
    # a silent final e: make, use (but not the, be, table, free, agree)
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    elif re.search(r"[^aeiouy]le$", w) and count == 1:
        count += 1
    # -es and -ed endings that add no syllable: makes, rules, used, asked (but uses, places, needed)
    if re.search(r"[^aeiouy]es$", w) and not re.search(r"(?:s|x|z|ch|sh|g|c)es$", w) and count > 1:
        count -= 1
    if re.search(r"[^aeiouy]ed$", w) and not re.search(r"[td]ed$", w) and count > 1:
        count -= 1
    # silent e inside common suffixes: likely, statement, useful
    if re.search(r"[^aeiouy]e(?:ly|ment|ments|ful|ness)$", w) and count > 1:
        count -= 1
    # vowel pairs that are usually two syllables: media, actual, previous, create
    count += len(re.findall(r"(?<![ct])ia", w))
    count += len(re.findall(r"(?<![qg])ua", w))
    count += len(re.findall(r"(?<![ctxg])iou", w))
    count += len(re.findall(r"^(?:cre|re|pre)a", w))
    if re.search(r"[^aeiou]ea$", w):  # area, idea
        count += 1
    return max(1, count)


def syllables(word: str) -> int:
    """Estimate the syllables in a word as written: digits count one each, abbreviations letter by letter."""
    total = 0
    for run in re.findall(r"[A-Za-z]+|[0-9]+", word):
        total += len(run) if run.isdigit() else syllables_in_letters(run)
    return max(1, total)


# ---------------------------------------------------------------------------------------------------
# Measuring


@dataclass
class Measure:
    file: Path
    kind: str
    label: str
    line: int
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    long: int = 0
    longest: list[str] = field(default_factory=list)

    @property
    def avg_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def ease(self) -> float:
        if not self.words:
            return 0.0
        return 206.835 - 1.015 * self.avg_sentence - 84.6 * (self.syllables / self.words)


def measure(file: Path, kind: str, label: str, line: int, text: str) -> Measure | None:
    result = Measure(file, kind, label, line)
    for words in sentences(text):
        result.sentences += 1
        result.words += len(words)
        result.syllables += sum(syllables(w) for w in words)
        if len(words) > LONG_SENTENCE:
            result.long += 1
        if len(words) > len(result.longest):
            result.longest = words
    return result if result.words else None


def measure_file(file: Path) -> list[Measure]:
    sections = split_sections(file.read_text(encoding="utf-8"))
    if not sections:
        return []
    found = []
    first = sections[0]
    if "question" in first.front:
        found.append(measure(file, "question", "question", first.front_line, first.front["question"]))
        found.append(measure(file, "more-info", "more information", first.body_line, first.body))
        for section in sections[1:]:
            label = "for: " + section.front.get("for", "?")
            if "when" in section.front:
                label += " when " + section.front["when"]
            found.append(measure(file, "guidance", label, section.body_line, section.body))
    elif file.name == "glossary.md":
        # one text per entry: each entry is a level 2 heading and the lines below it
        for section in sections:
            entry, start = None, section.body_line
            lines: list[str] = []
            for n, line in enumerate(section.body.splitlines() + ["## "]):
                if line.startswith("## "):
                    if entry and lines:
                        found.append(measure(file, "glossary", entry, start, "\n".join(lines)))
                    entry, start, lines = line[3:].strip(), section.body_line + n, []
                elif entry:
                    lines.append(line)
    else:
        for section in sections:
            found.append(measure(file, "page", file.name, section.body_line, section.body))
    return [m for m in found if m]


def collect(paths: list[str], root: Path) -> list[Path]:
    if not paths:
        paths = [str(root / "content")]
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(f for f in sorted(p.rglob("*.md")) if f.name.lower() != "readme.md")
        elif p.is_file():
            files.append(p)
        else:
            print(f"readability: no such file or folder: {p}", file=sys.stderr)
            sys.exit(2)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure how easy the toolkit's texts are to read.")
    parser.add_argument("paths", nargs="*", help="files or folders (default: content/)")
    parser.add_argument("--max-sentence", type=float, metavar="N",
                        help="exit 1 if any text's average sentence length is over N words")
    parser.add_argument("--summary", action="store_true", help="print only the totals and failures")
    parser.add_argument("--show-long", action="store_true", help="print every sentence over 25 words")
    args = parser.parse_args(argv)

    root = Path(__file__).resolve().parent.parent
    files = collect(args.paths, root)
    everything: list[Measure] = []
    for file in files:
        found = measure_file(file)
        if not found:
            continue
        everything.extend(found)
        if args.summary:
            continue
        try:
            shown = file.resolve().relative_to(root)
        except ValueError:
            shown = file
        print(f"\n{shown}")
        print(f"  {'line':>5}  {'text':<34} {'words':>5} {'sent':>4} {'avg':>5} {'>25':>3} {'ease':>6}")
        for m in found:
            label = m.label if len(m.label) <= 34 else m.label[:31] + "..."
            print(f"  {m.line:>5}  {label:<34} {m.words:>5} {m.sentences:>4} "
                  f"{m.avg_sentence:>5.1f} {m.long:>3} {m.ease:>6.1f}")
            if args.show_long and m.long:
                for words in sentences_over(m):
                    print(f"         long ({len(words)} words): {' '.join(words)}")

    if not everything:
        print("readability: found no texts to measure", file=sys.stderr)
        return 2

    eases = [m.ease for m in everything]
    words = sum(m.words for m in everything)
    count = sum(m.sentences for m in everything)
    print("\nTotals")
    print(f"  files: {len({m.file for m in everything})}, texts: {len(everything)}, "
          f"words: {words}, sentences: {count}")
    for kind in ("question", "more-info", "guidance", "page", "glossary"):
        group = [m for m in everything if m.kind == kind]
        if group:
            w = sum(m.words for m in group)
            s = sum(m.sentences for m in group)
            print(f"  {kind:<10} texts {len(group):>4}  median ease {statistics.median(m.ease for m in group):6.1f}"
                  f"  mean ease {statistics.fmean(m.ease for m in group):6.1f}  mean sentence {w / s:5.1f} words")
    print(f"  reading ease: median {statistics.median(eases):.1f}, mean {statistics.fmean(eases):.1f}")
    print(f"  mean sentence length: {words / count:.1f} words "
          f"(mean of the texts' averages {statistics.fmean(m.avg_sentence for m in everything):.1f})")
    print(f"  sentences over {LONG_SENTENCE} words: {sum(m.long for m in everything)}")

    if args.max_sentence is not None:
        over = [m for m in everything if m.avg_sentence > args.max_sentence]
        if over:
            print(f"\nTexts whose average sentence is over {args.max_sentence:g} words:", file=sys.stderr)
            for m in over:
                print(f"  {m.file}:{m.line}: {m.label}: {m.avg_sentence:.1f} words", file=sys.stderr)
            return 1
    return 0


def sentences_over(m: Measure) -> list[list[str]]:
    text = split_text_for(m)
    return [s for s in sentences(text) if len(s) > LONG_SENTENCE] if text else []


def split_text_for(m: Measure) -> str:
    """Find the text a measure was taken from again (used only by --show-long)."""
    for section in split_sections(m.file.read_text(encoding="utf-8")):
        if m.kind == "question" and section.front_line == m.line:
            return section.front.get("question", "")
        if section.body_line == m.line:
            return section.body
    return ""


if __name__ == "__main__":
    sys.exit(main())
