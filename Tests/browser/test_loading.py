"""The site loads what it needs (issue 11): before the first question, only the flow model, the runtime's
question files, the interface's words they use and the first part's words; the guidance, the report's files
and the report's interface words come with the report; a missing file gives a page that says so. From
file://, as from a USB stick."""

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from report_browser import SITE, Visit, outline, richest_plan

TOOLKIT = "data-analytics"
pytestmark = pytest.mark.content  # on the shipped toolkit
FIRST_LOAD_LIMIT = 40 * 1024  # gzipped bytes before the first question shows

LOADED_JS = """
return [location.href, ...[...document.querySelectorAll('script[src], link[rel=stylesheet]')].map((e) => e.src || e.href)]
  .map((address) => decodeURIComponent(address.split('#')[0]));"""


def loaded(driver, site):
    return [str(Path(re.sub(r"^file://", "", address)).relative_to(site)) for address in driver.execute_script(LOADED_JS)]


def test_the_first_question_waits_only_for_what_it_shows(browser):
    visit = Visit(browser, TOOLKIT)
    visit.open()
    assert visit.question_id(), "no first question"
    files = loaded(browser, SITE)
    assert f"{TOOLKIT}/model.js" in files and f"{TOOLKIT}/text/part-1-1.js" in files
    assert f"{TOOLKIT}/text/interface.js" in files
    later = [f for f in files if re.search(r"text/guidance-|text/report\.js|text/interface-report\.js|text/part-([2-9]|1-[2-9])|assets/report|assets/docx", f)]
    assert later == [], f"loaded before the first question, though it shows none of it: {later}"
    weight = sum(len(gzip.compress((SITE / f).read_bytes(), 9)) for f in files)
    assert weight < FIRST_LOAD_LIMIT, f"the first question waits for {weight / 1024:.1f} KB gzipped: {files}"
    # The question shows its 'more information', from the part's words.
    assert browser.find_elements(By.CSS_SELECTOR, "details .prose p"), "the first question has no 'more information'"


def test_the_report_loads_the_guidance_of_the_parts_it_shows(browser):
    visit = Visit(browser, TOOLKIT)
    visit.open()
    answers, run = richest_plan(outline(browser))
    visit.store({f"toolkit:{TOOLKIT}:{outline(browser).version}": json.dumps({"answers": answers})})
    visit.open("#/report")
    assert visit.report()["parts"], "the report shows no parts"
    files = loaded(browser, SITE)
    assert "assets/report.js" in files and "assets/report-tools.js" in files and f"{TOOLKIT}/text/report.js" in files
    assert f"{TOOLKIT}/text/interface-report.js" in files
    model = browser.execute_script("return globalThis.toolkitModel")
    parts = [*model["openingParts"], *[p for t in model["tracks"] for p in t["parts"]]]
    on_path = {p["guidanceText"] for p in parts if any(q["id"] in run["asked"] for q in p["questions"])}
    guidance = {f.split(f"{TOOLKIT}/")[1] for f in files if "/text/guidance-" in f}
    assert guidance == on_path, "the report loaded other guidance than that of the parts it shows"
    assert "Part 1 of 4" in browser.find_element(By.ID, "app").text


def test_a_missing_file_says_so(browser, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    (copy / TOOLKIT / "text" / "part-1-1.js").unlink()
    visit = Visit(browser, TOOLKIT, site=copy)
    assert visit.open() == "Part of this toolkit is missing"
    text = browser.find_element(By.ID, "app").text
    assert "text/part-1-1.js" in text and "SHA256SUMS" in text
    assert browser.find_element(By.LINK_TEXT, "Read every question with all its guidance")
