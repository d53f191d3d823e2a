"""The grammar of reporting: whether a verb of saying says something, and where its subject is.

Shapes of the parse only, no entities: attribution.py decides who the speaker is.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# Verbs of saying that also name other acts ("adds thousands of drones", "posted losses"): with
# only an object they say nothing; a clause, a quotation or an inversion makes them speech.
ALSO_ACTS = frozenset({"add", "post", "project", "find"})
# A line of a list: a bullet, or a number with a full stop or bracket.
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–—▪·]|\d{1,2}[.)])\s+")


def has_content(verb: Token) -> bool:
    """A verb of saying with something said: a clause, an object, a quotation beside it."""
    objects = (
        ("ccomp", "xcomp", "parataxis", "oprd")
        if verb.lemma_.lower() in ALSO_ACTS
        else ("ccomp", "xcomp", "dobj", "parataxis", "dative", "oprd")
    )
    if any(c.dep_ in objects for c in verb.children):
        return True
    if inverted(verb):
        return True
    if verb.dep_ in ("parataxis", "ccomp", "relcl") or any(
        c.dep_ == "prep" and c.lower_ == "that" for c in verb.children
    ):
        return True
    sent = verb.sent
    return any(t.text in '“”"' for t in sent)


_POINTERS = frozenset(["this", "that", "these", "those", "it"])


def credits_what_came_before(verb: Token) -> bool:
    """ "This was reported by NHK", "The ministry confirmed this figure": the report is of the
    sentence before, pointed at by a demonstrative subject (passive) or object (active)."""
    roles = ("nsubjpass",) if any(c.dep_ == "agent" for c in verb.children) else ("dobj",)
    pointer = next((c for c in verb.children if c.dep_ in roles), None)
    if pointer is None:
        return False
    return pointer.lower_ in _POINTERS or any(
        c.dep_ == "det" and c.lower_ in _POINTERS - {"it"} for c in pointer.children
    )


# Subordinators of time or cause set a clause in the past or beside the news ("after X confirmed",
# "as X has accused"): what X said there is background. A contrast ("while X denied") is a claim.
_BACKGROUND_MARKS = frozenset(["after", "before", "since", "until", "once", "when", "as"])


def said_in_background(verb: Token) -> bool:
    """ "The briefing came after Seoul confirmed that …", "ties grew, with Seoul accusing Kim of …":
    a verb of saying in an adverbial clause opened by a subordinator of time or cause, or after
    "with" with no clause of its own, sets the scene of another clause; it is not the claim.
    ("with estimates suggesting that …" stays a claim: its clause carries the news.)"""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with":
        return not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
    if verb.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in verb.children)


# Verbs that own up to a fact; told as history ("had announced", "only admitted it in May") they
# recall how the fact came out, not a statement this text reports.
_OWNING_UP = frozenset(["admit", "acknowledge", "announce", "confirm"])


def recalls_an_admission(verb: Token) -> bool:
    """ "Both capitals had officially announced the visit", "Freedonia only acknowledged it had sold
    rifles in May": a verb of owning up in the past perfect, or limited by "only" to when it came,
    restates known history (background), not a new statement. A verb joined by "and" shares the
    marks of the verb it follows."""
    if verb.lemma_.lower() not in _OWNING_UP:
        return False
    marked = (verb.head, verb) if verb.dep_ == "conj" else (verb,)
    return any(
        (c.dep_ == "aux" and c.lower_ == "had") or (c.dep_ == "advmod" and c.lower_ == "only")
        for v in marked
        for c in v.children
    )


def said_nothing(verb: Token) -> bool:
    """ "Neither Moscow nor Pyongyang has confirmed it", "he did not comment": a verb of saying
    that is negated reports a silence, not a statement."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.lower_ == "neither" for s in subjects for c in s.children)  # preconj or det


def inverted(verb: Token) -> bool:
    """ "X will send workers, NHK has reported": the report comes after what it reports."""
    return (
        verb.dep_ in ("conj", "parataxis")
        and verb.i > verb.head.i
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)  # "and chips add drones": an act
    ) or hung_on_its_speaker(verb)


def hung_on_its_speaker(verb: Token) -> bool:
    """ "X is building a plant, Ukraine's military intelligence (HUR) reported on March 6.": the
    parser hung the closing verb of saying on a noun (or on the root) with no subject of its own."""
    return speaker_before(verb) is not None


