"""Writes a random branching toolkit in the documented content format (content/README.md): an opening part
whose answer chooses between two tracks, parts of questions of both types with random `show-if` conditions
on earlier questions, and guidance for every option, some with a further `when`.

    python3 Tests/browser/generate_toolkit.py SEED FOLDER
"""

import random
import re
import subprocess
import sys
from pathlib import Path

TOOLKIT_ID = "branching"
DATES = "law-checked: 2026-11-20\nreview-by: 2027-05-20\n"


class Question:
    def __init__(self, qid, kind, options, labels):
        self.id, self.kind, self.options, self.labels = qid, kind, options, labels
        self.show_if = None


def atom(rng, question):
    """A condition on one earlier question, in the condition language."""
    option = rng.choice(question.options)
    if question.kind == "any":  # a question with several answers is compared with 'includes' only
        return f"{question.id} includes {option}"
    form = rng.choice(["=", "!=", "in"])
    if form == "in":
        chosen = rng.sample(question.options, k=min(len(question.options), rng.randint(1, 2)))
        return f"{question.id} in [{', '.join(chosen)}]"
    return f"{question.id} {form} {option}"


def condition(rng, earlier):
    first = atom(rng, rng.choice(earlier))
    shape = rng.random()
    if shape < 0.55 or len(earlier) < 2:
        return first
    second = atom(rng, rng.choice(earlier))
    if shape < 0.75:
        return f"{first} and {second}"
    if shape < 0.92:
        return f"{first} or {second}"
    return f"not ({first} or {second})"


def make_question(rng, qid):
    if rng.random() < 0.3:
        count = rng.randint(2, 4)
        options = [f"{qid}-o{n}" for n in range(1, count + 1)]
        return Question(qid, "any", options, {o: f"Choice {o.rsplit('-', 1)[1]} of {qid}" for o in options})
    if rng.random() < 0.6:
        return Question(qid, "one", ["yes", "no", "not-sure"], {})
    count = rng.randint(2, 4)
    options = [f"{qid}-c{n}" for n in range(1, count + 1)]
    return Question(qid, "one", options, {o: f"Answer {o.rsplit('-', 1)[1]} to {qid}" for o in options})


def question_file(rng, question, number, earlier):
    lines = ["---", f"question: Generated question {question.id} asks number {number}?"]
    if question.kind == "any":
        lines.append("type: any")
    if question.labels:
        lines.append("options:")
        lines += [f"  - {o}: {question.labels[o]}" for o in question.options]
    else:
        lines.append(f"options: [{', '.join(question.options)}]")
    if rng.random() < 0.5:
        lines.append(f"hint: A hint for {question.id}.")
    if question.show_if:
        lines.append(f"show-if: {question.show_if}")
    text = "\n".join(lines) + "\n" + DATES + "---\n"
    text += f"More information about {question.id}.\n\n"
    for option in question.options:
        section = ["---", f"for: {option}", f"priority: {rng.choice(['act-now', 'plan', 'keep-doing'])}",
                   f"headline: Advice for {option} on {question.id}"]
        if earlier and rng.random() < 0.2:
            section.append(f"when: {condition(rng, earlier)}")
        section += ["links:", f"  - title: Further reading on {option}",
                    f"    url: https://example.org/{question.id}/{option}", "---"]
        text += "\n".join(section) + f"\nGuidance for the answer {option} to {question.id}.\n\n"
    return text


def generate(seed, folder):
    """Writes the toolkit under folder/branching and returns its folder."""
    rng = random.Random(seed)
    root = Path(folder) / TOOLKIT_ID
    root.mkdir(parents=True, exist_ok=True)
    (root / "toolkit.md").write_text(
        "---\ntitle: Generated branching toolkit\nsummary: A toolkit written by the test suite.\n"
        "version: 1.0\nlaw-as-at: 2026-11-20\nreview-by: 2027-05-20\n---\nA generated toolkit for tests.\n")
    (root / "report.md").write_text("---\ntitle: Your generated report\n---\nGuidance, not legal advice.\n")

    def write_part(directory, part_id, title, questions, scope):
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "part.md").write_text(f"---\nid: {part_id}\ntitle: {title}\n---\nAbout {title}.\n")
        for number, question in enumerate(questions, start=1):
            earlier = scope[:]
            if earlier and rng.random() < 0.55:
                question.show_if = condition(rng, earlier)
            (directory / f"{number:02d}-{question.id}.md").write_text(question_file(rng, question, number, earlier))
            scope.append(question)

    route = Question("route", "one", ["yes", "no", "not-sure"], {})
    opening = [route] + [make_question(rng, f"open-{n}") for n in range(1, rng.randint(1, 3) + 1)]
    opening_scope = []
    write_part(root / "0-opening", "opening", "Opening questions", opening, opening_scope)
    # The route question must always be asked: it chooses the track.
    route_file = next((root / "0-opening").glob("01-route.md"))
    text = route_file.read_text()
    route_file.write_text("\n".join(line for line in text.splitlines() if not line.startswith("show-if:")) + "\n")
    route.show_if = None

    for number, (track, when) in enumerate([("alpha", "route = yes"), ("beta", None)], start=1):
        directory = root / f"{number}-{track}"
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "track.md").write_text(
            f"---\ntitle: Track {track}\n" + (f"when: {when}\n" if when else "") + f"---\nThe {track} track.\n")
        scope = opening_scope[:]
        for part_number in range(1, rng.randint(2, 3) + 1):
            questions = [make_question(rng, f"{track}-{part_number}-{n}") for n in range(1, rng.randint(2, 5) + 1)]
            write_part(directory / f"{part_number}-part", f"{track}-part-{part_number}",
                       f"Part {part_number} of {track}", questions, scope)
    return root


ERROR = re.compile(r"^(?P<path>[^:]+\.md):(?P<line>\d+):\d+: error: (?P<message>.*)$")


def build(seed, content, output, toolkit_bin, rounds=8):
    """Generates the toolkit and builds it. Random conditions can contradict each other (a question that no
    answers lead to, guidance whose 'when' can never hold): the build names each such file and line, and
    the condition is taken out, as an editor would, until the toolkit builds. Returns the build's output."""
    generate(seed, content)
    for _ in range(rounds):
        result = subprocess.run([str(toolkit_bin), "build", "--content", str(content), "--output", str(output)],
                                capture_output=True, text=True, timeout=120)
        if result.returncode == 0:
            return result.stderr + result.stdout
        repaired = False
        for line in result.stderr.splitlines():
            match = ERROR.match(line)
            if not match:
                continue
            path, number, message = Path(match["path"]), int(match["line"]), match["message"]
            lines = path.read_text().splitlines()
            if "show-if" in message:
                lines = [l for l in lines if not l.startswith("show-if:")]
            elif "'when'" in message:
                index = next(i for i in range(number - 1, len(lines)) if lines[i].startswith("when:"))
                del lines[index]
            else:
                raise AssertionError(f"the generated toolkit (seed {seed}) does not build: {line}")
            path.write_text("\n".join(lines) + "\n")
            repaired = True
        assert repaired, f"the generated toolkit (seed {seed}) does not build:\n{result.stderr}"
    raise AssertionError(f"the generated toolkit (seed {seed}) still does not build after {rounds} repairs")


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), sys.argv[2]))
