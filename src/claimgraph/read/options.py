"""The limits every reader works within: one small options record, passed down."""

from __future__ import annotations

from dataclasses import dataclass

MAX_BYTES = 5_000_000  # a news report is far smaller; larger inputs are rejected, not read


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How much to read, how long to wait, and whether to follow feed entries to their pages."""

    max_bytes: int = MAX_BYTES  # one document, after decompression
    max_feed_bytes: int = 20_000_000  # a feed is parsed whole, so it has a cap of its own
    timeout: float = 20.0  # seconds, for connecting and for each read
    max_seconds: float = 60.0  # seconds one download may take in all, however the server trickles
    max_redirects: int = 5
    follow: bool = False  # fetch each feed entry's page instead of using the feed's own text
    user_agent: str = "claimgraph/0.1 (+https://pypi.org/project/claimgraph/)"
