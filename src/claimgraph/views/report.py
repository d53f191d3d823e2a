"""`claimgraph report`: a briefing an analyst can hand on, as one HTML file or as Markdown.

The HTML file is self-contained (styles inline, charts embedded as images, no script); the
Markdown file has its charts as SVG files in a folder beside it, named after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import Engine

from claimgraph.domains import DomainPack
from claimgraph.views.report_data import ReportData, ReportError, ReportOptions, gather_report

REPORT_FORMATS = ("html", "md")

__all__ = ["REPORT_FORMATS", "ReportError", "ReportOptions", "WrittenReport", "write_report"]


@dataclass(frozen=True, slots=True)
class WrittenReport:
    """What was written, and how much it holds, for the command to say."""

    path: Path
    files: tuple[Path, ...]  # every file written, the report first
    findings: int
    charts: int
    events: int
    disputes: int
    new_reports: int


def render_report(data: ReportData, report_format: str, chart_folder: str = "charts") -> dict[str, bytes]:
    """The report's files by path relative to the report's folder; the report itself under ""."""
    if report_format == "html":
        from claimgraph.views.report_html import render_html

        return {"": render_html(data).encode("utf-8")}
    if report_format == "md":
        from claimgraph.views.report_md import render_markdown

        text, charts = render_markdown(data, chart_folder)
        return {"": text.encode("utf-8"), **charts}
    raise ReportError(f"--format {report_format!r}: one of {', '.join(REPORT_FORMATS)}")


def write_report(
    engine: Engine,
    pack: DomainPack,
    options: ReportOptions,
    report_format: str,
    path: Path,
    today: date | None = None,
) -> WrittenReport:
    """Gather the report from the store and write it to ``path`` (charts of a Markdown report
    go to ``<stem>-charts/`` beside it). ReportError names a bad option; OSError a bad path."""
    if report_format not in REPORT_FORMATS:
        raise ReportError(f"--format {report_format!r}: one of {', '.join(REPORT_FORMATS)}")
    data = gather_report(engine, pack, options, today or date.today())
    files = render_report(data, report_format, chart_folder=f"{path.stem}-charts")
    written = []
    for name, content in files.items():
        target = path if name == "" else path.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return WrittenReport(
        path=path,
        files=tuple(written),
        findings=len(data.summary),
        charts=sum(1 for i in data.indicators if any(p.date for p in i.points)),
        events=len(data.timeline),
        disputes=len(data.disputes),
        new_reports=len(data.new_documents),
    )
