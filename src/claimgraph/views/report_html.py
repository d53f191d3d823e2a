"""The report as one self-contained HTML file: styles inline, charts embedded, no script, no fetch.

Article text is hostile: Jinja2 escapes every value (autoescape), sentence highlights are built
from escaped pieces, links go out only to http(s) addresses, and a Content-Security-Policy
forbids scripts and any load but the embedded images, so a slip in escaping still runs nothing.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from claimgraph.figures import format_range
from claimgraph.records import Claim, Indicator
from claimgraph.views.charts import FIRMNESS, indicator_chart
from claimgraph.views.report_data import ReportData
from claimgraph.views.report_rank import CREDIBILITY, Quote, grade_words, kinds_by_urgency

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)


def render_html(data: ReportData) -> str:
    """The whole report as an HTML document."""
    environment = Environment(
        loader=PackageLoader("claimgraph.views", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        sentence=sentence_html,
        grade=grade_words,
        amount=format_range,
        anchor=document_anchor,
        firmness=lambda modality: FIRMNESS.get(modality, str(modality)),
        kinds=kinds_by_urgency,
    )
    environment.globals.update(safe_href=safe_href, credibility=CREDIBILITY)
    template = environment.get_template("report.html.j2")
    charts = [chart_figure(i, data.labels) for i in data.indicators]
    return template.render(data=data, charts=charts, csp=CONTENT_SECURITY_POLICY)


def chart_figure(indicator: Indicator, labels: Mapping[str, str]) -> dict:
    """An indicator's chart as a data URI (an image: an SVG loaded by <img> runs nothing), with its rows."""
    dated = sum(1 for p in indicator.points if p.date)
    svg = indicator_chart(indicator, labels) if dated else None
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii") if svg else None
    latest = next((p for p in reversed(indicator.points) if p.date), None)  # points come in date order
    return {"indicator": indicator, "uri": uri, "dated": dated, "latest": latest}


def sentence_html(quote: Quote) -> Markup:
    """The claim's sentence, escaped, with its figure and its time marked."""
    claim: Claim = quote.claim
    text = claim.text
    lead = len(text) - len(text.lstrip())
    spans = []
    if claim.quantity is not None:
        spans.append((claim.quantity.start, claim.quantity.end, "figure"))
    if claim.time is not None:
        spans.append((claim.time.start, claim.time.end, "time"))
    pieces: list[Markup] = []
    cursor = claim.start + lead
    end_of_sentence = claim.start + len(text.rstrip())
    for start, end, kind in sorted(spans):
        if start < cursor or end > end_of_sentence:
            continue  # a span outside the sentence, or overlapping one already marked
        pieces.append(escape(text[cursor - claim.start : start - claim.start]))
        pieces.append(
            Markup('<mark class="{}">{}</mark>').format(kind, text[start - claim.start : end - claim.start])
        )
        cursor = end
    pieces.append(escape(text[cursor - claim.start : end_of_sentence - claim.start]))
    return Markup("").join(pieces)


def document_anchor(document_id: str) -> str:
    """The id of a report's entry in the sources section (document ids are hex digests)."""
    return "doc-" + "".join(ch for ch in document_id if ch.isalnum())[:16]


def safe_href(address: str | None) -> str | None:
    """An address worth linking to: http(s) only, so a 'javascript:' source never becomes a link."""
    if not address:
        return None
    parts = urlsplit(address.strip())
    return address.strip() if parts.scheme in ("http", "https") and parts.netloc else None
