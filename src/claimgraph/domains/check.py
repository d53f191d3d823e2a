"""Check a domain pack file and report every problem, each with its line.

Works on the node tree of ``yaml.compose`` rather than on loaded data, so
every problem points at the line a person has to fix. A pack with no
problems is safe to load: ``pack.load_pack`` relies on that.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from rapidfuzz import process
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from claimgraph.domains.vocabulary import Vocabulary, base_vocabulary, vocabulary_from

# The base pack's kinds; a pack may add its own under ``kinds``.
ENTITY_KINDS = frozenset(base_vocabulary().kinds)
RELIABILITIES = ("A", "B", "C", "D", "E", "F")
RATE_PERIODS = frozenset({"hour", "day", "week", "month", "quarter", "year"})

STR, STRS, MAPS, MAP = "a string", "a list of strings", "a list of mappings", "a mapping"
Spec = dict[str, tuple[str, bool]]  # key -> (expected type, required)
_TOP: Spec = {
    "name": (STR, True),
    "description": (STR, False),
    "extends": (STR, False),
    "kinds": (MAPS, False),
    "vocabulary": (MAP, False),
    "entities": (MAPS, True),
    "profiles": (MAPS, False),
    "indicators": (MAPS, False),
}
_ENTITY: Spec = {
    "name": (STR, True),
    "kind": (STR, True),
    "aliases": (STRS, False),
    "metonyms": (STRS, False),
    "ambiguous": (STRS, False),
    "wikidata": (STR, False),
    "counted_as": (STR, False),
    "speaks_for": (STR, False),
}
_PROFILE: Spec = {"entity": (STR, True), "reliability": (STR, True), "rationale": (STR, True)}
_INDICATOR: Spec = {
    "id": (STR, True),
    "name": (STR, True),
    "unit": (STR, True),
    "per": (STR, False),
    "entities": (STRS, False),
    "predicates": (STRS, False),
    "share_of": (STR, False),
}

_STR_TAG = "tag:yaml.org,2002:str"
_NULL_TAG = "tag:yaml.org,2002:null"
_READ_AS = {"bool": "a boolean", "int": "a number", "float": "a number", "timestamp": "a date"}
_WIKIDATA = re.compile(r"Q[1-9][0-9]*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
Forms = dict[str, tuple[str, int]]  # alias_key(form) -> (entity name, line of that name)


@dataclass(frozen=True, slots=True)
class PackProblem:
    """One problem in a pack: its 1-based line (0: the whole file) and what is wrong."""

    line: int
    message: str


class _Problems(list[PackProblem]):
    def add(self, node: Node, message: str) -> None:
        self.append(PackProblem(node.start_mark.line + 1, message))


def slugify(name: str) -> str:
    """The entity id made from a canonical name: "North Korea" -> "north-korea"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    without_apostrophes = re.sub(r"['’]", "", ascii_name.lower())
    return re.sub(r"[^a-z0-9]+", "-", without_apostrophes).strip("-")


def alias_key(form: str) -> str:
    """How names and aliases are compared: case, curly apostrophes and spacing ignored."""
    return " ".join(form.translate(_APOSTROPHES).casefold().split())


