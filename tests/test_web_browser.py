"""End to end in a real browser: Playwright drives Debian's chromium (/usr/bin/chromium) against
`claimgraph serve`'s app on 127.0.0.1, over a store of the example corpus. `playwright install`
is never run: the browser is the system's, and the test skips with a reason when it is absent
(.ci/run installs it, so CI runs it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.web_support import make_app, running

NAMED = os.environ.get("CLAIMGRAPH_CHROMIUM")  # set by .ci/run: then a missing browser fails
CHROMIUM = Path(NAMED or "/usr/bin/chromium")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not NAMED and not CHROMIUM.exists(), reason=f"no chromium at {CHROMIUM} (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def site(examples_only_store):
    with running(make_app(examples_only_store)) as url:
        yield url


@pytest.fixture()
def page(site, tmp_path):
    assert CHROMIUM.exists(), f"CLAIMGRAPH_CHROMIUM names {CHROMIUM}, which does not exist"
    from playwright import sync_api

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        tab = browser.new_page(viewport={"width": 1366, "height": 900})
        problems: list[str] = []
        tab.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        tab.on("pageerror", lambda error: problems.append(str(error)))
        tab.set_default_timeout(15_000)
        yield tab
        tab.screenshot(path=str(tmp_path / "last.png"), full_page=True)  # kept by pytest for a failure
        browser.close()
        assert problems == [], problems  # no script error, no asset blocked by the CSP, no 404


def test_an_analyst_searches_opens_a_contradiction_and_an_entity_timeline(page, site):
    page.goto(site + "/")
    assert page.locator("h2", has_text="Latest findings").is_visible()
    assert page.locator("figure.chart svg circle").count() > 0, "indicator charts are drawn"

    page.fill("header input[name=q]", "Alabuga")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Alabuga")
    reports = page.locator("#documents article.hit")
    assert reports.count() >= 3
    assert page.locator("#documents .hl-term").first.inner_text().lower() == "alabuga"
    assert page.locator("#claims article.claim-card").count() >= 3

    page.click("header nav >> text=Findings")
    page.click(".tabs >> text=contradiction")
    page.locator("li.finding.k-contradiction a.finding-link").first.click()
    page.wait_for_url("**/groups/**")
    sides = page.locator(".finding-detail.k-contradiction").first.locator(".source")
    assert sides.count() >= 2, "both sides of the contradiction are shown"
    for n in range(sides.count()):
        side = sides.nth(n)
        assert side.locator(".sentence [class*='hl-']").count() >= 1, "each source's sentence is highlighted"
        assert side.locator("a[href^='/documents/']").count() == 1, "each side links to its report"
    assert page.locator(".grade-big").is_visible() and page.locator(".grade-box p").first.inner_text()

    page.goto(site + "/")
    page.click(".entities >> text=North Korea")
    page.wait_for_url("**/entities/north-korea")
    entries = page.locator("#timeline li.dated")
    assert entries.count() >= 3, "the entity's timeline lists dated claims"
    dates = [entries.nth(n).locator("time").inner_text() for n in range(entries.count())]
    assert dates == sorted(dates, reverse=True) and all(d[:4].isdigit() for d in dates)


def test_a_report_page_highlights_what_was_found_and_switches_highlights_off(page, site):
    page.goto(site + "/documents")
    page.locator("table.list a", has_text="NIS").first.click()
    body = page.locator("#body")
    for kind in ("entity", "quantity", "time", "claim"):
        assert body.locator(f".hl-{kind}").count() >= 1, kind
    assert body.locator(".hl-entity", has_text="North Korea").first.get_attribute("title") == "North Korea"
    page.uncheck("input[data-toggle=hl-entity]")
    assert "off-hl-entity" in (body.get_attribute("class") or "")
