#!/usr/bin/env python3
"""Prints the figures for the report a data protection officer takes to a meeting (issue 9), on the longest
run of the shipped content: where 'Act now' starts at 1366x768 and 375x812, and the printed page count of
the full report and of the actions-only view. Saves screenshots and the PDFs in test-artifacts/report/.

Run after `make site` and `make browser-deps`: python3 scripts/measure-report.py
"""

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "Tests" / "browser"))

from report_browser import new_browser  # noqa: E402
from report_measure import LAPTOP, PHONE, act_now_position, open_longest_report, printed_pages, set_viewport  # noqa: E402


def main():
    out = REPO / "test-artifacts" / "report"
    out.mkdir(parents=True, exist_ok=True)
    driver = new_browser(Path(tempfile.mkdtemp()))
    try:
        visit, run = open_longest_report(driver)
        print(f"longest run found: {len(run['asked'])} questions, {len(run['guidance'])} items of advice, track {run['track']}")
        for name, size in (("laptop", LAPTOP), ("phone", PHONE)):
            position = act_now_position(driver, size)
            set_viewport(driver, size)
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(str(out / f"report-top-{name}.png"))
            print(f"'Act now' heading starts at {position:.2f} screens down at {size[0]}x{size[1]}")
        pages, pdf = printed_pages(driver)
        (out / "report.pdf").write_bytes(pdf)
        print(f"full report prints to {pages} A4 pages (Chromium print to PDF)")
        visit.act(visit.link("Actions only"))
        pages, pdf = printed_pages(driver)
        (out / "actions.pdf").write_bytes(pdf)
        print(f"actions-only view prints to {pages} A4 pages")
        print(f"screenshots and PDFs in {out.relative_to(REPO)}/")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
