"""Keyboard only: every track of the questionnaire and the report, with Tab, Shift+Tab, Space and Enter (and
the arrow keys inside a radio group). At each step focus moves to the new page's heading, focus order
follows the page, and the focused element is visibly marked."""

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import toolkit_ids
from keyboard_user import Keyboard
from toolkit_pages import CHECK_TITLE, current_question, outline, plan_per_track

TOOLKITS = toolkit_ids()


def is_submit(info):
    return info["tag"] == "button" and info["type"] == "submit"


def is_answer(info):
    return info["tag"] == "input" and info["type"] in ("radio", "checkbox")


@pytest.mark.parametrize("toolkit_id", TOOLKITS)
def test_keyboard_only(toolkit_id, driver, file_site, swift_model, watch):
    watcher = watch(driver, file_site)
    keys = Keyboard(driver)
    driver.get(f"{file_site}{toolkit_id}/index.html")
    start_title = driver.execute_script("return document.querySelector('h1').textContent.trim()")

    # The skip link comes first, then the way in.
    first = keys.tab()
    assert first["text"] == "Skip to main content", f"the first Tab stop is {first['html']}"
    start = keys.tab_to(lambda i: i["text"].startswith("Start now"), "'Start now'")
    keys.activate(start)
    heading = keys.wait_heading_focused(start_title)

    toolkit = outline(driver)
    plans = plan_per_track(toolkit, swift_model)
    shown_more_information = False
    for number, (track_id, (answers, run)) in enumerate(sorted(plans.items(), key=lambda p: str(p[0]))):
        asked = []
        while heading != CHECK_TITLE:
            question_id = current_question(driver)
            if question_id is None and driver.execute_script("return !!document.querySelector('#app [data-continue]')"):
                # A page between questions (which rules apply, a part's start): on with its 'Continue'.
                keys.activate(keys.tab_to(lambda i: i["text"] == "Continue", "'Continue' between questions"))
                heading = keys.wait_heading_focused(heading)
                continue
            assert toolkit.questions.get(question_id, {}).get("text") == heading, f"not a question: {heading}"
            assert question_id is not None, f"not a question: {heading}"
            question = toolkit.questions[question_id]
            asked.append(question_id)

            if number == 0 and len(asked) == 1:
                # Continue with no answer: the error summary takes focus; its link leads to the answers.
                keys.activate(keys.tab_to(is_submit, "Continue"))
                keys.wait_heading_focused(heading, error=True)
                link = keys.tab()
                assert link["tag"] == "a" and "Select" in link["text"], f"the error summary's link: {link['html']}"
                keys.press(Keys.ENTER)
                assert is_answer(keys.active()), "the error summary's link does not lead to the answers"
            else:
                keys.tab_to(is_answer, "the first answer")

            # Choose the answer: Space, or the arrow keys to move through a radio group.
            wanted = answers[question_id]
            options = [o["id"] for o in question["options"]]
            if question["kind"] == "any":
                for index, option in enumerate(options):
                    if option in wanted:
                        keys.press(Keys.SPACE)
                    if index < len(options) - 1:
                        assert keys.tab()["value"] == options[index + 1], "Tab does not go through the answers"
            else:
                index = options.index(wanted)
                if index == 0:
                    keys.press(Keys.SPACE)
                for _ in range(index):
                    keys.press(Keys.ARROW_DOWN)
            checked = driver.execute_script(
                "return [...document.querySelectorAll('input[name=answer]:checked')].map((e) => e.value)")
            assert checked == (wanted if isinstance(wanted, list) else [wanted]) or \
                sorted(checked) == sorted(wanted), f"{question_id}: the keyboard chose {checked}, not {wanted}"

            if question["hasInfo"] and not shown_more_information:
                # 'More information' opens with Enter; its text's links join the Tab order.
                summary = keys.tab_to(lambda i: i["tag"] == "summary", "'More information'")
                keys.press(Keys.ENTER)
                assert driver.execute_script("return document.querySelector('details').open"), \
                    "Enter does not open 'More information'"
                shown_more_information = True

            submit = keys.tab_to(is_submit, "Continue")
            back = keys.tab(shift=True)
            assert back["tag"] in ("input", "summary", "a"), f"Shift+Tab from Continue went to {back['html']}"
            assert keys.tab() == submit or is_submit(keys.active())
            keys.activate(submit)
            heading = keys.wait_heading_focused(heading)

        assert asked == run["asked"], f"track {track_id}: the keyboard run asked other questions"
        watcher.assert_clean(f"track {track_id}: check your answers")

        # Check your answers: each 'Change' link is reachable; then the report.
        keys.stops.clear()
        report_link = keys.tab_to(lambda i: i["text"] == "See your report", "'See your report'", limit=200)
        changes = [s["href"] for s in keys.stops if (s["href"] or "").startswith("#/change/")]
        assert changes == [f"#/change/{q}" for q in run["asked"]], "not every answer has a 'Change' link in the Tab order"
        keys.activate(report_link)
        heading = keys.wait_heading_focused(CHECK_TITLE)
        assert heading == toolkit.data["reportTitle"]

        # The report: every control reachable; an 'Act now' link moves focus to its advice.
        keys.stops.clear()
        delete = keys.tab_to(lambda i: "Delete my answers" in i["text"], "'Delete my answers'", limit=400)
        roles = {s["role"] for s in keys.stops}
        assert "button" in roles, "the report's buttons are not in the Tab order"
        urgent = [s for s in keys.stops if s["href"] and s["href"].startswith("#guidance-")]
        if urgent:
            keys.tab_to(lambda i: i["href"] == urgent[0]["href"], "an 'Act now' link", shift=True, limit=400)
            keys.press(Keys.ENTER)
            assert "#" + keys.active()["id"] == urgent[0]["href"], "an 'Act now' link does not move focus"
            delete = keys.tab_to(lambda i: "Delete my answers" in i["text"], "'Delete my answers'", limit=400)
        watcher.assert_clean(f"track {track_id}: the report")

        # Start again for the next track: 'Are you sure?' first.
        keys.activate(delete)
        heading = keys.wait_heading_focused(toolkit.data["reportTitle"])
        assert heading == "Are you sure you want to delete your answers?", f"deleted without asking: {heading}"
        keys.activate(keys.tab_to(lambda i: i["text"] == "Yes, delete my answers", "'Yes, delete my answers'"))
        heading = keys.wait_heading_focused(heading)
        # Back at the start: the first question, or the start page of its part when that is a track's part.
        assert current_question(driver) == run["asked"][0] or \
            driver.execute_script("return !!document.querySelector('#app [data-continue]')"), f"after deleting: {heading}"
