"""POST /api/ingest: a report's text, HTML or URL through the pipeline, as `claimgraph ingest` does.

Writes need the operator's bearer token; a server started without one is read-only. What is
posted is wrapped as an input in memory: no value of the request is ever opened as a path.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, Field, model_validator

from claimgraph.read import Reader, ReadOptions
from claimgraph.read.web import is_url
from claimgraph.records import RawInput, Rejection
from claimgraph.web.app import WebState
from claimgraph.web.security import bearer_token, token_matches

router = APIRouter(prefix="/api", tags=["write"])
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Submission(BaseModel):
    """One report: exactly one of text, html or url, and what is known about it."""

    text: str | None = Field(None, description="The report as plain text.")
    html: str | None = Field(None, description="The report as an HTML page.")
    url: str | None = Field(None, max_length=2000, description="An http(s) URL of a page or feed to fetch.")
    title: str | None = Field(None, max_length=500)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(
        None, pattern=DATE, description="Publication date (ISO day, month or year)."
    )
    name: str | None = Field(None, max_length=200, description="A label for the report in listings.")

    @model_validator(mode="after")
    def one_source(self) -> Submission:
        given = [k for k in ("text", "html", "url") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError(f"give exactly one of text, html or url (got {', '.join(given) or 'none'})")
        if self.url is not None and not is_url(self.url):
            raise ValueError("url: only http:// and https:// URLs are fetched")
        for key in ("text", "html", "url", "title", "outlet", "name"):
            if "\x00" in (getattr(self, key) or ""):
                raise ValueError(f"{key}: contains a NUL character")
        return self


class RejectedInput(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    ingested: list[str]
    duplicates: list[str]
    near_duplicates: list[str]
    rejected: list[RejectedInput]
    groups: int


def writer(request: Request, authorization: Annotated[str | None, Header()] = None) -> WebState:
    """The shared state, once the request carries the operator's token."""
    web: WebState = request.app.state.web
    if web.config.token is None:
        raise HTTPException(403, "this server is read-only: it was started without an API token")
    if not token_matches(bearer_token(authorization), web.config.token):
        raise HTTPException(
            401,
            "a write needs the operator's token: Authorization: Bearer TOKEN",
            {"WWW-Authenticate": "Bearer"},
        )
    return web


@router.post(
    "/ingest",
    summary="Analyse and store one report (needs the bearer token)",
    responses={401: {"description": "No token or a wrong one"}, 403: {"description": "Read-only server"}},
)
def ingest(submission: Submission, web: Annotated[WebState, Depends(writer)]) -> IngestResult:
    from claimgraph.pipeline import ingest as run_ingest

    context = web.pipeline_context()
    if submission.url:
        sources, reader = [submission.url], Reader(ReadOptions())
    else:
        sources, reader = ["posted"], _Posted(raw_input(submission))
    with web.ingest_lock:  # one writer at a time: reconcile re-reads what the last one stored
        report = run_ingest(sources, web.engine, context, reader=reader)  # type: ignore[arg-type]
    return IngestResult(
        ingested=report.ingested,
        duplicates=report.duplicates,
        near_duplicates=[f"{link.source} copies {link.copies}" for link in report.near_duplicates],
        rejected=[RejectedInput(source=r.source, reason=r.reason) for r in report.rejected],
        groups=report.groups,
    )


def raw_input(submission: Submission) -> RawInput:
    content = (submission.text or submission.html or "").encode("utf-8")
    digest = hashlib.sha256(content).hexdigest()[:12]
    return RawInput(
        source=f"api:{submission.name or digest}",
        content=content,
        media_type="text/html" if submission.html else "text/plain",
        title=submission.title,
        outlet=submission.outlet,
        published=submission.published,
    )


class _Posted:
    """A reader of one posted report: what `pipeline.ingest` reads instead of files or URLs."""

    def __init__(self, raw: RawInput) -> None:
        self.raw = raw

    def inputs(self, _sources: Iterable[str]) -> Iterator[RawInput | Rejection]:
        yield self.raw
