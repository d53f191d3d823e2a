"""The report as Markdown, with each indicator's chart as an SVG file beside it.

Article text is escaped for Markdown and for the HTML most Markdown renderers let through:
``<`` and ``&`` become entities, Markdown's own punctuation is backslashed, and line breaks
become spaces so a sentence cannot open a heading, a list or a new table row.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from claimgraph.domains.check import slugify
from claimgraph.figures import format_range
from claimgraph.views.charts import FIRMNESS, indicator_chart
from claimgraph.views.report_data import ReportData
from claimgraph.views.report_html import safe_href
from claimgraph.views.report_rank import Quote, grade_words

# Inline text can only open emphasis, code, a link or a table cell: those marks are backslashed.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")


def md(value: object) -> str:
    """Text from an article or a user, shown as text by any Markdown renderer."""
    text = " ".join(("" if value is None else str(value)).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def render_markdown(data: ReportData, chart_folder: str) -> tuple[str, dict[str, bytes]]:
    """The report's Markdown, and its chart files by path relative to it (under ``chart_folder``)."""
    refs = {row.document.id: f"S{n}" for n, row in enumerate(data.sources, 1)}
    cite = _citer(refs)
    lines: list[str] = [f"# Briefing{': ' + md(data.entity.name) if data.entity else ''}", ""]
    scope = f" naming {md(data.entity.name)}" if data.entity else ""
    lines += [
        f"{len(data.documents)} reports stored · {data.claim_count} claims{scope} · "
        f"{len(data.summary)} claim groups with findings · domain {md(data.pack_name)} · "
        f"made {data.generated} by claimgraph",
        "",
    ]
    if data.options.since:
        lines += _new_since(data, refs)
    lines += ["## Findings", "", "Ranked by grade (most credible first), then by how recent.", ""]
    for n, s in enumerate(data.summary, 1):
        kinds = ", ".join(dict.fromkeys(str(f.kind) for f in s.findings))
        new = " **NEW**" if s.new else ""
        lines.append(
            f"{n}. **{md(s.group.key)}** ({kinds}){new} — grade `{s.group.grade or '–'}` "
            f"{md(grade_words(s.group.grade))} · {s.reports} reports · latest {s.latest or 'undated'}"
        )
        if s.lead is not None:
            lines.append(f"   > “{md(s.lead.claim.text)}” {cite(s.lead)}")
        lines += [f"   - {f.kind}: {md(f.reason)}" for f in s.findings]
        lines.append("")
    if not data.summary:
        lines += ["No findings yet.", ""]
    lines += _figures(data)
    files: dict[str, bytes] = {}
    lines += _indicators(data, chart_folder, files, refs)
    lines += ["## Timeline", "", "| date | event | report |", "| --- | --- | --- |"]
    for event in data.timeline:
        lines.append(f"| {event.date} | “{md(event.quote.claim.text)}” | {cite(event.quote)} |")
    lines += ["", "## Contradictions and tensions", ""]
    for d in data.disputes:
        new = " **NEW**" if d.new else ""
        lines += [f"### {d.finding.kind}: {md(d.group.key)}{new}", "", f"Why: {md(d.finding.reason)}", ""]
        for side in d.sides:
            lines.append(f"- **{md(side.label)}**")
            lines += [f"  > “{md(q.claim.text)}” {cite(q)}" for q in side.quotes]
        lines.append("")
    if not data.disputes:
        lines += ["No contradiction or tension found.", ""]
    lines += _sources(data, refs)
    return "\n".join(lines) + "\n", files


def _citer(refs: Mapping[str, str]):
    def cite(q: Quote) -> str:
        ref = refs.get(q.claim.document_id, "")
        href = safe_href(q.document.source if q.document else None)
        label = f"[{md(q.label)}]({href})" if href else md(q.label)
        parts = [f"{ref} {label}".strip()]
        if q.document and q.document.published:
            parts.append(f"published {q.document.published}")
        if q.origin:
            parts.append(f"origin {md(q.origin)}")
        parts.append("opinion" if q.claim.opinion else str(q.claim.modality))
        if q.also:
            parts.append("also in " + md("; ".join(q.also)))
        return "— " + " · ".join(parts) + (" **NEW**" if q.new else "")

    return cite


