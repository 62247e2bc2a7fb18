"""The report a data protection officer takes to a meeting (issue 9), measured in headless Chromium on the
longest run of the shipped content, from file://:

- the summary and 'Act now' come first: the 'Act now' heading starts within the first screen at 1366x768 and
  within two at 375x812; the report's tools take less than a screen on a phone;
- which rules apply, and why, on a page of its own after the opening questions and in the summary;
- priorities explained in the content's words, and advice ordered by priority within each part;
- an actions-only view with every action; print: at most 15 A4 pages, a question's heading kept with its
  answer and first advice;
- progress ('Question N of M', a start page for each part), the error that names the question, one answer
  per line on 'Check your answers', and a jump from 'Act now' that shows the question and the answer.

The figures print with `python3 scripts/measure-report.py`.
"""

import re

import pytest
from selenium.webdriver.common.by import By

from conftest import screenshot
from report_browser import Visit, new_browser, outline
from report_measure import LAPTOP, PHONE, TOOLKIT, act_now_position, open_longest_report, printed_pages


# A content test: it walks the shipped toolkit (content/), so an editor's change may need it changed.
pytestmark = pytest.mark.content

MAX_PAGES = 15


@pytest.fixture(scope="module")
def longest(tmp_path_factory):
    """The longest run of the shipped content, answered through the pages, on its report."""
    driver = new_browser(tmp_path_factory.mktemp("longest"))
    visit, run = open_longest_report(driver)
    yield visit, run, outline(driver)
    driver.quit()


def test_act_now_comes_within_the_first_screen(longest):
    visit, run, toolkit = longest
    assert any(toolkit.guidance[g]["priority"] == "act-now" for g in run["guidance"]), "no 'Act now' to measure"
    laptop = act_now_position(visit.driver, LAPTOP)
    screenshot(visit.driver, "report-top-laptop")
    phone = act_now_position(visit.driver, PHONE)
    screenshot(visit.driver, "report-top-phone")
    tools = visit.driver.execute_script("return document.querySelector('.report-tools').getBoundingClientRect().height")
    visit.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert laptop < 1, f"'Act now' starts {laptop:.2f} screens down at 1366x768"
    assert phone < 2, f"'Act now' starts {phone:.2f} screens down at 375x812"
    assert tools < PHONE[1] / 2, f"the report's tools take {tools:.0f}px of an 812px phone screen"


def test_the_longest_report_prints_in_at_most_15_pages(longest):
    visit, run, _ = longest
    pages, _ = printed_pages(visit.driver)
    assert pages <= MAX_PAGES, f"the longest report prints to {pages} pages"
    assert pages >= 3, f"{pages} pages cannot hold {len(run['guidance'])} items of advice: the measure is wrong"


def test_summary_says_which_rules_apply_why_and_counts(longest):
    visit, run, toolkit = longest
    summary = visit.driver.find_element(By.CSS_SELECTOR, ".report-summary").text
    model = visit.driver.execute_script("return globalThis.toolkitModel")
    track = next(t for t in model["tracks"] if t["id"] == run["track"])
    assert f"Rules: {track['title']}" in summary
    opening = [q for q in run["asked"] if toolkit.questions[q]["track"] is None]
    for question in opening:
        assert toolkit.questions[question]["text"] in summary, f"the summary does not give '{question}' as a reason"
    answers = visit.driver.execute_script("return JSON.parse(localStorage.getItem(arguments[0])).answers",
                                          f"toolkit:{toolkit.id}:{toolkit.version}")
    unsure_opening = [q for q in opening if answers[q] == "not-sure"]
    assert ("rests on a 'Not sure' answer" in summary) == bool(unsure_opening)
    if unsure_opening:
        assert track["ifUnsure"] in summary, "the summary does not say what to confirm, and with whom"
    for priority, meaning in model["report"]["priorities"].items():
        count = sum(1 for g in run["guidance"] if toolkit.guidance[g]["priority"] == priority)
        label = {"act-now": "Act now", "plan": "Plan", "keep-doing": "Keep doing"}[priority]
        assert re.search(rf"{label} {count} actions?: {re.escape(meaning)}", summary), \
            f"the summary does not give {count} '{label}' actions with what they mean"
    unsure = sum(1 for q in run["asked"] if answers[q] == "not-sure" or
                 (isinstance(answers[q], list) and "not-sure" in answers[q]))
    if unsure:
        assert f"'Not sure' to {unsure} question" in summary


