"""What changed since your last report (issue 10, part 4), end to end in Chromium from file://: build a copy
of the shipped content, answer and see the report, change one item of guidance and the content version,
rebuild, come back, and see the change marked and summed up, on the page and in the Word document; and the
same for a colleague who loads the answers file under the new version."""

import json
import re
import shutil
import subprocess

import docx
import pytest
from selenium.webdriver.common.by import By

from report_browser import CONTENT, TOOLKIT_BIN, Visit, new_browser, outline, richest_plan, wait_for, wait_for_download


# A content test: it walks the shipped toolkit (content/), so an editor's change may need it changed.
pytestmark = pytest.mark.content

TOOLKIT = "data-analytics"


def build(content, site):
    result = subprocess.run([str(TOOLKIT_BIN), "build", "--content", str(content), "--output", str(site)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr


def revise(content, guidance_id, version):
    """Rewrites one item of guidance's headline, as an editor would after a change in the law, and the version."""
    question_id, number = guidance_id.split("#")
    path = next(p for p in (content / TOOLKIT).rglob(f"*-{question_id}.md"))
    text = path.read_text()
    headlines = [m.start() for m in re.finditer(r"^headline: ", text, re.M)]
    at = headlines[int(number) - 1]
    end = text.index("\n", at)
    path.write_text(text[:end] + " (revised)" + text[end:])
    toolkit = content / TOOLKIT / "toolkit.md"
    toolkit.write_text(re.sub(r"^version: .*$", f"version: {version}", toolkit.read_text(), count=1, flags=re.M))


@pytest.fixture
def workspace(tmp_path):
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(CONTENT, content)
    build(content, site)
    return content, site


def answered(driver, site):
    """A visit to `site` whose device holds a full set of answers that earns much advice: (visit, outline, run)."""
    visit = Visit(driver, TOOLKIT, site=site)
    visit.open()
    toolkit = outline(driver)
    answers, run = richest_plan(toolkit)
    key = f"toolkit:{TOOLKIT}:{toolkit.version}"
    visit.store({key: json.dumps({"toolkit": TOOLKIT, "version": toolkit.version, "answers": answers})})
    return visit, toolkit, run


def report_state(driver):
    return driver.execute_script("""
        const text = (e) => e ? e.textContent.trim() : null;
        return {summary: text(document.querySelector('.report-changes h2')),
                marked: [...document.querySelectorAll('.guidance')].filter((g) => g.querySelector('.tag--change'))
                  .map((g) => [g.id, text(g.querySelector('.tag--change'))])};""")


def test_a_returning_user_sees_what_changed_since_their_last_report(workspace, tmp_path):
    content, site = workspace
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = new_browser(downloads)
    try:
        visit, toolkit, run = answered(driver, site)
        version = toolkit.version
        assert visit.open("#/report") == toolkit.data["reportTitle"]
        assert report_state(driver) == {"summary": None, "marked": []}, "a first report marks changes"
        visit.button("Save answers").click()
        answers_file = wait_for_download(downloads, ".json")
        assert json.loads(answers_file.read_text())["report"]["version"] == version

        # The law changes: one item of the user's advice is rewritten, and the version moves on.
        changed = run["guidance"][0]
        revise(content, changed, "2099.1")
        build(content, site)
        visit.open("#/report")
        state = report_state(driver)
        assert state["summary"] and state["summary"].startswith("1 item of advice has changed since your report of"), state
        anchor = "guidance-" + re.sub(r"[^a-zA-Z0-9-]", "-", changed)
        assert state["marked"] == [[anchor, "Changed since your last report"]]
        assert "version 2099.1" in driver.find_element(By.CSS_SELECTOR, ".report-changes").text
        # The mark stays for this version's reports, however often the report is opened.
        visit.reload()
        assert report_state(driver)["marked"] == [[anchor, "Changed since your last report"]]

        # The Word document carries the same marks.
        visit.button("Word document").click()
        document = docx.Document(str(wait_for_download(downloads, ".docx")))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "1 item of advice changed since your report of" in text
        assert "Changed since your last report" in text
        log = document.tables[0]
        assert any(row.cells[0].text.endswith("(revised) (changed)") for row in log.rows), "the action log does not mark it"

        # A colleague, on a fresh browser, loads the answers file saved under the old version.
        colleague_downloads = tmp_path / "colleague"
        colleague_downloads.mkdir()
        colleague = new_browser(colleague_downloads)
        try:
            theirs = Visit(colleague, TOOLKIT, site=site)
            theirs.open("#/answers")
            colleague.find_element(By.ID, "answers-file").send_keys(str(answers_file))
            theirs.act(theirs.button("Load answers"))
            theirs.act(theirs.link("See your report"))
            assert report_state(colleague)["marked"] == [[anchor, "Changed since your last report"]]
        finally:
            colleague.quit()
    finally:
        driver.quit()


def test_a_link_from_an_earlier_version_marks_what_changed(workspace, tmp_path):
    content, site = workspace
    driver = new_browser(tmp_path)
    try:
        visit, _, run = answered(driver, site)
        visit.open("#/report")
        visit.button("Copy a link").click()
        link = wait_for(driver, lambda d: d.execute_script(
            "const f = document.getElementById('report-link'); return f && f.value"), message="the link to the report")
        revise(content, run["guidance"][-1], "2099.2")
        build(content, site)
        visit.open("#/answers")
        driver.execute_script("localStorage.clear()")  # only the link's answers, nothing saved
        driver.get("about:blank")
        driver.get(link)
        visit.settled()
        state = report_state(driver)
        assert state["summary"] and "changed since your report of" in state["summary"]
        assert [m[1] for m in state["marked"]] == ["Changed since your last report"]
    finally:
        driver.quit()
