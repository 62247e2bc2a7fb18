"""Whatever `toolkit check` accepts loads in Chromium: a toolkit whose conditions are as deep (32 levels of
`not` and brackets) and as long (256 comparisons) as the limits allow builds, its model.js loads without
"Maximum call stack size exceeded", and its flow gives the same runs as the Swift model. One level or one
comparison more is refused by `toolkit check` with the place and a fix."""

import shutil
import subprocess

import pytest

from conftest import REPO, evaluate, wait_for
from toolkit_pages import browser_runs

FIXTURE = REPO / "Tests" / "Fixtures" / "serve" / "content"
DEPTH, COMPARISONS = 32, 256


def deepest(depth=DEPTH, comparisons=COMPARISONS):
    """`not` depth - 1 times around a bracket holding `comparisons` comparisons joined by `or`: with 31 `not`,
    it holds when the answer to old-data is no."""
    terms = " or ".join(["old-data = yes", "old-data in [yes]", "old-data != no"][i % 3] for i in range(comparisons))
    return "not " * (depth - 1) + "(" + terms + ")"


def longest(comparisons=COMPARISONS):
    """`comparisons` comparisons joined by `and`, which hold when the answer to old-data is no."""
    return " and ".join(["old-data != yes", "old-data in [no]"][i % 2] for i in range(comparisons))


def content_with(tmp_path, show_if, when):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    question = content / "small" / "1-basics" / "02-deleted.md"
    text = question.read_text().replace("show-if: old-data = yes", f"show-if: {show_if}")
    text = text.replace("priority: keep-doing", f"priority: keep-doing\nwhen: {when}", 1)
    question.write_text(text)
    return content


def test_the_largest_accepted_conditions_load_and_agree_in_chromium(tmp_path, toolkit_bin, driver):
    content = content_with(tmp_path, deepest(), longest())
    site = tmp_path / "site"
    built = subprocess.run([str(toolkit_bin), "build", "--content", str(content), "--theme", str(REPO / "theme"),
                            "--output", str(site)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    driver.get((site / "small" / "questions.html").as_uri())
    wait_for(driver, lambda d: d.execute_script("return !!(globalThis.toolkitFlow && globalThis.toolkitModel)"),
             message="the model with the largest conditions to load")
    sets = [{}, {"old-data": "yes"}, {"old-data": "no"}, {"old-data": "yes", "deleted": "yes"},
            {"old-data": "yes", "deleted": "no"}, {"old-data": "no", "deleted": "yes"}]
    swift = evaluate(toolkit_bin, content, "small", sets)
    assert browser_runs(driver, sets) == swift
    # The conditions decide something: the question is asked for some answers and not for others.
    assert {("deleted" in run["asked"]) for run in swift} == {True, False}


@pytest.mark.parametrize("show_if, expected", [
    (deepest(depth=DEPTH + 1), "nests more than 32 levels"),
    (deepest(comparisons=COMPARISONS + 1), "has more than 256 comparisons"),
])
def test_one_past_a_limit_is_a_located_error(tmp_path, toolkit_bin, show_if, expected):
    content = content_with(tmp_path, show_if, "old-data = yes")
    checked = subprocess.run([str(toolkit_bin), "check", "--content", str(content)], capture_output=True, text=True)
    assert checked.returncode == 1
    assert "small/1-basics/02-deleted.md:4:" in checked.stderr and expected in checked.stderr, checked.stderr
