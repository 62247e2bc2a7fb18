"""Every track of every toolkit completed in Chromium, from file:// (a USB stick) and from a web server that
publishes the site under a sub-path behind `Content-Security-Policy: default-src 'self'`: the start page,
each part, check your answers, a change of answer that alters what follows, the report, print media and
starting again. The questions asked and the report shown must be what the Swift model says."""

import re

import pytest
from selenium.webdriver.common.by import By

from conftest import CONTENT, SUB_PATH, SubPathHandler, screenshot, toolkit_ids, wait_for
from toolkit_pages import CHECK_TITLE, Questionnaire, anchor, answer_changes, branching_changes, plan_per_track, report_order

TOOLKITS = toolkit_ids()

# Shown on screen, never on paper.
SCREEN_ONLY = [".header", ".footer", ".skip-link", ".no-print", ".button", ".back-link", "nav"]


@pytest.mark.parametrize("toolkit_id", TOOLKITS)
@pytest.mark.parametrize("where", ["file", "http"])
def test_every_track_completed(where, toolkit_id, driver, watch, swift_model, file_site, http_site):
    base = file_site if where == "file" else http_site
    watcher = watch(driver, base)

    # The list of toolkits, then the toolkit's start page.
    driver.get(base + "index.html")
    driver.find_element(By.CSS_SELECTOR, f'a[href="{toolkit_id}/index.html"]').click()
    wait_for(driver, lambda d: d.current_url.endswith(f"{toolkit_id}/index.html"), message="the start page")
    watcher.assert_clean("the list of toolkits and the start page")
    start = check_start_page(driver, toolkit_id)

    visit = Questionnaire(driver, base, toolkit_id, on_state=lambda where_: watcher.assert_clean(where_))
    visit.start()
    toolkit = visit.outline
    assert start["title"] == toolkit.data["title"]
    for track in toolkit.tracks:
        for part in track["parts"]:
            assert part["title"] in start["parts"], f"the start page does not list the part '{part['title']}'"

    plans = plan_per_track(toolkit, swift_model)
    expected_tracks = [t["id"] for t in toolkit.tracks] or [None]
    assert sorted(plans, key=str) == sorted(expected_tracks, key=str), "some track cannot be reached"

    for number, track_id in enumerate(expected_tracks):
        answers, run = plans[track_id]
        label = f"{where}, track {track_id}"
        # The pages between questions of this run: for the first, those 'Start now' led through.
        if number > 0:
            visit.interstitials = []
            start_again(visit)

        seen_captions = {}
        visit.on_state = lambda state: (watcher.assert_clean(f"{label}: {state}"),
                                        seen_captions.setdefault(visit.current(), page_caption(driver)))
        asked = visit.complete(answers)
        assert asked == run["asked"], f"{label}: the browser asked other questions than the Swift model"
        check_parts(toolkit, asked, seen_captions, driver, label)
        check_pages_between(toolkit, run, visit.interstitials, label)

        # Check your answers: every question asked, with the answer given.
        rows = visit.check_rows()
        assert rows == [(q, toolkit.label(q, answers[q])) for q in run["asked"]], f"{label}: check your answers"
        watcher.assert_clean(f"{label}: check your answers")

        # A change of answer that alters what follows, when the content has one. A toolkit without
        # conditions has none: then any change, which keeps the questions (test_model_agreement changes an
        # answer that alters what follows in the generated toolkit, which always has one).
        changes = branching_changes(toolkit, swift_model, answers, run)
        alters = bool(changes)
        changes = changes or answer_changes(toolkit, swift_model, answers, run)
        assert changes, f"{label}: no answer of the run can be changed"
        question_id, new_answer, new_run = changes[0]
        visit.change(question_id)
        assert visit.current() == question_id
        old = answers[question_id]
        assert sorted(visit.checked_values()) == sorted(old if isinstance(old, list) else [old]), \
            "the page to change an answer does not show the answer given"
        answers = {**answers, question_id: new_answer}
        visit.answer(new_answer)
        visit.complete(answers)
        rows = visit.check_rows()
        assert [q for q, _ in rows] == new_run["asked"], \
            f"{label}: after changing '{question_id}' to {new_answer}, the questions are not the Swift model's"
        assert ([q for q, _ in rows] != run["asked"]) == alters
        assert rows == [(q, toolkit.label(q, answers[q])) for q in new_run["asked"]]

        # The report.
        visit.follow("See your report")
        check_report(visit, toolkit, answers, new_run, label)
        watcher.assert_clean(f"{label}: the report")
        check_print(driver, f"{where}-{toolkit_id}-{track_id}")
        watcher.assert_clean(f"{label}: the report in print")

    if where == "http":
        outside = [p for p in SubPathHandler.requests if not p.startswith(SUB_PATH)]
        assert outside == [], f"the site asked for files outside its sub-path: {outside}"


def check_start_page(driver, toolkit_id):
    """The start page says what the toolkit is, how long it takes (when toolkit.md says, in 'minutes'), what
    happens to answers, and starts."""
    assert driver.find_element(By.CSS_SELECTOR, "a.button--start").text.strip() == "Start now"
    text = driver.find_element(By.TAG_NAME, "body").text
    settings = (CONTENT / toolkit_id / "toolkit.md").read_text(encoding="utf-8").split("\n---", 1)[0]
    if re.search(r"^minutes:\s*\d", settings, re.M):
        assert "minutes" in text, "the start page does not say how long the toolkit takes"
    assert "Your answers stay on this device" in text, "the start page does not say what happens to answers"
    assert driver.find_elements(By.CSS_SELECTOR, 'a[href="all-guidance.html"]'), "no link to all the guidance"
    return {
        "title": driver.find_element(By.TAG_NAME, "h1").text.strip(),
        "parts": [li.text.strip() for li in driver.find_elements(By.CSS_SELECTOR, "main ol li")],
    }


