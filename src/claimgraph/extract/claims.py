"""Claims: what each sentence claims, about whom, how much, when, who says so, how firmly.

One claim per figure in a sentence; a sentence without a figure gives one claim
per attribution in it (or one of its own) when it names an entity, is
commentary, or points back with a demonstrative ("This cooperation …") to the
entities of the sentence before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from claimgraph.annotate.model import doc_text
from claimgraph.clean.scrape import wire_dateline
from claimgraph.domains.pack import default_vocabulary
from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.extract.attribution import (
    Attribution,
    Discourse,
    find_attributions,
    remember,
)
from claimgraph.extract.clause_dates import other_clause_dates
from claimgraph.extract.figure_dates import (
    anothers_date,
    as_it_stood,
    ends_of_a_long_stretch,
    figure_token,
    listed_days,
    starts_a_running_total,
)
from claimgraph.extract.modality import claim_modality
from claimgraph.extract.opinion import is_opinion
from claimgraph.extract.predicates import (
    content_verb,
    governing_verb,
    is_negated,
    normalise_predicate,
    place_entity,
    role_entities,
)
from claimgraph.extract.recent import dating_times
from claimgraph.extract.speakers import bodies_named
from claimgraph.extract.speech import is_root, quotation_spans
from claimgraph.extract.statement_dates import said_in_a_year, said_on
from claimgraph.extract.statements import Statements, carries_on, sole_speaker
from claimgraph.extract.year_dates import a_bare_season, by_a_year, since_a_year, tallied_year
from claimgraph.records import Claim, Entity, Mention, Modality, Quantity, TimeRef

_Located = TypeVar("_Located", Mention, Quantity, TimeRef)
_DEMONSTRATIVES = frozenset(["this", "these", "that", "those", "such"])
# Nouns that name an entity of a kind by its kind: "the treaty", "the plant".
_KIND_NOUNS = {"treaty": "treaty", "pact": "treaty", "accord": "treaty", "plant": "facility",
               "factory": "facility", "facility": "facility", "complex": "facility"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Sentence:
    """A sentence with what lies in it."""

    span: Span
    mentions: list[Mention]
    figures: list[Quantity]
    times: list[TimeRef]


def extract_claims(
    doc: Doc,
    document_id: str,
    entities: Sequence[Entity],
    mentions: Sequence[Mention],
    quantities: Sequence[Quantity],
    times: Sequence[TimeRef],
    vocabulary: Vocabulary | None = None,
    month: str | None = None,
    speaks_for: Mapping[str, str] | None = None,
) -> tuple[Claim, ...]:
    """The claims of a document; the pack's ``vocabulary`` (default: the shipped pack's) names
    its acts and adds its plan cues; ``month``, the report's own (see recent.py), dates its
    recent acts; the pack's ``speaks_for`` lets "South Korean authorities" stand for the one
    body of that state the document names."""
    words = vocabulary or default_vocabulary()
    kinds = {e.id: e.kind for e in entities}
    discourse = Discourse(bodies=bodies_named(mentions, kinds, speaks_for or {}), speaks_for=speaks_for or {})
    text = doc_text(doc)
    quotes = quotation_spans(text)
    dateline = wire_dateline(text)  # its city is no actor, its date no event's
    if dateline is not None:
        mentions = [m for m in mentions if m.start >= dateline.end()]
        times = [t for t in times if t.start >= dateline.end()]
    claims: list[Claim] = []
    previous_entities: tuple[str, ...] = ()
    previous_start = 0  # where the claims of the sentence before begin
    statements = Statements()  # one speaker's statements, which later sentences may carry on
    for sent in sentences(doc):
        here = _Sentence(sent, _within(mentions, sent), _within(quantities, sent), _within(times, sent))
        quote_start = next((s for s, e in quotes if s < sent.start_char < e), None)
        found = find_attributions(sent, here.mentions, kinds, discourse, quote_start)
        made = _sentence_claims(document_id, here, found, kinds, previous_entities, words, month)
        credit = next((a for a in found if a.points_back and a.speaker is not None), None)
        if credit is not None:  # "This was reported by NHK": the sentence before is NHK's
            claims[previous_start:] = [_credited(c, credit) for c in claims[previous_start:]]
            made = [c for c in made if c.quantity or c.time]  # the credit itself claims nothing more
            statements.credit(claims, previous_start)  # and opens the credit's statement
        open_ = statements.open
        carried = open_ is not None and (
            carries_on(open_, made, found, here.mentions, kinds, text, sent)
            or (credit is not None and sole_speaker(made) == open_.speaker)
        )
        made = statements.take(claims, made, carried, sent.end_char, text)
        previous_start = len(claims)
        claims.extend(made)
        subjects = [c.subject for c in made if c.subject]
        remember(sent, found, kinds, discourse, subjects, quotes)
        named = tuple(dict.fromkeys(e for c in made for e in (c.subject, c.object, *c.entities) if e))
        previous_entities = named or previous_entities
    return tuple(claims)


def _sentence_claims(
    document_id: str,
    here: _Sentence,
    found: list[Attribution],
    kinds: Mapping[str, str],
    previous_entities: tuple[str, ...],
    vocabulary: Vocabulary,
    month: str | None = None,
) -> list[Claim]:
    sent = here.span
    everything = frozenset(t.i for t in sent)
    opinion = is_opinion(sent, any(a.speaker for a in found), bool(here.figures))
    inherited = previous_entities if _points_back(sent) else _named_by_kind(sent, previous_entities, kinds)
    if not here.mentions and not here.figures and not inherited and not opinion:
        return []
    plans: list[tuple[Attribution | None, Quantity | None]] = []
    if here.figures:
        plans = [(_owner(found, figure, sent), figure) for figure in here.figures]
    elif found:
        plans = [(attribution, None) for attribution in found]
    else:
        plans = [(None, None)]
    claims = []
    verbs: list[Token] = []
    for n, (attribution, figure) in enumerate(plans):
        scope = attribution.scope if attribution is not None and attribution.scope else everything
        verb = content_verb(sent, attribution.verb if attribution else None, scope)
        anchor: Token = verb
        if figure is not None:
            counted = figure_token(sent, figure)
            anchor = counted
            verb = governing_verb(counted, scope) or verb
        framing = attribution.framing if attribution else frozenset()
        about = [m for m in here.mentions if not _inside(m, sent, framing)]
        if not about and attribution is not None:
            # "The new treaty is valid for 20 years, Iran's ambassador to Russia said": what names
            # nothing is about the places and bodies of the speaker's post
            kept = {attribution.speaker, attribution.via}
            about = [m for m in here.mentions if _inside(m, sent, framing) and m.entity_id not in kept]
        subject, obj = role_entities(verb, about)
        if subject is None and attribution is not None and _controlled_by(verb, attribution):
            subject = attribution.speaker if attribution.speaker in kinds else None
        dating = dating_times(sent, here.times, vocabulary, month)
        time = _claim_time(dating, verb, figure, scope, vocabulary, here.figures)
        doer = inherited or (previous_entities[:1] if time and _names_no_doer(verb, about) else ())
        entity_ids = tuple(dict.fromkeys([*(m.entity_id for m in about), *doer]))
        modality = claim_modality(anchor, scope, attribution, figure, vocabulary)
        said_nothing = not (figure or entity_ids or time or opinion)
        dated = said_on(time, here.times, attribution)
        if dated is time and (tallied_year(time, verb, figure) or said_in_a_year(time, attribution)):
            dated = None
        if attribution is not None and said_nothing and not attribution.denial:
            # "Shoigu said the talks lasted long": nothing named or dated said; a denial ("Moscow
            # dismissed the report") still is, a plain "not" ("'We don't know,' he said") is not
            continue
        verbs.append(verb)
        claims.append(
            Claim(
                id=f"{document_id[:16]}-{sent.start_char}-{n}",
                document_id=document_id,
                start=sent.start_char,
                end=sent.end_char,
                text=sent.text,
                predicate=normalise_predicate(verb, vocabulary),
                subject=subject,
                object=obj,
                place=place_entity(verb, scope, about, kinds),
                entities=entity_ids,
                quantity=figure,
                time=dated,
                speaker=attribution.speaker if attribution else None,
                via=attribution.via if attribution else None,
                cue=attribution.cue if attribution else None,
                modality=modality,
                negated=is_negated(verb),
                opinion=opinion,
            )
        )
        for k, day in enumerate(listed_days(dated, here.times, sent.doc.text), start=1):
            claims.append(replace(claims[-1], id=f"{claims[-1].id}-{k}", time=day))
    if claims:  # "… after they staged an incursion in August 2024": that act's own claim
        used = [c.time for c in claims if c.time is not None]
        taken = {v.i for v in verbs} | {a.verb.i for a in found if a.verb is not None}

        def dates(time: TimeRef, verb: Token) -> bool:
            return _claim_time([time], verb, None, everything, vocabulary) is time

        others = other_clause_dates(sent, here.times, here.figures, used, taken, dates)
        for k, (time, verb) in enumerate(others, start=1):
            act = normalise_predicate(verb, vocabulary)
            unsaid = replace(claims[0], speaker=None, via=None, cue=None, quantity=None)
            claims.append(replace(unsaid, id=f"{claims[0].id}-c{k}", predicate=act, time=time))
    return claims


def sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, split again at line breaks: a heading is not part of the next line."""
    found: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for token in [*sent, None]:
            if token is not None and not (token.is_space and "\n" in token.text):
                continue
            end = token.i if token is not None else sent.end
            while start < end and doc[start].is_space:
                start += 1
            if start < end:
                found.append(doc[start:end])
            start = end + 1
    return found


