"""A state's offices named by office ("the Foreign Ministry") become that state's body."""

from __future__ import annotations

import pytest

from claimgraph.annotate.bodies import office_key
from claimgraph.records import Document


def entities_of(context, body: str) -> dict[str, str]:
    from claimgraph.pipeline import analyse_document

    analysis = analyse_document(Document(id="b", source="b.txt", body=body), context)
    return {m.text: m.entity_id for m in analysis.mentions}


def test_office_names_share_a_key_whatever_their_wording() -> None:
    assert office_key("Ministry of Foreign Affairs") == office_key("Foreign Ministry") == "foreign ministry"
    assert office_key("Ministry of Defense") == office_key("Defence Ministry")
    assert office_key("Ministry of Defence of Ruritania") is None  # a name of its own words


@pytest.mark.parametrize(
    "body",
    [
        "Japan's Foreign Ministry said on Monday that talks would resume.",
        "The Japanese Ministry of Foreign Affairs said on Monday that talks would resume.",
    ],
)
def test_a_states_office_is_one_body_of_that_state(context, body) -> None:
    ids = set(entities_of(context, body).values())
    assert "japan-foreign-ministry" in ids


def test_an_office_with_no_state_beside_it_is_no_states_body(context) -> None:
    ids = set(
        entities_of(
            context, "The Ministry of Foreign Affairs said on Monday that talks would resume."
        ).values()
    )
    assert ids == {"ministry-of-foreign-affairs"}


def test_one_states_office_across_wordings_and_reports_is_one_entity(context) -> None:
    first = entities_of(context, "The figure was confirmed by the UK Ministry of Defense on Friday.")
    second = entities_of(context, "Britain's Defence Ministry repeated the figure on Saturday.")
    assert first["Ministry of Defense"] == second["Defence Ministry"] == "united-kingdom-defence-ministry"
