"""Driving the built questionnaire the way a user does: open a page, choose answers, continue, change an
answer, read the check page and the report. Each step waits for the new page and checks that focus moved
to its heading. Also: the model as the browser has it, and answer plans from the Swift model."""

import random
import re
from urllib.parse import unquote as decodeURIComponent

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By

from conftest import wait_for

CHECK_TITLE = "Check your answers"

# The model as plain data: ids, texts, options, parts and tracks (no condition functions).
# The words of each part load when a page needs them: the outline loads them all before it reads the model.
LOADED_JS = """
const done = arguments[arguments.length - 1];
globalThis.toolkitRuntime.needAllText().then(() => done((function () {
"""
OUTLINE_JS = """
const m = globalThis.toolkitModel;
const part = (p) => ({id: p.id, title: p.title, hasIntro: !!p.html, questions: p.questions.map((q) => ({
  id: q.id, text: q.text, kind: q.kind, hasInfo: !!q.html, conditional: !!q.showIf,
  options: q.options.map((o) => ({id: o.id, label: o.label, exclusive: !!o.exclusive})),
  guidance: q.guidance.map((g) => ({id: g.id, priority: g.priority, headline: g.headline}))}))});
return {id: m.id, title: m.title, version: m.version, reportTitle: m.report.title,
  openingParts: m.openingParts.map(part),
  tracks: m.tracks.map((t) => ({id: t.id, title: t.title, parts: t.parts.map(part)}))};
"""

# The browser runtime's answer for many answer sets, in the shape `toolkit evaluate` prints.
RUN_JS = """
return arguments[0].map((given) => {
  const run = globalThis.toolkitFlow.run(globalThis.toolkitModel, given);
  return {asked: run.asked.map((q) => q.id), track: run.track ? run.track.id : null,
          guidance: run.guidance.map((g) => g.item.id)};
});
"""


class Outline:
    """The toolkit's structure, read from the model the browser loaded."""

    def __init__(self, data):
        self.data = data
        self.id = data["id"]
        self.questions = {}
        self.part_of = {}
        self.track_of = {}
        for part in data["openingParts"]:
            self._add(part, None)
        for track in data["tracks"]:
            for part in track["parts"]:
                self._add(part, track)
        # Question texts may repeat across tracks: a text names a question only where it is unique.
        texts = [q["text"] for q in self.questions.values()]
        self.by_text = {q["text"]: q["id"] for q in self.questions.values() if texts.count(q["text"]) == 1}
        self.guidance = {g["id"]: g for q in self.questions.values() for g in q["guidance"]}

    def _add(self, part, track):
        for question in part["questions"]:
            self.questions[question["id"]] = question
            self.part_of[question["id"]] = part
            self.track_of[question["id"]] = track

    @property
    def tracks(self):
        return self.data["tracks"]

    def label(self, question_id, answer):
        chosen = answer if isinstance(answer, list) else [answer]
        return ", ".join(o["label"] for o in self.questions[question_id]["options"] if o["id"] in chosen)

    def random_answers(self, rng, skip=0.0):
        """An answer for every question (or, with `skip`, for most): one option, or a non-empty set."""
        answers = {}
        for question in self.questions.values():
            if rng.random() < skip:
                continue
            answers[question["id"]] = random_answer(question, rng)
        return answers


def outline(driver):
    data = driver.execute_async_script(LOADED_JS + OUTLINE_JS + "})()), (e) => done({error: String(e)}));")
    assert "error" not in data, f"the toolkit's words did not load: {data.get('error')}"
    return Outline(data)


def browser_runs(driver, answer_sets):
    return driver.execute_script(RUN_JS, answer_sets)


def current_question(driver):
    """The id of the question on the page (its form says), or None on another page."""
    return driver.execute_script(
        "const f = document.querySelector('form[data-question]'); return f ? f.dataset.question : null")


def anchor(guidance_id):
    """The id the report gives a guidance item's element."""
    return "guidance-" + re.sub(r"[^a-zA-Z0-9-]", "-", guidance_id)


def plan_per_track(outline, swift_model, seed=6, tries=400):
    """For each track, a full set of answers that leads into it, and the Swift model's run for it.
    Prefers answer sets that earn the most guidance, so the report has something to show."""
    rng = random.Random(seed)
    candidates = [outline.random_answers(rng) for _ in range(tries)]
    runs = swift_model(outline.id, candidates)
    plans = {}
    for answers, run in zip(candidates, runs):
        best = plans.get(run["track"])
        if best is None or len(run["guidance"]) + len(run["asked"]) > len(best[1]["guidance"]) + len(best[1]["asked"]):
            plans[run["track"]] = (answers, run)
    return plans