def check_pack(path: Path) -> list[PackProblem]:
    """Every problem in the pack at ``path``; [] when it is valid."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [PackProblem(0, f"cannot read the pack: {exc}")]
    return check_text(text)


def check_text(text: str) -> list[PackProblem]:
    """Every problem in a pack given as YAML text; [] when it is valid."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        return [_parse_problem(exc)]
    if root is None:
        return [PackProblem(1, "the pack is empty: expected a mapping with name and entities")]
    problems = _Problems()
    if not isinstance(root, MappingNode):
        problems.add(root, f"the pack must be a mapping with name and entities, got {_kind(root)}")
        return problems
    data = yaml.safe_load(text)
    is_base = isinstance(data, dict) and data.get("extends") == "none"  # a base has words, no entities
    fields = _fields(root, {**_TOP, "entities": (MAPS, not is_base)}, "the pack", problems)
    vocabulary_ok = _check_schema(root, data, _VOCABULARY_SECTIONS, problems)
    declared = data.get("kinds") if isinstance(data, dict) and isinstance(data.get("kinds"), list) else []
    kinds = ENTITY_KINDS | {str(k["name"]) for k in declared if isinstance(k, dict) and k.get("name")}
    entities = _items(fields.get("entities"), _ENTITY, "entity", problems)
    forms = _check_entities(entities, kinds, problems)
    for entity in entities:
        if "speaks_for" in entity:
            name = entity["name"].value if "name" in entity else "?"
            _resolve_ref(entity["speaks_for"], forms, f"speaks_for of entity '{name}'", problems)
    _check_profiles(_items(fields.get("profiles"), _PROFILE, "profile", problems), forms, problems)
    indicators = _items(fields.get("indicators"), _INDICATOR, "indicator", problems)
    _check_indicators(indicators, forms, problems)
    if vocabulary_ok:
        _check_vocabulary(root, data, problems)
    if not problems:  # the whole schema, as a net under the checks above
        _check_schema(root, data, None, problems)
    return sorted(problems, key=lambda p: p.line)


_VOCABULARY_SECTIONS = ("extends", "kinds", "vocabulary")


@cache
def pack_schema() -> dict[str, Any]:
    """The JSON Schema of a pack (pack.schema.json): the one description of the format."""
    path = resources.files(__package__ or "claimgraph.domains") / "pack.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def _check_schema(
    root: MappingNode, data: Any, sections: tuple[str, ...] | None, problems: _Problems
) -> bool:
    """Apply the schema to the named top-level sections (None: to the whole pack); False on a problem."""
    schema = pack_schema()
    if sections is not None:
        properties = {k: schema["properties"][k] for k in sections}
        schema = {**schema, "properties": properties, "additionalProperties": True, "required": []}
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data if isinstance(data, dict) else {}), key=lambda e: list(e.path))
    for error in errors:
        where = ".".join(str(p) for p in error.absolute_path) or "the pack"
        node = _node_at(root, list(error.absolute_path))
        if error.validator == "additionalProperties" and isinstance(node, MappingNode):
            allowed = error.schema.get("properties", {})
            node = next((k for k, _ in node.value if k.value not in allowed), node)  # the stray key's line
        problems.add(node, f"{where}: {error.message}")
    return not errors


def _node_at(node: Node, path: list[Any]) -> Node:
    """The node a JSON path points at, or the deepest one found on the way."""
    for step in path:
        if isinstance(node, MappingNode):
            child = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, SequenceNode) and isinstance(step, int) and step < len(node.value):
            child = node.value[step]
        else:
            child = None
        if child is None:
            break
        node = child
    return node


def _check_vocabulary(root: MappingNode, data: dict[str, Any], problems: _Problems) -> None:
    """Units, acts and kinds that nothing could produce, each with why."""
    own = vocabulary_from(data.get("vocabulary"), data.get("kinds"))
    vocabulary = own if data.get("extends") == "none" else base_vocabulary().extend(own)
    _check_words(root, data, problems)
    for i, item in enumerate(data.get("indicators") or ()):
        unit = item.get("unit")
        if isinstance(unit, str) and not vocabulary.produces(unit.lower()):
            node = _node_at(root, ["indicators", i, "unit"])
            counted = vocabulary.unit(unit.lower())
            problems.add(
                node,
                _never(f"indicator unit '{unit}'", unit, counted),
            )
    for i, item in enumerate(data.get("entities") or ()):
        unit = item.get("counted_as")
        if isinstance(unit, str) and not vocabulary.produces(unit.lower()):
            node = _node_at(root, ["entities", i, "counted_as"])
            counted = vocabulary.unit(unit.lower())
            problems.add(
                node,
                _never(f"counted_as '{unit}'", unit, counted),
            )
    for i, kind in enumerate(data.get("kinds") or ()):
        if kind["name"] in ENTITY_KINDS and data.get("extends") != "none":
            node = _node_at(root, ["kinds", i, "name"])
            problems.add(
                node, f"kind '{kind['name']}' is a base kind already; add cues to it, not a second one"
            )
    _check_acts(root, data, vocabulary, problems)
    _check_measured_as(root, data, vocabulary, problems)


