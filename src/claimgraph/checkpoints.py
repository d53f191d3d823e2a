"""Named points of a run where a test can freeze the process, to kill it exactly there.

With ``CLAIMGRAPH_STOP_AT=NAME:N`` in its environment, a process stops itself (SIGSTOP) the
N-th time it reaches the point NAME; a test waits until it is stopped, then kills it with
SIGKILL. So a kill lands at a known point without racing a clock. Unset, as outside tests,
reaching a point costs one dictionary lookup. The points are listed in POINTS.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import Counter

STOP_AT = "CLAIMGRAPH_STOP_AT"
POINTS = (
    "document-saved",  # a document written inside its batch's transaction, not yet committed
    "batch-committed",  # a batch committed, not yet reconciled
    "reconcile-filed",  # a reconcile pass computed, not yet saved
    "chunk-analysed",  # a worker (process pool or Dask) analysed a chunk, not yet returned it
)
_reached: Counter[str] = Counter()


def reached(name: str) -> None:
    """Count a pass through the point ``name``; stop here when CLAIMGRAPH_STOP_AT asks for it."""
    wanted = os.environ.get(STOP_AT)
    if not wanted:
        return
    point, _, nth = wanted.partition(":")
    if point != name:
        return
    _reached[name] += 1
    if _reached[name] == int(nth or 1) and hasattr(signal, "SIGSTOP"):
        sys.stderr.write(f"claimgraph: stopped at {name} #{_reached[name]} ({STOP_AT})\n")
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGSTOP)
