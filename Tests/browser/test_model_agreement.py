"""The JavaScript runtime agrees with the Swift model in the browser: for a few hundred random answer sets,
of the shipped content and of a generated branching toolkit, `toolkitFlow.run` in Chromium gives the same
questions in the same order, the same track and the same guidance as `toolkit evaluate`. A few of the
generated runs are also answered through the pages, to the report."""

import random

import pytest

from conftest import CONTENT, evaluate, toolkit_ids, wait_for
from generate_toolkit import TOOLKIT_ID
from toolkit_pages import Questionnaire, anchor, branching_changes, browser_runs, outline, report_order

RUNS = 300


def answer_sets(toolkit, seed, count=RUNS):
    """Full answer sets, sets with gaps (questions not answered yet), and the empty set."""
    rng = random.Random(seed)
    sets = [{}]
    while len(sets) < count:
        sets.append(toolkit.random_answers(rng, skip=0.0 if len(sets) % 3 else 0.35))
    return sets


def disagreements(sets, swift, browser):
    out = []
    for answers, expected, actual in zip(sets, swift, browser):
        if expected != actual:
            out.append(f"answers {answers}\n  Swift:   {expected}\n  browser: {actual}")
    return out


def open_model(driver, base, toolkit_id):
    driver.get(f"{base}{toolkit_id}/questions.html")
    wait_for(driver, lambda d: d.execute_script("return !!(globalThis.toolkitFlow && globalThis.toolkitModel)"),
             message="the model and the runtime to load")
    return outline(driver)


@pytest.mark.parametrize("toolkit_id", toolkit_ids())
def test_shipped_content_agrees(toolkit_id, shared_driver, file_site, toolkit_bin):
    toolkit = open_model(shared_driver, file_site, toolkit_id)
    sets = answer_sets(toolkit, seed=2026)
    swift = evaluate(toolkit_bin, CONTENT, toolkit_id, sets)
    browser = browser_runs(shared_driver, sets)
    problems = disagreements(sets, swift, browser)
    assert not problems, f"{len(problems)} of {len(sets)} runs differ; the first:\n" + "\n".join(problems[:3])
    # The sample reaches every track.
    assert {r["track"] for r in swift} == {t["id"] for t in toolkit.tracks} or not toolkit.tracks


def test_generated_toolkit_agrees(generated, shared_driver, toolkit_bin):
    content, site = generated
    toolkit = open_model(shared_driver, site.as_uri() + "/", TOOLKIT_ID)
    sets = answer_sets(toolkit, seed=7)
    swift = evaluate(toolkit_bin, content, TOOLKIT_ID, sets)
    browser = browser_runs(shared_driver, sets)
    problems = disagreements(sets, swift, browser)
    assert not problems, f"{len(problems)} of {len(sets)} runs differ; the first:\n" + "\n".join(problems[:3])

    # The sample exercises the branching: both tracks, many different question lists, conditional questions
    # both asked and skipped, and guidance of every question shown at least once.
    assert {r["track"] for r in swift} == {t["id"] for t in toolkit.tracks}
    assert len({tuple(r["asked"]) for r in swift}) >= 20
    conditional = [q for q, info in toolkit.questions.items() if info["conditional"]]
    assert len(conditional) >= 4
    asked_sometimes = {q for r in swift for q in r["asked"]}
    skipped_sometimes = {q for r in swift for q in conditional if q not in r["asked"]}
    assert set(conditional) <= asked_sometimes and set(conditional) <= skipped_sometimes
    shown = {g for r in swift for g in r["guidance"]}
    assert len(shown) >= 0.8 * len(toolkit.guidance)


def test_generated_toolkit_through_the_pages(generated, driver, toolkit_bin, watch):
    """Answered through the pages, a generated toolkit asks what the Swift model asks and reports its
    guidance."""
    content, site = generated
    base = site.as_uri() + "/"
    watcher = watch(driver, base)
    visit = Questionnaire(driver, base, TOOLKIT_ID)
    visit.open_start()
    visit.start()
    rng = random.Random(11)
    sets = [visit.outline.random_answers(rng) for _ in range(3)]
    for number, (answers, expected) in enumerate(zip(sets, evaluate(toolkit_bin, content, TOOLKIT_ID, sets))):
        if number:
            visit.open("questions.html")
            driver.execute_script("localStorage.clear()")
            visit.open("questions.html")
            visit.wait_for_page(None)
        visit.interstitials, visit.interstitial_texts = [], []
        asked = visit.complete(answers)
        assert asked == expected["asked"], f"run {number}: the pages asked other questions"
        # Any toolkit with tracks says which rules apply after its opening questions, in the track's words,
        # and says what to confirm when that rests on 'Not sure' (here with the tool's own words: the
        # generated tracks give none).
        track = next(t for t in visit.outline.tracks if t["id"] == expected["track"])
        assert visit.interstitials[0].endswith(track["title"]), f"run {number}: no page saying which rules apply"
        assert f"The {track['id']} track." in visit.interstitial_texts[0]
        assert ("rests on a 'Not sure' answer" in visit.interstitial_texts[0]) == (answers["route"] == "not-sure")
        if number == 0:
            # On 'Check your answers', a change of answer that alters the questions that follow: the pages
            # then ask what the Swift model asks for the new answers.
            changes = branching_changes(visit.outline, lambda tid, sets: evaluate(toolkit_bin, content, tid, sets),
                                        answers, expected)
            assert changes, "the generated toolkit has no change of answer that alters what follows"
            question_id, new_answer, expected = changes[0]
            answers = {**answers, question_id: new_answer}
            visit.change(question_id)
            visit.answer(new_answer)
            visit.complete(answers)
            assert [q for q, _ in visit.check_rows()] == expected["asked"], "after a change, other questions than Swift's"
        visit.follow("See your report")
        _, guidance, _ = report_order(visit.outline, expected)
        assert visit.report()["guidance"] == [anchor(g) for g in guidance], \
            f"run {number}: the report's guidance is not the Swift model's, most pressing first"
        watcher.assert_clean(f"generated run {number}")