def _new_since(data: ReportData, refs: Mapping[str, str]) -> list[str]:
    lines = [f"## New since {data.options.since}", ""]
    if not data.new_documents:
        return [*lines, f"No report published since {data.options.since}.", ""]
    for d in data.new_documents:
        title = f": {md(d.title)}" if d.title else ""
        lines.append(f"- {refs.get(d.id, '')} {md(data.labels[d.id])}, {d.published or 'undated'}{title}")
    touched = [s for s in data.summary if s.new]
    if touched:
        lines += ["", "Findings they touch:", ""]
        lines += [f"- {md(s.group.key)} (grade `{s.group.grade or '–'}`)" for s in touched]
    return [*lines, ""]


def _figures(data: ReportData) -> list[str]:
    lines = [
        "## Key figures",
        "",
        "| about | range | values reported | grade | sources | latest |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in (r for r in data.figures if not r.single):
        new = " **NEW**" if row.new else ""
        lines.append(
            f"| {md(row.what)}{new} | {md(row.span)} | {md('; '.join(row.values))} | `{row.grade or '–'}` | "
            f"{md('; '.join(label for _, label in row.sources))} | {row.latest or 'undated'} |"
        )
    single = [r for r in data.figures if r.single]
    if single:
        lines += ["", "Figures from single reports, not graded against others:", ""]
        lines += ["| sentence | figure | report | date |", "| --- | --- | --- | --- |"]
        for row in single:
            new = " **NEW**" if row.new else ""
            sources = md("; ".join(label for _, label in row.sources))
            lines.append(
                f"| “{md(row.example.claim.text)}”{new} | {md('; '.join(row.values))} | {sources} | "
                f"{row.latest or 'undated'} |"
            )
    return [*lines, ""]


def _indicators(data: ReportData, folder: str, files: dict[str, bytes], refs: Mapping[str, str]) -> list[str]:
    lines = ["## Indicators", ""]
    for indicator in data.indicators:
        lines += [f"### {md(indicator.name)}", ""]
        if any(p.date for p in indicator.points):
            name = f"{folder}/{slugify(indicator.name) or 'indicator'}.svg"
            files[name] = indicator_chart(indicator, data.labels)
            lines += [f"![{md(indicator.name)}]({name})", ""]
        if not indicator.points:
            lines += ["No reported value yet.", ""]
            continue
        lines += ["| date | value | how firm | report |", "| --- | --- | --- | --- |"]
        for p in indicator.points:
            value = format_range(p.low, p.high, indicator.unit)
            label = data.labels.get(p.document_id, p.document_id[:12])
            firm = f"{FIRMNESS.get(p.modality, p.modality)} ({p.modality})"
            lines.append(
                f"| {p.date or 'undated'} | {value} | {firm} | {refs.get(p.document_id, '')} {md(label)} |"
            )
        lines.append("")
    return lines


def _sources(data: ReportData, refs: Mapping[str, str]) -> list[str]:
    lines = [
        "## Sources",
        "",
        "| ref | report | reliability | published | title | credits | claims |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for s in data.sources:
        href = safe_href(s.document.source)
        label = f"[{md(s.label)}]({href})" if href else md(s.label)
        new = " **NEW**" if s.new else ""
        lines.append(
            f"| {refs[s.document.id]} | {label}{new} | `{s.reliability}` {md(s.rationale)} | "
            f"{s.document.published or 'undated'} | {md(s.document.title)} | "
            f"{md(s.document.original_source)} | {s.claims} |"
        )
    lines += [
        "",
        "### Origins",
        "",
        "| origin | reliability | claims | reports |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {md(o.label)} | `{o.reliability}` {md(o.rationale)} | {o.claims} | {o.reports} |"
        for o in data.origins
    ]
    return [*lines, ""]
