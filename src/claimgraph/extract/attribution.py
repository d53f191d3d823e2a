"""Who a sentence's claims are attributed to, through what, and by what cue.

Read from the dependency parse: the subject of a verb of saying ("X said that
…"), "according to X", "X is concerned that …", "X, citing Y" (speaker Y, via
X), "according to a report from X, Y revealed …" (speaker Y, via X), a
statement made to an outlet ("told Newsweek": via Newsweek), passives ("it was
announced", "are said to": reported, no speaker), pronouns and definite
descriptions ("he", "the agency") resolved to the speaker named before, and
quotations that run on from an earlier sentence. Each attribution covers a
scope: the tokens of what is claimed, so a sentence can hold several.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from claimgraph.extract.briefings import note_briefings, relay_briefings
from claimgraph.extract.lexicons import (
    ATTITUDE_ADJECTIVES,
    DENIAL_VERBS,
    ESTIMATE_VERBS,
    ESTIMATE_WORDS,
    EVIDENCE_VERBS,
    INSTRUMENT_NOUNS,
    SPEECH_VERBS,
)
from claimgraph.extract.nesting import lend_nested_speakers, relay_nested_speakers
from claimgraph.extract.speakers import (
    NOT_A_SPEAKER,
    SPEAKING_KINDS,
    Discourse,
    Mentions,
    can_speak,
    cites_bare_intelligence,
    credit_the_state_s_body,
    organ_of_state,
    people_in,
    resolve_speaker,
)
from claimgraph.extract.speech import (
    calls_it_false,
    credits_what_came_before,
    has_content,
    hung_on_its_speaker,
    interviewer,
    inverted,
    is_demonstrative,
    is_list_item,
    is_passive,
    is_root,
    puts_a_figure,
    recalls_an_admission,
    said_in_background,
    said_nothing,
    subject_of,
)
from claimgraph.records import Mention

_OUTLET_KINDS = frozenset(["media outlet"])
_ANONYMOUS_NOUNS = frozenset(["source", "insider", "informant", "interlocutor"])


@dataclass(slots=True)
class Attribution:
    """One speaker and what they are credited with in a sentence."""

    speaker: str | None  # an entity id when resolved, else the words used; None: unnamed ("reports say")
    cue: str  # "according to", "said", "citing", "quote" …
    start: int  # the speaker's words in the body (start == end when not in this sentence)
    end: int
    via: str | None = None  # who passed it on: the outlet a statement was made to, the one citing
    denial: bool = False
    estimate: bool = False
    verb: Token | None = None  # the verb of saying, when there is one
    scope: frozenset[int] = frozenset()  # token indices of what is attributed
    framing: frozenset[int] = frozenset()  # token indices of speaker, via and cue words
    points_back: bool = False  # "This was reported by NHK": it credits the sentence before too


def find_attributions(
    sent: Span,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    discourse: Discourse | None = None,
    quote_start: int | None = None,
) -> list[Attribution]:
    """Every attribution in the sentence; ``quote_start`` is where a quotation open at its start began."""
    discourse = discourse or Discourse()
    named = Mentions(sent, mentions, kinds)
    found = [a for token in sent if (a := _verb_attribution(token, named, discourse)) is not None]
    according = _according_to(sent, named, discourse)
    if according is not None:
        main = next((a for a in found if a.verb is not None and a.verb.i == according.verb_head), None)
        if main is not None and main.speaker is not None:
            main.via, main.framing = according.speaker, main.framing | according.framing
        else:
            found = [a for a in found if a is not main]
            found.insert(0, according.attribution)
    _apply_citing(sent, found, named, discourse)
    found = [one for a in found for one in _each_of_both(a, sent, found, named)]
    _adding_to_a_quote(found)
    lend_nested_speakers(found)
    found = relay_nested_speakers(found, discourse.speaks_for)
    if not found and quote_start is not None and quote_start in discourse.quotes:
        earlier = discourse.quotes[quote_start]
        found.append(Attribution(earlier.speaker, "quote", sent.start_char, sent.start_char, earlier.via))
    elif not found and discourse.listing is not None and is_list_item(sent):
        earlier = discourse.listing
        found.append(Attribution(earlier.speaker, "list", sent.start_char, sent.start_char, earlier.via))
    note_briefings(sent, named, discourse)
    relay_briefings(found, discourse)
    for attribution in found:
        organ_of_state(attribution, sent, named, discourse.bodies)
    _set_scopes(sent, found)
    discourse.people_named = people_in(sent, named) or discourse.people_named
    return found


def remember(
    sent: Span,
    found: Sequence[Attribution],
    kinds: Mapping[str, str],
    discourse: Discourse,
    subjects: Iterable[str] = (),
    quotes: Sequence[tuple[int, int]] = (),
) -> None:
    """Note the speakers and subjects a later "he" or "the agency" may point back to,
    and who speaks in quotations that open here and run on."""
    for entity_id in subjects:
        if kinds.get(entity_id) == "person":
            discourse.last_person = entity_id
    for attribution in found:  # only a body that spoke is "the agency" or "it" later
        kind = kinds.get(attribution.speaker or "")
        if kind == "person":
            discourse.last_person = attribution.speaker
        elif kind in SPEAKING_KINDS:
            discourse.last_group = attribution.speaker
    speaker = next((a for a in found if a.speaker is not None), None)
    if sent.text.rstrip().endswith(":") and speaker is not None:
        discourse.listing = speaker  # "The agency told lawmakers:" and a list of what it said
    elif not is_list_item(sent):
        discourse.listing = None
    for start, end in quotes:
        if speaker is not None and sent.start_char <= start < sent.end_char < end:
            discourse.quotes[start] = speaker


def _verb_attribution(token: Token, named: Mentions, discourse: Discourse) -> Attribution | None:
    lemma = token.lemma_.lower()
    if token.pos_ in ("ADJ",) and lemma in ATTITUDE_ADJECTIVES and token.dep_ == "acomp":
        if not any(c.dep_ == "ccomp" for c in token.children):
            return None
        subject = _line_subject(token.head, named)
        cue = f"{token.head.lemma_.lower()} {token.lower_}" if token.head.lemma_ == "be" else token.lower_
        return _from_subject(subject, token, cue, named, discourse) if subject is not None else None
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("amod", "compound", "csubj"):
        return None
    if token.dep_ == "acl" and not hung_on_its_speaker(token):
        return None  # "the report published by X" modifies a noun; it says nothing
    if lemma == "quote" and any(c.lower_ == "as" for c in token.children):
        return _quoted_as_saying(token, named, discourse)
    if _names_what_was_said(token):
        return None
    back = lemma in SPEECH_VERBS and credits_what_came_before(token)
    if not has_content(token) and not back:
        return None  # "adds to the instability", "if confirmed": nothing is said
    speech = lemma in SPEECH_VERBS or lemma in EVIDENCE_VERBS or lemma in DENIAL_VERBS
    if not speech and not puts_a_figure(token):
        return None
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return None
    if lemma in ("cite", "quote"):
        return None  # "citing Y" passes a claim on; see _apply_citing
    if said_in_background(token) or recalls_an_admission(token):
        return None
    if said_nothing(token) and not any(c.lemma_.lower() in SPEECH_VERBS for c in token.children):
        return None  # but "could not confirm it, stating that …" still states something
    if is_passive(token):
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if by is not None:
            found = _from_subject(by, token, lemma, named, discourse)
            if found is not None:
                found.points_back = back
            return found
        return Attribution(
            None,
            f"{lemma} (passive)",
            token.idx,
            token.idx,
            estimate=lemma in ESTIMATE_VERBS,  # "it is estimated that": an estimate, by nobody named
            verb=token,
            framing=frozenset(),
        )
    subject = _line_subject(token, named)
    if subject is None or any(c.dep_ == "case" for c in subject.children):
        return None  # "Russia's reported plan": a possessor, not a speaker
    if lemma in EVIDENCE_VERBS and (subject.pos_ == "PRON" or not can_speak(subject, named)):
        return None  # "the involvement suggests": evidence, not a speaker
    if is_demonstrative(subject) and named.entity(subject) is None:
        return None  # "this uptick emphasizes": a fact pointing back, not a speaker
    found = _from_subject(subject, token, lemma, named, discourse)
    if found is not None:
        found.points_back = back
    return found


def _names_what_was_said(verb: Token) -> bool:
    """ "in the face of what they say is a hostile West", "what he told us in May": a free
    relative on "what" names something said, as a noun would; it claims nothing of its own."""
    return any(
        t.tag_ == "WP" and t.lower_ == "what" and t.i < verb.i and (t.head == verb or t.head.head == verb)
        for t in verb.sent
    )


def _quoted_as_saying(verb: Token, named: Mentions, discourse: Discourse) -> Attribution | None:
    """ "TASS quoted X as saying", "X was quoted by TASS as saying": X speaks, via TASS."""
    if is_passive(verb):
        quoted = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        relay = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    else:
        quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
        relay = _line_subject(verb, named)
    found = _from_subject(quoted, verb, "quote", named, discourse) if quoted is not None else None
    if found is not None and relay is not None and found.via is None:
        via, phrase = resolve_speaker(relay, named, discourse)
        if isinstance(via, str) and via != found.speaker:
            found.via, found.framing = via, found.framing | {t.i for t in phrase}
    return found


def _from_subject(
    subject: Token, verb: Token, cue: str, named: Mentions, discourse: Discourse
) -> Attribution | None:
    speaker, phrase = resolve_speaker(subject, named, discourse)
    if speaker is NOT_A_SPEAKER:
        return None
    framing = {t.i for t in phrase} | {verb.i}
    via = None
    for child in verb.children:  # "told Newsweek", "concern to Newsweek", "in an interview with NHK"
        target = child if child.dep_ in ("dative", "dobj") else None
        if child.dep_ == "prep" and child.lower_ == "to":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ == "in":
            target = interviewer(child)
        if target is not None and named.kinds.get(named.entity(target) or "") in _OUTLET_KINDS:
            via = named.entity(target)
            framing |= {t.i for t in target.subtree} | {child.i}
    lemma = verb.lemma_.lower()
    return Attribution(
        speaker=speaker if isinstance(speaker, str) else None,
        cue=cue,
        start=phrase[0].idx if phrase else verb.idx,
        end=phrase[-1].idx + len(phrase[-1]) if phrase else verb.idx,
        via=via,
        denial=lemma in DENIAL_VERBS or calls_it_false(verb),
        estimate=lemma in ESTIMATE_VERBS,
        verb=verb,
        framing=frozenset(framing),
    )


def _line_subject(verb: Token, named: Mentions) -> Token | None:
    """The verb's subject within the line; the parser may take a heading above for it."""
    sent = named.sent
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and sent.start <= c.i < sent.end), None)
    subject = subject or subject_of(verb)
    if subject is not None and not sent.start <= subject.i < sent.end:
        subject = _subject_in_line(verb, sent, named)
    return subject


