"""The report a user keeps (issue 4), in a real headless Chromium against the built site:

- the Word file made from a real run of the shipped content, opened by python-docx: headings, answers, guidance
  headlines and bodies, links, and a notes table after each action; and the HTML-to-Word conversion itself;
- 'at a glance': the chart and its table agree with the Swift model's guidance;
- saved progress survives a reload, is offered on return, can be deleted, and is carried over (or dropped,
  with a message) when the content changes;
- export -> import round-trips; every kind of bad file is refused with a message and changes nothing;
- the link with the answers in its fragment reproduces the report in a fresh browser; tampered links are refused;
- nothing leaves the device, under a strict Content-Security-Policy; the print stylesheet.

Run against a freshly built site: `toolkit build && python3 -m pytest -q Tests/browser/test_report.py`
(TOOLKIT_SITE and TOOLKIT_CONTENT point elsewhere while content is mid-edit).
"""

import base64
import functools
import http.server
import json
import re
import threading
import zipfile
from types import SimpleNamespace

import docx
import pytest
from lxml import etree
from lxml import html as lxml_html
from selenium.webdriver.common.by import By

from report_browser import (SITE, Visit, axe_violations, fragment_for, new_browser, outline, richest_plan,
                            severe_console, wait_for, wait_for_download)

# A content test: it walks the shipped toolkit (content/), so an editor's change may need it changed.
pytestmark = pytest.mark.content

TOOLKIT = "data-analytics"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PRIORITIES = {"act-now": "Act now", "plan": "Plan", "keep-doing": "Keep doing"}
DOCX_PARTS = {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml",
              "word/header1.xml", "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/core.xml"}
PROJECT = {"name": "Repeat burglary model", "author": "A. Analyst", "marking": "OFFICIAL-SENSITIVE"}


# ---- Fixtures ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """One real run of the shipped content through the pages to the report, then the Word file, the answers
    file and the link the report makes. The browser stays open for the module's read-only checks."""
    assert (SITE / TOOLKIT / "questions.html").is_file(), f"{SITE} has no {TOOLKIT}: build the site first"
    folder = tmp_path_factory.mktemp("finished")
    driver = new_browser(folder)
    visit = Visit(driver, TOOLKIT)
    visit.open()
    toolkit = outline(driver)
    answers, run = richest_plan(toolkit)
    asked = visit.complete(answers)
    assert asked == run["asked"], "the browser asked other questions than the Swift model"
    visit.act(visit.link("See your report"))
    docx_loaded_early = driver.execute_script(
        "return !!document.querySelector('script[src*=\"docx.js\"]') || 'toolkitDocx' in globalThis")
    report = visit.report()

    # The project details go into the Word document's header, and stay on the device.
    driver.find_element(By.CSS_SELECTOR, ".report-project summary").click()
    for key, value in PROJECT.items():
        field = driver.find_element(By.ID, f"project-{key}")
        field.send_keys(value)
        driver.execute_script("arguments[0].dispatchEvent(new Event('change'))", field)
    visit.button("Word document").click()
    docx_path = wait_for_download(folder, ".docx")
    visit.button("Save answers").click()
    json_path = wait_for_download(folder, ".json")
    visit.button("Copy a link").click()
    link = wait_for(driver, lambda d: d.execute_script(
        "const f = document.getElementById('report-link'); return f && f.value"), message="the link to the report")
    yield SimpleNamespace(driver=driver, visit=visit, toolkit=toolkit, answers=answers, run=run, report=report,
                          docx_path=docx_path, json_path=json_path, link=link, docx_loaded_early=docx_loaded_early,
                          console=severe_console(driver))
    driver.quit()


@pytest.fixture(scope="module")
def reused_browser(tmp_path_factory):
    """One Chromium for the many bad files and links; each case sets the saved answers it starts from."""
    driver = new_browser(tmp_path_factory.mktemp("reused"))
    yield driver
    driver.quit()


def saved_record(toolkit, answers, version=None):
    return json.dumps({"toolkit": toolkit.id, "version": version or toolkit.version,
                       "savedAt": "2026-01-02T03:04:05.000Z", "answers": answers})


def with_saved_answers(driver, toolkit, answers):
    """A visit whose device holds `answers` for this version, loaded by the runtime (it reads them on load)."""
    visit = Visit(driver, TOOLKIT)
    visit.open("#/answers")
    visit.store({f"toolkit:{toolkit.id}:{toolkit.version}": saved_record(toolkit, answers)})
    visit.reload()
    return visit


# ---- The Word document --------------------------------------------------------------------------------------

def body_items(document):
    """The document body in order: ('p', style name, text, Paragraph) or ('table', rows of cell texts, Table)."""
    items = []
    for element in document.element.body.iterchildren():
        if element.tag == f"{W}p":
            paragraph = docx.text.paragraph.Paragraph(element, document)
            items.append(("p", paragraph.style.name, paragraph.text, paragraph))
        elif element.tag == f"{W}tbl":
            table = docx.table.Table(element, document)
            items.append(("table", [[cell.text for cell in row.cells] for row in table.rows], table))
    return items


