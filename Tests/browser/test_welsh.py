"""The site in two languages, end to end, on the Welsh fixture (Tests/Fixtures/welsh: every file translated).

- Each page of the Welsh edition (`TOOLKIT/cy/...`) says lang="cy" and links to its English page, and back;
  the link keeps the place (the same question, the check page, the report).
- A whole run in Welsh, from file:// and under the sub-path with the strict CSP: Welsh questions, answers,
  check page and report; the Word document in Welsh; axe finds nothing on any page; no CSP violation.
- Saved answers are shared: answers given in Welsh are there in English.
- A file with no translation falls back to the English words, marked lang="en-GB", with a notice.
"""

import functools
import http.server
import re
import shutil
import subprocess
import threading
import zipfile

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, SUB_PATH, SubPathHandler, Watcher, axe_violations, describe_violations, make_driver, wait_for
from report_browser import Visit, new_browser, wait_for_download

FIXTURE = REPO / "Tests" / "Fixtures" / "welsh" / "content"
TOOLKIT = "analytics-check"
LEFT_OUT = "2-general/2-accountability/02-gp-suppliers"  # the file the fallback site has no Welsh for
WELSH = {"check": "Gwirio eich atebion", "report": "Gweld eich adroddiad", "continue": "Parhau", "word": "Dogfen Word"}


