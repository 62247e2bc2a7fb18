"""Layout at 320px, 768px and 1280px wide and at 200% zoom (a 1280px window zoomed: 640 CSS pixels at device
scale factor 2): no horizontal scroll, nothing out of the viewport or cut off by its box, no key elements
overlapping. Full-page screenshots go to test-artifacts/screenshots/ for a reader to look at."""

import base64

import pytest
from selenium.webdriver.common.by import By

from conftest import SCREENSHOTS, toolkit_ids, wait_for
from toolkit_pages import Questionnaire, plan_per_track

VIEWPORTS = {"320": (320, 1), "768": (768, 1), "1280": (1280, 1), "1280-zoom200": (640, 2)}

# The elements a reader needs to see whole and apart.
KEY = ("h1, h2, h3, h4, p, li, dt, dd, label, input, button, .button, summary, .tag, .back-link, .caption, "
       ".hint, .error-summary, .error-message, .header__service, .prose > *")

LAYOUT_JS = """
const key = arguments[0];
const root = document.documentElement;
const width = root.clientWidth;
const problems = [];
if (root.scrollWidth > width) problems.push(`the page scrolls sideways: ${root.scrollWidth}px wide in ${width}px`);
const hidden = (e) => e.closest('.visually-hidden, .skip-link, [hidden], noscript, details:not([open]) > :not(summary)') ||
  (e.checkVisibility && !e.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}));
const name = (e) => `<${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : ''}> "${(e.textContent || '').trim().slice(0, 40)}"`;
const visible = [...document.body.querySelectorAll('*')].filter((e) => !hidden(e) && e.getClientRects().length > 0);
for (const e of visible) {
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  if (r.left < -1 || r.right > width + 1) problems.push(`${name(e)} runs out of the viewport (${Math.round(r.left)} to ${Math.round(r.right)} of ${width})`);
  const s = getComputedStyle(e);
  if (s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'HTML' && e.tagName !== 'BODY')
    problems.push(`${name(e)} cuts off its content (${e.scrollWidth}px in ${e.clientWidth}px)`);
}
const boxes = visible.filter((e) => e.matches(key)).map((e) => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => r.width > 0 && r.height > 0);
for (let i = 0; i < boxes.length; i++) {
  for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra] = boxes[i], [b, rb] = boxes[j];
    if (a.contains(b) || b.contains(a)) continue;
    const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
    const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
    if (x > 2 && y > 2) problems.push(`${name(a)} and ${name(b)} overlap by ${Math.round(x)}x${Math.round(y)}px`);
  }
}
return problems.slice(0, 20);
"""


def states(toolkit_id, outline_, run):
    """(name, page, how to get there) for each kind of page."""
    any_question = next((q for q in run["asked"] if outline_.questions[q]["kind"] == "any"), None)
    yield "toolkits", "index.html", None
    yield f"{toolkit_id}-start", f"{toolkit_id}/index.html", None
    yield f"{toolkit_id}-all-guidance", f"{toolkit_id}/all-guidance.html", None
    yield f"{toolkit_id}-glossary", f"{toolkit_id}/glossary.html", None
    yield f"{toolkit_id}-question-error", f"{toolkit_id}/questions.html#/question/{run['asked'][0]}", "error"
    if any_question:
        yield f"{toolkit_id}-question-any", f"{toolkit_id}/questions.html#/question/{any_question}", "details"
    yield f"{toolkit_id}-check", f"{toolkit_id}/questions.html#/check", None
    yield f"{toolkit_id}-report", f"{toolkit_id}/questions.html#/report", None


def full_page_screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Long pages (all the guidance at 320px) are cut at 6000 CSS pixels: Chromium refuses larger captures.
    width, height = driver.execute_script(
        "return [document.documentElement.clientWidth, document.documentElement.scrollHeight]")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 6000), "scale": 1}})
    path = SCREENSHOTS / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


@pytest.mark.parametrize("toolkit_id", toolkit_ids())
def test_layout(toolkit_id, shared_driver, site, file_site, swift_model):
    driver = shared_driver
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    visit = Questionnaire(driver, file_site, toolkit_id)
    visit.open_start()
    visit.start()
    # The run with the most guidance, so the report is as long as it gets.
    plans = plan_per_track(visit.outline, swift_model)
    answers, run = max(plans.values(), key=lambda plan: len(plan[1]["guidance"]))
    visit.complete(answers)

    problems = []
    try:
        for viewport, (width, scale) in VIEWPORTS.items():
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 800, "deviceScaleFactor": scale, "mobile": False})
            for name, page, action in states(toolkit_id, visit.outline, run):
                driver.get("about:blank")
                driver.get(file_site + page)
                wait_for(driver, lambda d: d.find_elements(By.TAG_NAME, "h1"), message=f"{page} to show")
                if action == "error":
                    driver.execute_script("document.querySelectorAll('input:checked').forEach((e) => e.checked = false)")
                    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
                    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".error-summary"), message="errors")
                if action in ("error", "details"):
                    for summary in driver.find_elements(By.CSS_SELECTOR, "details:not([open]) summary"):
                        summary.click()
                found = driver.execute_script(LAYOUT_JS, KEY)
                problems += [f"{name} at {viewport}: {problem}" for problem in found]
                full_page_screenshot(driver, f"{name}-{viewport}")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not problems, "layout problems:\n" + "\n".join(problems)