def answer_changes(outline, swift_model, answers, run):
    """Every change of one answer of the run: [(question, new answer, new run)], in the order asked."""
    variants = []
    for question_id in run["asked"]:
        for option in outline.questions[question_id]["options"]:
            new = [option["id"]] if outline.questions[question_id]["kind"] == "any" else option["id"]
            if new != answers[question_id]:
                variants.append((question_id, new, {**answers, question_id: new}))
    new_runs = swift_model(outline.id, [v[2] for v in variants])
    return [(q, new, nr) for (q, new, _), nr in zip(variants, new_runs)]


def branching_changes(outline, swift_model, answers, run):
    """Changes of one answer that alter which questions follow: [(question, new answer, new run)].
    Those inside the track come first, the ones that add questions before the ones that remove them."""
    changes = [(q, new, nr) for q, new, nr in answer_changes(outline, swift_model, answers, run) if nr["asked"] != run["asked"]]

    def rank(change):
        q, _, nr = change
        in_track = outline.track_of[q] is not None and nr["track"] == run["track"]
        adds = bool(set(nr["asked"]) - set(run["asked"]))
        return (not in_track, not adds)
    return sorted(changes, key=rank)


def random_answer(question, rng, share=0.4):
    """One option; or, for a question with several answers, a non-empty set that never mixes an exclusive
    answer ('None of these') with the others, since the page does not allow that."""
    options = question["options"]
    if question["kind"] != "any":
        return rng.choice(options)["id"]
    chosen = [o for o in options if rng.random() < share] or [rng.choice(options)]
    exclusive = [o for o in chosen if o.get("exclusive")]
    if exclusive and len(chosen) > len(exclusive):
        chosen = exclusive[:1] if rng.random() < 0.5 else [o for o in chosen if not o.get("exclusive")]
    return [o["id"] for o in chosen]