def page_caption(driver):
    captions = driver.find_elements(By.CSS_SELECTOR, "legend .caption")
    intro = driver.find_elements(By.CSS_SELECTOR, ".part-intro")
    return captions[0].text.strip() if captions else None, bool(intro)


def check_parts(toolkit, asked, seen, driver, label):
    """Each question's caption names its part ('Part 2 of 4'), the part's introduction shows at its first
    question, and the run went through every part of its track."""
    parts_seen = []
    for question_id in asked:
        part = toolkit.part_of[question_id]
        track = toolkit.track_of[question_id]
        caption, has_intro = seen[question_id]
        first_of_part = not parts_seen or parts_seen[-1] is not part
        if first_of_part:
            parts_seen.append(part)
        if track is not None:
            index = track["parts"].index(part)
            assert f"Part {index + 1} of {len(track['parts'])}" in caption, f"{label}: caption '{caption}'"
        assert part["title"] in caption, f"{label}: caption '{caption}' does not name the part"
        # A track's part shows its introduction on its own start page; the opening questions at the first.
        assert has_intro == (first_of_part and part["hasIntro"] and track is None), \
            f"{label}: the introduction of '{part['title']}' at {question_id}"
    track = toolkit.track_of[asked[-1]]
    if track is not None:
        missing = [p["title"] for p in track["parts"] if p not in parts_seen]
        assert not missing, f"{label}: the run never reached the parts {missing}"


def check_pages_between(toolkit, run, headings, label):
    """After the opening questions, a page says which rules apply; each part of a track has a start page."""
    track = next((t for t in toolkit.tracks if t["id"] == run["track"]), None)
    expected = []
    if toolkit.data["openingParts"] and len(toolkit.tracks) > 1:
        expected.append(track["title"])
    if track is not None:
        count = len(track["parts"])
        for index, part in enumerate(track["parts"]):
            if any(toolkit.part_of[q] is part for q in run["asked"]):
                expected.append(f"Part {index + 1} of {count}: {part['title']}")
    # A heading may carry a caption (the track's name) before its own words.
    assert len(headings) == len(expected) and all(h.endswith(e) for h, e in zip(headings, expected)), \
        f"{label}: the pages between questions were {headings}, expected {expected}"


def check_report(visit, toolkit, answers, run, label):
    driver = visit.driver
    assert visit.h1().text.strip() == toolkit.data["reportTitle"]
    report = visit.report()
    questions, guidance, urgent_ids = report_order(toolkit, run)
    assert sorted(questions) == sorted(run["asked"]) and sorted(guidance) == sorted(run["guidance"])
    assert report["questions"] == [[toolkit.questions[q]["text"], toolkit.label(q, answers[q])] for q in questions], \
        f"{label}: the report's questions and answers, most pressing first in each part"
    assert report["guidance"] == [anchor(g) for g in guidance], \
        f"{label}: the report's guidance is not the Swift model's, most pressing first"
    urgent = [toolkit.guidance[g]["headline"] for g in urgent_ids]
    assert report["urgent"] == urgent, f"{label}: the most pressing actions"
    assert toolkit.data["version"] in report["meta"], "the report does not give the content version"
    if run["track"] and len(toolkit.tracks) > 1:
        track = next(t for t in toolkit.tracks if t["id"] == run["track"])
        assert track["title"] in report["summary"], "the report's summary does not say which rules were followed"
    assert "not legal advice" in report["text"], "the report has no disclaimer"
    # The act-now links move focus to their guidance.
    links = driver.find_elements(By.CSS_SELECTOR, ".report-urgent a")
    if links:
        links[0].click()
        assert driver.execute_script("return document.activeElement.id") == anchor(urgent_ids[0])


def check_print(driver, name):
    """In print media, the buttons, navigation, header and footer are hidden; the advice is not."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert driver.execute_script("return matchMedia('print').matches")
        shown = driver.execute_script("""
            return arguments[0].flatMap((selector) => [...document.querySelectorAll(selector)]
              .filter((e) => e.getClientRects().length > 0).map((e) => selector + ': ' + e.textContent.trim().slice(0, 60)));
            """, SCREEN_ONLY)
        assert shown == [], f"shown in print: {shown}"
        visible = driver.execute_script(
            "return [...document.querySelectorAll('h1, .report-question, .inset')].every((e) => e.getClientRects().length > 0)")
        assert visible, "the report itself is hidden in print"
        driver.execute_script("window.scrollTo(0, 0)")
        screenshot(driver, f"print-{name}")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def start_again(visit):
    """'Delete my answers and start again' empties the device's store and goes to the first question (or to
    the start page of its part, when that is a track's part)."""
    driver = visit.driver
    visit.delete_answers()
    assert visit.current() is not None or driver.find_elements(By.CSS_SELECTOR, "#app [data-continue]")
    assert not visit.is_check_page()
    assert visit.checked_values() == []
    stored = driver.execute_script(
        "return Object.keys(localStorage).map((k) => localStorage.getItem(k)).join('')")
    assert '"answers":{}' in stored.replace(" ", "") or stored in ("", "null"), \
        f"answers are still stored after deleting them: {stored[:200]}"
    assert CHECK_TITLE not in visit.h1().text