def _check_acts(root: MappingNode, data: dict[str, Any], vocabulary: Vocabulary, problems: _Problems) -> None:
    """An act that nothing can produce: named by a verb of another family (in this pack or the
    base), related to an act no pack declares, or dating a kind no pack declares."""
    kinds = set(vocabulary.kinds)
    for i, act in enumerate((data.get("vocabulary") or {}).get("acts") or ()):
        name = act["name"]
        other = vocabulary.acts.get(name)
        if other is not None and other != name:
            node = _node_at(root, ["vocabulary", "acts", i, "name"])
            problems.add(
                node,
                f"act '{name}' can never come out: the verb '{name}' is filed under act '{other}'; "
                f"add this act's verbs to '{other}' or take '{name}' out of it",
            )
        for j, related in enumerate(act.get("related") or ()):
            if related not in vocabulary.families:
                node = _node_at(root, ["vocabulary", "acts", i, "related", j])
                problems.add(
                    node,
                    f"act '{name}' is related to '{related}', which no act family of the pack or base is",
                )
        for j, kind in enumerate(act.get("dates") or ()):
            if kind not in kinds:
                node = _node_at(root, ["vocabulary", "acts", i, "dates", j])
                problems.add(
                    node,
                    f"act '{name}' dates kind '{kind}', which no pack declares, so no entity it dates can "
                    "exist (add it under kinds)",
                )


def _check_measured_as(
    root: MappingNode, data: dict[str, Any], vocabulary: Vocabulary, problems: _Problems
) -> None:
    """A unit said to measure one thing with a unit that never comes out of extraction."""
    for section in ("units", "measures"):
        for i, item in enumerate((data.get("vocabulary") or {}).get(section) or ()):
            other = item.get("measured_as")
            if not isinstance(other, str):
                continue
            node = _node_at(root, ["vocabulary", section, i, "measured_as"])
            if other == item["name"]:
                problems.add(node, f"unit '{other}' is measured as itself")
            elif not vocabulary.produces(other):
                problems.add(node, _never(f"measured_as '{other}'", other, vocabulary.unit(other)))
            elif other not in vocabulary.unit_names:
                problems.add(node, f"measured_as '{other}' names no unit of the pack or base; declare it")


def _never(what: str, unit: str, counted: str | None) -> str:
    return f"{what} can never come out: the vocabulary counts '{unit}' as '{counted}'; use '{counted}'"


def _check_words(root: MappingNode, data: dict[str, Any], problems: _Problems) -> None:
    """A word given to two units, or a unit or act named by a word that belongs to another."""
    vocabulary = data.get("vocabulary") or {}
    seen: dict[str, str] = {}
    for section in ("units", "measures"):
        for i, item in enumerate(vocabulary.get(section) or ()):
            for word in [item["name"], *(item.get("plurals") or ()), *(item.get("synonyms") or ())]:
                first = seen.setdefault(word.lower(), item["name"])
                if first != item["name"]:
                    node = _node_at(root, ["vocabulary", section, i])
                    problems.add(node, f"'{word}' is given to two units: '{first}' and '{item['name']}'")
    verbs: dict[str, str] = {}
    for i, act in enumerate(vocabulary.get("acts") or ()):
        for verb in act["verbs"]:
            first = verbs.setdefault(verb, act["name"])
            if first != act["name"]:
                node = _node_at(root, ["vocabulary", "acts", i])
                problems.add(node, f"verb '{verb}' is in two act families: '{first}' and '{act['name']}'")


def _parse_problem(exc: yaml.YAMLError) -> PackProblem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 1
    reason = getattr(exc, "problem", None) or str(exc)
    return PackProblem(line, f"invalid YAML: {reason}")