def heading_level(item):
    match = item[0] == "p" and re.fullmatch(r"Heading (\d)", item[1])
    return int(match.group(1)) if match else None


def words(html_fragment):
    """The text a browser shows for some HTML, white space collapsed."""
    return " ".join(lxml_html.fragment_fromstring(html_fragment, create_parent="div").text_content().split())


def test_word_file_is_a_small_valid_zip_of_office_open_xml(finished):
    with zipfile.ZipFile(finished.docx_path) as archive:
        assert archive.testzip() is None, "a part's CRC-32 does not match its data"
        names = [info.filename for info in archive.infolist()]
        assert set(names) == DOCX_PARTS
        assert names[0] == "[Content_Types].xml"
        assert all(info.compress_type == zipfile.ZIP_STORED for info in archive.infolist())
        for name in names:
            etree.fromstring(archive.read(name))  # every part is well-formed XML
        types = archive.read("[Content_Types].xml").decode()
        for part in ("/word/document.xml", "/word/styles.xml", "/word/numbering.xml", "/word/header1.xml",
                     "/word/footer1.xml", "/docProps/core.xml"):
            assert f'PartName="{part}"' in types
    header = archive_text(finished.docx_path, "word/header1.xml")
    footer = archive_text(finished.docx_path, "word/footer1.xml")
    assert PROJECT["marking"] in header and PROJECT["marking"] in footer, "the protective marking is not on every page"
    assert PROJECT["name"] in header and PROJECT["author"] in header, "the project and author are not in the header"
    fields = [f.get(f"{W}instr").strip() for f in etree.fromstring(footer.encode()).iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"], f"the footer's page fields are {fields}, not 'Page X of Y'"
    assert "Page " in footer and " of " in footer
    assert re.fullmatch(rf"{TOOLKIT}-report-\d{{4}}-\d{{2}}-\d{{2}}\.docx", finished.docx_path.name)
    assert not finished.docx_loaded_early, "docx.js was loaded before the Word button was pressed"
    assert finished.console == [], f"console errors while making the files: {finished.console}"


def archive_text(path, name):
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode()


def test_word_file_from_a_real_run_has_the_report(finished):
    toolkit, run, answers = finished.toolkit, finished.run, finished.answers
    document = docx.Document(str(finished.docx_path))
    items = body_items(document)
    assert items[0][:3] == ("p", "Title", toolkit.data["reportTitle"])
    texts = [item[2] for item in items if item[0] == "p"]
    assert texts[1:3] == [f"Project: {PROJECT['name']}", f"Author: {PROJECT['author']}"]
    assert any(t.startswith("Made on ") for t in texts[:5]), "no date"
    assert any(toolkit.data["title"] in t and f"content version {toolkit.version}" in t for t in texts[:5])
    assert document.core_properties.title == toolkit.data["reportTitle"]

    # The disclaimers, with their own headings.
    disclaimer = words(re.search(r"<p>.*?</p>", toolkit.data["reportHTML"], re.S).group(0))
    assert disclaimer in texts, "the report's disclaimers are missing"
    assert any("not legal advice" in t for t in texts)

    # Heading 1: the summary and the action log, then each part of the run in order, then the disclaimers.
    captions = []
    for question in run["asked"]:
        if not captions or captions[-1] != toolkit.caption(question):
            captions.append(toolkit.caption(question))
    h1 = [item[2] for item in items if heading_level(item) == 1]
    assert h1 == ["Summary", "Action log"] + captions + ["About this report"]

    # The action log: one table, a row per action, 'Act now' first, with columns for the meeting.
    questions, guidance_order, actions = toolkit.report_order(run)
    tables = [item for item in items if item[0] == "table"]
    assert len(tables) == 1, f"the document has {len(tables)} tables, not one action log"
    log = tables[0][1]
    assert log[0] == ["Action", "Part", "Priority", "Owner", "Due", "Status"]
    assert log[1:] == [[toolkit.guidance[g]["headline"], toolkit.short_caption(toolkit.guidance[g]["question"]),
                        PRIORITIES[toolkit.guidance[g]["priority"]], "", "", ""] for g in actions], \
        "the action log is not one row per action, most pressing first"
    assert items.index(tables[0]) < next(i for i, item in enumerate(items) if item[2:3] == (captions[0],)), \
        "the action log is not before the detail"

    # After the first part: each question (Heading 2) with its answer, each action (Heading 3) with its
    # priority, body, links and a box for notes, most pressing first within each part.
    first_part = next(i for i, item in enumerate(items) if heading_level(item) == 1 and item[2] == captions[0])
    detail = items[first_part:next(i for i, item in enumerate(items) if item[2:3] == ("About this report",))]
    h2 = [i for i, item in enumerate(detail) if heading_level(item) == 2]
    assert [detail[i][2] for i in h2] == [toolkit.questions[q]["text"] for q in questions]
    for i, question in zip(h2, questions):
        assert detail[i + 1][2] == f"Your answer: {toolkit.label(question, answers[question])}"
        assert detail[i + 1][3].runs[0].bold, "the 'Your answer:' label is not bold"
    h3 = [i for i, item in enumerate(detail) if heading_level(item) == 3]
    assert [detail[i][2] for i in h3] == [toolkit.guidance[g]["headline"] for g in guidance_order]
    assert len(h3) > 0, "the run earned no guidance: the test would prove nothing"

    for start, guidance_id in zip(h3, guidance_order):
        guidance = toolkit.guidance[guidance_id]
        end = next((i for i in range(start + 1, len(detail)) if (heading_level(detail[i]) or 9) <= 3), len(detail))
        section = detail[start:end]
        assert section[1][2] == f"Priority: {PRIORITIES[guidance['priority']]}"
        section_text = [item[2] for item in section if item[0] == "p"]
        first_paragraph = re.search(r"<p>.*?</p>", guidance["html"], re.S)
        if first_paragraph:
            assert words(first_paragraph.group(0)) in section_text, f"{guidance_id}: the guidance body is missing"
        for item in re.findall(r"<li>(.*?)</li>", guidance["html"], re.S):
            assert any(words(item) in t for t in section_text), f"{guidance_id}: list item '{item}' is missing"
        for bold in re.findall(r"<strong>(.*?)</strong>", guidance["html"], re.S):
            bold_runs = [run.text for item in section if item[0] == "p" for run in item[3].runs if run.bold]
            assert words(bold) in " ".join(bold_runs), f"{guidance_id}: '{bold}' is not bold"
        hyperlinks = [(link.text, link.url) for item in section if item[0] == "p" for link in item[3].hyperlinks]
        for link in guidance["links"]:
            assert (link["title"], link["url"]) in hyperlinks, f"{guidance_id}: the link {link['url']} is missing"
        notes = [item[3] for item in section if item[0] == "p" and item[2].startswith("Notes")]
        assert len(notes) == 1 and notes[0]._p.pPr.find(f"{W}pBdr") is not None, f"{guidance_id}: no box for notes"


def test_word_conversion_of_guidance_html(finished):
    """docx.js turns paragraphs, lists (nested, numbered, restarting), bold, italics and links into
    WordprocessingML, keeps characters XML must escape and drops those it cannot hold."""
    body = ("<p>First   paragraph\nwith a soft break, <strong>bold words</strong>, <em>emphasis</em> and "
            "<a href=\"https://ico.org.uk/a?b=1&amp;c=2\">a link</a>.</p>\n"
            "<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>\n"
            "<ol>\n<li>\n<p>first step</p>\n<p>more on the first step</p>\n</li>\n<li>second step</li>\n</ol>\n"
            "<ol>\n<li>restarts</li>\n</ol>\n"
            "<p>The <a href=\"glossary.html#dpia\">DPIA</a> stays words; symbols &lt;&amp;&gt;\" and a control\u0001 character.</p>\n"
            "<h3>A sub-heading</h3>\n")
    link = {"title": "Section 35", "url": "https://www.legislation.gov.uk/ukpga/2018/12/section/35"}
    content = {
        "title": "Title & <more>", "made": "1 January 2027", "created": "2027-01-01T10:00:00.000Z",
        "fileDate": "2027-01-01", "toolkitTitle": "A toolkit", "version": "1.0", "track": None,
        "disclaimers": "<p>Guidance, not legal advice.</p>", "notice": "Not legal advice.", "rules": None,
        "unsureCount": 0, "project": {},
        "priorities": [{"id": k, "label": v, "meaning": ""} for k, v in PRIORITIES.items()],
        "parts": [{"caption": "Part 1 of 1: One", "label": "Part 1: One",
                   "counts": {"act-now": 1, "plan": 0, "keep-doing": 0},
                   "questions": [{"id": "q", "text": "A question?", "answer": "Yes", "guidance": [
                       {"id": "g", "priority": "act-now", "priorityLabel": "Act now", "headline": "Do this",
                        "html": body, "links": [link]}]}]}],
        "urgent": [{"headline": "Do this"}],
        "actions": [{"headline": "Do this", "part": "Part 1: One", "priority": "act-now", "priorityLabel": "Act now"}],
    }
    data = bytes(finished.driver.execute_script("return Array.from(globalThis.toolkitDocx.build(arguments[0]))", content))
    path = finished.docx_path.parent / "conversion.docx"
    path.write_bytes(data)
    document = docx.Document(str(path))
    items = body_items(document)
    paragraphs = {item[2]: item[3] for item in items if item[0] == "p"}
    assert items[0][2] == "Title & <more>"

    first = paragraphs["First paragraph with a soft break, bold words, emphasis and a link."]
    assert [r.text for r in first.runs if r.bold] == ["bold words"]
    assert [r.text for r in first.runs if r.italic] == ["emphasis"]
    assert [(h.text, h.url) for h in first.hyperlinks] == [("a link", "https://ico.org.uk/a?b=1&c=2")]

    def numbering(text):
        num = paragraphs[text]._p.pPr.numPr
        return None if num is None else (num.ilvl.val, num.numId.val)
    assert numbering("one") == numbering("two") == (0, 1)
    assert numbering("nested") == (1, 1)
    ordered = numbering("first step")
    assert ordered[0] == 0 and ordered[1] > 1 and numbering("second step") == ordered
    assert numbering("more on the first step") is None, "a second paragraph in a list item has its own number"
    restarted = numbering("restarts")
    assert restarted[0] == 0 and restarted[1] not in (1, ordered[1])
    numbering_xml = etree.fromstring(zipfile.ZipFile(path).read("word/numbering.xml"))
    num = numbering_xml.find(f"{W}num[@{W}numId='{restarted[1]}']")
    abstract = numbering_xml.find(f"{W}abstractNum[@{W}abstractNumId='{num.find(f'{W}abstractNumId').get(f'{W}val')}']")
    assert abstract.find(f"{W}lvl/{W}numFmt").get(f"{W}val") == "decimal"
    assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"

    glossary = paragraphs['The DPIA stays words; symbols <&>" and a control character.']
    assert glossary.hyperlinks == [], "a link within the site became a hyperlink in the Word file"
    assert paragraphs["A sub-heading"].style.name == "Heading 5"
    assert [(h.text, h.url) for h in paragraphs["Section 35"].hyperlinks] == [(link["title"], link["url"])]
    assert [item[1] for item in items if item[0] == "table"] == [[["Action", "Part", "Priority", "Owner", "Due", "Status"],
                                                                 ["Do this", "Part 1: One", "Act now", "", "", ""]]]
    assert any(item[2].startswith("Notes") for item in items if item[0] == "p"), "no box for notes"


# ---- At a glance -------------------------------------------------------------------------------------------

def test_at_a_glance_counts_actions_per_part_by_priority(finished):
    toolkit, run = finished.toolkit, finished.run
    expected = {}
    for guidance_id in run["guidance"]:
        guidance = toolkit.guidance[guidance_id]
        counts = expected.setdefault(toolkit.caption(guidance["question"]), dict.fromkeys(PRIORITIES, 0))
        counts[guidance["priority"]] += 1
    captions = [part["caption"] for part in finished.report["parts"]]
    rows = finished.report["glance"]
    assert len(rows) == len(captions)
    for caption, row in zip(captions, rows):
        counts = expected.get(caption, dict.fromkeys(PRIORITIES, 0))
        assert row[1:] == [str(counts[p]) for p in PRIORITIES] + [str(sum(counts.values()))], f"the row for {caption}"

    chart = finished.driver.execute_script("""
        const section = document.querySelector('.report-glance');
        const svg = section && section.querySelector('svg');
        const firstPart = document.querySelector('.report-part');
        return svg && {
          beforeDetail: !!(section.compareDocumentPosition(firstPart) & Node.DOCUMENT_POSITION_FOLLOWING),
          hidden: svg.getAttribute('aria-hidden'),
          rows: [...svg.querySelectorAll(':scope > g')].slice(3).map((g) => ({
            label: g.querySelector('text').textContent,
            bars: [...g.querySelectorAll('rect')].map((r) => [r.getAttribute('class'), Number(r.getAttribute('width'))])})),
          styled: document.querySelectorAll('#app [style]').length,
          caption: section.querySelector('table caption').textContent,
        };""")
    assert chart, "no chart at the top of the report"
    assert chart["beforeDetail"], "'at a glance' comes after the detail"
    assert chart["hidden"] == "true", "the chart is not hidden from screen readers, which read its table"
    assert chart["styled"] == 0, "inline style attributes break the Content-Security-Policy"
    assert [r["label"] for r in chart["rows"]] == [row[0] for row in rows]
    for row, drawn in zip(rows, chart["rows"]):
        counts = [int(n) for n in row[1:4]]
        assert [bar[0].split("--")[1] for bar in drawn["bars"]] == [p for p, n in zip(PRIORITIES, counts) if n]
        widths = [bar[1] for bar in drawn["bars"]]
        for width, count in zip(widths, [n for n in counts if n]):
            assert abs(width / widths[0] - count / [n for n in counts if n][0]) < 0.01, "a bar is not to scale"


# ---- Saved progress ---------------------------------------------------------------------------------------

def test_progress_survives_a_reload_and_is_offered_on_return(finished, browser):
    toolkit, answers, run = finished.toolkit, finished.answers, finished.run
    visit = Visit(browser, TOOLKIT)
    visit.open()
    first_three = run["asked"][:3]
    for question in first_three:
        visit.pass_interstitials()
        assert visit.question_id() == question
        visit.answer(answers[question])
    assert visit.saved_answers(toolkit.version) == {q: answers[q] for q in first_three}

    before = visit.h1()
    visit.reload()
    assert visit.h1() == before, "a reload lost the place"
    while visit.question_id() is None:  # back through any pages between questions
        visit.act(visit.link("Back"))
    assert visit.question_id() == first_three[-1]
    expected = answers[first_three[-1]]
    assert sorted(visit.checked()) == sorted(expected if isinstance(expected, list) else [expected])

    # Coming back later, from the start page: continue or start again.
    assert visit.open() == "You have answers saved on this device"
    text = browser.find_element(By.ID, "app").text
    assert "You answered 3 questions" in text
    assert re.search(r"You have about \d+ questions? left", text), "the resume page does not say how much is left"
    visit.act(visit.button("Continue where you left off"))
    assert visit.question_id() == run["asked"][3]
    visit.open()
    visit.act(visit.button("Start again"))
    visit.confirm_delete()
    assert visit.question_id() == run["asked"][0] and visit.checked() == []
    assert visit.stored() == {}, "starting again left answers on the device"
    assert any("Your answers have been deleted" in b for b in visit.banners())


def test_delete_my_answers_clears_every_version(finished, browser):
    toolkit = finished.toolkit
    visit = with_saved_answers(browser, toolkit, finished.answers)
    visit.store({f"toolkit:{toolkit.id}:1999.1": saved_record(toolkit, {}, "1999.1")}, clear=False)
    visit.open("#/answers")
    visit.act(visit.button("Delete my answers"))
    assert len(visit.stored()) == 2, "answers were deleted before the user confirmed"
    visit.confirm_delete()
    assert visit.stored() == {}
    assert visit.question_id() == finished.run["asked"][0]
    assert any("Your answers have been deleted from this device" in b for b in visit.banners())


@pytest.mark.parametrize("old_key", ["versioned", "unversioned"])
def test_content_change_keeps_answers_that_still_fit_and_says_so(finished, browser, old_key):
    """Answers saved under another content version: those to questions (and choices) that still exist are kept,
    a removed question and a removed choice are dropped, and the user is told which to answer again."""
    toolkit, answers, run = finished.toolkit, finished.answers, finished.run
    changed = run["asked"][1]
    saved = {**answers, "a-question-since-removed": "yes", changed: "a-choice-since-removed"}
    key = f"toolkit:{toolkit.id}:2000.1" if old_key == "versioned" else f"toolkit:{toolkit.id}"
    visit = Visit(browser, TOOLKIT)
    visit.open()
    visit.store({key: saved_record(toolkit, saved, "2000.1")})
    assert visit.open() == "You have answers saved on this device"
    message = "\n".join(visit.banners())
    assert "This toolkit has changed since you saved your answers" in message
    assert f"We kept {len(answers) - 1} answers and removed 2 answers" in message
    assert "1 question has been removed" in message
    assert toolkit.questions[changed]["text"] in message, "the user is not told which question to answer again"
    assert list(visit.stored()) == [f"toolkit:{toolkit.id}:{toolkit.version}"], "the old version's answers remain"
    assert visit.saved_answers(toolkit.version) == {q: a for q, a in answers.items() if q != changed}
    visit.act(visit.button("Continue where you left off"))
    assert visit.question_id() == changed
    assert visit.banners() == [], "the message is shown again on the next page"


def test_answers_from_an_earlier_build_move_to_the_versioned_key_quietly(finished, browser):
    """Builds before versioned keys saved under 'toolkit:<id>'; answers that all still fit move without a message."""
    toolkit = finished.toolkit
    visit = Visit(browser, TOOLKIT)
    visit.open()
    visit.store({f"toolkit:{toolkit.id}": json.dumps({"version": toolkit.version, "answers": finished.answers})})
    assert visit.open() == "You have answers saved on this device"
    assert visit.banners() == []
    assert list(visit.stored()) == [f"toolkit:{toolkit.id}:{toolkit.version}"]
    assert visit.saved_answers(toolkit.version) == finished.answers


# ---- Export and import ------------------------------------------------------------------------------------

def test_export_then_import_round_trips(finished, browser):
    toolkit = finished.toolkit
    exported = json.loads(finished.json_path.read_text(encoding="utf-8"))
    check_report_seen(exported.pop("report"), finished)
    assert exported == {"toolkit": TOOLKIT, "version": toolkit.version, "answers": finished.answers}
    assert finished.json_path.stat().st_size < 4000, "the answers file is not small"

    visit = Visit(browser, TOOLKIT)  # another machine: nothing saved
    assert visit.open("#/answers") == "Save, load or delete your answers"
    browser.find_element(By.ID, "answers-file").send_keys(str(finished.json_path))
    assert visit.act(visit.button("Load answers")) == "Check your answers"
    assert any(f"Your answers have been loaded from {finished.json_path.name}" in b for b in visit.banners())
    assert visit.saved_answers(toolkit.version) == finished.answers
    visit.act(visit.link("See your report"))
    imported = visit.report()
    assert imported["parts"] == finished.report["parts"]
    assert imported["glance"] == finished.report["glance"] and imported["urgent"] == finished.report["urgent"]


def bad_files(toolkit, answers):
    first = next(iter(answers))
    several = next((q for q in answers if toolkit.questions[q]["kind"] == "any"), None)
    one = next(q for q in answers if toolkit.questions[q]["kind"] == "one")
    good = {"toolkit": toolkit.id, "version": toolkit.version}
    cases = {
        "not JSON": (b"{ this is not JSON", "The selected file is not a file of answers saved from this toolkit"),
        "not text": (bytes(range(256)), "The selected file is not a file of answers saved from this toolkit"),
        "JSON, not answers": (b"[1, 2, 3]", "The selected file is not a file of answers saved from this toolkit"),
        "answers not an object": ({**good, "answers": [first]}, "is not a file of answers saved from this toolkit"),
        "another toolkit": ({**good, "toolkit": "another-toolkit", "answers": answers},
                            "The selected file has answers for a different toolkit"),
        "an unknown question": ({**good, "answers": {**answers, "no-such-question": "yes"}},
                                "The selected file has an answer to a question this toolkit does not have ('no-such-question')"),
        "an unknown answer": ({**good, "answers": {**answers, one: "no-such-answer"}},
                              f"is not one of the choices for '{toolkit.questions[one]['text']}'"),
        "a list for a one-answer question": ({**good, "answers": {**answers, one: [answers[one]]}},
                                             f"is not one of the choices for '{toolkit.questions[one]['text']}'"),
        "no answers": ({**good, "answers": {}}, "The selected file has no answers in it"),
        "too big": (b" " * 150_000 + json.dumps({**good, "answers": answers}).encode(),
                    "The selected file must be smaller than 100 KB"),
        "no file chosen": (None, "Select a file of saved answers"),
    }
    if several:
        cases["text for a several-answer question"] = (
            {**good, "answers": {**answers, several: "not-a-list"}},
            f"is not one of the choices for '{toolkit.questions[several]['text']}'")
    return cases


BAD_FILE_KINDS = ["not JSON", "not text", "JSON, not answers", "answers not an object", "another toolkit",
                  "an unknown question", "an unknown answer", "a list for a one-answer question",
                  "text for a several-answer question", "no answers", "too big", "no file chosen"]


@pytest.mark.parametrize("kind", BAD_FILE_KINDS)
def test_bad_import_file_changes_nothing_and_says_why(finished, reused_browser, tmp_path, kind):
    toolkit = finished.toolkit
    saved = dict(list(finished.answers.items())[:4])  # part-way through, on this device
    cases = bad_files(toolkit, finished.answers)
    assert kind in cases, f"no question in the content for the case '{kind}'"
    content, message = cases[kind]
    visit = with_saved_answers(reused_browser, toolkit, saved)
    before = visit.stored()
    assert visit.open("#/answers") == "Save, load or delete your answers"
    if content is not None:
        path = tmp_path / "answers.json"
        path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
        reused_browser.find_element(By.ID, "answers-file").send_keys(str(path))
    visit.act(visit.button("Load answers"))

    summary = visit.error_summary()
    assert summary is not None and summary.startswith("There is a problem"), f"{kind}: no error summary"
    assert message in summary, f"{kind}: the message was {summary!r}"
    assert reused_browser.execute_script("return document.activeElement.classList.contains('error-summary')")
    field_error = reused_browser.find_element(By.ID, "answers-file-error").text
    assert message in field_error
    assert "answers-file-error" in reused_browser.find_element(By.ID, "answers-file").get_attribute("aria-describedby")
    assert reused_browser.title.startswith("Error: ")
    assert visit.stored() == before, f"{kind}: the saved answers changed"
    assert reused_browser.current_url.endswith("#/answers")
    assert severe_console(reused_browser) == []


# ---- A link with the answers --------------------------------------------------------------------------------

def test_link_carries_the_answers_in_its_fragment(finished):
    page, fragment = finished.link.split("#answers=")
    assert page == finished.visit.url, "the link is not to this page, or carries answers outside its fragment"
    assert "?" not in page
    assert re.fullmatch(r"[A-Za-z0-9_-]+", fragment), "the fragment is not base64url"
    data = json.loads(base64.urlsafe_b64decode(fragment + "=" * (-len(fragment) % 4)))
    report = data.pop("report")
    assert data == {"toolkit": TOOLKIT, "version": finished.toolkit.version, "answers": finished.answers}
    check_report_seen(report, finished)
    assert len(fragment) < 6000, f"the link is {len(fragment)} characters long"


def check_report_seen(report, finished):
    """A file or link carries the report it was made from: the version, when, and a fingerprint of each item."""
    assert report["version"] == finished.toolkit.version
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:.]+Z", report["date"])
    assert set(report["guidance"]) == set(finished.run["guidance"])
    assert all(re.fullmatch(r"[0-9a-f]{10}", f) for f in report["guidance"].values())


