"""Saved data never blanks the page (issue 12, part 3): records of the wrong types in localStorage are set aside
with a message and the questionnaire still works, with 'Delete my answers' in reach; and two tabs on one
toolkit do not silently overwrite each other's answers."""

import json

import pytest
from selenium.webdriver.common.by import By

from report_browser import Visit, severe_console

TOOLKIT = "data-analytics"
pytestmark = pytest.mark.content  # on the shipped toolkit


def key(driver):
    model = driver.execute_script("return globalThis.toolkitModel")
    return f"toolkit:{model['id']}:{model['version']}"


@pytest.mark.parametrize("record", [
    '{"answers":{"competent-authority":"yes"},"savedAt":{"toString":1}}',
    '{"answers":{"competent-authority":"yes"},"savedAt":"not a date","version":{"v":1},"project":{"name":["x"]}}',
], ids=["savedAt an object", "every field the wrong type"])
def test_a_record_with_fields_of_the_wrong_type_keeps_its_answers(browser, record):
    visit = Visit(browser, TOOLKIT)
    visit.open()
    visit.store({key(browser): record})
    assert visit.open() == "You have answers saved on this device", "the page is blank or lost the answers"
    assert "You answered 1 question." in browser.find_element(By.ID, "app").text
    assert severe_console(browser) == []
    visit.act(visit.button("Continue where you left off"))
    assert visit.question_id() == "law-enforcement-purpose"


@pytest.mark.parametrize("record", ["not JSON", "[]", '{"answers":5}', "null", '{"answers":{"x":1}'],
                         ids=["not JSON", "a list", "answers a number", "null", "cut short"])
def test_an_unreadable_record_is_set_aside_with_a_message(browser, record):
    visit = Visit(browser, TOOLKIT)
    visit.open()
    visit.store({key(browser): record})
    visit.open()
    assert visit.question_id() == "competent-authority", "the questionnaire does not start after a bad record"
    assert any("could not be read" in b for b in visit.banners()), "the user is not told"
    assert browser.execute_script("return localStorage.getItem(arguments[0])", f"toolkit-unreadable:{TOOLKIT}") == record
    assert visit.stored() == {}, "the unreadable record is still where answers are read from"
    assert severe_console(browser) == []
    # Answering works, and 'Delete my answers' clears everything, the set-aside copy too.
    visit.answer("yes")
    visit.open("#/answers")
    visit.act(visit.button("Delete my answers"))
    visit.confirm_delete()
    assert browser.execute_script("return Object.keys(localStorage)") == []


def test_two_tabs_do_not_silently_overwrite_each_other(browser):
    visit = Visit(browser, TOOLKIT)
    visit.open()
    visit.answer("yes")
    first = browser.current_window_handle
    browser.switch_to.new_window("tab")
    other = Visit(browser, TOOLKIT)
    other.open("#/change/competent-authority")
    other.answer("no")  # the other tab changes the first answer
    browser.switch_to.window(first)
    banners = visit.banners()
    assert any("changed in another tab or window" in b for b in banners), f"not told: {banners}"
    visit.act(visit.button("Use the answers from the other window"))
    saved = json.loads(browser.execute_script("return localStorage.getItem(arguments[0])", key(browser)))["answers"]
    assert saved == {"competent-authority": "no"}, "using the other window's answers changed them"
    browser.execute_script("location.hash = '#/check'")
    visit.wait_for_h1("Check your answers")
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, ".summary-list__value")]
    assert rows[0] == "No", f"this tab does not show the other window's answers: {rows}"