def _within(items: Sequence[_Located], sent: Span) -> list[_Located]:
    return [item for item in items if sent.start_char <= item.start and item.end <= sent.end_char]


def _inside(mention: Mention, sent: Span, framing: frozenset[int]) -> bool:
    """Whether a mention lies in the words that frame a claim (speaker, via, cue)."""
    if not framing:
        return False
    return any(t.i in framing for t in sent if mention.start <= t.idx < mention.end)


def _owner(found: Sequence[Attribution], figure: Quantity, sent: Span) -> Attribution | None:
    """The attribution whose scope holds the figure; else the sentence-wide one."""
    token = figure_token(sent, figure)
    for attribution in found:
        if token.i in attribution.scope:
            return attribution
    if any(token.i in a.framing for a in found):
        return None  # the figure describes the speaker ("a force of 11,000, the agency said")
    return next((a for a in found if a.verb is None or is_root(a.verb, sent)), None)


def _names_a_thing(span: Span) -> bool:
    """ "the 2024 treaty", "Moscow's 2022 invasion": a year that tells a thing apart dates no claim."""
    root = span.root
    return (
        len(span) == 1
        and root.like_num
        and root.dep_ in ("compound", "nummod", "amod", "nmod")
        and root.head.pos_ in ("NOUN", "PROPN")
        and root.head.i > root.i
    )


