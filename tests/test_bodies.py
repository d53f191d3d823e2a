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
    first = entities_of(context, "The figure was confirmed by the French Ministry of Defense on Friday.")
    second = entities_of(context, "France's Defence Ministry repeated the figure on Saturday.")
    assert first["Ministry of Defense"] == second["Defence Ministry"] == "france-defence-ministry"


def test_an_office_in_lower_case_beside_its_state_is_that_states_body(context) -> None:
    found = entities_of(
        context, "A spokesman for the Japanese foreign ministry declined to comment on Friday."
    )
    assert found.get("Japanese foreign ministry") == "japan-foreign-ministry"
    assert (
        "japan-foreign-ministry"
        not in entities_of(context, "Japanese service members left the base.").values()
    )


def test_an_office_written_with_of_and_its_state_is_that_states_body(context) -> None:
    found = entities_of(
        context, "The figures came from the Ministry of Emergency Situations of Japan on Monday."
    )
    assert found.get("Ministry of Emergency Situations of Japan") == "japan-emergency-ministry-situations"


def test_the_packs_own_body_is_found_under_another_wording(context) -> None:
    found = entities_of(context, "Russia's Security Council met behind closed doors on Tuesday.")
    assert "security-council-of-russia" in found.values()


def test_every_wording_of_a_states_office_resolves_to_one_entity(resolver) -> None:
    ids = {
        resolver.resolve(form).id  # type: ignore[union-attr]
        for form in (
            "Ministry of Foreign Affairs of Japan",
            "Japan's Foreign Ministry",
            "the Japanese Ministry of Foreign Affairs",
        )
    }
    assert ids == {"japan-foreign-ministry"}
    assert (
        resolver.resolve("Ministry of Foreign Affairs of Japan").name
        == "Ministry of Foreign Affairs of Japan"
    )
    assert resolver.resolve("Ministry of Foreign Affairs") is None  # whose, it does not say


@pytest.fixture(scope="module")
def resolver(context):
    return context.resolver


def test_an_embassy_is_one_states_embassy_in_one_host_state(context) -> None:
    found = entities_of(context, "The Japanese Embassy in Seoul said the visit had been postponed.")
    in_seoul = found.get("Japanese Embassy in Seoul")
    assert in_seoul is not None and in_seoul != entities_of(
        context, "The Japanese Embassy in Moscow said the visit had been postponed."
    ).get("Japanese Embassy in Moscow")


def test_mod_is_a_states_ministry_of_defence(resolver) -> None:
    assert resolver.resolve("Japan's MoD").id == resolver.resolve("Japanese Ministry of Defence").id  # type: ignore[union-attr]
