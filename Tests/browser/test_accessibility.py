"""axe-core finds nothing (WCAG 2.0, 2.1 and 2.2 A and AA, and best practice) on every page state: the list of
toolkits, each start page, the all-guidance page, the glossary, each question of a run through every track,
the error summary, 'More information' opened, check your answers and the report."""

import pytest
from selenium.webdriver.common.by import By

from conftest import toolkit_ids
from toolkit_pages import Questionnaire, plan_per_track

TOOLKITS = toolkit_ids()


def test_static_pages(shared_driver, site, file_site, axe):
    pages = ["index.html"] + [str(p.relative_to(site)) for p in sorted(site.glob("*/*.html"))
                              if p.name != "questions.html"]
    for page in pages:
        shared_driver.get(file_site + page)
        axe(shared_driver, page)


@pytest.mark.parametrize("toolkit_id", TOOLKITS)
def test_every_question_state(toolkit_id, driver, file_site, swift_model, axe):
    visit = Questionnaire(driver, file_site, toolkit_id)
    visit.open_start()
    visit.start()
    first = visit.current()

    # The error summary, then 'More information' opened.
    visit.submit()
    assert driver.find_elements(By.CSS_SELECTOR, ".error-summary"), "no error summary"
    axe(driver, f"the error summary on '{first}'")
    details = driver.find_elements(By.CSS_SELECTOR, "details summary")
    if details:
        details[0].click()
        axe(driver, f"'More information' opened on '{first}'")

    plans = plan_per_track(visit.outline, swift_model)
    for number, (track_id, (answers, run)) in enumerate(sorted(plans.items(), key=lambda p: str(p[0]))):
        visit.on_state = lambda state: axe(driver, f"track {track_id}: {state}")
        if number > 0:
            visit.delete_answers()
        visit.complete(answers)
        axe(driver, f"track {track_id}: check your answers")
        visit.follow("See your report")
        axe(driver, f"track {track_id}: the report")
        driver.find_element(By.CSS_SELECTOR, ".report-project summary").click()
        axe(driver, f"track {track_id}: the report with the project details open")
        visit.follow("Actions only")
        axe(driver, f"track {track_id}: the report's actions only")
        visit.follow("Full report")
