"""Domain packs: the shipped pack, a second topic, and every kind of malformed pack."""

from __future__ import annotations

import pickle
from collections import defaultdict
from pathlib import Path

import pytest

from claimgraph.domains import (
    ENTITY_KINDS,
    DomainPack,
    PackError,
    alias_key,
    check_pack,
    check_text,
    default_pack_path,
    load_pack,
    slugify,
)
from claimgraph.errors import ClaimgraphError

DATA = Path(__file__).parent / "data" / "domains"
MALFORMED = DATA / "malformed"


# Each malformed pack, and words its one problem must contain.
MALFORMED_CASES = [
    ("bad_yaml.yaml", ["invalid YAML", "mapping values are not allowed"]),
    ("unknown_kind.yaml", ["unknown kind 'submarine'", "country", "weapon system"]),
    ("duplicate_alias.yaml", ["alias 'dprk'", "two entities", "North Korea", "South Korea"]),
    ("unknown_profile_entity.yaml", ["profile", "unknown entity 'Daily Planet'"]),
    ("bad_reliability.yaml", ["reliability 'G'", "A, B, C, D, E, F"]),
    ("unknown_indicator_entity.yaml", ["indicator", "'Shahed-137'", "did you mean 'Shahed-136'"]),
    ("missing_name.yaml", ["entity has no 'name'"]),
    ("empty_kind.yaml", ["'kind' of entity 'Atlantis' is empty"]),
    ("aliases_not_list.yaml", ["'aliases' of entity 'North Korea' must be a list of strings"]),
    ("duplicate_entity.yaml", ["duplicate entity name 'north korea'", "line 3"]),
    ("unknown_top_key.yaml", ["unknown key 'sources'", "entities", "indicators"]),
    ("unquoted_boolean.yaml", ["boolean", "quotes"]),
]


@pytest.fixture(scope="module")
def shipped() -> DomainPack:
    return load_pack(default_pack_path())


@pytest.fixture(scope="module")
def red_sea() -> DomainPack:
    return load_pack(DATA / "red_sea_shipping.yaml")


def marked_line(path: Path) -> int:
    """The 1-based line a malformed pack marks with "# <- problem"."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if "# <- problem" in line)


def test_slugify_makes_ids_from_names() -> None:
    assert slugify("North Korea") == "north-korea"
    assert slugify("Korean People's Army") == "korean-peoples-army"
    assert slugify("Radio Free Europe/Radio Liberty") == "radio-free-europe-radio-liberty"
    assert slugify("Zaporizhzhia  Oblast ") == "zaporizhzhia-oblast"
    assert slugify("Élysée") == "elysee"


def test_alias_key_ignores_case_apostrophes_and_spacing() -> None:
    assert alias_key("Ukraine’s  Defence Intelligence") == alias_key("ukraine's defence intelligence")


@pytest.mark.parametrize("path", [default_pack_path(), DATA / "red_sea_shipping.yaml"])
def test_valid_packs_have_no_problems(path: Path) -> None:
    assert check_pack(path) == []


def test_shipped_pack_loads(shipped: DomainPack) -> None:
    assert shipped.name == "russia-dprk-iran"
    assert len(shipped.entities) > 150
    assert {e.kind for e in shipped.entities} <= ENTITY_KINDS
    assert all(e.id == slugify(e.name) for e in shipped.entities)
    assert len({e.id for e in shipped.entities}) == len(shipped.entities)
    assert shipped.counted_as["shahed-136"] == "drone" and shipped.counted_as["kn-23"] == "missile"


def test_every_alias_of_shipped_pack_resolves_to_exactly_one_entity(shipped: DomainPack) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in shipped.entities:
        for form in (entity.name, *entity.aliases):
            owners[alias_key(form)].add(entity.id)
    assert {form: ids for form, ids in owners.items() if len(ids) > 1} == {}
    for entity in shipped.entities:
        for form in (entity.name, *entity.aliases):
            assert shipped.resolve(form) == entity


def test_shipped_pack_resolves_metonyms_and_tag_forms(shipped: DomainPack) -> None:
    expected = {
        "Pyongyang": "north-korea",
        "KOREA, NORTH": "north-korea",
        "Kremlin": "russia",
        "Lt. Gen. Kyrylo Budanov": "kyrylo-budanov",
        "Geran-2": "shahed-136",
        "mutual defense agreement": "comprehensive-strategic-partnership-treaty",
        "www.twz.com": "the-war-zone",
        "North Korean state news agency": "kcna",
    }
    assert {form: shipped.resolve(form).id for form in expected} == expected  # type: ignore[union-attr]


def test_metonyms_and_ambiguous_names_are_aliases_marked_as_such(shipped: DomainPack) -> None:
    assert shipped.resolve("Kremlin").id == "russia" and shipped.is_metonym("KREMLIN")  # type: ignore[union-attr]
    assert not shipped.is_metonym("Russian")
    assert shipped.resolve("DIU").id == "defence-intelligence-of-ukraine"  # type: ignore[union-attr]
    assert shipped.is_ambiguous("diu") and not shipped.is_ambiguous("GUR")
    text = (
        "name: x\nentities:\n  - {name: A, kind: country, metonyms: [Capital]}\n"
        "  - {name: B, kind: country, ambiguous: [capital]}\n"
    )
    (problem,) = check_text(text)
    assert problem.line == 4 and "two entities" in problem.message


def test_profiles_and_indicators_point_at_entities(shipped: DomainPack) -> None:
    assert shipped.profile("kcna").reliability == "E"  # type: ignore[union-attr]
    assert shipped.profile("defence-intelligence-of-ukraine").reliability == "C"  # type: ignore[union-attr]
    assert all(shipped.entity(p.entity_id) for p in shipped.profiles)
    assert 3 <= len(shipped.indicators) <= 5
    for indicator in shipped.indicators:
        assert indicator.entities and all(shipped.entity(i) for i in indicator.entities)
    output = shipped.indicator("shahed-output-alabuga")
    assert output is not None
    assert (output.unit, output.per) == ("drone", "month")
    assert output.entities == ("shahed-136", "alabuga-special-economic-zone")
    assert "produce" in output.predicates


def test_second_pack_on_another_topic_loads(red_sea: DomainPack) -> None:
    assert red_sea.name == "red-sea-shipping"
    assert red_sea.resolve("Ansar Allah").id == "houthis"  # type: ignore[union-attr]
    assert red_sea.profile("uk-maritime-trade-operations").reliability == "B"  # type: ignore[union-attr]
    assert red_sea.indicator("suez-transits-per-day").entities == (  # type: ignore[union-attr]
        "suez-canal",
        "suez-canal-authority",
    )
    assert red_sea.entity("north-korea") is None


@pytest.mark.parametrize("text", sorted((DATA / "red_sea_texts").glob("*.txt")), ids=lambda p: p.name)
def test_second_pack_texts_name_its_entities(red_sea: DomainPack, text: Path) -> None:
    body = alias_key(text.read_text(encoding="utf-8"))
    named = {e.id for e in red_sea.entities for f in (e.name, *e.aliases) if alias_key(f) in body}
    assert len(named) >= 3


@pytest.mark.parametrize(("name", "words"), MALFORMED_CASES)
def test_malformed_pack_names_the_line_and_the_problem(name: str, words: list[str]) -> None:
    path = MALFORMED / name
    problems = check_pack(path)
    assert len(problems) == 1, problems
    assert problems[0].line == marked_line(path)
    for word in words:
        assert word in problems[0].message
    with pytest.raises(PackError, match=rf"^{path}:{marked_line(path)}: ") as raised:
        load_pack(path)
    assert raised.value.problems == tuple(problems)


def test_every_malformed_pack_is_tested() -> None:
    assert {p.name for p in MALFORMED.glob("*.yaml")} == {name for name, _ in MALFORMED_CASES}


def test_all_problems_are_reported_at_once() -> None:
    text = """\