class Questionnaire:
    """One user's visit to a toolkit in one browser."""

    def __init__(self, driver, base_url, outline_or_id, on_state=None):
        self.driver = driver
        self.base = base_url
        self.toolkit_id = outline_or_id if isinstance(outline_or_id, str) else outline_or_id.id
        self.outline = None if isinstance(outline_or_id, str) else outline_or_id
        self.on_state = on_state or (lambda where: None)
        self.interstitials = []  # the headings of the pages between questions, in the order met
        self.interstitial_texts = []  # and their words

    # -- pages -------------------------------------------------------------------------------------------
    def url(self, page):
        return f"{self.base}{self.toolkit_id}/{page}"

    def open(self, page):
        self.driver.get(self.url(page))
        wait_for(self.driver, lambda d: d.execute_script("return document.readyState") == "complete",
                 message=f"{page} to load")

    def open_start(self):
        self.open("index.html")
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def start(self):
        """From the start page, follow 'Start now' to the first question, through the start page of its
        part when the first question is in a track's part (a toolkit with no opening questions)."""
        self.driver.find_element(By.LINK_TEXT, "Start now").click()
        self.wait_for_page(None)
        while self.current() is None and self.pass_interstitial():
            pass
        if self.outline is None:
            self.outline = outline(self.driver)
        return self.current()

    def h1(self):
        return self.driver.find_element(By.TAG_NAME, "h1")

    def wait_for_page(self, old_heading):
        """Waits until the app shows a new page, with focus moved to its heading (or its error summary)."""
        if old_heading is not None:
            def replaced(_):
                try:
                    old_heading.is_enabled()
                    return False
                except StaleElementReferenceException:
                    return True
            wait_for(self.driver, replaced, message="the next page to replace the current one")
        wait_for(self.driver, lambda d: d.execute_script(
            "const a = document.activeElement;"
            "return !!a && (a.tagName === 'H1' || a.classList.contains('error-summary'))"),
            message=f"focus to move to the new page's heading (focus is on "
                    f"{self.driver.execute_script('return document.activeElement.outerHTML.slice(0, 120)')})")
        return self.h1()

    def is_check_page(self):
        return self.h1().text.strip() == CHECK_TITLE

    def current(self):
        """The id of the question on the page, or None on another page."""
        return current_question(self.driver)

    # -- answering ---------------------------------------------------------------------------------------
    def choose(self, answer):
        chosen = set(answer if isinstance(answer, list) else [answer])
        for element in self.driver.find_elements(By.CSS_SELECTOR, "form input[name=answer]"):
            if (element.get_attribute("value") in chosen) != element.is_selected():
                element.click()

    def submit(self):
        old = self.h1()
        self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        return self.wait_for_page(old)

    def answer(self, answer):
        self.choose(answer)
        return self.submit()

    def complete(self, answers, limit=500):
        """Answers each question the app asks, from `answers`, until the check page. Returns the ids asked."""
        asked = []
        while not self.is_check_page():
            question_id = self.current()
            if question_id is None and self.pass_interstitial():
                continue
            assert question_id is not None, f"neither a question nor the check page: {self.h1().text!r}"
            assert len(asked) < limit, f"the questionnaire does not end: {asked[-10:]}"
            asked.append(question_id)
            self.on_state(f"question {question_id}")
            self.answer(answers[question_id])
        return asked

    def pass_interstitial(self):
        """On a page between questions (which rules apply, the start of a part), presses 'Continue'.
        Returns False on any other page."""
        buttons = self.driver.find_elements(By.CSS_SELECTOR, "#app [data-continue]")
        if not buttons:
            return False
        self.on_state(f"page {self.h1().text!r}")
        self.interstitials.append(self.h1().text.strip())
        self.interstitial_texts.append(self.driver.find_element(By.ID, "app").text)
        old = self.h1()
        buttons[0].click()
        self.wait_for_page(old)
        return True

    def delete_answers(self, button_text="Delete my answers"):
        """Presses a delete button, which asks 'Are you sure?', then confirms. Returns the page it lands on."""
        old = self.h1()
        self.driver.find_element(By.XPATH, f"//button[contains(., {button_text!r})]").click()
        heading = self.wait_for_page(old)
        assert heading.text.strip() == "Are you sure you want to delete your answers?", \
            f"'{button_text}' deleted without asking first (the page is {heading.text!r})"
        self.on_state("the question 'Are you sure?'")
        self.driver.find_element(By.XPATH, "//button[normalize-space(.)='Yes, delete my answers']").click()
        return self.wait_for_page(heading)

    def follow(self, link_text=None, css=None):
        old = self.h1()
        element = self.driver.find_element(By.PARTIAL_LINK_TEXT, link_text) if link_text else \
            self.driver.find_element(By.CSS_SELECTOR, css)
        element.click()
        return self.wait_for_page(old)

    def change(self, question_id):
        """On the check page, follow 'Change' for a question."""
        old = self.h1()
        self.driver.find_element(By.CSS_SELECTOR, f'a[href="#/change/{question_id}"]').click()
        return self.wait_for_page(old)

    def checked_values(self):
        return [e.get_attribute("value") for e in self.driver.find_elements(By.CSS_SELECTOR, "input[name=answer]")
                if e.is_selected()]

    # -- reading the check page and the report -----------------------------------------------------------
    def check_rows(self):
        """[(question id, answer shown)] on the check page."""
        rows = self.driver.execute_script(
            "return [...document.querySelectorAll('.summary-list__row')].map((r) => ["
            "r.querySelector('.summary-list__key').textContent.trim(),"
            "[...r.querySelector('.summary-list__value').childNodes].map((n) => n.nodeName === 'UL' ?"
            " [...n.children].map((li) => li.textContent.trim()).join(', ') : n.textContent.trim()).join(''),"
            "(r.querySelector('a[href^=\"#/change/\"]') || {}).hash])")
        out = []
        for text, value, change in rows:
            question_id = decodeURIComponent(change[len("#/change/"):]) if change else None
            assert question_id in self.outline.questions, f"a row of check your answers has no 'Change' link: {text}"
            assert self.outline.questions[question_id]["text"] == text, f"the row for {question_id} reads '{text}'"
            out.append((question_id, value))
        return out

    def report(self):
        """What the report shows: the questions with answers, the guidance element ids, the act-now list."""
        return self.driver.execute_script("""
            const text = (e) => e ? e.textContent.trim() : null;
            return {
              questions: [...document.querySelectorAll('.report-question')].map((q) => [
                text(q.querySelector('h3')), text(q.querySelector('.report-answer')).replace(/^Your answer: /, '')]),
              guidance: [...document.querySelectorAll('.report-question .guidance')].map((g) => g.id),
              urgent: [...document.querySelectorAll('.report-urgent li .report-action-list__headline')].map(text),
              summary: text(document.querySelector('.report-summary')),
              parts: [...document.querySelectorAll('.report-part > h2')].map(text),
              meta: text(document.querySelector('.report-meta')),
              text: document.querySelector('main').innerText,
            };""")


PRIORITY_RANK = {"act-now": 0, "plan": 1, "keep-doing": 2}


def report_order(outline, run):
    """The order the report must show a run in: parts in order; within a part, the questions whose most
    pressing advice is most pressing first (questions without advice last), content order otherwise; each
    question's advice by priority, content order otherwise. Returns (question ids, guidance ids, act-now ids)."""
    by_question = {q: [g for g in run["guidance"] if g in {x["id"] for x in outline.questions[q]["guidance"]}]
                   for q in run["asked"]}
    for q, items in by_question.items():
        items.sort(key=lambda g: PRIORITY_RANK[outline.guidance[g]["priority"]])  # sort is stable
    parts = []
    for q in run["asked"]:
        part = outline.part_of[q]
        if not parts or parts[-1][0] is not part:
            parts.append((part, []))
        parts[-1][1].append(q)
    questions = []
    for _, ids in parts:
        questions += sorted(ids, key=lambda q: PRIORITY_RANK[outline.guidance[by_question[q][0]]["priority"]]
                            if by_question[q] else 3)
    guidance = [g for q in questions for g in by_question[q]]
    urgent = [g for g in guidance if outline.guidance[g]["priority"] == "act-now"]
    return questions, guidance, urgent