def _subject_in_line(verb: Token, sent: Span, named: Mentions) -> Token | None:
    """The last named speaker before the verb, when the parsed subject lies outside the line."""
    before = [t for t in sent if t.i < verb.i and named.entity(t) is not None]
    return before[-1] if before else None


@dataclass(slots=True)
class _According:
    attribution: Attribution
    verb_head: int  # the token "according to" attaches to

    @property
    def speaker(self) -> str | None:
        return self.attribution.speaker

    @property
    def framing(self) -> frozenset[int]:
        return self.attribution.framing


def _according_to(sent: Span, named: Mentions, discourse: Discourse) -> _According | None:
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= sent.end or sent.doc[token.i + 1].lower_ != "to":
            continue
        to = sent.doc[token.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((t for t in sent.doc[to.i + 1 : sent.end] if t.pos_ in ("NOUN", "PROPN")), None)
        if pobj is None or (pobj.lemma_.lower() in INSTRUMENT_NOUNS and named.entity(pobj) is None):
            return None  # "according to the resolution": what a text lays down, no one's word
        speaker, phrase = resolve_speaker(pobj, named, discourse)
        if speaker is NOT_A_SPEAKER:
            speaker = pobj.text
        framing = {token.i, to.i} | {t.i for t in pobj.subtree}
        attribution = Attribution(
            speaker=speaker if isinstance(speaker, str) else None,
            cue="according to",
            start=phrase[0].idx if phrase else pobj.idx,
            end=phrase[-1].idx + len(phrase[-1]) if phrase else pobj.idx + len(pobj),
            estimate=pobj.lemma_.lower() in ESTIMATE_WORDS,  # "according to estimates by X"
            framing=frozenset(framing),
        )
        return _According(attribution, token.head.i)
    return None


def _anonymous(cited: Token, speaker: object, named: Mentions) -> bool:
    """ "citing Russian sources", "citing sources in Seoul": a country or place only says where
    unnamed sources sit; they do not speak for it."""
    place = named.kinds.get(str(speaker)) in ("country", "place")
    return place and cited.lemma_.lower() in _ANONYMOUS_NOUNS


def _apply_citing(sent: Span, found: list[Attribution], named: Mentions, discourse: Discourse) -> None:
    """ "X reported, citing Y": the claim is Y's, passed on by X."""
    for token in sent:
        if token.lemma_.lower() != "cite" or token.tag_ != "VBG":
            continue
        cited = next((c for c in token.children if c.dep_ == "dobj"), None)
        if cited is None:
            continue
        speaker, phrase = resolve_speaker(cited, named, discourse)
        if cites_bare_intelligence(cited, named):
            credit_the_state_s_body(found, discourse.bodies, cited)
            continue
        if speaker is NOT_A_SPEAKER or speaker is None or _anonymous(cited, speaker, named):
            continue  # "NHK reported, citing diplomatic sources": the claim stays NHK's
        name = str(speaker)
        framing = frozenset({token.i} | {t.i for t in cited.subtree})
        passer = next((a for a in found if a.speaker is not None), None)
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
        if passer is None:
            found.append(Attribution(name, "citing", start, end, framing=framing))
            continue
        passer.via, passer.speaker = passer.speaker, name
        passer.cue, passer.start, passer.end = "citing", start, end
        passer.framing = passer.framing | framing


def _adding_to_a_quote(found: Sequence[Attribution]) -> None:
    """ "TASS quoted the council as saying A, adding B": what is added, hung on the verb that
    quotes, is the quoted speaker's too, not the outlet's."""
    quotes = {a.verb.i: a for a in found if a.cue == "quote" and a.verb is not None}
    for attribution in found:
        verb = attribution.verb
        if verb is None or verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.i not in quotes:
            continue
        quoted = quotes[verb.head.i]
        attribution.speaker, attribution.via = quoted.speaker, quoted.via


def _each_of_both(
    attribution: Attribution, sent: Span, found: Sequence[Attribution], named: Mentions
) -> list[Attribution]:
    """ "X accuses Tehran of arming Moscow, a claim denied by both countries": "both" names the
    first two states the sentence names before the verb (not a speaker of its own), and each of
    them says it."""
    verb = attribution.verb
    if verb is None:
        return [attribution]
    voices = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    voices += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    both = next((v for v in voices if any(c.lower_ == "both" for c in v.children)), None)
    if both is None or both.pos_ != "NOUN":  # "both sides", not "both Kyiv and Washington" (each named)
        return [attribution]
    others = {a.speaker for a in found if a is not attribution}
    named_before = (named.entity(t) for t in sent if t.i < verb.i)
    states = [
        e for e in dict.fromkeys(named_before) if e and named.kinds.get(e) == "country" and e not in others
    ]
    if len(states) < 2:
        return [attribution]
    framing = attribution.framing | {t.i for t in both.subtree}
    return [replace(attribution, speaker=state, framing=framing) for state in states[:2]]


def _set_scopes(sent: Span, found: list[Attribution]) -> None:
    """What each attribution covers: its verb's clause, less speakers and nested attributions."""
    framing = frozenset().union(*(a.framing for a in found)) if found else frozenset()
    verbs = {a.verb.i for a in found if a.verb is not None}
    for attribution in found:
        verb = attribution.verb
        if verb is None or is_root(verb, sent) or inverted(verb) or attribution.cue == "citing":
            tokens = {t.i for t in sent}
        else:
            tokens = {t.i for t in verb.subtree}
        for other in found:
            if other is attribution or other.verb is None or other.verb.i not in tokens:
                continue
            if verb is None or other.verb.i != verb.i:
                tokens -= {t.i for t in other.verb.subtree} - ({verb.i} if verb is not None else set())
        attribution.scope = frozenset(tokens - framing - verbs)