name: many
colour: blue
entities:
  - name: A
    kind: robot
  - name: B
    kind: country
    aliases: [A]
profiles:
  - entity: C
    reliability: Z
    rationale: none
"""
    assert [p.line for p in check_text(text)] == [2, 5, 8, 10, 11]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the pack is empty"),
        ("- just\n- a list\n", "must be a mapping"),
        ("name: x\n", "the pack has no 'entities'"),
        ("name: x\nentities: []\n", "'entities' of the pack is empty"),
    ],
)
def test_packs_without_entities_are_refused(text: str, message: str) -> None:
    (problem,) = check_text(text)
    assert message in problem.message


def test_unreadable_pack_is_an_error_naming_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(PackError, match=rf"^{missing}: cannot read the pack"):
        load_pack(missing)
    assert check_pack(missing)[0].line == 0


@pytest.mark.parametrize(
    ("entities", "message"),
    [
        ("[{name: U.S., kind: country}, {name: U S, kind: country}]", "gets the id 'u-s' of 'U.S.'"),
        (
            "[{name: Russia, kind: country, aliases: [Moscow]}, {name: Moscow, kind: place}]",
            "entity name 'Moscow' is already an alias of 'Russia' (line 2)",
        ),
        (
            "[{name: Moscow, kind: place}, {name: Russia, kind: country, aliases: [moscow]}]",
            "alias 'moscow' of 'Russia' is the name of entity 'Moscow' (line 2)",
        ),
        ("[{name: Russia, kind: country, wikidata: '159'}]", "wikidata '159' must look like Q423"),
    ],
)
def test_entity_ids_and_names_are_unambiguous(entities: str, message: str) -> None:
    (problem,) = check_text(f"name: x\nentities: {entities}\n")
    assert message in problem.message


def test_pack_survives_pickling_for_worker_processes(red_sea: DomainPack) -> None:
    copy = pickle.loads(pickle.dumps(red_sea))
    assert copy == red_sea
    assert copy.resolve("CENTCOM") == red_sea.entity("us-central-command")


def test_pack_error_is_a_claimgraph_error_and_a_value_error() -> None:
    assert issubclass(PackError, ClaimgraphError)
    assert issubclass(PackError, ValueError)


def test_headline_short_forms_of_the_koreas_resolve(shipped: DomainPack) -> None:
    assert shipped.resolve("N Korean").id == "north-korea"  # type: ignore[union-attr]
    assert shipped.resolve("S Korea").id == "south-korea"  # type: ignore[union-attr]


def test_bodies_and_places_of_the_story_resolve(shipped: DomainPack) -> None:
    assert shipped.resolve("ICC").name == "International Criminal Court"  # type: ignore[union-attr]
    assert shipped.resolve("Federal State Statistics Service").name == "Rosstat"  # type: ignore[union-attr]
    assert shipped.resolve("Sudja").name == "Sudzha"  # type: ignore[union-attr]