def test_link_reproduces_the_report_in_a_fresh_browser(finished, browser):
    browser.get(finished.link)
    visit = Visit(browser, TOOLKIT)
    assert visit.settled() == finished.toolkit.data["reportTitle"]
    shown = visit.report()
    assert shown["parts"] == finished.report["parts"]
    assert shown["glance"] == finished.report["glance"] and shown["urgent"] == finished.report["urgent"]
    assert any("This report was made from answers in a link" in b for b in visit.banners())
    assert visit.stored() == {}, "opening a link saved its answers without asking"
    assert severe_console(browser) == []

    visit.act(visit.button("Save these answers on this device"))
    assert visit.saved_answers(finished.toolkit.version) == finished.answers
    assert visit.report()["parts"] == finished.report["parts"]


def test_link_leaves_the_receivers_own_answers_alone(finished, browser):
    toolkit = finished.toolkit
    own = {q: a for q, a in list(finished.answers.items())[:2]}
    visit = with_saved_answers(browser, toolkit, own)
    before = visit.stored()
    browser.get(finished.link)  # the same page with a new fragment: the runtime renders it without a reload
    visit.wait_for_h1(toolkit.data["reportTitle"])
    assert visit.report()["parts"] == finished.report["parts"]
    assert visit.stored() == before