def _credited(claim: Claim, credit: Attribution) -> Claim:
    if claim.speaker is not None:
        return claim
    modality = Modality.REPORTED if claim.modality == Modality.ASSERTED else claim.modality
    return replace(claim, speaker=credit.speaker, via=credit.via, cue=credit.cue, modality=modality)


def _controlled_by(verb: Token, attribution: Attribution) -> bool:
    """Whether the speaker is also the doer: "X claimed to have struck" means X struck."""
    return attribution.verb is not None and verb.dep_ == "xcomp" and verb.head.i == attribution.verb.i


def _points_back(sent: Span) -> bool:
    """ "This cooperation was strengthened …": a demonstrative subject refers to what came before;
    so does "the two sides" or "both sides", the parties the sentence before named."""
    token = _root_subject(sent)
    return token is not None and (
        token.lower_ in _DEMONSTRATIVES
        or any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in token.children)
        or _the_two_sides(token)
    )


def _the_two_sides(token: Token) -> bool:
    return token.lemma_.lower() == "side" and any(c.lower_ in ("two", "both") for c in token.children)


def _names_no_doer(verb: Token, about: Sequence[Mention]) -> bool:
    """Whether a dated act leaves its doer to the sentence before: an agentless passive, a
    sentence that names no one ("About 400 wagons crossed in May"), or a counted subject that
    names no one ("The first convoy of 40 trucks will leave for Odesa on May 2")."""
    return _agentless_passive(verb) or not about or _unnamed_counted_subject(verb, about)


