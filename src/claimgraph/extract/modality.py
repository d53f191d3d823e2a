"""How firmly a claim is put: the cues on the path from what is claimed up to its clause.

The path is the claim's anchor token (its figure, or its verb) and every head
above it within the attributed scope, with their auxiliaries, adverbs and
complements: "aims to reach 5,000" puts 5,000 under "aim" (target) while
"produces 2,000" beside it stays asserted. The strongest cue wins, in the order
of ``modality_from_cues``.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from claimgraph.domains.pack import default_vocabulary
from claimgraph.domains.vocabulary import Vocabulary
from claimgraph.extract.attribution import Attribution
from claimgraph.extract.lexicons import (
    ESTIMATE_WORDS,
    FUTURE_AUX,
    HEDGE_WORDS,
    REPORTED_WORDS,
    SPECULATIVE_AUX,
    SPECULATIVE_WORDS,
)
from claimgraph.extract.units import ISO_CODES
from claimgraph.records import Modality, Quantity

# Acts whose negation denies nothing: "did not respond", "could not confirm", "did not say how many".
_NOT_A_DENIAL = frozenset(
    ["respond", "comment", "confirm", "reply", "say", "disclose", "specify", "elaborate", "know", "detail",
     "answer", "return", "verify", "reveal", "explain", "identify", "name", "give", "provide", "mention"]
)  # fmt: skip
_PATH_CHILDREN = frozenset(["aux", "auxpass", "advmod", "acomp", "neg", "mark", "prt", "npadvmod", "amod"])
_REPORTING_PAST = frozenset(["VBD", "VBN"])
# Verbs of what something can hold: "could contain", "may carry" reckon a capacity, not a guess.
_CAPACITY_VERBS = frozenset(["contain", "hold", "carry", "accommodate", "fit", "house"])
_WITHIN = frozenset(["among", "inside", "within", "aboard"])


# A round figure someone gives ("about 2,000, officials said") is their estimate; "more than" is a bound.
_ROUGHLY = frozenset(["about", "around", "approximately", "roughly", "some", "nearly", "almost", "~"])
_PROOF_VERBS = frozenset(["confirm", "prove", "establish", "demonstrate"])
_VAGUE_COUNTS = frozenset(["dozens", "hundreds", "thousands", "millions"])
_OWN_PRONOUNS = frozenset(["it", "we"])
_TIME_SPANS = frozenset(["second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade"])


def claim_modality(
    anchor: Token,
    scope: Collection[int],
    attribution: Attribution | None,
    figure: Quantity | None = None,
    vocabulary: Vocabulary | None = None,
) -> Modality:
    """The modality of the claim whose ``figure`` (its token the ``anchor``) or verb is ``anchor``."""
    if _asks(anchor, scope):
        return Modality.SPECULATIVE  # "How many drones can Russia build?" asserts nothing
    cues = path_cues(anchor, scope)
    qualifier = figure.qualifier if figure is not None else None
    would_is_future = (
        attribution is not None
        and attribution.verb is not None
        and (attribution.verb.tag_ in _REPORTING_PAST)
    )
    return modality_from_cues(
        cues,
        denied=attribution is not None and (attribution.denial or _says_it_did_not(cues)),
        estimated=(attribution is not None and (attribution.estimate or _a_rounded_count(figure, cues)))
        or (figure is not None and _believed_by_nobody_named(attribution))
        or qualifier in ("estimated", "an estimated")
        or (
            _from_an_estimating_source(anchor, scope, attribution, vocabulary)
            and not (figure is None and _proven(cues, attribution, anchor))
        ),
        reported=attribution is not None,
        would_is_future=would_is_future,
        vocabulary=vocabulary,
        of_a_figure=figure is not None,
    )


def _believed_by_nobody_named(attribution: Attribution | None) -> bool:
    """ "4,000 are believed to have been killed": a passive of belief with no one named gives a
    figure as someone's reckoning, an estimate."""
    verb = attribution.verb if attribution is not None else None
    return (
        verb is not None
        and attribution is not None
        and attribution.cue == f"{verb.lemma_.lower()} (passive)"
        and verb.lemma_.lower() == "believe"
    )


