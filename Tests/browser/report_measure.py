"""Measures the report as a data protection officer meets it: where 'Act now' starts on a laptop and a
phone screen, and how many pages the report prints to. Used by test_report_meeting.py (which holds the
figures to their targets) and by scripts/measure-report.py (which prints them)."""

import base64
import random
import re

from report_browser import Visit, evaluate, outline

LAPTOP = (1366, 768)
PHONE = (375, 812)
TOOLKIT = "data-analytics"


def longest_plan(toolkit, seed=9, tries=600):
    """The full set of answers, among `tries` random ones, that earns the most advice: the longest report."""
    rng = random.Random(seed)
    candidates = [toolkit.random_answers(rng) for _ in range(tries)]
    runs = evaluate(toolkit.id, candidates)
    answers, run = max(zip(candidates, runs), key=lambda pair: (len(pair[1]["guidance"]), len(pair[1]["asked"])))
    return {q: answers[q] for q in run["asked"]}, run


def set_viewport(driver, size):
    """Sets the size of the page's viewport itself (not the window), as a screen of that size shows it."""
    width, height = size
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 641})


def act_now_position(driver, size):
    """Where the 'Act now' heading starts, in screens from the top of the report (0.5 = half way down the first)."""
    set_viewport(driver, size)
    top = driver.execute_script(
        "window.scrollTo(0, 0); const h = document.getElementById('urgent-title');"
        "return h ? h.getBoundingClientRect().top + window.scrollY : null")
    return None if top is None else top / size[1]


def printed_pages(driver):
    """The number of A4 pages Chromium's print to PDF makes of the page as it is, and the PDF itself."""
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "marginTop": 0.4, "marginBottom": 0.4,
        "marginLeft": 0.4, "marginRight": 0.4, "printBackground": False})["data"])
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf)), pdf


def open_longest_report(driver):
    """Walks the longest run of the shipped content through the pages, to the report. Returns the Swift run."""
    visit = Visit(driver, TOOLKIT)
    visit.open()
    answers, run = longest_plan(outline(driver))
    visit.complete(answers)
    visit.act(visit.link("See your report"))
    return visit, run
