"""The HTML report in a real browser: Debian's chromium, headless, driven by Playwright.

Nothing downloads a browser: the test uses the chromium on the machine (CLAIMGRAPH_CHROMIUM, else
`chromium` on PATH). Without one it skips with the reason; under CI (CI=true) it fails instead,
because .ci/run installs chromium and a skipped browser test must not pass for a run.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _chromium() -> str:
    found = (
        os.environ.get("CLAIMGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    if found and Path(found).exists():
        return found
    reason = "no chromium for the browser test: apt-get install chromium (or set CLAIMGRAPH_CHROMIUM)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (the dev extra)")
    with sync_api.sync_playwright() as playwright:
        # --no-sandbox: CI runs as root, where chromium refuses its sandbox
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def report_file(example_store, tmp_path_factory) -> Path:
    from claimgraph.domains import default_pack_path, load_pack
    from claimgraph.views.report import ReportOptions, write_report

    path = tmp_path_factory.mktemp("browser") / "brief.html"
    pack = load_pack(default_pack_path())
    write_report(
        example_store, pack, ReportOptions(since="2025-07-01"), "html", path, today=date(2025, 10, 10)
    )
    return path


def test_report_shows_findings_charts_and_timeline(browser, report_file, tmp_path):
    from PIL import Image

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(report_file.as_uri(), wait_until="load")
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    width, height = Image.open(shot).size
    assert width == 1280 and height > 3000  # the whole report, not an error page

    findings = page.locator("#findings article.card")
    assert findings.count() >= 5
    assert findings.first.is_visible()
    first = findings.first.inner_text()
    assert (
        "CORROBORATION" in first and re.search(r"\b[A-F][1-6]\b", first) and "“" in first
    )  # kind, grade, quote

    chart = page.locator("#indicators figure img").first
    chart.scroll_into_view_if_needed()
    assert chart.is_visible()
    assert page.evaluate("img => img.complete && img.naturalWidth > 400", chart.element_handle())
    pixels = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    assert len(pixels.getcolors(maxcolors=1 << 20) or ()) > 20  # drawn: axes, points, labels; not blank

    events = page.locator("#timeline li")
    assert events.count() >= 10
    events.first.scroll_into_view_if_needed()
    assert events.first.is_visible()
    assert page.locator("#timeline .when").first.inner_text()[:4].isdigit()
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
    page.close()


def test_article_markup_shows_as_text_and_never_runs(browser, report_file):
    page = browser.new_page()
    page.goto(report_file.as_uri(), wait_until="load")
    title = page.title()
    assert "pwned" not in title and title.startswith("claimgraph briefing")
    assert page.evaluate("document.body.getAttribute('data-pwned')") is None
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    assert page.evaluate("document.querySelectorAll('img:not([src^=\"data:image/svg+xml\"])').length") == 0
    timeline = page.locator("#timeline").inner_text()
    assert "<script>document.body.setAttribute('data-pwned','script')</script>" in timeline
    sources = page.locator("#sources").inner_text()
    assert "Drone plant <img src=x onerror=\"document.title='pwned'\"> doubles output" in sources
    page.close()


def test_the_policy_stops_a_script_that_escaping_missed(browser, tmp_path):
    """Defence in depth: were a value ever left unescaped, the report's policy still runs nothing."""
    from claimgraph.views.report_html import CONTENT_SECURITY_POLICY

    page_file = tmp_path / "leak.html"
    page_file.write_text(
        f'<html><head><meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
        "<title>kept</title></head><body><script>document.title='ran'</script>"
        "<img src=x onerror=\"document.title='ran'\"></body></html>",
        encoding="utf-8",
    )
    page = browser.new_page()
    page.goto(page_file.as_uri(), wait_until="load")
    page.wait_for_timeout(200)
    assert page.title() == "kept"
    page.close()
