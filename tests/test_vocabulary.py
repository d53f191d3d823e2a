"""The story's words live in its pack: a pack extends the base vocabulary, and the code holds none."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from claimgraph.annotate import build_nlp
from claimgraph.domains import check_text, default_pack_path, load_pack
from claimgraph.domains.vocabulary import base_vocabulary
from claimgraph.extract import extract_claims, extract_quantities
from claimgraph.records import Modality

SRC = Path(__file__).resolve().parents[1] / "src" / "claimgraph"
# The first domain's unit and act words: none may sit in a word list of the code.
FIRST_DOMAIN_WORDS = re.compile(
    r"\b(soldiers?|troops?|servicem[ae]n|sappers?|deminers?|shells?|rounds?|projectiles?|drones?|"
    r"uavs?|shaheds?|gerans?|workers?|labou?rers?|infantrym[ae]n)\b",
    re.IGNORECASE,
)
# evaluate/score_quantities.py implements the unit synonyms ../shared/eval/SCORING.md fixes for the gold.
EXEMPT = {"evaluate/score_quantities.py"}
# Words of general English that happen to be the story's too: the verb "shell" hits a place
# ("shelled Kyiv" is the city), and troops speak for an army in any war ("the troops said").
GENERAL = {("annotate/context.py", "shell"), ("extract/lexicons.py", "troop")}


def _word_list_strings(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants that are words in a collection or a word-list call, not prose or messages."""
    found = []
    for node in ast.walk(tree):
        items: list[ast.expr] = []
        if isinstance(node, ast.Dict):
            items = [*(k for k in node.keys if k is not None), *node.values]
        elif isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            items = list(node.elts)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_words", "frozenset", "set"):
            items = list(node.args)
        elif isinstance(node, ast.Compare):
            items = [*node.comparators, node.left]
        found += [
            (i.lineno, i.value) for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)
        ]
    return found


# The first pack's act families: no mapping in the code may file these verbs under an act.
FIRST_DOMAIN_ACT_VERBS = frozenset(
    [
        "dispatch",
        "ship",
        "transfer",
        "deliver",
        "provide",
        "furnish",
        "give",
        "manufacture",
        "build",
        "make",
        "assemble",
        "bomb",
        "shell",
    ]
)


def _act_mappings(tree: ast.AST) -> list[tuple[int, str]]:
    """Verbs a dict files under an act: {"dispatch": "send"} or {"produce": ("make", ...)}."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values, strict=True):
            words = [key, *(value.elts if isinstance(value, (ast.Tuple, ast.List, ast.Set)) else [value])]
            strings = [w.value for w in words if isinstance(w, ast.Constant) and isinstance(w.value, str)]
            found += [(node.lineno, w) for w in strings[1:] + strings[:1] if w in FIRST_DOMAIN_ACT_VERBS]
    return found


def _story_words_in_code(under: str = "") -> list[str]:
    hits = []
    for path in sorted((SRC / under).rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith("domains/") or relative in EXEMPT:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, text in _word_list_strings(tree):
            words = {w.lower() for w in FIRST_DOMAIN_WORDS.findall(text)} - {
                w for f, w in GENERAL if f == relative
            }
            if words:
                hits.append(f"{relative}:{line}: {text[:60]!r}")
        for line, verb in _act_mappings(tree):
            hits.append(f"{relative}:{line}: act family holding {verb!r}")
    return hits


def test_no_word_list_of_the_first_story_remains_in_the_code() -> None:
    assert _story_words_in_code() == []


def test_reconcile_holds_no_word_list_of_the_first_story() -> None:
    # Reconcile's act families were such a table: the grep reads one where it sits.
    old = ast.parse('FAMILIES = {"produce": ("produce", "make", "build"), "send": ("send", "dispatch")}')
    assert [verb for _, verb in _act_mappings(old)] == ["make", "build", "dispatch"]
    assert _story_words_in_code("reconcile") == []


def test_the_grep_finds_a_word_list_of_the_story() -> None:
    tree = ast.parse('UNITS = {"troop": "soldier"}\nHELP = "tell the workers"\n')
    assert [t for _, t in _word_list_strings(tree) if FIRST_DOMAIN_WORDS.search(t)] == ["troop", "soldier"]


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return build_nlp(())


def _units(nlp, text: str, vocabulary=None) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.unit for q in extract_quantities(nlp(text), vocabulary)]


def test_the_first_pack_counts_its_synonyms_as_one_unit(nlp) -> None:  # type: ignore[no-untyped-def]
    pack = load_pack(default_pack_path())
    assert _units(nlp, "The army moved 4,000 troops and 300 sappers to the front.", pack.vocabulary) == [
        "soldier",
        "worker",
    ]
    assert _units(nlp, "Crews fired 900 rounds and lost 12 unmanned aerial vehicles.", pack.vocabulary) == [
        "shell",
        "drone",
    ]


def test_the_base_alone_keeps_a_story_noun_as_written(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _units(nlp, "The army moved 4,000 troops to the border.", base_vocabulary()) == ["troop"]
    assert _units(nlp, "About 40 civilians were evacuated.", base_vocabulary()) == ["person"]


RED_SEA_LIKE = """
name: shipping
entities:
  - name: Gulf Line
    kind: shipping company
kinds:
  - name: shipping company
    cues: [carrier, line, operator]
vocabulary:
  units:
    - name: ship
      synonyms: [vessel, tanker, freighter]
  acts:
    - name: strike
      verbs: [attack, hit, target]
indicators:
  - id: ships-attacked
    name: Ships attacked
    unit: ship