def test_act_now_lists_each_action_with_its_part_question_and_answer(longest):
    visit, run, toolkit = longest
    _, _, actions = toolkit.report_order(run)
    urgent = [g for g in actions if toolkit.guidance[g]["priority"] == "act-now"]
    shown = visit.driver.execute_script("""
        return [...document.querySelectorAll('.report-urgent li')].map((li) => ({
          part: li.parentElement.previousElementSibling.textContent.trim(),
          headline: li.querySelector('.report-action-list__headline').textContent.trim(),
          source: li.querySelector('.report-action-list__source').textContent.trim()}));""")
    assert [s["headline"] for s in shown] == [toolkit.guidance[g]["headline"] for g in urgent]
    for item, guidance_id in zip(shown, urgent):
        question = toolkit.guidance[guidance_id]["question"]
        assert item["part"] == toolkit.short_caption(question)
        assert toolkit.questions[question]["text"] in item["source"]
        answer = visit.driver.execute_script("return JSON.parse(localStorage.getItem(arguments[0])).answers[arguments[1]]",
                                             f"toolkit:{toolkit.id}:{toolkit.version}", question)
        assert f"Your answer: {toolkit.label(question, answer)}" in item["source"]


def test_a_jump_from_act_now_shows_the_question_and_the_answer(longest):
    visit, _, _ = longest
    driver = visit.driver
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_script("window.scrollTo(0, 0)")
    links = driver.find_elements(By.CSS_SELECTOR, ".report-urgent a")
    links[-1].click()
    landed = driver.execute_script("""
        const target = document.activeElement, question = target.closest('.report-question');
        const top = (e) => e.getBoundingClientRect().top;
        return {id: target.id, heading: top(question.querySelector('h3')), answer: top(question.querySelector('.report-answer')),
                advice: top(target), height: innerHeight};""")
    assert "#" + landed["id"] == links[-1].get_attribute("href")[links[-1].get_attribute("href").index("#"):]
    for part in ("heading", "answer", "advice"):
        assert 0 <= landed[part] < landed["height"], f"after the jump, the {part} is out of view: {landed}"


def test_actions_only_view_lists_every_action_and_prints_shorter(longest):
    visit, run, toolkit = longest
    full_pages, _ = printed_pages(visit.driver)
    visit.act(visit.link("Actions only"))
    _, _, actions = toolkit.report_order(run)
    items = visit.driver.execute_script("""
        return [...document.querySelectorAll('.report-log__item')].map((li) => [li.querySelector('strong').textContent,
          ...[...li.querySelectorAll('dd')].map((dd) => dd.textContent)]);""")
    priorities = {"act-now": "Act now", "plan": "Plan", "keep-doing": "Keep doing"}
    answers = visit.driver.execute_script("return JSON.parse(localStorage.getItem(arguments[0])).answers",
                                          f"toolkit:{toolkit.id}:{toolkit.version}")
    expected = []
    for g in actions:
        question = toolkit.guidance[g]["question"]
        expected.append([toolkit.guidance[g]["headline"], toolkit.short_caption(question), toolkit.questions[question]["text"],
                         toolkit.label(question, answers[question]), priorities[toolkit.guidance[g]["priority"]]])
    assert items == expected, "the actions-only view is not every action, most pressing first"
    assert not visit.driver.find_elements(By.CSS_SELECTOR, ".report-question"), "the actions-only view shows the detail"
    pages, _ = printed_pages(visit.driver)
    assert pages < full_pages, f"the actions-only view prints to {pages} pages, the full report to {full_pages}"
    visit.act(visit.link("Full report"))
    assert visit.driver.find_elements(By.CSS_SELECTOR, ".report-question")


def test_result_page_says_which_rules_apply_and_changes_with_the_answers(browser):
    """After the opening questions: the track in its own words, the answers that chose it with 'Change'
    links, and what to confirm when it rests on 'Not sure'. Changing an answer shows the page again."""
    visit = Visit(browser, TOOLKIT)
    visit.open()
    model = browser.execute_script("return globalThis.toolkitModel")
    tracks = {t["id"]: t for t in model["tracks"]}
    visit.answer("yes")        # a competent authority
    visit.answer("not-sure")   # a law enforcement purpose?
    visit.answer("no")         # other purposes
    assert visit.h1().endswith(tracks["law-enforcement"]["title"]), f"no result page but {visit.h1()!r}"
    text = browser.find_element(By.ID, "app").text
    first_words = re.sub(r"<[^>]+>", "", tracks["law-enforcement"]["html"]).split("\n")[0].strip().replace("\xa0", " ")
    assert first_words in text.replace("\xa0", " "), "the result page does not describe the track in the content's words"
    assert "rests on a 'Not sure' answer" in text and tracks["law-enforcement"]["ifUnsure"] in text
    changes = [a.get_attribute("href").split("#")[1] for a in browser.find_elements(By.CSS_SELECTOR, ".summary-list a")]
    assert changes == ["/change/competent-authority", "/change/law-enforcement-purpose", "/change/other-purposes"]
    screenshot(browser, "result-page")

    visit.act(browser.find_element(By.CSS_SELECTOR, 'a[href="#/change/law-enforcement-purpose"]'))
    assert visit.question_id() == "law-enforcement-purpose"
    visit.answer("no")
    assert visit.h1().endswith(tracks["general"]["title"]), "changing an opening answer does not show the new rules"
    assert "Not sure" not in browser.find_element(By.ID, "app").text
    visit.act(browser.find_element(By.CSS_SELECTOR, "[data-continue]"))
    assert re.fullmatch(r".*Part 1 of \d+: .+", visit.h1()), f"Continue leads to {visit.h1()!r}, not the first part"


