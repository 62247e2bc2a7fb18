"""Helpers for test_report.py: a headless Chromium that saves downloads where a test can read them, a user's
visit to a toolkit's questionnaire, the report as data, and the Swift model's answer for a set of answers.

Self-contained on purpose (no fixtures from conftest.py). Like the other browser tests, it reads the built
site from TOOLKIT_SITE (default `site/`) and the content from TOOLKIT_CONTENT (default `content/`).
"""

import base64
import json
import os
import random
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

import conftest
from conftest import wait_for
from toolkit_pages import random_answer

REPO = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("TOOLKIT_SITE", REPO / "site")).resolve()
CONTENT = Path(os.environ.get("TOOLKIT_CONTENT", REPO / "content")).resolve()
TOOLKIT_BIN = Path(os.environ.get("TOOLKIT_BIN", REPO / ".build" / "debug" / "toolkit"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


# ---- The browser ----------------------------------------------------------------------------------------

def new_browser(download_dir):
    """A headless Chromium with a fresh profile (so no saved answers) that saves downloads in download_dir."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=en-GB", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-sync", "--disable-component-update"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir),
        "download.prompt_for_download": False,
        "download.directory_upgrade": True,
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
    return driver


def wait_for_download(folder, suffix, before=(), timeout=15):
    """The path of a new, finished download ending in `suffix`."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        finished = [p for p in Path(folder).iterdir() if p.name.endswith(suffix) and p not in before]
        busy = [p for p in Path(folder).iterdir() if p.name.endswith(".crdownload")]
        if finished and not busy:
            return max(finished, key=lambda p: p.stat().st_mtime)
        time.sleep(0.1)
    raise AssertionError(f"no {suffix} file was downloaded into {folder}: {sorted(p.name for p in Path(folder).iterdir())}")


def severe_console(driver):
    """Console errors (uncaught exceptions, failed loads, CSP reports) since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


# ---- The model and the Swift model's answers ----------------------------------------------------------

# The words of each part load when a page needs them: the outline loads them all before it reads the model.
LOADED_JS = """
const done = arguments[arguments.length - 1];
globalThis.toolkitRuntime.needAllText().then(() => done((function () {
"""
OUTLINE_JS = """
const m = globalThis.toolkitModel;
const questions = [];
const add = (part, track, index, count) => part.questions.forEach((q) => questions.push({
  id: q.id, text: q.text, kind: q.kind, part: part.title, partIndex: index, partCount: count,
  track: track ? track.title : null, options: q.options.map((o) => ({id: o.id, label: o.label, exclusive: !!o.exclusive})),
  guidance: q.guidance.map((g) => ({id: g.id, priority: g.priority, headline: g.headline, html: g.html,
                                    links: g.links}))}));
m.openingParts.forEach((p, i) => add(p, null, i, m.openingParts.length));
m.tracks.forEach((t) => t.parts.forEach((p, i) => add(p, t, i, t.parts.length)));
return {id: m.id, title: m.title, version: m.version, reportTitle: m.report.title, reportHTML: m.report.html,
        trackCount: m.tracks.length, questions};
"""


class Outline:
    """The toolkit as the browser loaded it: questions (in content order) with options and guidance."""

    def __init__(self, data):
        self.data = data
        self.id = data["id"]
        self.version = data["version"]
        self.questions = {q["id"]: q for q in data["questions"]}
        self.guidance = {g["id"]: {**g, "question": q["id"]} for q in data["questions"] for g in q["guidance"]}

    def label(self, question_id, answer):
        chosen = answer if isinstance(answer, list) else [answer]
        return ", ".join(o["label"] for o in self.questions[question_id]["options"] if o["id"] in chosen)

    def caption(self, question_id):
        """The part's heading in the report, as the runtime writes it."""
        q = self.questions[question_id]
        return q["part"] if q["track"] is None else f"Part {q['partIndex'] + 1} of {q['partCount']}: {q['part']}"

    def short_caption(self, question_id):
        """The part's name in the action log and the 'Act now' list."""
        q = self.questions[question_id]
        return q["part"] if q["track"] is None else f"Part {q['partIndex'] + 1}: {q['part']}"

    def report_order(self, run):
        """The order the report shows a run in (see toolkit_pages.report_order): (question ids, guidance ids)
        with the most pressing first within each part, and the actions, most pressing first overall."""
        rank = {"act-now": 0, "plan": 1, "keep-doing": 2}
        earned = {q: sorted((g for g in run["guidance"] if self.guidance[g]["question"] == q),
                            key=lambda g: rank[self.guidance[g]["priority"]]) for q in run["asked"]}
        groups = []
        for q in run["asked"]:
            if not groups or groups[-1][0] != self.caption(q):
                groups.append((self.caption(q), []))
            groups[-1][1].append(q)
        questions = [q for _, ids in groups
                     for q in sorted(ids, key=lambda q: rank[self.guidance[earned[q][0]]["priority"]] if earned[q] else 3)]
        guidance = [g for q in questions for g in earned[q]]
        actions = sorted(guidance, key=lambda g: rank[self.guidance[g]["priority"]])
        return questions, guidance, actions

    def random_answers(self, rng):
        return {q["id"]: random_answer(q, rng, share=0.3) for q in self.data["questions"]}


def outline(driver):
    data = driver.execute_async_script(LOADED_JS + OUTLINE_JS + "})()), (e) => done({error: String(e)}));")
    assert "error" not in data, f"the toolkit's words did not load: {data.get('error')}"
    return Outline(data)


def evaluate(toolkit_id, answer_sets):
    """What the Swift model says for each set of answers: [{asked, track, guidance}]."""
    assert TOOLKIT_BIN.exists(), f"{TOOLKIT_BIN} is missing: run `swift build`"
    return conftest.evaluate(TOOLKIT_BIN, CONTENT, toolkit_id, answer_sets)


def richest_plan(toolkit, seed=4, tries=300):
    """A full set of answers that earns the most guidance (so the report, and its Word file, have the most
    to show), preferring guidance whose body has lists, bold or links. Returns (answers, Swift run)."""
    rng = random.Random(seed)
    candidates = [toolkit.random_answers(rng) for _ in range(tries)]
    runs = evaluate(toolkit.id, candidates)

    def score(run):
        rich = sum(1 for g in run["guidance"] if any(t in toolkit.guidance[g]["html"] for t in ("<ul", "<ol", "<strong", "<a ")))
        return (rich, len(run["guidance"]), len(run["asked"]))
    answers, run = max(zip(candidates, runs), key=lambda pair: score(pair[1]))
    return {q: answers[q] for q in run["asked"]}, run


def fragment_for(data):
    """The #answers= fragment for some data, written the way the runtime documents it."""
    raw = json.dumps(data, separators=(",", ":")).encode()
    return "#answers=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


# ---- A visit to the questionnaire -------------------------------------------------------------------

class Visit:
    """One user in one browser, on one toolkit's questionnaire page (from file://, as from a USB stick)."""

    def __init__(self, driver, toolkit_id, site=SITE):
        self.driver = driver
        self.toolkit_id = toolkit_id
        self.url = (site / toolkit_id / "questions.html").as_uri()

    def confirm_delete(self):
        """On 'Are you sure?', deletes: returns the page it lands on."""
        assert self.h1() == "Are you sure you want to delete your answers?", f"no 'Are you sure?' but {self.h1()!r}"
        return self.act(self.button("Yes, delete my answers"))

    def pass_interstitials(self):
        """Presses 'Continue' on pages between questions until a question (or another page) shows."""
        while self.question_id() is None:
            found = self.driver.find_elements(By.CSS_SELECTOR, "#app [data-continue]")
            if not found:
                return
            self.act(found[0])

    # -- pages
    def open(self, fragment=""):
        """Loads the page afresh (not a jump within it), as a user arriving from elsewhere."""
        self.driver.get("about:blank")
        self.driver.get(self.url + fragment)
        return self.settled()

    def reload(self):
        self.driver.refresh()
        return self.settled()

    def settled(self):
        """Waits for a page with focus on its heading (or its error summary), and returns the h1's text."""
        wait_for(self.driver, lambda d: d.execute_script(
            "const a = document.activeElement; return !!document.querySelector('#app h1') && !!a &&"
            " (a.tagName === 'H1' || a.classList.contains('error-summary'))"), message="a page with focus on its heading")
        return self.h1()

    def wait_for_h1(self, text):
        """After a jump within the page (a new fragment), waits for the page it renders."""
        wait_for(self.driver, lambda d: d.execute_script(
            "const h = document.querySelector('#app h1'); return !!h && h.textContent.trim() === arguments[0]"
            " && document.activeElement === h", text), message=f"the page '{text}'")
        return text

    def h1(self):
        return self.driver.execute_script("return document.querySelector('#app h1').textContent.trim()")

    def act(self, element):
        """Clicks something that shows a new page, and waits for it."""
        old = self.driver.find_element(By.CSS_SELECTOR, "#app h1")
        element.click()

        def replaced(_):
            try:
                old.is_enabled()
                return False
            except StaleElementReferenceException:
                return True
        wait_for(self.driver, replaced, message="the next page")
        return self.settled()

    def button(self, text):
        return self.driver.find_element(By.XPATH, f"//button[normalize-space(.)={json.dumps(text)}]")

    def link(self, text):
        return self.driver.find_element(By.PARTIAL_LINK_TEXT, text)

    # -- answering
    def question_id(self):
        forms = self.driver.find_elements(By.CSS_SELECTOR, "form[data-question]")
        return forms[0].get_attribute("data-question") if forms else None

    def answer(self, value):
        chosen = set(value if isinstance(value, list) else [value])
        for element in self.driver.find_elements(By.CSS_SELECTOR, "form input[name=answer]"):
            if (element.get_attribute("value") in chosen) != element.is_selected():
                element.click()
        return self.act(self.driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))

    def complete(self, answers, limit=300):
        """Answers every question asked from `answers`, up to the check page; returns the ids asked."""
        asked = []
        while self.h1() != "Check your answers":
            question = self.question_id()
            continuing = self.driver.find_elements(By.CSS_SELECTOR, "#app [data-continue]")
            if question is None and continuing:
                self.act(continuing[0])  # a page between questions: which rules apply, or a part's start
                continue
            assert question is not None, f"neither a question nor the check page: {self.h1()!r}"
            assert len(asked) < limit, "the questionnaire does not end"
            asked.append(question)
            self.answer(answers[question])
        return asked

    def checked(self):
        return [e.get_attribute("value") for e in self.driver.find_elements(By.CSS_SELECTOR, "input[name=answer]") if e.is_selected()]

    # -- the device's storage
    def stored(self):
        """Every localStorage entry of this toolkit, as raw text: {key: value}."""
        return self.driver.execute_script(
            "const out = {}; for (const k of Object.keys(localStorage)) if (k === arguments[0] || k.startsWith(arguments[0] + ':'))"
            " out[k] = localStorage.getItem(k); return out;", f"toolkit:{self.toolkit_id}")

    def saved_answers(self, version):
        raw = self.stored().get(f"toolkit:{self.toolkit_id}:{version}")
        return None if raw is None else json.loads(raw)["answers"]

    def store(self, entries, clear=True):
        """Replaces this toolkit's localStorage entries (as another visit or another version would leave them)."""
        self.driver.execute_script(
            "if (arguments[2]) for (const k of Object.keys(localStorage)) if (k.startsWith(arguments[0])) localStorage.removeItem(k);"
            "for (const [k, v] of Object.entries(arguments[1])) localStorage.setItem(k, v);",
            f"toolkit:{self.toolkit_id}", entries, clear)

    # -- what the page says
    def banners(self):
        return [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, ".notification-banner")]

    def error_summary(self):
        found = self.driver.find_elements(By.CSS_SELECTOR, ".error-summary")
        return found[0].text if found else None

    def report(self):
        """The report's detail as data: parts, questions, answers and the guidance shown, in page order."""
        return self.driver.execute_script("""
            const text = (e) => e ? e.textContent.trim() : null;
            return {
              meta: text(document.querySelector('.report-meta')),
              parts: [...document.querySelectorAll('.report-part')].map((part) => ({
                caption: text(part.querySelector('h2')),
                questions: [...part.querySelectorAll('.report-question')].map((q) => ({
                  text: text(q.querySelector('h3')),
                  answer: text(q.querySelector('.report-answer')).replace(/^Your answer: /, ''),
                  guidance: [...q.querySelectorAll('.guidance')].map((g) => ({
                    id: g.id, headline: text(g.querySelector('.guidance__headline')), text: text(g)})),
                })),
              })),
              urgent: [...document.querySelectorAll('.report-urgent li .report-action-list__headline')].map(text),
              glance: [...document.querySelectorAll('.report-glance tbody tr')].map((row) =>
                [...row.children].map(text)),
            };""")


# ---- Accessibility ------------------------------------------------------------------------------------

def axe_violations(driver):
    """axe-core's violations on the page as it is now, one line each: 'rule: help (targets)'."""
    return [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes'][:3]]}" for v in conftest.axe_violations(driver)]
