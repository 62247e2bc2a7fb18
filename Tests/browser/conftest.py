"""Shared fixtures for the browser tests: the built site, a real headless Chromium, a strict-CSP web server,
the Swift model's answers (`toolkit evaluate`), and checks that every page state is clean.

The tests run against the committed `site/` built from `content/` (both found from this file's place in the
repository). While content is mid-edit, point them elsewhere:

    TOOLKIT_SITE=/tmp/site TOOLKIT_CONTENT=/tmp/c python3 -m pytest -q Tests/browser
"""

import functools
import http.server
import json
import os
import re
import subprocess
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("TOOLKIT_SITE", REPO / "site")).resolve()
CONTENT = Path(os.environ.get("TOOLKIT_CONTENT", REPO / "content")).resolve()
TOOLKIT_BIN = REPO / ".build" / "debug" / "toolkit"
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

# The web team publishes the site under a sub-path, behind this header.
SUB_PATH = "/toolkits/"
CSP = "default-src 'self'"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Installed before any page script on every document: records CSP violations where a test can read them.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `in ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
"""


def pytest_configure(config):
    # `make test-content` runs these (-m content), `make test-tool` the rest (-m "not content").
    config.addinivalue_line("markers", "content: a content test, on the shipped toolkit in content/ rather than on any toolkit")


# ---- The site and the Swift model ---------------------------------------------------------------------

@pytest.fixture(scope="session")
def site():
    """The built site folder. Fails (never skips) when it is missing: `make site` writes it."""
    assert (SITE / "index.html").is_file(), f"{SITE} has no index.html: run `make site` (or `toolkit build`) first"
    return SITE


def toolkit_ids(site_dir=SITE):
    """The toolkits in a built site: each folder with a questions.html. With no site built, a placeholder,
    so that the tests run and fail on the `site` fixture rather than being skipped for want of a toolkit."""
    return sorted(p.parent.name for p in site_dir.glob("*/questions.html")) or ["no-site-built"]


@pytest.fixture(scope="session")
def toolkit_bin():
    """The `toolkit` command, built once if it is not there."""
    if not TOOLKIT_BIN.exists():
        subprocess.run(["swift", "build"], cwd=REPO, check=True)
    return TOOLKIT_BIN


def evaluate(toolkit_bin, content, toolkit_id, answer_sets):
    """The Swift model's answer for each answer set: [{asked, track, guidance}]."""
    result = subprocess.run([str(toolkit_bin), "evaluate", "--content", str(content), toolkit_id],
                            input=json.dumps(answer_sets), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"toolkit evaluate failed: {result.stderr}"
    runs = json.loads(result.stdout)
    assert len(runs) == len(answer_sets)
    return runs


@pytest.fixture(scope="session")
def generated(tmp_path_factory, toolkit_bin):
    """A generated branching toolkit (generate_toolkit.py: tracks, conditional questions), built: (content
    folder, site folder). For tests that need such a toolkit whatever content/ holds."""
    from generate_toolkit import build
    folder = tmp_path_factory.mktemp("generated")
    content, site = folder / "content", folder / "site"
    build(seed=4, content=content, output=site, toolkit_bin=toolkit_bin)
    return content, site


@pytest.fixture(scope="session")
def swift_model(toolkit_bin):
    """evaluate(toolkit_id, answer_sets) for the shipped content."""
    return functools.partial(evaluate, toolkit_bin, CONTENT)

# Text a page should never show: values of the runtime rendered as text ("null", "[object ...]").
STRAY_TEXT_JS = """
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const text = node.textContent.trim();
  if (/^(null|undefined|false|true|NaN)$/.test(text) || /\\[object \\w+\\]|\\bundefined\\b/.test(text)) out.push(text.slice(0, 80));
}
return out;
"""

# ---- A strict web server under a sub-path ------------------------------------------------------------

class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUB_PATH only, with a strict Content-Security-Policy on every response."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".css": "text/css", ".html": "text/html; charset=utf-8"}
    requests = []  # every path asked for, across the session

    def translate_path(self, path):
        self.requests.append(path)
        if not path.startswith(SUB_PATH):
            return str(SITE / "does-not-exist" / "served-only-under-the-sub-path")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def http_site(site):
    """The base URL of the site served at http://127.0.0.1:PORT/toolkits/ with `default-src 'self'`."""
    handler = functools.partial(SubPathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def file_site(site):
    """The base URL of the site opened from disk, as from a USB stick."""
    return site.as_uri() + "/"


# ---- Chromium -----------------------------------------------------------------------------------------

def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", "--disable-default-apps", "--lang=en-GB"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER})
    driver.execute_cdp_cmd("Network.enable", {})
    return driver


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def keep_failure(request, browser):
    """When a test fails, keep a screenshot and the DOM of where the browser was, for a reader."""
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed:
        return
    folder = ARTIFACTS / "failures"
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
    try:
        browser.save_screenshot(str(folder / f"{name}.png"))
        (folder / f"{name}.html").write_text(browser.page_source, encoding="utf-8")
    except Exception:  # noqa: BLE001 - a browser that has gone away has nothing to keep
        pass


@pytest.fixture
def browser(tmp_path):
    """A fresh Chromium profile that saves downloads in the test's own folder: nothing saved, as on a
    colleague's machine (report_browser.new_browser, imported here because that file imports this one)."""
    from report_browser import new_browser
    driver = new_browser(tmp_path)
    yield driver
    driver.quit()


@pytest.fixture
def driver(request):
    """A fresh Chromium for each test: no saved answers, no cookies, empty logs."""
    browser = make_driver()
    yield browser
    keep_failure(request, browser)
    browser.quit()


@pytest.fixture(scope="module")
def shared_driver():
    """One Chromium for a module's read-only checks (layout, validity, agreement)."""
    browser = make_driver()
    yield browser
    browser.quit()


# ---- What a clean page state means -------------------------------------------------------------------

class Watcher:
    """Collects, across a whole run, the requests the page made, the console messages and CSP violations."""

    def __init__(self, driver, base_url):
        self.driver = driver
        self.base = urlsplit(base_url)
        self.requests = []
        self.console = []
        self.csp = []

    def collect(self):
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
            elif message["method"] == "Network.webSocketCreated":
                self.requests.append(message["params"]["url"])
        for entry in self.driver.get_log("browser"):
            if entry["level"] in ("SEVERE", "WARNING"):
                self.console.append(f"{entry['level']}: {entry['message']}")
        try:
            self.csp.extend(self.driver.execute_script("return window.__cspViolations || []"))
            self.driver.execute_script("window.__cspViolations = []")
        except Exception:  # noqa: BLE001 - a page mid-navigation has no window to ask
            pass

    def foreign(self):
        """Requests to another origin (anything but this site's scheme, host and port)."""
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme == "data" or url == "about:blank":
                continue  # handled without any network
            if (parts.scheme, parts.netloc) != (self.base.scheme, self.base.netloc):
                out.append(url)
        return out

    def assert_clean(self, where=""):
        """No request to another origin, no console error or warning, no CSP violation, no cookie."""
        self.collect()
        label = f" ({where})" if where else ""
        assert self.foreign() == [], f"requests to another origin{label}: {self.foreign()}"
        assert self.console == [], f"console errors or warnings{label}: {self.console}"
        assert self.csp == [], f"Content-Security-Policy violations{label}: {self.csp}"
        assert self.driver.execute_script("return document.cookie") == "", f"a cookie was set{label}"
        assert self.driver.get_cookies() == [], f"a cookie was set{label}: {self.driver.get_cookies()}"
        stray = self.driver.execute_script(STRAY_TEXT_JS)
        assert stray == [], f"the page shows programming values as text{label}: {stray}"


@pytest.fixture
def watch():
    """watch(driver, base_url) -> a Watcher that fails the test on any unclean page state."""
    return Watcher


# ---- Accessibility -----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def axe_source():
    """The newest axe-core bundled by an installed PyPI package. axe-selenium-python bundles it (an old
    axe-core on Python < 3.12); selenium-axe-python bundles axe-core 4.9, which knows the WCAG 2.2 rules."""
    found = []
    for module, relative in (("selenium_axe_python", "axe-core/axe.min.js"),
                             ("axe_selenium_python", "node_modules/axe-core/axe.min.js")):
        try:
            package = __import__(module)
        except ImportError:
            continue
        path = Path(package.__file__).parent / relative
        if path.is_file():
            source = path.read_text(encoding="utf-8")
            match = re.search(r"axe v(\d+)\.(\d+)\.(\d+)", source[:200])
            version = tuple(int(n) for n in match.groups()) if match else (3, 0, 0)
            found.append((version, source))
    assert found, "no axe-core: pip install -r Tests/browser/requirements.txt"
    version, source = max(found)
    assert version >= (4, 7, 0), f"axe-core {version} predates the WCAG 2.2 rules: install selenium-axe-python"
    return source


def axe_violations(driver):
    """axe-core's violations on the current page state for WCAG 2.0-2.2 A/AA and best practice."""
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(axe_source())
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then((r) => done(r.violations), (e) => done([{id: 'axe-error', help: String(e), nodes: []}]));",
        AXE_TAGS)


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node.get('target')}: {summary[:300]}")
    return "\n".join(lines)


@pytest.fixture
def axe():
    """axe(driver, where): fails on any axe-core violation on the page as it is now."""
    def check(driver, where):
        violations = axe_violations(driver)
        assert not violations, f"axe-core violations on {where}:\n{describe_violations(violations)}"
    return check


# ---- Waiting and looking -----------------------------------------------------------------------------

def wait_for(driver, condition, timeout=10, message=""):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.02).until(lambda d: condition(d))
    except TimeoutException as error:
        raise AssertionError(f"timed out waiting: {message}") from error


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path
