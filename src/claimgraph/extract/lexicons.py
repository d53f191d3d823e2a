"""Cue lexicons: the words that mark who speaks, how firmly, and in whose voice.

Lemmas, lower-case. Each family is pinned by tests with short sentences of our
own (tests/test_attribution.py, tests/test_modality.py); add words to a family
rather than special cases to the code that reads them.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs of saying: their subject is a speaker whatever it is ("the report said").
SPEECH_VERBS = _words(
    """say state tell warn confirm report reveal claim announce add note explain insist assert
    allege deny acknowledge admit disclose describe argue write estimate believe predict stress
    emphasise emphasize reiterate declare testify inform brief caution concede maintain contend
    comment remark mention observe recall tweet post publish quote assess conclude
    calculate forecast project accuse urge express"""
)
# Verbs of evidence: a speaker only when their subject can speak ("the agency indicated"),
# not when it is a fact ("the involvement suggests").
EVIDENCE_VERBS = _words("suggest indicate show highlight underline underscore signal demonstrate point find")
DENIAL_VERBS = _words("deny reject dismiss refute rebuff disown")
ESTIMATE_VERBS = _words("estimate assess calculate forecast project put")
# "X is concerned that …": an attitude, reported like speech.
ATTITUDE_ADJECTIVES = frozenset(
    [
        "concerned",
        "worried",
        "convinced",
        "confident",
        "certain",
        "sure",
        "adamant",
        "fearful",
        "aware",
        "alarmed",
        "hopeful",
    ]
)
# Nouns that name a source of words; their speaker is the one who wrote or gave them
# ("a report from Newsweek", "the ministry's statement").
SOURCE_NOUNS = _words(
    """report statement release interview article estimate estimates data figure assessment analysis
    briefing broadcast communique announcement post message dispatch document survey study
    story imagery testimony tally count calculation review investigation tracker database
    photo photograph image picture video footage readout transcript"""
)
# Nouns for people or bodies that speak for someone else ("a GUR officer", "South Korean officials").
ROLE_NOUNS = _words(
    """official officer spokesman spokeswoman spokesperson minister chief head commander member
    representative envoy ambassador diplomat source aide adviser advisor president leader
    secretary general director lawmaker legislator deputy analyst expert researcher scholar
    staff agency ministry government office service intelligence military army command
    broadcaster newspaper outlet channel force troop navy police authority regime administration
    committee council tank institute watchdog monitor investigator inspector prosecutor"""
)
# Roles held by one person: "the minister said" points back to the person named before.
PERSON_ROLE_NOUNS = _words(
    """official officer spokesman spokeswoman spokesperson minister chief head commander
    representative envoy ambassador diplomat aide adviser advisor president leader secretary
    director lawmaker legislator deputy analyst expert researcher scholar investigator inspector
    prosecutor latter former"""
)
# People who speak for others: "one lawmaker told reporters" counts no measure.
SPEAKER_ROLES = _words(
    """official officer spokesman spokeswoman spokesperson representative envoy diplomat source aide
    adviser advisor lawmaker legislator analyst expert researcher scholar"""
)
# Speakers too vague to name on their own: "Reports indicate …", "Experts warn …".
UNNAMED_SPEAKERS = _words(
    """report reports source sources expert experts analyst analysts official officials observer
    observers media estimate estimates critic critics people some many others"""
)
# Texts that lay something down rather than report it: "according to the resolution, X is banned"
# tells what the text stipulates, which no one is saying here.
INSTRUMENT_NOUNS = _words(
    """resolution law treaty agreement accord pact decree charter convention constitution statute
    regulation sanction sanctions contract"""
)
VAGUE_MODIFIERS = _words("recent some several many other unnamed anonymous various numerous")
# "unnamed Ukrainian officials": said outright to be nobody named, whatever country they serve.
ANONYMOUS_MODIFIERS = _words("unnamed anonymous undisclosed unidentified")
PERSON_PRONOUNS = _words("he she him her")
GROUP_PRONOUNS = _words("it they them")

# Modality cue families, by lemma. Target and plan cues are the packs' (base.yaml and a story's
# own: "targets" is an aim in one story and a strike in another).
FUTURE_AUX = _words("will shall 'll wo")
SPECULATIVE_AUX = _words("could might may")
SPECULATIVE_WORDS = _words("possible possibly potential potentially perhaps maybe conceivably")
HEDGE_WORDS = _words(
    """likely unlikely probably apparently presumably seemingly supposedly appear seem believe
    suspect"""
)
ESTIMATE_WORDS = _words("estimate estimated estimates estimation projected assessment")
REPORTED_WORDS = _words("reportedly allegedly purportedly ostensibly")
NEGATIONS = _words("not n't never no neither nor")

# Opinion: words that judge rather than report, and words that prescribe.
EVALUATIVE_WORDS = _words(
    """worrying worrisome troubling concerning alarming disturbing dire catastrophic disastrous
    dangerous reckless shameful disgraceful deplorable regrettable unacceptable outrageous
    appalling laudable commendable welcome admirable foolish naive misguided unwise wise
    irresponsible cynical brazen shocking grave ominous bleak hopeless desperate desperation
    appeasement folly blunder betrayal disgrace undoubtedly clearly arguably undeniably
    unquestionably obviously surely sadly unfortunately regrettably thankfully morally
    deeply profoundly far-reaching unpredictable destabilizing destabilising"""
)
PRESCRIPTIVE_AUX = _words("must should ought")
PRESCRIPTIVE_PHRASES = ("need to", "needs to", "have to", "has to", "it is time", "it is imperative")
FRAMING_VERBS = _words("view see regard consider deem")
# Nouns that interpret what an act means ("a strategic move", "a demonstration of loyalty").
INTERPRETIVE_NOUNS = _words(
    """move step sign signal demonstration message escalation blow boost victory setback mistake
    failure gamble test turning-point watershed wake-up"""
)
CONCLUDING_MARKERS = ("in conclusion", "in summary", "to sum up", "ultimately", "in short")
