"""What a figure counts: the noun after the number ("2,000 Shahed drones", "4,000 dead"), or the
name of a thing the pack says is counted ("40 Shaheds")."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from claimgraph.extract.number_tokens import is_identifier
from claimgraph.extract.rates import PERIODS


def counted_noun(doc: Doc, i: int, end: int, counted_as: Mapping[str, str]) -> Token | None:
    """The noun a number counts: "2,000 Shahed drones", "170 of these drones", "4,000 dead";
    or the last word of a thing's name, "40 Shaheds", when no noun of its own follows."""
    j = i
    while j < end and j < i + 6:
        token = doc[j]
        lowered = token.lower_
        if token.ent_id_ in counted_as and (j + 1 >= end or doc[j + 1].ent_id_ != token.ent_id_):
            following = doc[j + 1] if j + 1 < end else None
            if following is None or following.pos_ not in ("NOUN", "PROPN"):
                return token
        if token.pos_ in ("NOUN",) and lowered not in PERIODS and not _is_modifier(doc, j, end):
            return token
        if lowered in ("dead", "wounded", "killed", "injured"):
            return token
        if lowered == "," and j + 1 < end and doc[j + 1].lower_ == "of":  # "tens of thousands, of drones"
            j += 1
            continue
        if (
            lowered in ("of", "these", "those", "the", "its", "their", "-", "type", "”", '"', "’", "'s")
            or token.pos_ in ("ADJ", "PROPN")
            or token.ent_id_  # a known name tagged as anything, "200 Fath-360 missiles"
            or (token.like_num and doc[j - 1].lower_ in ("of", "the"))  # "51 of the 64 drones"
            or (token.like_num and is_identifier(doc, j))  # "five Boeing 737 jets"
            or token.dep_ in ("compound", "amod")
        ):
            j += 1
            continue
        return None
    return None


def _is_modifier(doc: Doc, j: int, end: int) -> bool:
    """ "attack drones": "attack" is a noun modifying the counted noun."""
    return token_is_compound(doc[j]) and j + 1 < end and doc[j + 1].pos_ in ("NOUN", "PROPN")


def token_is_compound(token: Token) -> bool:
    return token.dep_ == "compound"
