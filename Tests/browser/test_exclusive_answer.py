"""'None of these' in a question with several answers cannot be chosen with the other answers: choosing it
clears them, and choosing another answer clears it. The page says 'or' before it."""

import pytest
from selenium.webdriver.common.by import By

from toolkit_pages import Questionnaire

# A content test: it walks the shipped toolkit (content/), so an editor's change may need it changed.
pytestmark = pytest.mark.content

# The law enforcement track up to its question on sensitive data.
BEFORE = {"competent-authority": "yes", "law-enforcement-purpose": "yes", "other-purposes": "no",
          "le-condition": "task", "le-necessity": "yes", "le-legal-basis": "yes"}


def box(driver, value):
    return driver.find_element(By.CSS_SELECTOR, f'input[name=answer][value="{value}"]')


def test_none_of_these_clears_the_other_answers(driver, file_site, watch):
    watch(driver, file_site)
    visit = Questionnaire(driver, file_site, "data-analytics")
    visit.open_start()
    visit.start()
    while visit.current() != "le-sensitive-data":
        if visit.current() is None and visit.pass_interstitial():
            continue
        visit.answer(BEFORE[visit.current()])
    assert driver.find_element(By.CSS_SELECTOR, ".choice__divider").text == "or"
    box(driver, "health").click()
    box(driver, "biometric").click()
    box(driver, "none").click()
    assert visit.checked_values() == ["none"]
    box(driver, "health").click()
    assert visit.checked_values() == ["health"]
    # 'Not sure' is not exclusive: it can go with an answer.
    box(driver, "not-sure").click()
    assert visit.checked_values() == ["health", "not-sure"]