def _kind(node: Node) -> str:
    """What a node is, in words, for "must be X, got Y" messages."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == _STR_TAG:
        return f"the string {node.value!r}"
    # The usual trap: an unquoted NO, 1.5 or 2024-06-19 is not a string.
    tag = node.tag.rsplit(":", 1)[-1]
    read_as = _READ_AS.get(tag, tag)
    return f"{node.value!r}, which YAML reads as {read_as} (put it in quotes)"


def _is_str(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _STR_TAG


def _is_empty(node: Node) -> bool:
    if isinstance(node, ScalarNode):
        return node.tag == _NULL_TAG or not str(node.value).strip()
    return not node.value


def _type_ok(node: Node, expected: str, where: str, problems: _Problems) -> bool:
    if expected == MAP:
        if isinstance(node, MappingNode):
            return True
        problems.add(node, f"{where} must be {expected}, got {_kind(node)}")
        return False
    if expected == STR or not isinstance(node, SequenceNode):
        if expected == STR and _is_str(node):
            return True
        problems.add(node, f"{where} must be {expected}, got {_kind(node)}")
        return False
    item, item_ok = ("a string", _is_str) if expected == STRS else ("a mapping", _is_mapping)
    bad = [n for n in node.value if not item_ok(n)]
    for n in bad:
        problems.add(n, f"each item of {where} must be {item}, got {_kind(n)}")
    return not bad


def _is_mapping(node: Node) -> bool:
    return isinstance(node, MappingNode)


def _fields(node: MappingNode, spec: Spec, what: str, problems: _Problems) -> dict[str, Node]:
    """The present, well-typed fields of a mapping; the problems with the others."""
    fields: dict[str, Node] = {}
    seen: set[str] = set()
    for key_node, value in node.value:
        key = str(key_node.value)
        if key not in spec:
            problems.add(key_node, f"unknown key '{key}' in {what}; allowed: {', '.join(spec)}")
        elif key in seen:
            problems.add(key_node, f"'{key}' is given twice in {what}")
        elif _is_empty(value):
            if spec[key][1]:
                problems.add(value, f"'{key}' of {what} is empty")
        elif _type_ok(value, spec[key][0], f"'{key}' of {what}", problems):
            fields[key] = value
        seen.add(key)
    for key, (_, required) in spec.items():
        if required and key not in seen:
            problems.add(node, f"{what} has no '{key}'")
    return fields


def _items(node: Node | None, spec: Spec, what: str, problems: _Problems) -> list[dict[str, Node]]:
    """The fields of each mapping in a list, named in messages by its name, entity or id."""
    items = []
    for item in node.value if node is not None else ():
        label = next(
            (v.value for k, v in item.value if k.value in ("name", "entity", "id") and _is_str(v)),
            None,
        )
        items.append(_fields(item, spec, f"{what} '{label}'" if label else what, problems))
    return items


def _strings(node: Node | None) -> Iterator[ScalarNode]:
    if isinstance(node, SequenceNode):
        yield from node.value


def _check_entities(entities: list[dict[str, Node]], kinds: frozenset[str], problems: _Problems) -> Forms:
    """Check kinds, ids and aliases; return the surface forms of all entities."""
    ids: dict[str, Node] = {}
    forms: Forms = {}
    for fields in entities:
        _check_kind_and_wikidata(fields, kinds, problems)
        name_node = fields.get("name")
        if name_node is not None and _claim_id(name_node, ids, problems):
            others = [n for key in ("aliases", "metonyms", "ambiguous") for n in _strings(fields.get(key))]
            _claim_forms(name_node, others, forms, problems)
    return forms


def _check_kind_and_wikidata(fields: dict[str, Node], kinds: frozenset[str], problems: _Problems) -> None:
    kind, wikidata = fields.get("kind"), fields.get("wikidata")
    if kind is not None and kind.value not in kinds:
        of = f" of entity '{fields['name'].value}'" if "name" in fields else ""
        allowed = ", ".join(sorted(kinds))
        problems.add(
            kind,
            f"unknown kind '{kind.value}'{of}: no pack declares it (add it under kinds); allowed: {allowed}",
        )
    if wikidata is not None and not _WIKIDATA.fullmatch(wikidata.value):
        problems.add(wikidata, f"wikidata '{wikidata.value}' must look like Q423")


def _claim_id(name_node: Node, ids: dict[str, Node], problems: _Problems) -> bool:
    """Register the id an entity's name gives; False, with a problem, if it cannot have it."""
    name, entity_id = str(name_node.value), slugify(name_node.value)
    if not entity_id:
        problems.add(name_node, f"entity name '{name}' has no letters or digits")
        return False
    first = ids.setdefault(entity_id, name_node)
    if first is name_node:
        return True
    where = f"line {first.start_mark.line + 1}"
    if alias_key(first.value) == alias_key(name):
        problems.add(name_node, f"duplicate entity name '{name}' (first at {where})")
    else:
        problems.add(name_node, f"entity '{name}' gets the id '{entity_id}' of '{first.value}' ({where})")
    return False


