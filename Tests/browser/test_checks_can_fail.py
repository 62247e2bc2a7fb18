"""The checks the other tests use can fail: each is run on a page broken on purpose (a missing label, focus
that does not move or does not show, a positive tabindex, a request to another origin, a console error, a
cookie, an inline script under the CSP, an element wider than the screen, a runtime that disagrees with the
Swift model) and must report it."""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import Watcher, axe_violations, evaluate, toolkit_ids
from generate_toolkit import TOOLKIT_ID
from keyboard_user import Keyboard
from test_layout import KEY, LAYOUT_JS
from test_model_agreement import answer_sets, disagreements, open_model
from toolkit_pages import Questionnaire, browser_runs

TOOLKIT = toolkit_ids()[0]


def first_question(driver, base):
    visit = Questionnaire(driver, base, TOOLKIT)
    visit.open_start()
    visit.start()
    return visit


def test_axe_finds_a_missing_label(driver, file_site):
    first_question(driver, file_site)
    assert axe_violations(driver) == []
    driver.execute_script("document.querySelectorAll('label').forEach((l) => l.removeAttribute('for'))")
    assert "label" in {v["id"] for v in axe_violations(driver)}


def test_keyboard_finds_focus_that_does_not_move(driver, file_site):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                           {"source": "HTMLElement.prototype.focus = function () {};"})
    driver.get(f"{file_site}{TOOLKIT}/questions.html")
    keys = Keyboard(driver)
    with pytest.raises(AssertionError, match="focus to move"):
        keys.wait_heading_focused("", timeout=1)


def test_keyboard_finds_a_positive_tabindex(driver, file_site):
    first_question(driver, file_site)
    driver.execute_script("document.querySelector('form button').setAttribute('tabindex', '1');"
                          "document.activeElement.blur()")
    with pytest.raises(AssertionError, match="positive tabindex"):
        Keyboard(driver).tab_to(lambda i: i["tag"] == "button", "Continue")


def test_keyboard_finds_focus_order_against_the_reading_order(driver, file_site):
    first_question(driver, file_site)
    driver.execute_script("const f = document.querySelector('form'); f.style.display = 'flex';"
                          "f.style.flexDirection = 'column-reverse'")
    with pytest.raises(AssertionError, match="against the reading order"):
        Keyboard(driver).tab_to(lambda i: i["tag"] == "button", "Continue")


def test_keyboard_finds_invisible_focus(driver, site, file_site):
    """A theme that takes away the focus outline and puts nothing in its place."""
    first_question(driver, file_site)
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")
    without_focus = re.sub(r"[^{}]*:focus[^{}]*\{[^}]*\}", "", css) + "\n:focus, :focus-visible { outline: none; }"
    driver.execute_script("""
        document.querySelector('link[rel=stylesheet]').remove();
        const style = document.createElement('style');
        style.textContent = arguments[0];
        document.head.append(style);""", without_focus)
    with pytest.raises(AssertionError, match="focus is not visible"):
        Keyboard(driver).tab_to(lambda i: i["tag"] == "button", "Continue")


def test_watcher_finds_a_request_to_another_origin(driver, file_site):
    watcher = Watcher(driver, file_site)
    first_question(driver, file_site)
    watcher.assert_clean()
    driver.execute_script("new Image().src = 'https://example.org/pixel.png'")
    with pytest.raises(AssertionError, match="another origin"):
        watcher.assert_clean()


def test_watcher_finds_a_console_error(driver, file_site):
    watcher = Watcher(driver, file_site)
    first_question(driver, file_site)
    driver.execute_script("console.warn('something is wrong')")
    with pytest.raises(AssertionError, match="console"):
        watcher.assert_clean()


def test_watcher_finds_a_cookie_and_a_csp_violation(driver, http_site):
    watcher = Watcher(driver, http_site)
    first_question(driver, http_site)
    watcher.assert_clean()
    driver.execute_script("document.cookie = 'tracking=1; path=/'")
    with pytest.raises(AssertionError, match="cookie"):
        watcher.assert_clean()
    driver.delete_all_cookies()
    driver.execute_script("const s = document.createElement('script'); s.textContent = 'window.__ran = 1';"
                          "document.head.append(s);")
    assert driver.execute_script("return window.__ran") is None, "the CSP header is not in force"
    watcher.console.clear()
    with pytest.raises(AssertionError, match="Content-Security-Policy|console"):
        watcher.assert_clean()


def test_watcher_finds_programming_values_shown_as_text(driver, file_site):
    watcher = Watcher(driver, file_site)
    first_question(driver, file_site)
    driver.execute_script("document.querySelector('form').append('[object HTMLElement]')")
    with pytest.raises(AssertionError, match="programming values"):
        watcher.assert_clean()


def test_layout_finds_overflow_and_overlap(driver, file_site):
    first_question(driver, file_site)
    assert driver.execute_script(LAYOUT_JS, KEY) == []
    driver.execute_script("""
        const wide = document.createElement('p'); wide.textContent = 'wide'; wide.style.width = '2000px';
        document.querySelector('main').append(wide);
        const h = document.querySelector('h1'); h.style.position = 'relative'; h.style.top = '60px';""")
    problems = " ".join(driver.execute_script(LAYOUT_JS, KEY))
    assert "scrolls sideways" in problems and "overlap" in problems, problems


def test_agreement_finds_a_divergent_runtime(generated, shared_driver, toolkit_bin):
    # On the generated toolkit, which always has conditional questions; the content may have none.
    content, site = generated
    toolkit = open_model(shared_driver, site.as_uri() + "/", TOOLKIT_ID)
    sets = answer_sets(toolkit, seed=1, count=50)
    swift = evaluate(toolkit_bin, content, TOOLKIT_ID, sets)
    assert disagreements(sets, swift, browser_runs(shared_driver, sets)) == []
    # A runtime that asks one conditional question always.
    shared_driver.execute_script("""
        const all = [...toolkitModel.openingParts, ...toolkitModel.tracks.flatMap((t) => t.parts)]
          .flatMap((p) => p.questions);
        all.find((q) => q.showIf).showIf = null;""")
    assert disagreements(sets, swift, browser_runs(shared_driver, sets)) != []


def test_keys_reach_the_error_summary_link(driver, file_site):
    """The error summary's link is the first Tab stop after the summary takes focus."""
    visit = first_question(driver, file_site)
    visit.submit()
    keys = Keyboard(driver)
    link = keys.tab()
    assert link["tag"] == "a"
    keys.press(Keys.ENTER)
    assert driver.switch_to.active_element == driver.find_element(By.CSS_SELECTOR, "input[name=answer]")
