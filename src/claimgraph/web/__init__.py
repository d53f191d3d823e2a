"""Web UI and REST API over the store (FastAPI): `create_app(engine, pack, config)`."""

from claimgraph.web.app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]