def test_progress_part_start_pages_and_the_error_message(browser):
    visit = Visit(browser, TOOLKIT)
    visit.open()
    progress = lambda: browser.find_element(By.CSS_SELECTOR, ".question-progress").text  # noqa: E731
    caption = lambda: browser.find_element(By.CSS_SELECTOR, "legend .caption").text  # noqa: E731
    assert re.fullmatch(r"Question 1 of (about )?\d+", progress())
    # The error names the question.
    question = browser.find_element(By.CSS_SELECTOR, "legend h1").text
    visit.act(browser.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    assert question in visit.error_summary(), "the error message does not name the question"
    for answer in ("yes", "yes", "no"):
        visit.answer(answer)
    visit.act(browser.find_element(By.CSS_SELECTOR, "[data-continue]"))  # the result page
    part_page = browser.find_element(By.ID, "app").text
    assert re.search(r"\d+ questions?, taking about \d+ minutes?\.", part_page), "the part's start page has no length"
    assert re.search(r"The law in this part was last checked on \d{1,2} [A-Z][a-z]+ \d{4}\.", part_page), \
        "the part's start page does not say when its law was last checked"
    assert visit.h1().startswith("Law enforcement processing") and "Part 1 of 4" in visit.h1()
    visit.act(browser.find_element(By.CSS_SELECTOR, "[data-continue]"))
    assert "::" not in caption() and caption().count(":") == 1, f"the caption is {caption()!r}"
    assert caption().startswith("Part 1 of 4: ")
    first = progress()
    assert re.fullmatch(r"Question 1 of (about )?\d+", first)
    visit.act(visit.link("Back"))
    assert "Part 1 of 4" in visit.h1(), "Back from a part's first question does not go to the part's start"


def test_check_answers_puts_several_answers_one_per_line(browser):
    visit = Visit(browser, TOOLKIT)
    visit.open()
    model = browser.execute_script("return globalThis.toolkitModel")
    several = next(q for t in model["tracks"] for p in t["parts"] for q in p["questions"]
                   if q["kind"] == "any" and not q.get("dependsOn") and t["id"] == "law-enforcement" and len(q["options"]) > 3)
    chosen = [o["id"] for o in several["options"] if not o.get("exclusive")][:2]
    visit.store({f"toolkit:{model['id']}:{model['version']}": __import__("json").dumps(
        {"toolkit": model["id"], "version": model["version"], "answers": {
            "competent-authority": "yes", "law-enforcement-purpose": "yes", "other-purposes": "no", several["id"]: chosen}})})
    visit.open("#/check")
    row = next(r for r in browser.find_elements(By.CSS_SELECTOR, ".summary-list__row")
               if r.find_element(By.CSS_SELECTOR, "dt").text == several["text"])
    lines = [li.text for li in row.find_elements(By.CSS_SELECTOR, ".summary-list__value li")]
    assert lines == [o["label"] for o in several["options"] if o["id"] in chosen]


def test_delete_asks_first_and_offers_the_answers_file(browser):
    visit = Visit(browser, TOOLKIT)
    visit.open()
    visit.answer("yes")
    visit.open("#/answers")
    visit.act(visit.button("Delete my answers"))
    assert visit.h1() == "Are you sure you want to delete your answers?"
    assert visit.button("Download your answers") and visit.stored(), "answers went before the user confirmed"
    visit.act(visit.link("No, keep my answers"))
    assert visit.h1() == "Save, load or delete your answers" and visit.stored()
    visit.act(visit.button("Delete my answers"))
    visit.confirm_delete()
    assert visit.stored() == {}