def build(toolkit_bin, content, output):
    built = subprocess.run([str(toolkit_bin), "build", "--content", str(content), "--output", str(output)],
                           cwd=REPO, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return output


@pytest.fixture(scope="module")
def welsh_site(toolkit_bin, tmp_path_factory):
    return build(toolkit_bin, FIXTURE, tmp_path_factory.mktemp("welsh") / "site")


@pytest.fixture(scope="module")
def fallback_site(toolkit_bin, tmp_path_factory):
    content = tmp_path_factory.mktemp("fallback") / "content"
    shutil.copytree(FIXTURE, content)
    (content / TOOLKIT / f"{LEFT_OUT}.cy.md").unlink()
    return build(toolkit_bin, content, content.parent / "site")


def source(path):
    return (FIXTURE / TOOLKIT / path).read_text()


def question_text(path):
    return re.search(r"^question: (.+)$", source(path), re.M).group(1).strip().strip('"')


class WelshVisit(Visit):
    """A visit to the Welsh edition: its own page, and its own words for the check page."""

    def __init__(self, driver, site, base=None):
        super().__init__(driver, TOOLKIT, site=site)
        self.url = (base or site.as_uri() + "/") + f"{TOOLKIT}/cy/questions.html"

    def complete_in_welsh(self, choose=lambda ids: ids[0], limit=40):
        """Answers each question with the first answer it offers (or `choose`), up to the check page."""
        asked = []
        while self.h1() != WELSH["check"]:
            continuing = self.driver.find_elements(By.CSS_SELECTOR, "#app [data-continue]")
            if self.question_id() is None and continuing:
                self.act(continuing[0])
                continue
            assert self.question_id() is not None, f"neither a question nor the check page: {self.h1()!r}"
            assert len(asked) < limit, "the questionnaire does not end"
            asked.append(self.question_id())
            ids = [e.get_attribute("value") for e in self.driver.find_elements(By.CSS_SELECTOR, "form input[name=answer]")]
            self.answer(choose(ids))
        return asked


def assert_accessible(driver, where):
    violations = axe_violations(driver)
    assert violations == [], f"axe on {where}:\n{describe_violations(violations)}"


def test_every_page_has_its_language_and_a_link_to_the_other(welsh_site, driver):
    for page in ["index.html", "questions.html", "all-guidance.html", "glossary.html"]:
        driver.get((welsh_site / TOOLKIT / "cy" / page).as_uri())
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy", page
        english = driver.find_element(By.CSS_SELECTOR, "a[data-language-switch]")
        assert english.get_attribute("hreflang") == "en-GB" and english.get_attribute("lang") == "en-GB"
        assert english.get_attribute("href").split("#")[0] == (welsh_site / TOOLKIT / page).as_uri(), page
        assert driver.find_element(By.CSS_SELECTOR, ".language-switch [aria-current]").text == "Cymraeg"
        driver.get((welsh_site / TOOLKIT / page).as_uri())
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en-GB", page
        welsh = driver.find_element(By.CSS_SELECTOR, "a[data-language-switch]")
        assert welsh.get_attribute("href") == (welsh_site / TOOLKIT / "cy" / page).as_uri(), page
        assert welsh.get_attribute("lang") == "cy"
        if page in ("index.html", "glossary.html"):
            assert_accessible(driver, f"the English {page} with its link to Welsh")
    # The front page too, in each language, listing the toolkit in that language.
    driver.get((welsh_site / "cy" / "index.html").as_uri())
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "cy"
    title = re.search(r"^title: (.+)$", (FIXTURE / TOOLKIT / "toolkit.cy.md").read_text(), re.M).group(1).strip()
    listed = driver.find_element(By.CSS_SELECTOR, ".toolkit-list a")
    assert listed.text == title
    assert listed.get_attribute("href") == (welsh_site / TOOLKIT / "cy" / "index.html").as_uri()


def test_a_whole_run_in_welsh_with_its_report_and_word_document(welsh_site, tmp_path):
    driver = new_browser(tmp_path)
    try:
        visit = WelshVisit(driver, welsh_site)
        visit.open()
        first = "0-which-rules/01-competent-authority"
        assert visit.h1() == question_text(f"{first}.cy.md")
        assert driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").text == WELSH["continue"]
        assert_accessible(driver, "a Welsh question page")
        # The link to English keeps the place.
        switch = driver.find_element(By.CSS_SELECTOR, "a[data-language-switch]")
        assert switch.get_attribute("href").endswith("/questions.html#/question/competent-authority") or \
            switch.get_attribute("href").endswith("/questions.html")  # the first page may have no fragment yet
        asked = visit.complete_in_welsh()
        assert len(asked) >= 4
        assert_accessible(driver, "the Welsh check page")
        assert driver.find_element(By.CSS_SELECTOR, "a[data-language-switch]").get_attribute("href").endswith("questions.html#/check")
        visit.act(visit.link(WELSH["report"]))
        app = driver.find_element(By.ID, "app").text
        assert "Gweithredu nawr" in app or "Cynllunio" in app, "the report's priorities in Welsh"
        assert "Act now" not in app and "Your answer" not in app, "no English interface words in the Welsh report"
        assert_accessible(driver, "the Welsh report")
        assert driver.find_elements(By.CSS_SELECTOR, "#app [lang]") == [], "nothing marked as another language"

        visit.button(WELSH["word"]).click()
        document = wait_for_download(tmp_path, ".docx")
        assert "adroddiad" in document.name
        with zipfile.ZipFile(document) as archive:
            text = archive.read("word/document.xml").decode()
            styles = archive.read("word/styles.xml").decode()
        words = re.sub(r"<[^>]+>", " ", text)
        assert question_text(f"{first}.cy.md") in words.replace("’", "'") or question_text(f"{first}.cy.md") in words
        assert "Your answer" not in words and "Act now" not in words
        assert '<w:lang w:val="cy"' in styles, "the Word document says its language is Welsh"

        # The same answers in English: the answers are the toolkit's, whatever the language.
        english = Visit(driver, TOOLKIT, site=welsh_site)
        english.open("#/check")
        assert english.h1() == "Check your answers"
        assert len(driver.find_elements(By.CSS_SELECTOR, ".summary-list__row")) == len(asked)
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en-GB"
    finally:
        driver.quit()


def test_welsh_under_the_sub_path_with_the_strict_policy(welsh_site):
    handler = functools.partial(SubPathHandler, directory=str(welsh_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    driver = make_driver()
    try:
        watcher = Watcher(driver, base)
        visit = WelshVisit(driver, welsh_site, base=base)
        visit.open()
        visit.complete_in_welsh()
        visit.act(visit.link(WELSH["report"]))
        # Over to English from the report, and the report is there in English.
        visit.act(driver.find_element(By.CSS_SELECTOR, "a[data-language-switch]"))
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en-GB"
        assert driver.current_url.endswith(f"{TOOLKIT}/questions.html#/report")
        watcher.assert_clean("the Welsh run under the sub-path")
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()


def test_a_missing_translation_shows_the_english_marked_with_a_notice(fallback_site, driver):
    visit = WelshVisit(driver, fallback_site)
    english = question_text(f"{LEFT_OUT}.md")
    question_id = re.sub(r"^\d+-", "", LEFT_OUT.split("/")[-1])
    visit.open()
    # 'No' to the first question leads to the general rules, whose part has the untranslated question.
    for _ in range(20):
        if visit.question_id() == question_id:
            break
        continuing = driver.find_elements(By.CSS_SELECTOR, "#app [data-continue]")
        if visit.question_id() is None and continuing:
            visit.act(continuing[0])
            continue
        assert visit.question_id() is not None, f"the run ended before the question left untranslated: {visit.h1()!r}"
        ids = [e.get_attribute("value") for e in driver.find_elements(By.CSS_SELECTOR, "form input[name=answer]")]
        visit.answer("no" if "no" in ids else ids[0])
    heading = driver.find_element(By.CSS_SELECTOR, "#app h1")
    assert heading.text == english
    assert heading.get_attribute("lang") == "en-GB"
    notice = driver.find_element(By.CSS_SELECTOR, "#app .translation-notice")
    assert "Saesneg" in notice.text and notice.get_dom_attribute("lang") is None
    assert driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").text == WELSH["continue"], \
        "the interface stays Welsh"
    assert_accessible(driver, "a question shown in English on a Welsh page")
    # The page of all guidance marks the same question.
    driver.get((fallback_site / TOOLKIT / "cy" / "all-guidance.html").as_uri())
    section = driver.find_element(By.ID, f"question-{question_id}")
    assert section.get_attribute("lang") == "en-GB"
    assert driver.find_elements(By.CSS_SELECTOR, "section.question-guidance[lang]") == [section]
