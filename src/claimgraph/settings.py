"""Every setting once: its name, default, environment variable and help."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str | None
    help: str


DB = Setting("db", "CLAIMGRAPH_DB", "claimgraph.db", "Store: an SQLite file path or an SQLAlchemy URL.")
DOMAIN = Setting(
    "domain",
    "CLAIMGRAPH_DOMAIN",
    None,
    "Domain pack YAML file (default: the shipped Russia–DPRK–Iran pack).",
)
TOKEN = Setting(
    "token",
    "CLAIMGRAPH_API_TOKEN",
    None,
    "`claimgraph serve`: the bearer token that allows POST /api/ingest (none: the server is read-only).",
)
SETTINGS = (DB, DOMAIN, TOKEN)