def _unnamed_counted_subject(verb: Token, about: Sequence[Mention]) -> bool:
    """ "The first convoy of 40 trucks will leave on May 2": a counted group that names no one is
    the one the sentence before spoke of."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not any(t.like_num for t in subject.subtree):
        return False
    words = range(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge))
    return not any(m.start in words for m in about)


def _agentless_passive(verb: Token) -> bool:
    """ "More troops were sent in January": a dated act with no doer named is the doer's of the
    sentence before."""
    children = {c.dep_ for c in verb.children}
    return "auxpass" in children and "agent" not in children


def _root_subject(sent: Span) -> Token | None:
    return next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)


def _named_by_kind(sent: Span, previous: tuple[str, ...], kinds: Mapping[str, str]) -> tuple[str, ...]:
    """ "The treaty took effect on December 4": "the" and a kind's noun point back to the entity
    of that kind named just before."""
    token = _root_subject(sent)
    kind = _KIND_NOUNS.get(token.lemma_.lower()) if token is not None else None
    if token is None or kind is None or not any(c.lower_ == "the" for c in token.children if c.dep_ == "det"):
        return ()
    return tuple(e for e in previous if kinds.get(e) == kind)[:1]


def _claim_time(
    times: Sequence[TimeRef],
    verb: Token,
    figure: Quantity | None,
    scope: frozenset[int],
    vocabulary: Vocabulary,
    figures: Sequence[Quantity] = (),
) -> TimeRef | None:
    """The date attached to the claim's verb; else the nearest in its scope; else in its sentence.

    Only a date dates a claim: "for four years" or "at 16:05 GMT" does not, nor does the start of
    a running total ("162 ships since November 2023") or its standing ("60 lost as of May"): a
    cumulative figure is its report's; nor does a date of another of the sentence's ``figures``.
    """
    doc = verb.doc
    spans = {t: doc.char_span(t.start, t.end, alignment_mode="expand") for t in times if t.kind == "date"}
    times = [t for t, span in spans.items() if span is None or not _names_a_thing(span)]
    if figure is not None:
        times = [t for t in times if (span := spans[t]) is None or not starts_a_running_total(span)]
        times = [t for t in times if (span := spans[t]) is None or not as_it_stood(t, span)]
        stretch = ends_of_a_long_stretch(times, doc.text)
        times = [t for t in times if t not in stretch]
        counted = figure_token(verb.sent, figure)
        others = [figure_token(verb.sent, f) for f in figures if f != figure]
        times = [t for t in times if (at := spans[t]) is None or not anothers_date(at, counted, verb, others)]
    aims = vocabulary.cue("planned") | vocabulary.cue("target")
    times = [t for t in times if not since_a_year(t, spans[t]) and not by_a_year(t, spans[t], aims)]
    times = [t for t in times if not a_bare_season(t)]
    if not times:
        return None
    attached, in_scope = [], []
    for time in times:
        span = spans[time]
        if span is None:
            continue
        governor = governing_verb(span.root, scope | {t.i for t in span})
        if governor is not None and governor.i == verb.i:
            attached.append(time)
        if span.root.i in scope:
            in_scope.append(time)
    pool = attached or in_scope or list(times)
    # The gap between the figure (or verb) and the date: "from 300 in early 2024 to 2,000 by the
    # end of the year" dates each figure by the expression beside it.
    start, end = (figure.start, figure.end) if figure is not None else (verb.idx, verb.idx + len(verb))
    # On a tie the date after the figure wins: "2,000 by the end of the year" more than "2024 to 2,000".
    return min(pool, key=lambda t: (max(t.start - end, start - t.end, 0), t.start < start))
