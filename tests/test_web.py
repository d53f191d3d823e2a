"""The web API and pages over a store of the example corpus: reads, paging, search, writes, security."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from claimgraph.store.search import published_between, search_terms
from claimgraph.web.highlight import Span, segments
from claimgraph.web.security import CONTENT_SECURITY_POLICY
from tests.web_support import TOKEN, make_app

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(examples_only_store, context):
    return TestClient(make_app(examples_only_store, context))


def test_every_list_pages_and_the_pages_cover_the_list_once(client):
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/claims", params={"limit": 7, "offset": offset}).json()
        assert len(page["items"]) <= 7
        seen += [c["id"] for c in page["items"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) > 50
    everything = client.get("/api/claims", params={"limit": 200}).json()
    assert [c["id"] for c in everything["items"]] == seen and everything["next_offset"] is None


def test_search_finds_every_word_newest_first_and_filters_by_entity_and_date(client):
    found = client.get("/api/search", params={"q": "Alabuga drones"}).json()
    documents = found["documents"]["items"]
    assert documents, "the example corpus speaks of Alabuga"
    for document in documents:
        text = (document["title"] or "") + document["body"]
        assert "alabuga" in text.lower() and "drone" in text.lower()
    claims = found["claims"]["items"]
    assert claims and all("alabuga" in c["text"].lower() for c in claims)
    early = client.get("/api/search", params={"q": "Alabuga", "date_to": "2025-03-31"}).json()
    dates = [d["published"] for d in early["documents"]["items"]]
    assert dates and all(d <= "2025-03-31" for d in dates) and len(dates) < len(documents)
    by_nis = client.get("/api/search", params={"q": "troops", "entity": "NIS", "in": "claims"}).json()
    assert by_nis["documents"] is None
    assert all(
        "national-intelligence-service" in c["entities"] + [c["subject"], c["speaker"]]
        for c in by_nis["claims"]["items"]
    )


@pytest.mark.parametrize(
    "query", ['"', "Alabuga AND (", "*", "NEAR(a b)", "-drones", "'; DROP TABLE claims; --"]
)
def test_search_syntax_in_a_query_is_read_as_words_never_as_a_query_language(client, query):
    response = client.get("/api/search", params={"q": query})
    assert response.status_code == 200, response.text
    assert client.get("/search", params={"q": query}, headers=HTML).status_code == 200


def test_a_write_needs_the_operators_token(examples_only_store, context):
    client = TestClient(make_app(examples_only_store, context))
    body = {"text": "A short report."}
    assert client.post("/api/ingest", json=body).status_code == 401
    wrong = client.post("/api/ingest", json=body, headers={"authorization": "Bearer not-the-token"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert "token" in wrong.json()["error"]["message"]
    read_only = TestClient(make_app(examples_only_store, context, token=None))
    refused = read_only.post("/api/ingest", json=body, headers={"authorization": f"Bearer {TOKEN}"})
    assert refused.status_code == 403 and "read-only" in refused.json()["error"]["message"]


def test_an_oversized_body_is_refused_with_413_declared_or_streamed(examples_only_store):
    client = TestClient(make_app(examples_only_store, max_body=1_000))
    auth = {"authorization": f"Bearer {TOKEN}"}
    declared = client.post("/api/ingest", json={"text": "x" * 5_000}, headers=auth)
    assert declared.status_code == 413 and "limit" in declared.json()["error"]["message"]

    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}'

    streamed = client.post(
        "/api/ingest", content=chunks(), headers={**auth, "content-type": "application/json"}
    )
    assert streamed.status_code == 413


def test_a_report_with_markup_in_its_text_is_shown_as_text(store_engine, context):
    client = TestClient(make_app(store_engine, context))
    text = (
        "Officials in Kyiv said on Monday that <script>alert('stolen')</script> Russia received 40 more "
        "Shahed drones from Iran in May 2025, according to a report by the Defence Intelligence of Ukraine. "
        "The agency said <img src=x onerror=alert(1)> the drones were delivered by sea."
    )
    posted = client.post(
        "/api/ingest",
        json={"text": text, "title": "Drones <b>delivered</b>", "published": "2025-06-02"},
        headers={"authorization": f"Bearer {TOKEN}"},
    )
    assert posted.status_code == 200, posted.text
    result = posted.json()
    assert result["ingested"] and not result["rejected"]
    found = client.get("/api/search", params={"q": "delivered by sea"}).json()["documents"]["items"]
    assert found, "the posted report is stored and searchable"
    page = client.get(f"/documents/{found[0]['id']}", headers=HTML).text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>delivered" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/app.js" defer>']
    search = client.get("/search", params={"q": "Officials Kyiv Monday"}, headers=HTML).text
    assert "<script>alert" not in search and "&lt;script&gt;" in search


def test_ingest_takes_one_source_and_never_a_path(client):
    auth = {"authorization": f"Bearer {TOKEN}"}
    for body in (
        {"url": "/etc/passwd"},
        {"url": "file:///etc/passwd"},
        {},
        {"text": "a", "html": "<p>b</p>"},
    ):
        response = client.post("/api/ingest", json=body, headers=auth)
        assert response.status_code == 422, body
        assert response.json()["error"]["message"]


def test_errors_are_json_and_name_what_was_wrong(client):
    missing = client.get("/api/documents/no-such-document")
    assert missing.status_code == 404 and "no-such-document" in missing.json()["error"]["message"]
    bad = client.get("/api/claims", params={"limit": 0})
    assert bad.status_code == 422 and "limit" in bad.json()["error"]["message"]
    unknown = client.get("/api/documents", params={"entity": "Atlantis"})
    assert unknown.status_code == 404 and "Atlantis" in unknown.json()["error"]["message"]
    nul = client.get("/api/claims", params={"modality": "a\x00b"})
    assert nul.status_code == 422 and "NUL" in nul.json()["error"]["message"]


def test_every_response_carries_the_content_security_policy(client):
    for path in ("/", "/api/documents", "/api/nowhere", "/static/style.css"):
        response = client.get(path, headers=HTML)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY


def test_assets_are_looked_up_by_name_never_opened_as_paths(client):
    assert client.get("/static/style.css").status_code == 200
    for name in ("..%2F..%2Fpyproject.toml", "%2Fetc%2Fpasswd", "templates%2Fbase.html", "missing.css"):
        assert client.get(f"/static/{name}").status_code == 404


def test_pages_read_the_store(client):
    assert "Latest findings" in client.get("/", headers=HTML).text
    contradictions = client.get("/api/findings", params={"kind": "contradiction"}).json()["items"]
    assert contradictions and all(
        any(f["kind"] == "contradiction" for f in g["findings"]) for g in contradictions
    )
    group = client.get(f"/groups/{contradictions[0]['id']}", headers=HTML).text
    assert group.count('class="source"') >= 2 and "Grade and reasoning" in group
    timeline = client.get("/api/timeline", params={"entity": "North Korea"}).json()["items"]
    dates = [t["date"] for t in timeline]
    assert dates and dates == sorted(dates, reverse=True)
    page = client.get("/entities/north-korea", headers=HTML).text
    assert 'id="timeline"' in page and dates[0] in page
    assert client.get("/entities/nowhere", headers=HTML).status_code == 404


def test_the_api_reference_is_served_without_a_cdn(client):
    page = client.get("/api/docs", headers=HTML).text
    assert "/api/search" in page and "/api/ingest" in page
    assert "cdn" not in page.lower() and "http://" not in page and "https://" not in page
    assert client.get("/api/openapi.json").json()["paths"]["/api/search"]


def test_segments_cut_at_every_boundary_and_keep_nested_kinds():
    text = "about 2,000 drones in May"
    spans = [Span(100, 125, "claim"), Span(100, 118, "quantity", "about 2,000 drone"), Span(122, 125, "time")]
    cut = segments(text, spans, offset=100)
    assert "".join(s.text for s in cut) == text
    assert [(s.text, s.kinds) for s in cut] == [
        ("about 2,000 drones", ("claim", "quantity")),
        (" in ", ("claim",)),
        ("May", ("claim", "time")),
    ]


def test_a_month_or_year_is_kept_when_its_span_meets_the_dates_asked():
    from sqlalchemy import column, create_engine, literal, select

    published = column("p")
    for value, date_from, date_to, kept in [
        ("2025-03", "2025-03-15", "2025-04-01", True),
        ("2025-03", "2025-04-01", None, False),
        ("2025", None, "2025-01-10", True),
        ("2025-03-18", "2025-03-19", None, False),
        ("2024-12-31", None, "2024-12-31", True),
    ]:
        conditions = published_between(published, date_from, date_to)
        query = (
            select(literal(1)).select_from(select(literal(value).label("p")).subquery()).where(*conditions)
        )
        with create_engine("sqlite://").connect() as conn:
            assert (conn.execute(query).first() is not None) == kept, (value, date_from, date_to)


def test_search_terms_are_words_only():
    assert search_terms('Alabuga AND ("drones" OR -Shahed*)') == ["alabuga", "and", "drones", "or", "shahed"]


def test_serve_binds_to_this_machine_and_is_read_only_without_a_token(monkeypatch, tmp_path):
    import uvicorn
    from typer.testing import CliRunner

    from claimgraph.cli import app

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda web, **options: served.update(app=web, **options))
    monkeypatch.delenv("CLAIMGRAPH_API_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "s.db"), "serve"])
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert served["app"].state.web.config.token is None and "read-only" in result.output
    monkeypatch.setenv("CLAIMGRAPH_API_TOKEN", "s3cret")
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "s.db"), "serve", "--port", "8123"])
    assert served["port"] == 8123 and served["app"].state.web.config.token == "s3cret"
    assert "s3cret" not in result.output