def tampered_links(finished):
    toolkit, answers = finished.toolkit, finished.answers
    fragment = finished.link.split("#answers=")[1]
    good = {"toolkit": toolkit.id, "version": toolkit.version}
    one = next(q for q in answers if toolkit.questions[q]["kind"] == "one")
    broken = "The link is not complete, or it has been changed."
    return {
        "cut short": ("#answers=" + fragment[:-7], broken),
        "characters outside base64url": ("#answers=" + fragment[:40] + "%21*" + fragment[40:], broken),
        "not JSON": (fragment_for_bytes(b"this is not JSON"), broken),
        "JSON, not answers": (fragment_for([1, 2]), broken),
        "empty": ("#answers=", broken),
        "a changed answer": (fragment_for({**good, "answers": {**answers, one: "tampered"}}),
                             f"The link has an answer that is not one of the choices for '{toolkit.questions[one]['text']}'"),
        "an added question": (fragment_for({**good, "answers": {**answers, "tampered-question": "yes"}}),
                              "The link has an answer to a question this toolkit does not have ('tampered-question')"),
        "another toolkit": (fragment_for({**good, "toolkit": "another-toolkit", "answers": answers}),
                            "The link has answers for a different toolkit"),
    }


def fragment_for_bytes(raw):
    return "#answers=" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


