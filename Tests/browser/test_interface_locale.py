"""The runtime's words come from the theme's locale file, by key: a theme whose en.yml says 'Carry on' for
'Continue', 'Go back' for 'Back' and 'Step 1 of 2' for 'Question 1 of 2' shows those words in the
questionnaire, and its plural strings pick their form by count. A theme whose en.yml lacks a key the runtime
uses does not build, and says where the key is used."""

import shutil
import subprocess

from selenium.webdriver.common.by import By

from conftest import REPO
from report_browser import Visit

FIXTURE = REPO / "Tests" / "Fixtures" / "serve" / "content"
CHANGES = [
    ("  continue: Continue\n", "  continue: Carry on\n"),
    ("  back: Back\n", "  back: Go back\n"),
    ('  progress: "Question {number} of {count}"\n', '  progress: "Step {number} of {count}"\n'),
    ('  progress-about: "Question {number} of about {count}"\n', '  progress-about: "Step {number} of about {count}"\n'),
    ('    one: "You have about {count} question left."\n', '    one: "Just {count} question to go."\n'),
]


def theme_with(tmp_path, changes):
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    english = theme / "locales" / "en.yml"
    text = english.read_text()
    for old, new in changes:
        assert old in text, f"en.yml no longer has {old!r}: update this test"
        text = text.replace(old, new, 1)
    english.write_text(text)
    return theme


def build(toolkit_bin, theme, output):
    return subprocess.run([str(toolkit_bin), "build", "--content", str(FIXTURE), "--theme", str(theme), "--output", str(output)],
                          capture_output=True, text=True)


def test_the_questionnaire_shows_the_locale_files_words(tmp_path, toolkit_bin, driver):
    site = tmp_path / "site"
    built = build(toolkit_bin, theme_with(tmp_path, CHANGES), site)
    assert built.returncode == 0, built.stderr
    visit = Visit(driver, "small", site=site)
    visit.open()
    # The toolkit's questions all belong to its one track, so its part's start page comes first, with the
    # locale's word on its button too.
    assert driver.find_element(By.CSS_SELECTOR, "#app [data-continue]").text == "Carry on"
    visit.pass_interstitials()
    app = driver.find_element(By.ID, "app")
    # The second question is asked only after some answers: the count is 'about' until then.
    assert driver.find_element(By.CSS_SELECTOR, ".question-progress").text == "Step 1 of about 1"
    assert driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").text == "Carry on"
    assert driver.find_element(By.CSS_SELECTOR, "#app .back-link").text == "Go back"
    assert "Continue" not in app.text and "Question 1" not in app.text
    visit.answer("yes")
    assert driver.find_element(By.CSS_SELECTOR, ".question-progress").text == "Step 2 of 2"
    # Back with an answer saved: 'N question(s) left' is a plural string, and 1 takes the 'one' form.
    visit.open()
    assert "Just 1 question to go." in driver.find_element(By.ID, "app").text


def test_a_key_the_runtime_uses_must_be_in_the_source_locale(tmp_path, toolkit_bin):
    theme = theme_with(tmp_path, [("  continue: Continue\n", "")])
    built = build(toolkit_bin, theme, tmp_path / "site")
    assert built.returncode != 0
    assert "theme/assets/question-pages.js:" in built.stderr
    assert "'common.continue' is used here, but" in built.stderr
    # Welsh has the key en.yml lost: it is reported as not used.
    assert "cy.yml" in built.stderr and "'common.continue' is not used" in built.stderr
    assert not (tmp_path / "site").exists(), "a theme with errors must not write the site"
