"""The app factory: `create_app(engine, config)` builds the API and the web UI over one store.

Nothing is built at import time: the store, the domain pack and the language model come in
through the factory (the model only on the first ingest, when a token allows one).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import Engine

from claimgraph.domains import DomainPack
from claimgraph.reconcile import track_indicators
from claimgraph.records import Indicator
from claimgraph.store import browse
from claimgraph.views.text import source_label
from claimgraph.web.security import GuardMiddleware

log = logging.getLogger("claimgraph.web")
MAX_BODY = 6_000_000  # bytes: a report over the reader's 5 MB limit, JSON-escaped, is refused before
# Indicator charts are drawn from the figures of the latest reports: tracking costs a pass over
# each figure, and a chart of a story's recent course needs no more.
INDICATOR_FIGURES = 5_000
STATIC = {"style.css": "text/css", "app.js": "text/javascript", "favicon.svg": "image/svg+xml"}


@dataclass(frozen=True, slots=True)
class WebConfig:
    """How the server runs: the bearer token that allows writes (None: read-only), the body limit."""

    token: str | None = None
    max_body: int = MAX_BODY


@dataclass(slots=True)
class WebState:
    """What routes share: the store, the pack, the templates, and what is cached between requests."""

    engine: Engine
    pack: DomainPack
    config: WebConfig
    templates: Environment
    make_context: Callable[[], Any]
    context: Any = None
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    _cache: dict[str, tuple[int, Any]] = field(default_factory=dict)

    def pipeline_context(self) -> Any:
        """The language model and pack for ingest, loaded on first use."""
        with self.ingest_lock:
            if self.context is None:
                self.context = self.make_context()
        return self.context

    def indicators(self) -> list[Indicator]:
        """The pack's indicators over the latest figures reported (see ``INDICATOR_FIGURES``)."""

        def track() -> list[Indicator]:
            claims = browse.latest_figures(self.engine, INDICATOR_FIGURES)
            documents = browse.documents_by_id(self.engine, {c.document_id for c in claims})
            return track_indicators(self.pack.indicators, claims, documents, self.pack.vocabulary)

        return self.cached("indicators", track)

    def cached(self, name: str, compute: Callable[[], Any]) -> Any:
        """What ``compute`` returns, computed again only once a report has been stored since:
        for what depends on reports alone (their claims and mentions), not on reconcile's groups."""
        newest = browse.newest_seq(self.engine)
        held = self._cache.get(name)
        if held is None or held[0] != newest:
            held = self._cache[name] = (newest, compute())
        return held[1]


def create_app(
    engine: Engine,
    pack: DomainPack,
    config: WebConfig = WebConfig(),
    make_context: Callable[[], Any] | None = None,
) -> FastAPI:
    """The FastAPI app over one store: REST API under /api, pages elsewhere."""
    from claimgraph.web import api, ingest, pages
    from claimgraph.web.shape import link

    app = FastAPI(
        title="claimgraph",
        summary="Sourced, cross-checked claims from news reports: read the store, and ingest with a token.",
        version="0.1.0",
        docs_url=None,  # FastAPI's docs page loads its script from a CDN; /api/docs is ours
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    templates = Environment(
        loader=PackageLoader("claimgraph.web", "templates"),
        autoescape=select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.globals.update(link=link, label=source_label)
    app.state.web = WebState(engine, pack, config, templates, make_context or _default_context)
    app.add_middleware(GuardMiddleware, max_body=config.max_body)
    app.include_router(api.router)
    app.include_router(ingest.router)
    app.include_router(pages.router)
    assets = {
        name: resources.files("claimgraph.web").joinpath("static", name).read_bytes() for name in STATIC
    }

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        # Looked up among the bundled assets by name: a request never names a file to open.
        if name not in assets:
            raise HTTPException(404, f"no asset named {name!r}")
        return Response(assets[name], media_type=STATIC[name], headers={"cache-control": "max-age=3600"})

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return error_response(request, error.status_code, str(error.detail), getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        problems = [f"{_where(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in error.errors()]
        return error_response(request, 422, "; ".join(problems) or "invalid request")

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        return error_response(request, 500, "internal error: the server log has the details")

    return app


def _where(location: tuple) -> str:
    """A parameter's name as the client wrote it ("query.limit" → "limit"; the body's own fields by name)."""
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "request"


def error_response(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    """JSON for the API (and anything not a page); a page saying what went wrong for the UI."""
    if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
        body = {"error": {"status": status, "message": message}}
        return JSONResponse(body, status_code=status, headers=headers)
    state: WebState = request.app.state.web
    page = state.templates.get_template("error.html").render(
        status=status, message=message, path=request.url.path
    )
    return HTMLResponse(page, status_code=status, headers=headers)


def _default_context() -> Any:
    from claimgraph.pipeline import make_context

    return make_context()