TAMPERED_KINDS = ["cut short", "characters outside base64url", "not JSON", "JSON, not answers", "empty",
                  "a changed answer", "an added question", "another toolkit"]


@pytest.mark.parametrize("kind", TAMPERED_KINDS)
def test_tampered_link_is_refused_with_a_message(finished, reused_browser, kind):
    toolkit = finished.toolkit
    visit = with_saved_answers(reused_browser, toolkit, dict(list(finished.answers.items())[:3]))
    before = visit.stored()
    fragment, reason = tampered_links(finished)[kind]
    reused_browser.get(visit.url + fragment)
    reused_browser.refresh()  # a change of fragment alone does not load the page again
    assert visit.settled() == "This link to a report does not work", f"{kind}: {visit.h1()}"
    summary = visit.error_summary()
    assert summary and reason in summary, f"{kind}: the message was {summary!r}"
    assert "Your own saved answers have not changed" in reused_browser.find_element(By.ID, "app").text
    assert reused_browser.find_elements(By.CSS_SELECTOR, ".report-part") == [], "a report was shown"
    assert visit.stored() == before, f"{kind}: the saved answers changed"
    assert severe_console(reused_browser) == [], f"{kind}: the page broke"
    visit.act(visit.link("Go to the questions"))
    assert visit.question_id() is not None or visit.h1() == "Check your answers"


