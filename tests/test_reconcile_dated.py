"""Dates of one-off acts: a date that marks an anniversary dates the commemoration, not the act.
Sentences of our own."""

from __future__ import annotations

from claimgraph.reconcile import propose
from tests.test_reconcile import ENTITIES, PACK, claim, doc


def test_a_date_marking_an_anniversary_is_not_the_date_of_the_act_it_marks():
    a = doc("a", "2025-06-23")
    treaty = {"entities": ("treaty",), "object": "treaty"}
    marked = claim(a, "On Saturday the leaders toasted the second anniversary of the treaty signed there.",
                   when="2025-06-21", when_text="Saturday", predicate="toast", **treaty)  # fmt: skip
    assert propose(marked, ENTITIES, PACK) is None
    signed = claim(a, "On Saturday the two leaders signed the treaty in the capital.", when="2025-06-21",
                   when_text="Saturday", predicate="sign", **treaty)  # fmt: skip
    dated = propose(signed, ENTITIES, PACK)
    assert dated is not None and dated.kind == "date" and dated.date == "2025-06-21"