def _a_rounded_count(figure: Quantity | None, cues: Collection[Token]) -> bool:
    """ "about 2,000 soldiers", officials said: a round count someone gives is their estimate of
    what nobody has counted. A rounded measure is not: "about $800 a month", "about two and a
    half years", "some 170 drones a day" round a price, a span or a rate the speaker knows, and
    "about 12 times more" rounds a ratio worked out from two counts. A vague count ("dozens of
    missiles", "thousands of workers", a speaker said) is an estimate the same way. "About 2,000
    were reportedly sent" passes on a report's figure: reported, not the speaker's own reckoning."""
    vague = figure is not None and figure.qualifier is None and any(t.lower_ in _VAGUE_COUNTS for t in cues)
    if figure is None or (figure.qualifier not in _ROUGHLY and not vague) or figure.unit == "ratio":
        return False
    if any(t.lower_ in REPORTED_WORDS for t in cues) or _counts_its_own(cues):
        return False
    return figure.per is None and figure.unit not in _TIME_SPANS and figure.unit.upper() not in ISO_CODES


def _doubts_a_fact(token: Token) -> bool:
    """ "Russia may be recruiting workers", "they might have sent more": a modal of possibility on
    what is going on or has happened hedges a fact; on a bare act ("may transfer") it speculates
    about what could come."""
    if token.tag_ != "MD" or token.lemma_.lower() not in SPECULATIVE_AUX:
        return False
    verb = token.head
    helpers = {c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i > token.i}
    return (verb.tag_ == "VBG" and "be" in helpers) or (verb.tag_ == "VBN" and "have" in helpers)


def _counts_its_own(cues: Collection[Token]) -> bool:
    """ "The army said it lost about 300 men", "we sent about 500": a speaker giving a count of
    its own (the figure's clause has "it" or "we" for subject) tallies what it knows, not a
    reckoning of what others did."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _OWN_PRONOUNS
        for t in cues
        if t.pos_ in ("VERB", "AUX")
        for c in t.children
    )


def _proven(cues: Collection[Token], attribution: Attribution | None, anchor: Token) -> bool:
    """ "The agency said the imagery confirms that X": what evidence (a thing, the subject of
    "confirm", "prove") is said to establish is put as fact, even by a source that usually
    estimates. A source confirming it itself ("confirmed by the ministry") still gives its
    reckoning, and so does a figure. The proof verb is on the claim's path, is its verb of
    saying, or heads what the speaker says."""
    verbs = list(cues)
    if attribution is not None:
        verbs += [attribution.verb] if attribution.verb is not None else []
        verbs += [t for t in anchor.sent if t.i in attribution.scope and t.head.i not in attribution.scope]
    return any(t.lemma_.lower() in _PROOF_VERBS and t.pos_ == "VERB" and _by_evidence(t) for t in verbs)


def _by_evidence(verb: Token) -> bool:
    """The verb's subject is a thing ("the analysis", "the wreckage"), not a source named."""
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    )


def _from_an_estimating_source(
    anchor: Token, scope: Collection[int], attribution: Attribution | None, vocabulary: Vocabulary | None
) -> bool:
    """ "Intelligence agencies say 10,000 were sent", "citing intelligence", "an analysis by Bain":
    a figure from a source that estimates is an estimate. The source is read outside what is
    attributed or outside the figure's clause (all the sentence when nothing is attributed), in
    a source's name ("National Intelligence Service") or as a noun naming its kind, but not as
    the subject that is itself the evidence ("the intelligence included a contract")."""
    words = (vocabulary or default_vocabulary()).cue("estimated")
    clause = next((t for t in [anchor, *anchor.ancestors] if t.pos_ in ("VERB", "AUX")), anchor)
    claimed = {t.i for t in clause.subtree}
    framing = [t for t in anchor.sent if attribution is None or t.i not in scope or t.i not in claimed]
    return any(
        t.lemma_.lower() in words and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.dep_ != "nsubj"))
        for t in framing
    )


def _asks(anchor: Token, scope: Collection[int]) -> bool:
    """The claim is a question: its sentence, within the claim's scope, ends in a question mark."""
    ending = [t for t in anchor.sent if not t.is_space and t.i in scope]
    return bool(ending) and ending[-1].text == "?"


def path_cues(anchor: Token, scope: Collection[int]) -> list[Token]:
    """The anchor, the heads above it in scope, and the modifiers that hang on them."""
    path: list[Token] = []
    current = anchor
    for _ in range(12):
        path.append(current)
        if current.head.i == current.i or current.head.i not in scope or _own_clause(current):
            break
        current = current.head
    found = list(path)
    for token in path:
        found.extend(c for c in token.children if c.dep_ in _PATH_CHILDREN or _is_to_be(token, c))
    return found


def _own_clause(token: Token) -> bool:
    """ "plans to send 900 and that 300 have already arrived": a conjoined verb with a subject of
    its own is a clause of its own, and the plan or doubt on the verb it is joined to is not its."""
    return (
        token.dep_ == "conj"
        and token.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )


def modality_from_cues(
    cues: Collection[Token],
    denied: bool = False,
    estimated: bool = False,
    reported: bool = False,
    would_is_future: bool = False,
    vocabulary: Vocabulary | None = None,
    of_a_figure: bool = False,
) -> Modality:
    """The modality its cue words give a claim; the pack's ``vocabulary`` (default: the shipped
    pack's) adds its own target and plan cues to the base's. ``of_a_figure``: the claim is a
    figure, which an estimating source's "will" forecasts; an act it says "will" happen is a plan."""
    words = vocabulary or default_vocabulary()
    lemmas = {t.lemma_.lower() for t in cues} | {t.lower_ for t in cues}
    if denied or lemmas & {"deny", "denial", "refute"}:
        return Modality.DENIED
    if lemmas & words.cue("target"):
        return Modality.TARGET
    if lemmas & SPECULATIVE_AUX and (lemmas & _CAPACITY_VERBS or any(_there_is_within(t) for t in cues)):
        return Modality.ESTIMATED  # "the containers could hold 3 million shells": a reckoned capacity
    if lemmas & HEDGE_WORDS:
        # "is believed to have sent 3,000", "likely lost 6,000": a figure of what has happened, put
        # with doubt, is a reckoning; "is likely to reach 2,500" forecasts with doubt, a hedge
        done = any(t.tag_ in _REPORTING_PAST and t.pos_ in ("VERB", "AUX") for t in cues)
        to_come = lemmas & FUTURE_AUX or lemmas & words.cue("planned")
        return Modality.ESTIMATED if of_a_figure and done and not to_come else Modality.HEDGED
    if of_a_figure and estimated and lemmas & FUTURE_AUX and not lemmas & words.cue("planned"):
        return Modality.ESTIMATED  # an analysis saying factories will make 4 million: a forecast
    if any(_doubts_a_fact(t) for t in cues):
        return Modality.HEDGED  # "may be recruiting", "might have sent": what is so, put with doubt
    if lemmas & SPECULATIVE_AUX or lemmas & SPECULATIVE_WORDS or ("would" in lemmas and not would_is_future):
        return Modality.SPECULATIVE
    if lemmas & FUTURE_AUX or lemmas & words.cue("planned") or "would" in lemmas or _has_to_be(cues):
        return Modality.PLANNED
    if estimated or lemmas & ESTIMATE_WORDS:
        return Modality.ESTIMATED
    if reported or lemmas & REPORTED_WORDS or lemmas & {"say", "said"}:
        return Modality.REPORTED
    return Modality.ASSERTED


def _there_is_within(token: Token) -> bool:
    """ "among the 900 crates there could be 2 million rounds": what may be inside something
    already there is reckoned from its size, like "the crates could hold 2 million rounds"."""
    return (
        token.lemma_ == "be"
        and any(c.dep_ == "expl" for c in token.children)
        and any(c.dep_ == "prep" and c.lower_ in _WITHIN for c in token.children)
    )


def _says_it_did_not(cues: Collection[Token]) -> bool:
    """ "'Iran has not sent any missiles,' he said", "Russia had received no drones": a source saying
    an act did not happen denies it."""
    return any(
        t.dep_ == "neg" and t.lower_ in ("not", "n't", "never") and t.head.pos_ in ("VERB", "AUX")
        and t.head.lemma_.lower() not in _NOT_A_DENIAL and not _not_only(t)
        for t in cues
    ) or any(_with_no_object(t) for t in cues if t.pos_ == "VERB")  # fmt: skip


def _with_no_object(verb: Token) -> bool:
    """ "received no drones": the object is denied by its determiner (not "no fewer than 3,000")."""
    if verb.lemma_.lower() in _NOT_A_DENIAL:
        return False
    return any(
        c.dep_ in ("dobj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in verb.children
    )


def _not_only(neg: Token) -> bool:
    """ "not only … but also": emphasis, not negation."""
    following = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return following is not None and following.lower_ in ("only", "just", "merely")


def _is_to_be(head: Token, child: Token) -> bool:
    """ "are to be dispatched", "is set to open": a plan put as an arrangement."""
    return (
        child.dep_ == "xcomp"
        and head.lemma_ in ("be", "set")
        and any(c.lower_ == "to" for c in child.children)
    )


def _has_to_be(cues: Collection[Token]) -> bool:
    return any(t.dep_ == "xcomp" and t.head.lemma_ in ("be", "set") for t in cues)