"""


def test_a_pack_adds_units_acts_and_kinds_to_the_base(nlp) -> None:  # type: ignore[no-untyped-def]
    assert check_text(RED_SEA_LIKE) == []


def test_a_pack_may_not_name_what_nothing_produces() -> None:
    text = RED_SEA_LIKE.replace("unit: ship", "unit: vessel").replace("kind: shipping company", "kind: liner")
    text = text.replace(
        "verbs: [attack, hit, target]",
        "verbs: [attack, hit, target]\n    - name: attack\n      verbs: [assault]",
    )
    messages = [p.message for p in check_text(text)]
    assert any("unknown kind 'liner'" in m and "no pack declares it" in m for m in messages)
    assert any("unit 'vessel' can never come out" in m and "use 'ship'" in m for m in messages)
    assert any("act 'attack' can never come out" in m for m in messages)


def test_the_schema_names_a_misspelt_vocabulary_key_with_its_line() -> None:
    text = RED_SEA_LIKE.replace("      synonyms: [vessel", "      synonym: [vessel")
    (problem,) = check_text(text)
    assert problem.line == 12 and "synonym" in problem.message


def test_targets_are_an_aim_in_one_story_and_an_act_in_another(nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "shipping.yaml"
    path.write_text(RED_SEA_LIKE, encoding="utf-8")
    shipping = load_pack(path)
    first = load_pack(default_pack_path())
    doc = nlp("The group targets 30 ships a month.")
    quantities = extract_quantities(doc, shipping.vocabulary)
    (claim,) = extract_claims(doc, "d1", [], [], quantities, [], shipping.vocabulary)
    assert claim.modality is not Modality.TARGET and claim.predicate == "strike"
    (aim,) = extract_claims(
        doc, "d1", [], [], extract_quantities(doc, first.vocabulary), [], first.vocabulary
    )
    assert aim.modality is Modality.TARGET


# --- act families: the pack's, read by reconcile ------------------------------------------------

SHIPPING_ACTS = RED_SEA_LIKE.replace(
    "      verbs: [attack, hit, target]\n",
    "      verbs: [attack, hit, target]\n      counts: things\n"
    "    - name: divert\n      verbs: [reroute]\n      forms: [diversions]\n      flow: true\n",
)


def test_reconcile_reads_the_act_families_of_the_pack_it_is_given(tmp_path) -> None:
    from claimgraph.reconcile import lexicon

    path = tmp_path / "shipping.yaml"
    path.write_text(SHIPPING_ACTS, encoding="utf-8")
    shipping = load_pack(path)
    first = load_pack(default_pack_path())
    with lexicon.reading(first):
        assert [lexicon.family_of_word(w) for w in ("made", "lost", "deployment")] == [
            "produce",
            "kill",
            "send",
        ]
        assert lexicon.related_flows("produce", "launch") and lexicon.is_flow("produce")
    with lexicon.reading(shipping):
        # "made" and "lost" are no acts of this story; its own words are, and the base's still hold.
        assert [lexicon.family_of_word(w) for w in ("made", "lost", "deployment")] == [None, None, None]
        assert lexicon.family_of_word("diversions") == "divert" and lexicon.is_flow("divert")
        assert lexicon.family_of_lemma("hit") == "strike" and lexicon.counts("strike") == "things"
        assert lexicon.family_of_word("killed") == "kill" and lexicon.dated_kinds("sign") == {"treaty"}
        assert not lexicon.counts_people("soldier")  # a unit of the first story only
    assert lexicon.family_of_word("made") == "produce"  # outside, the shipped pack's words


def _plan(text: str, figure: str) -> bool:
    from claimgraph.reconcile.measures import planned
    from claimgraph.records import Claim, Quantity

    at = text.index(figure)
    quantity = Quantity(30, 30, "ship", figure, at, at + len(figure))
    claim = Claim("c", "d", 0, len(text), text, "strike", quantity=quantity)
    return planned(claim, quantity)


def test_plan_cues_before_a_figure_are_the_packs(tmp_path) -> None:
    from claimgraph.reconcile import lexicon

    path = tmp_path / "shipping.yaml"
    path.write_text(SHIPPING_ACTS, encoding="utf-8")
    text = "The group is targeting 30 ships a month."
    with lexicon.reading(load_pack(default_pack_path())):
        assert _plan(text, "30 ships")  # an aim in the first story
        assert _plan("The navy has decided to escort 30 ships.", "30 ships")  # the base's cue
    with lexicon.reading(load_pack(path)):
        assert not _plan(text, "30 ships")  # an act in this one
        assert _plan("The navy has decided to escort 30 ships.", "30 ships")
        assert _plan("30 ships are to be escorted next week.", "30 ships")  # general English


def test_domain_check_says_why_an_act_or_measure_cannot_come_out() -> None:
    text = SHIPPING_ACTS.replace(
        "      flow: true\n", "      flow: true\n      related: [ferry]\n      dates: [convoy]\n"
    )
    text = text.replace(
        "    - name: ship\n",
        "    - name: berth\n      measured_as: vessel\n    - name: ship\n",
    ).replace("    - name: divert\n", "    - name: help\n      verbs: [rescue]\n    - name: divert\n")
    messages = [p.message for p in check_text(text)]
    assert any("related to 'ferry'" in m and "no act family" in m for m in messages), messages
    assert any("dates kind 'convoy'" in m and "no pack declares" in m for m in messages), messages
    assert any("measured_as 'vessel' can never come out" in m and "use 'ship'" in m for m in messages), (
        messages
    )
    # "help" is a verb of the base's act "assist": an act of that name would never be a claim's.
    assert any("act 'help' can never come out" in m and "'assist'" in m for m in messages), messages