def speaker_before(verb: Token) -> Token | None:
    """The noun just before such a closing verb (past a parenthesis), set off by a comma."""
    doc, sent = verb.doc, verb.sent
    if verb.dep_ not in ("acl", "conj") or verb.tag_ not in ("VBD", "VBN"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "ccomp") for c in verb.children):
        return None
    after = verb.right_edge.i + 1
    if not (after >= sent.end or (doc[after].is_punct and after + 1 >= sent.end)):
        return None  # the verb's phrase must close the sentence
    k = verb.i - 1
    if k > sent.start and doc[k].text == ")":
        k = next((j for j in range(k - 1, max(sent.start, k - 6), -1) if doc[j].text == "("), k) - 1
    if k <= sent.start or doc[k].pos_ not in ("NOUN", "PROPN"):
        return None
    first = doc[k].left_edge.i
    return doc[k] if first > sent.start and doc[first - 1].text == "," else None


def is_root(token: Token, sent: Span) -> bool:
    """The root of a sentence, or of a line the parser joined to its neighbour."""
    return token.dep_ == "ROOT" or not sent.start <= token.head.i < sent.end


def is_demonstrative(subject: Token) -> bool:
    return subject.lower_ in ("this", "that", "these", "those") or any(
        c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those") for c in subject.children
    )


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; a relative clause's noun; a participle's or conjunct's governing subject."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if verb.dep_ == "relcl" and (subject is None or subject.tag_ in ("WP", "WDT")):
        return verb.head
    if subject is None and (speaker := speaker_before(verb)) is not None:
        return speaker
    participle = verb.tag_ == "VBG" or verb.dep_ in ("conj", "xcomp")  # "…, stating", "said and added"
    if subject is None and participle and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head) if verb.head.i != verb.i else None
    if subject is not None and subject.pos_ == "PRON" and subject.lower_ in ("that", "which", "who"):
        return None
    return subject


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def phrase_of(head: Token) -> list[Token]:
    """The head's subtree without its conjuncts and relative clauses."""
    skipped: set[int] = set()
    for child in head.children:
        if child.dep_ in ("conj", "cc", "relcl", "acl"):
            skipped |= {t.i for t in child.subtree}
    tokens = [t for t in head.subtree if t.i not in skipped]
    while tokens and tokens[-1].dep_ == "punct":
        tokens.pop()
    return tokens


def is_list_item(sent: Span) -> bool:
    """A line of a list: it opens with a bullet or a number and a full stop or bracket."""
    return bool(_LIST_ITEM.match(sent.text))


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Where quotations run in a body: curly pairs, and straight quotes taken two by two."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for index, char in enumerate(text):
        if char == "“" or (char == '"' and opened is None):
            opened = index if opened is None else opened
        elif char in '”"' and opened is not None:
            spans.append((opened, index + 1))
            opened = None
        elif char == "\n" and opened is not None and text[index + 1 : index + 2] == "\n":
            opened = None  # a paragraph ends an unclosed quotation
    return spans


def interviewer(prep: Token) -> Token | None:
    """The outlet of "in an interview with NHK": the object of "with" under "interview"."""
    noun = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() == "interview"), None)
    with_ = next((c for c in noun.children if c.lower_ in ("with", "to")), None) if noun is not None else None
    return next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ is not None else None


# Nouns a figure is "put at": "put the toll at 300", "put the number lower, at about 3,000".
_FIGURE_NOUNS = frozenset(
    ["number", "figure", "toll", "total", "count", "estimate", "loss", "casualty", "tally"]
)
# Words that call a report false: "described the reports as fake news".
_FALSEHOODS = frozenset(
    ["fake", "false", "untrue", "baseless", "fabricated", "fabrication", "lie", "lies", "groundless",
     "nonsense", "disinformation", "misinformation", "propaganda", "unfounded"]
)  # fmt: skip


def puts_a_figure(verb: Token) -> bool:
    """ "South Korea put the number at 3,000": an estimate, though "put" is no verb of saying."""
    if verb.lemma_.lower() != "put":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _FIGURE_NOUNS]
    return bool(objects) and any(t.lower_ == "at" for t in verb.subtree)


def calls_it_false(verb: Token) -> bool:
    """ "Moscow described the reports as fake news": a speaker calling a report false denies it."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    as_ = [c for c in (*verb.children, *(g for o in objects for g in o.children)) if c.lower_ == "as"]
    return any(t.lower_ in _FALSEHOODS for c in as_ for t in c.subtree)
