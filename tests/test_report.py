"""`claimgraph report`: the briefing as HTML and Markdown, read from the store, article text escaped."""

from __future__ import annotations

import base64
import re
from datetime import date
from html import unescape
from pathlib import Path
from xml.etree import ElementTree

import pytest
from typer.testing import CliRunner

from claimgraph.records import ClaimGroup, Grade, Indicator, IndicatorPoint, Membership, Modality, Origin

TODAY = date(2025, 10, 10)


def _report(engine, report_format, path, **options):
    from claimgraph.domains import default_pack_path, load_pack
    from claimgraph.views.report import ReportOptions, write_report

    return write_report(
        engine, load_pack(default_pack_path()), ReportOptions(**options), report_format, path, today=TODAY
    )


@pytest.fixture(scope="module")
def html_report(example_store, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "brief.html"
    written = _report(example_store, "html", path, since="2025-07-01")
    return written, path.read_text(encoding="utf-8")


def test_html_report_is_one_file_with_every_section(html_report):
    written, html = html_report
    assert written.files == (written.path,)
    for heading in (
        "Findings",
        "Key figures",
        "Indicators",
        "Timeline",
        "Contradictions and tensions",
        "Sources",
    ):
        assert f">{heading}</h2>" in html, heading
    assert "New since 2025-07-01</h2>" in html
    assert written.findings >= 5 and written.disputes >= 1 and written.events >= 10
    assert "CONTRADICTION" not in html or "contradiction" in html  # kinds are shown in words
    assert re.search(r'class="grade">[A-F][1-6]<', html)  # each finding carries its Admiralty grade


def test_html_report_needs_nothing_from_outside(html_report):
    _, html = html_report
    assert "<script" not in html.lower()
    assert "<link" not in html.lower()
    sources = re.findall(r'\bsrc="([^"]*)"', html)
    assert sources and all(s.startswith("data:image/svg+xml;base64,") for s in sources)
    assert "url(" not in html  # no stylesheet fetch either
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy and "default-src 'none'" in unescape(policy.group(1))


def test_each_chart_is_an_svg_naming_its_indicator(html_report):
    _, html = html_report
    charts = re.findall(r'src="data:image/svg\+xml;base64,([^"]*)" alt="Chart: ([^,"]*)', html)
    assert {name for _, name in charts} >= {
        "Shahed output per month at Alabuga",
        "North Korean soldiers in Russia",
    }
    for encoded, _ in charts:
        root = ElementTree.fromstring(base64.b64decode(encoded))
        assert root.tag.endswith("svg")


def test_article_markup_is_shown_as_text(html_report):
    _, html = html_report
    assert "&lt;script&gt;document.body.setAttribute(" in html
    assert "&lt;img src=x onerror=" in html
    assert "<img src=x" not in html and 'onerror="document' not in html


def test_markdown_report_escapes_text_and_writes_its_charts(example_store, tmp_path):
    path = tmp_path / "brief.md"
    written = _report(example_store, "md", path)
    text = path.read_text(encoding="utf-8")
    for heading in ("## Findings", "## Key figures", "## Indicators", "## Timeline", "## Sources"):
        assert heading in text
    charts = [p for p in written.files if p.suffix == ".svg"]
    assert charts and all(p.parent == tmp_path / "brief-charts" for p in charts)
    for chart in charts:
        assert f"](brief-charts/{chart.name})" in text
        assert ElementTree.parse(chart).getroot().tag.endswith("svg")
    assert "&lt;script&gt;" in text and "<script" not in text and "<img src=x" not in text


def test_since_marks_reports_published_since_and_only_them(example_store, tmp_path):
    from claimgraph.domains import default_pack_path, load_pack
    from claimgraph.views.report_data import ReportOptions, gather_report

    data = gather_report(example_store, load_pack(default_pack_path()), ReportOptions(since="2025-07"), TODAY)
    published = {d.published for d in data.new_documents}
    assert published and all(p >= "2025-07" for p in published)
    older = [s for s in data.sources if (s.document.published or "") < "2025-07"]
    assert older and not any(s.new for s in older)
    assert any(s.new for s in data.summary)  # a finding the new reports touch is marked


def test_entity_narrows_every_section_to_claims_naming_it(example_store):
    from claimgraph.domains import default_pack_path, load_pack
    from claimgraph.views.report_data import ReportOptions, gather_report

    pack = load_pack(default_pack_path())
    data = gather_report(example_store, pack, ReportOptions(entity="Alabuga"), TODAY)
    assert data.entity is not None and data.entity.id == "alabuga-special-economic-zone"
    whole = gather_report(example_store, pack, ReportOptions(), TODAY)
    assert 0 < data.claim_count < whole.claim_count
    for event in data.timeline:
        claim = event.quote.claim
        named = {claim.subject, claim.object, claim.place, claim.speaker, claim.via, *claim.entities}
        assert data.entity.id in named
    assert {i.name for i in data.indicators} <= {i.name for i in whole.indicators}


def test_bad_options_are_named(example_store, tmp_path):
    from claimgraph.views.report_data import ReportError

    with pytest.raises(ReportError, match="Narnia"):
        _report(example_store, "html", tmp_path / "x.html", entity="Narnia")
    with pytest.raises(ReportError, match="'last week'"):
        _report(example_store, "html", tmp_path / "x.html", since="last week")
    with pytest.raises(ReportError, match="'pdf'"):
        _report(example_store, "pdf", tmp_path / "x.pdf")
    assert not (tmp_path / "x.html").exists()


def test_report_command_writes_the_file(example_store, tmp_path, monkeypatch):
    from claimgraph.cli import app

    monkeypatch.setattr("claimgraph.cli.Options.engine", lambda self: example_store)
    out = tmp_path / "out" / "brief.html"
    result = CliRunner().invoke(app, ["report", "--format", "html", "--since", "2025-07-01", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "wrote" in result.output and "new since 2025-07-01" in result.output
    bad = CliRunner().invoke(app, ["report", "--entity", "Narnia", "-o", str(tmp_path / "y.html")])
    assert bad.exit_code == 2 and "Narnia" in bad.output


def _group(key: str, grade: Grade | None, claim_id: str) -> ClaimGroup:
    return ClaimGroup(id=key, key=key, claim_ids=(claim_id,), grade=grade)


def _filed(claim_id: str, when: str) -> Membership:
    return Membership(claim_id, "d", claim_id, None, "", Origin("o", "o", ""), when, 1)


def test_groups_rank_by_grade_then_recency():
    from claimgraph.views.report_rank import rank_groups

    groups = [
        _group("old confirmed", Grade("B", 1, ""), "c1"),
        _group("doubtful", Grade("A", 4, ""), "c2"),
        _group("new confirmed", Grade("B", 1, ""), "c3"),
        _group("confirmed by a worse source", Grade("C", 1, ""), "c4"),
        _group("ungraded", None, "c5"),
    ]
    filed = {
        "c1": _filed("c1", "2024-01"),
        "c2": _filed("c2", "2025-09"),
        "c3": _filed("c3", "2025-03"),
        "c4": _filed("c4", "2025-08"),
        "c5": _filed("c5", "2025-10"),
    }
    assert [g.key for g in rank_groups(groups, filed)] == [
        "new confirmed",
        "old confirmed",
        "confirmed by a worse source",
        "doubtful",
        "ungraded",
    ]


def _point(
    when: str | None, low: float, high: float, modality: Modality = Modality.REPORTED
) -> IndicatorPoint:
    return IndicatorPoint(f"c{low}", f"doc{low}", low, high, when, modality)


def test_indicator_chart_is_a_pure_function_of_its_indicator():
    from claimgraph.views.charts import indicator_chart

    indicator = Indicator(
        "Widgets per month",
        "widget",
        "month",
        (
            _point("2025-01", 100, 100),
            _point("2025-03-15", 120, 160, Modality.ESTIMATED),
            _point("2025", 300, 300, Modality.TARGET),
            _point(None, 90, 90),
        ),
    )
    svg = indicator_chart(indicator, {"doc100": "Outlet <One>"})
    assert svg == indicator_chart(indicator, {"doc100": "Outlet <One>"})  # the same data draws the same bytes
    root = ElementTree.fromstring(svg)  # valid XML: a label's markup is escaped by the SVG writer
    assert root.tag.endswith("svg")
    png = indicator_chart(indicator, image_format="png")
    assert png.startswith(b"\x89PNG")
    with pytest.raises(ValueError, match="'gif'"):
        indicator_chart(indicator, image_format="gif")


def test_period_of_reads_day_month_and_year():
    from claimgraph.views.charts import period_of

    assert period_of("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_of("2025") == (date(2025, 1, 1), date(2025, 12, 31))
    assert period_of("2025-12") == (date(2025, 12, 1), date(2025, 12, 31))
    assert period_of("2025-03-04") == (date(2025, 3, 4), date(2025, 3, 4))
    assert period_of("P4Y") is None and period_of(None) is None


def test_markdown_escaping_keeps_text_as_text():
    from claimgraph.views.report_md import md

    assert md("<script>x</script> | *bold* [link](javascript:x)\n# heading") == (
        "&lt;script&gt;x&lt;/script&gt; \\| \\*bold\\* \\[link\\](javascript:x) # heading"
    )


def test_only_web_addresses_become_links():
    from claimgraph.views.report_html import safe_href

    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_href("javascript:alert(1)") is None
    assert safe_href("data:text/html,<b>x</b>") is None
    assert safe_href("inbox/report.html") is None


def test_the_package_ships_its_template():
    from importlib import resources

    template = resources.files("claimgraph.views") / "templates" / "report.html.j2"
    assert Path(str(template)).is_file()