def _claim_forms(name_node: Node, aliases: list[ScalarNode], forms: Forms, problems: _Problems) -> None:
    """Register an entity's name and aliases; report those another entity already holds."""
    name, line = str(name_node.value), name_node.start_mark.line + 1
    for node in [name_node, *aliases]:
        form = str(node.value)
        if not form.strip():
            problems.add(node, f"empty alias for entity '{name}'")
            continue
        owner, owner_line = forms.setdefault(alias_key(form), (name, line))
        if owner == name:
            continue
        problems.add(node, _clash(form, node is name_node, name, owner, owner_line))


def _clash(form: str, is_name: bool, name: str, owner: str, owner_line: int) -> str:
    """Why ``form`` of entity ``name`` cannot be used: entity ``owner`` already holds it."""
    if is_name:
        return f"entity name '{form}' is already an alias of '{owner}' (line {owner_line})"
    if alias_key(owner) == alias_key(form):
        return f"alias '{form}' of '{name}' is the name of entity '{owner}' (line {owner_line})"
    return f"alias '{form}' is given to two entities: '{owner}' (line {owner_line}) and '{name}'"


def _resolve_ref(node: Node, forms: Forms, what: str, problems: _Problems) -> str | None:
    """The canonical name an entity reference (a name or alias) stands for; None if unknown."""
    ref = str(node.value)
    if alias_key(ref) in forms:
        return forms[alias_key(ref)][0]
    names = sorted({name for name, _ in forms.values()})
    guess = process.extractOne(ref, names, score_cutoff=80) if names else None
    hint = f"did you mean '{guess[0]}'?" if guess else "add it under entities"
    problems.add(node, f"{what} names unknown entity '{ref}'; {hint}")
    return None


def _check_profiles(profiles: list[dict[str, Node]], forms: Forms, problems: _Problems) -> None:
    profiled: dict[str, Node] = {}
    for fields in profiles:
        reliability, ref = fields.get("reliability"), fields.get("entity")
        if reliability is not None and reliability.value not in RELIABILITIES:
            allowed = ", ".join(RELIABILITIES)
            problems.add(reliability, f"reliability '{reliability.value}' is not one of {allowed}")
        name = _resolve_ref(ref, forms, "profile", problems) if ref is not None else None
        if ref is None or name is None:
            continue
        first = profiled.setdefault(name, ref)
        if first is not ref:
            problems.add(ref, f"'{name}' already has a profile (line {first.start_mark.line + 1})")


def _check_indicators(indicators: list[dict[str, Node]], forms: Forms, problems: _Problems) -> None:
    seen: dict[str, Node] = {}
    for fields in indicators:
        id_node, per = fields.get("id"), fields.get("per")
        if id_node is not None:
            indicator_id = str(id_node.value)
            first = seen.setdefault(indicator_id, id_node)
            if slugify(indicator_id) != indicator_id:
                message = f"must be a slug like '{slugify(indicator_id)}'"
                problems.add(id_node, f"indicator id '{indicator_id}' {message}")
            elif first is not id_node:
                message = f"is used twice (first at line {first.start_mark.line + 1})"
                problems.add(id_node, f"indicator id '{indicator_id}' {message}")
        if per is not None and per.value not in RATE_PERIODS:
            periods = ", ".join(sorted(RATE_PERIODS))
            problems.add(per, f"per '{per.value}' is not one of: {periods}")
        for ref in _strings(fields.get("entities")):
            _resolve_ref(ref, forms, "indicator", problems)
