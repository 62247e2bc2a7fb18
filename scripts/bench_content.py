"""Deterministic synthetic content for scripts/bench.py: one toolkit in the real content format (four parts,
questions with three answers, guidance for each answer, branching `show-if` conditions), and the same
Markdown as plain Hugo pages and as one bare Markdown file for the cmark CLI.

About 1.5 KB of Markdown a question, from a fixed vocabulary and a fixed seed, so every run writes the same
bytes."""

import random
from pathlib import Path

WORDS = ("data project model record analyst officer purpose risk decision review people force policy "
         "access accuracy retention security lawful necessary evidence partner supplier test result "
         "check plan team rule source fairness bias safeguard notice request").split()
PRIORITIES = ("act-now", "plan", "keep-doing")


def sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences=4):
    return " ".join(sentence(rng, rng.randint(8, 14)) for _ in range(sentences))


def question(rng, qid, earlier):
    """One question file: its text (the toolkit's format) and the Markdown a reader sees (for Hugo, cmark)."""
    show_if = ""
    if earlier and rng.random() < 0.35:
        # Conditions on an earlier question of the same part, with answers that keep it reachable.
        show_if = f"show-if: {rng.choice(earlier)} in [yes, not-sure]\n"
    more = "\n\n".join(paragraph(rng) for _ in range(2))
    front = (f"---\nquestion: {sentence(rng, 9)[:-1]}?\noptions: [yes, no, not-sure]\nhint: {sentence(rng, 10)}\n"
             f"{show_if}law-checked: 2026-11-01\nreview-by: 2027-05-01\n---\n{more}\n")
    sections, bodies = [], []
    for answer in ("yes", "no", "not-sure"):
        headline = sentence(rng, 7)[:-1]
        body = paragraph(rng, 3)
        sections.append(f"\n---\nfor: {answer}\npriority: {rng.choice(PRIORITIES)}\nheadline: {headline}\nlinks:\n"
                        f"  - title: Data Protection Act 2018, section {rng.randint(1, 200)}\n"
                        f"    url: https://www.legislation.gov.uk/ukpga/2018/12/section/{rng.randint(1, 200)}\n---\n{body}\n")
        bodies.append(f"## {headline}\n\n{body}\n")
    return front + "".join(sections), more + "\n\n" + "\n".join(bodies)


def generate(count, root, seed=2026):
    """Writes root/content/bench (the toolkit), root/hugo (a Hugo site) and root/bare.md. Returns root."""
    rng = random.Random(seed)
    root = Path(root)
    toolkit = root / "content" / "bench"
    toolkit.mkdir(parents=True, exist_ok=True)
    (toolkit / "toolkit.md").write_text(
        "---\ntitle: Benchmark toolkit\nsummary: Synthetic content for timing the build.\nversion: \"1.0\"\n"
        f"law-as-at: 2026-11-01\nreview-by: 2027-05-01\nminutes: {count}\n---\n{paragraph(rng)}\n")
    (toolkit / "report.md").write_text(f"---\ntitle: Your report\n---\n{paragraph(rng)}\n")
    hugo = root / "hugo"
    (hugo / "content").mkdir(parents=True, exist_ok=True)
    (hugo / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
    (hugo / "hugo.toml").write_text('baseURL = "/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    (hugo / "layouts" / "_default" / "single.html").write_text(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n")
    (hugo / "layouts" / "_default" / "list.html").write_text(
        "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n")
    bare = []
    per_part = max(1, count // 4)
    number = 0
    for part in range(1, 5):
        folder = toolkit / f"{part}-part-{part}"
        folder.mkdir(exist_ok=True)
        (folder / "part.md").write_text(f"---\ntitle: Part {part}\n---\n{paragraph(rng, 2)}\n")
        earlier = []
        for index in range(1, per_part + 1):
            number += 1
            qid = f"q{number:05d}"
            text, markdown = question(rng, qid, earlier)
            (folder / f"{index:05d}-{qid}.md").write_text(text)
            (hugo / "content" / f"{qid}.md").write_text(f"---\ntitle: \"{qid}\"\n---\n{markdown}")
            bare.append(markdown)
            earlier.append(qid)
    (root / "bare.md").write_text("\n\n".join(bare))
    return root