# ---- Nothing leaves the device, under a strict Content-Security-Policy ---------------------------------------

class StrictHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site with `Content-Security-Policy: default-src 'self'`, noting every path asked for."""
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript"}
    paths = []

    def end_headers(self):
        self.send_header("Content-Security-Policy", "default-src 'self'")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def do_GET(self):
        self.paths.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def strict_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(StrictHandler, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_nothing_leaves_the_device_under_a_strict_csp(finished, browser, strict_server, tmp_path):
    toolkit = finished.toolkit
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")})
    StrictHandler.paths.clear()
    url = f"{strict_server}{TOOLKIT}/questions.html"
    browser.get(url + "#/answers")
    browser.execute_script("localStorage.setItem(arguments[0], arguments[1])",
                           f"toolkit:{toolkit.id}:{toolkit.version}", saved_record(toolkit, finished.answers))
    browser.get("about:blank")  # the runtime reads saved answers as the page loads
    browser.get(url + "#/report")
    visit = Visit(browser, TOOLKIT)
    assert visit.settled() == toolkit.data["reportTitle"]

    visit.button("Word document").click()
    made = wait_for_download(tmp_path, ".docx")
    assert zipfile.ZipFile(made).testzip() is None
    visit.button("Save answers").click()
    wait_for_download(tmp_path, ".json")
    visit.button("Copy a link").click()
    link = wait_for(browser, lambda d: d.execute_script(
        "const f = document.getElementById('report-link'); return f && f.value"), message="the link")
    browser.get(link)
    wait_for(browser, lambda d: d.find_elements(By.XPATH, "//*[contains(., 'made from answers in a link')]"),
             message="the report from the link")

    assert browser.execute_script("return window.__csp") == [], "Content-Security-Policy violations"
    assert severe_console(browser) == []
    resources = browser.execute_script("return performance.getEntriesByType('resource').map((e) => e.name)")
    assert all(r.startswith(strict_server) for r in resources), f"requests elsewhere: {resources}"
    asked = {p.split("?")[0].split("#")[0] for p in StrictHandler.paths}
    not_site_files = [p for p in asked if not (SITE / p.lstrip("/")).is_file() and p != "/favicon.ico"]
    assert not_site_files == [], f"requests for anything but the site's own files: {not_site_files}"
    assert not any("answers" in p or "?" in p for p in StrictHandler.paths), "answers reached the server"
    assert "/assets/docx.js" in asked, "the Word button did not load docx.js from the site"
    assert browser.execute_script("return document.cookie") == "" and browser.get_cookies() == []


# ---- Print ----------------------------------------------------------------------------------------------------

def test_print_stylesheet(finished, browser):
    driver = finished.driver
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = driver.execute_script("""
            return [...document.querySelectorAll('button, .report-tools, .notification-banner, .back-link, header, footer')]
              .filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80));""")
        assert shown == [], f"shown on paper: {shown}"
        link = driver.execute_script("""
            const a = document.querySelector('.report-question .links a');
            return a && [a.getAttribute('href'), getComputedStyle(a, '::after').content];""")
        assert link and link[0] in link[1], f"a link does not print its address: {link}"
        # A question's heading, answer and first advice stay together; the 'Act now' list is text, not links.
        kept = driver.execute_script(
            "return [...document.querySelectorAll('.report-question__lead')].map((p) => getComputedStyle(p).breakInside)")
        assert kept and set(kept) == {"avoid"}, "a question's heading can be parted from its answer and advice"
        urgent = driver.execute_script(
            "const a = document.querySelector('.report-urgent a'); return a && getComputedStyle(a).textDecorationLine")
        assert urgent in (None, "none"), "the 'Act now' list prints as underlined links"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # Every 'more information' on a question page opens for printing, and closes again after.
    visit = Visit(browser, TOOLKIT)
    visit.open()
    for _ in range(10):
        if browser.find_elements(By.CSS_SELECTOR, "details"):
            break
        visit.answer(finished.answers[visit.question_id()])
    assert browser.find_elements(By.CSS_SELECTOR, "details"), "no question with 'more information' to print"
    browser.execute_script("window.dispatchEvent(new Event('beforeprint'))")
    assert browser.execute_script("return [...document.querySelectorAll('details')].every((d) => d.open)")
    browser.execute_script("window.dispatchEvent(new Event('afterprint'))")
    assert browser.execute_script("return [...document.querySelectorAll('details')].every((d) => !d.open)")


# ---- Accessibility of the new page states ------------------------------------------------------------------

def test_new_page_states_have_no_axe_violations(finished, browser, tmp_path):
    toolkit = finished.toolkit
    visit = Visit(browser, TOOLKIT)
    found = {}

    visit.open()
    found["first question, with the link to load answers"] = axe_violations(browser)
    visit.store({f"toolkit:{toolkit.id}:2000.1": saved_record(
        toolkit, {**finished.answers, "gone": "yes", finished.run["asked"][1]: "gone"}, "2000.1")})
    visit.open()
    found["return after a content change"] = axe_violations(browser)

    visit.open("#/answers")
    (tmp_path / "bad.json").write_text("not JSON")
    browser.find_element(By.ID, "answers-file").send_keys(str(tmp_path / "bad.json"))
    visit.act(visit.button("Load answers"))
    found["a bad answers file"] = axe_violations(browser)

    browser.get(finished.link)
    browser.refresh()
    visit.settled()
    visit.button("Copy a link").click()
    wait_for(browser, lambda d: d.find_elements(By.ID, "report-link"), message="the link")
    found["a report from a link, with its link shown"] = axe_violations(browser)

    browser.get(visit.url + "#answers=broken")
    browser.refresh()
    visit.settled()
    found["a broken link"] = axe_violations(browser)

    assert {state: v for state, v in found.items() if v} == {}
