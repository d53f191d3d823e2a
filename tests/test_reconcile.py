"""Reconciliation across reports, on hand-built records: findings, the "never" rules, origins, grades,
indicators, and incremental runs that equal a run from scratch."""

from __future__ import annotations

import re

import pytest

from claimgraph.domains import DomainPack, IndicatorSpec, Profile
from claimgraph.domains.pack import default_vocabulary
from claimgraph.reconcile import MAX_CLAIMS, reconcile, trace_origins, track_indicators
from claimgraph.records import (
    Analysis,
    Claim,
    Document,
    Entity,
    FindingKind,
    Modality,
    Quantity,
    TimeRef,
)
from tests.conftest import EXAMPLES
from tests.postgres import store_location

ENTITIES = {
    e.id: e
    for e in (
        Entity("north-korea", "North Korea", "country"),
        Entity("russia", "Russia", "country"),
        Entity("ukraine", "Ukraine", "country"),
        Entity("nis", "National Intelligence Service", "intelligence or military body"),
        Entity("gur", "Defence Intelligence of Ukraine", "intelligence or military body"),
        Entity("jcs", "Joint Chiefs of Staff", "intelligence or military body"),
        Entity("nhk", "NHK", "media outlet"),
        Entity("wire", "Harbour Wire", "media outlet"),
        Entity("budanov", "Kyrylo Budanov", "person"),
        Entity("kremlin", "Kremlin", "organisation"),
        Entity("plant", "Delta Drone Plant", "facility"),
        Entity("treaty", "Harbour Defence Treaty", "treaty"),
        Entity("drone-x", "Drone X", "weapon system"),
    )
}
PACK = DomainPack(
    "test",
    "hand-built",
    tuple(ENTITIES.values()),
    profiles=(
        Profile("nis", "B", "careful intelligence service"),
        Profile("gur", "C", "party to the war"),
        Profile("nhk", "B", "public broadcaster"),
    ),
    indicators=(
        IndicatorSpec(
            "plant-output",
            "Drone X output per month at the plant",
            "drone",
            "month",
            ("plant",),
            ("produce",),
        ),
    ),
    vocabulary=default_vocabulary(),  # its entities are the first story's, and so are its words
)


def doc(name: str, published: str | None = None, **fields) -> Document:
    return Document(id=f"doc-{name}", source=f"{name}.txt", body="", published=published, **fields)


QUALIFIERS = ("about", "around", "over", "nearly")


def claim(
    document: Document,
    text: str,
    *,
    n: int = 0,
    figure: str | None = None,
    unit: str = "soldier",
    per: str | None = None,
    when: str | None = None,
    when_text: str | None = None,
    **fields,
) -> Claim:
    """A claim whose sentence is ``text``. ``figure`` ("about 11,000") and ``when_text`` are found in it
    for their offsets; the figure's value and qualifier are read from it."""
    quantity = time = None
    if figure is not None:
        at = text.index(figure)
        words = figure.split()
        qualifier = words[0].lower() if words[0].lower() in QUALIFIERS else None
        low, *high = (float(v.replace(",", "")) for v in re.findall(r"\d[\d,]*", figure))
        end = at + len(figure)
        quantity = Quantity(low, high[0] if high else low, unit, figure, at, end, qualifier, per)
    if when is not None:
        words_ = when_text or when
        at = text.index(words_)
        time = TimeRef(words_, when, "absolute", at, at + len(words_))
    fields.setdefault("predicate", "send")
    identity = {"id": f"{document.id}-{n}", "document_id": document.id, "start": 0, "end": len(text)}
    return Claim(**identity, text=text, quantity=quantity, time=time, **fields)


def findings(groups, kind: FindingKind | None = None):
    return [f for g in groups for f in g.findings if kind is None or f.kind == kind]


def run(claims, documents):
    return reconcile(claims, {d.id: d for d in documents}, ENTITIES, PACK)


NK, PLANT, PLAN = "north-korea", "plant", Modality.PLANNED


# --- corroboration, repeat, independence -------------------------------------------------------


def test_same_figure_from_two_independent_origins_is_a_corroboration_graded_confirmed():
    a, b = doc("a", "2024-11-13"), doc("b", "2024-11-05")
    claims = [
        claim(a, "North Korea sent about 11,000 soldiers, NIS said.", figure="about 11,000", subject=NK,
              speaker="nis"),
        claim(b, "Over 11,000 were deployed, GUR said.", figure="Over 11,000", subject=NK, speaker="gur",
              predicate="deploy"),
    ]  # fmt: skip
    groups = run(claims, [a, b])
    (found,) = findings(groups)
    assert found.kind == FindingKind.CORROBORATION
    assert set(found.claim_ids) == {c.id for c in claims}
    assert (
        "National Intelligence Service" in found.reason and "Defence Intelligence of Ukraine" in found.reason
    )
    (group,) = groups
    assert group.grade is not None and str(group.grade) == "B1"  # NIS is B; two origins agree
    assert "B (careful intelligence service)" in group.grade.reasoning
    assert all("soldier" in reason for reason in group.reasons)


def test_reports_repeating_one_origin_are_a_repeat_not_a_confirmation():
    a, b, c = (doc(name, f"2025-07-0{i}") for i, name in enumerate("abc", 1))
    workers = {"unit": "worker", "subject": NK, "modality": PLAN}
    claims = [
        claim(a, "North Korea will send 25,000 workers, NHK reported.", figure="25,000", speaker="nhk",
              **workers),
        # NHK named only as the relay of unnamed sources: still NHK's word.
        claim(b, "NHK, citing diplomatic sources, said 25,000 will go.", figure="25,000",
              speaker="diplomatic sources", via="nhk", **workers),
        claim(c, "Japan's NHK reported 25,000 would be sent, citing sources.", figure="25,000",
              speaker="sources", entities=(NK, "nhk"), **workers),
    ]  # fmt: skip
    groups = run(claims, [a, b, c])
    assert not findings(groups, FindingKind.CORROBORATION)
    (repeat,) = findings(groups, FindingKind.REPEAT)
    assert len(repeat.claim_ids) == 3 and "NHK" in repeat.reason and "not a confirmation" in repeat.reason
    (group,) = groups
    assert group.grade is not None and group.grade.credibility == 3  # one origin: possibly true


def test_credited_original_source_and_near_duplicates_make_one_origin():
    original = doc("orig", "2025-01-02", outlet="Pacific Brief")
    credits = doc("credit", "2025-01-03", original_source="https://www.pacificbrief.example/story")
    copy = doc("copy", "2025-01-04", near_duplicate_of="doc-orig")
    reports = (original, credits, copy)
    text = "North Korea sent 3,000 soldiers to Russia."
    claims = [claim(d, text, figure="3,000", subject=NK, object="russia") for d in reports]
    origins = {}
    for d, c in zip(reports, claims, strict=True):
        origins.update(trace_origins(d, [c], ENTITIES, PACK, {original.id: original}.get))
    assert len({o.id for o in origins.values()}) == 1
    assert "credits" in origins[claims[1].id].reason and "near-duplicate" in origins[claims[2].id].reason
    # Word-for-word copies are one story: its near-duplicate link says so, no finding repeats it.
    assert findings(run(claims, list(reports))) == []
    # A report that retells the credited story in its own words repeats its origin.
    retold = claim(credits, "Pyongyang has dispatched 3,000 troops to Russia.", n=1, figure="3,000",
                   subject=NK, object="russia")  # fmt: skip
    groups = run([claims[0], retold, claims[2]], list(reports))
    assert [f.kind for f in findings(groups)] == [FindingKind.REPEAT]


def test_a_copy_is_one_origin_with_what_it_copies_whatever_each_credits():
    original = doc("orig", "2025-01-02", outlet="Pacific Brief")  # credits no one
    copy = doc("copy", "2025-01-03", original_source="Harbour Wire", near_duplicate_of="doc-orig")
    text = "North Korea sent 3,000 soldiers to Russia."
    claims = [claim(d, text, figure="3,000", subject=NK, object="russia") for d in (original, copy)]
    origins = {}
    for d, c in zip((original, copy), claims, strict=True):
        origins.update(trace_origins(d, [c], ENTITIES, PACK, {original.id: original}.get))
    assert len({o.id for o in origins.values()}) == 1 and "near-duplicate" in origins[claims[1].id].reason
    # A credited wire written with or without its article is one outlet.
    alone = [
        doc(n, original_source=name) for n, name in (("a", "The Coastal Gazette"), ("b", "Coastal Gazette"))
    ]
    found = [trace_origins(d, [claim(d, text, figure="3,000", subject=NK)], ENTITIES, PACK) for d in alone]
    assert len({o.id for origins in found for o in origins.values()}) == 1


def test_an_outlet_relaying_a_named_source_and_an_anaphor_trace_to_that_source():
    a = doc("a")
    first = claim(
        a,
        "Newsweek reports Budanov said Russia will help North Korea.",
        predicate="help",
        subject="russia",
        object=NK,
        speaker="wire",
        entities=("budanov", "russia"),
    )
    named = claim(a, "GUR said output rose.", n=1, predicate="rise", speaker="gur")
    later = claim(a, "The plant makes 90 drones a day, the agency said.", n=2, figure="90", unit="drone",
                  per="day", speaker="the agency", predicate="make")  # fmt: skip
    origins = trace_origins(a, [first, named, later], ENTITIES, PACK)
    assert origins[first.id].id == "budanov" and "relays" in origins[first.id].reason
    assert origins[later.id].id == "gur" and "points back" in origins[later.id].reason


# --- contradiction -----------------------------------------------------------------------------


def test_two_dates_for_one_signing_contradict_but_compatible_precisions_do_not():
    a, b, c = doc("a"), doc("b"), doc("c")
    treaty = {"entities": ("treaty",)}
    claims = [
        claim(a, "The treaty was signed in June 2024.", when="2024-06", when_text="June 2024",
              predicate="sign", object="treaty", **treaty),
        claim(b, "They point to the treaty, signed on June 19, 2024.", when="2024-06-19",
              when_text="June 19, 2024", predicate="point", **treaty),
        claim(c, "The deal builds on the treaty signed in 2023.", when="2023", predicate="build", **treaty),
    ]  # fmt: skip
    groups = run(claims, [a, b, c])
    (contradiction,) = findings(groups, FindingKind.CONTRADICTION)
    assert set(contradiction.claim_ids) == {c.id for c in claims}
    assert "2023" in contradiction.reason and "2024-06" in contradiction.reason
    (group,) = groups
    assert group.key == "Harbour Defence Treaty · sign · date"


def test_a_signing_told_beside_a_meeting_on_its_date_is_dated_but_a_signing_far_off_is_not():
    a, b, c = doc("a"), doc("b"), doc("c")
    treaty = {"entities": ("treaty", "kim"), "predicate": "meet", "subject": "kim"}
    claims = [
        claim(a, "The two leaders meeting on June 19 and signing the treaty was a turning point.",
              when="2024-06-19", when_text="June 19", **treaty),
        claim(b, "The treaty, signed by both heads of state at the summit on June 12, 2024, binds them.",
              when="2024-06-12", when_text="June 12, 2024", **treaty),
        claim(c, "On Friday the envoy met Kim in the capital, a year after the two states, amid some "
              "fanfare, signed the treaty.",
              when="2025-03-07", when_text="Friday", **treaty),
    ]  # fmt: skip
    groups = run(claims, [a, b, c])
    (contradiction,) = findings(groups, FindingKind.CONTRADICTION)
    assert set(contradiction.claim_ids) == {claims[0].id, claims[1].id}  # Friday dates the meeting


def test_an_assertion_against_a_denial_is_a_contradiction():
    a, b = doc("a"), doc("b")
    claims = [
        claim(a, "North Korean troops are fighting Ukrainian forces, NIS said.", predicate="fight",
              subject=NK, object="ukraine", speaker="nis"),
        claim(b, "The Kremlin denied that North Korean troops are fighting.", predicate="fight",
              subject=NK, speaker="kremlin", modality=Modality.DENIED),
    ]  # fmt: skip
    (contradiction,) = findings(run(claims, [a, b]))
    assert contradiction.kind == FindingKind.CONTRADICTION
    assert "Kremlin" in contradiction.reason and "denies" in contradiction.reason


def test_differing_figures_for_one_stated_period_contradict():
    a, b = doc("a"), doc("b")
    fired = {"unit": "missile", "when": "2025-03", "when_text": "March 2025", "subject": "russia",
             "predicate": "fire"}  # fmt: skip
    claims = [
        claim(a, "Russia fired 900 missiles in March 2025, GUR said.", figure="900", speaker="gur", **fired),
        claim(b, "Russia fired 300 missiles in March 2025, NIS said.", figure="300", speaker="nis", **fired),
    ]
    (contradiction,) = findings(run(claims, [a, b]))
    assert (
        contradiction.kind == FindingKind.CONTRADICTION and "same measure and period" in contradiction.reason
    )


def test_two_figures_of_one_sentence_against_another_reports_sentence_are_one_finding():
    a, b = doc("a"), doc("b")
    fired = {"when": "2025-03", "subject": "russia", "predicate": "fire"}
    shells = {"unit": "shell", "when_text": "March 2025"}
    drones = {"unit": "drone", "when_text": "that March"}
    said_a = "In March 2025 Russia fired 900 shells and, that March, 90 drones, GUR said."
    said_b = "In March 2025 Russia fired 300 shells and, that March, 30 drones, NIS said."
    claims = [
        claim(a, said_a, figure="900 shells", speaker="gur", **shells, **fired),
        claim(a, said_a, n=1, figure="90 drones", speaker="gur", **drones, **fired),
        claim(b, said_b, figure="300 shells", speaker="nis", **shells, **fired),
        claim(b, said_b, n=1, figure="30 drones", speaker="nis", **drones, **fired),
    ]
    (contradiction,) = findings(run(claims, [a, b]))  # one disagreement between the two passages
    assert contradiction.kind == FindingKind.CONTRADICTION


# --- tension and update ------------------------------------------------------------------------


def test_a_country_per_day_against_a_factory_per_month_is_a_tension_after_rate_normalising():
    a, b = doc("a"), doc("b")
    made = {"unit": "drone", "predicate": "produce"}
    claims = [
        claim(a, "Russia can produce about 170 drones daily.", figure="about 170", per="day",
              subject="russia", **made),
        claim(b, "The plant produces around 2,000 drones per month.", figure="around 2,000", per="month",
              subject=PLANT, **made),
    ]  # fmt: skip
    (tension,) = findings(run(claims, [a, b]))
    assert tension.kind == FindingKind.TENSION
    assert "per day against per month" in tension.reason and re.search(
        r"about 5,1\d\d per month", tension.reason
    )
    assert "Russia" in tension.reason and "Delta Drone Plant" in tension.reason


def test_the_same_rate_in_other_units_agrees():
    a, b = doc("a"), doc("b")
    made = {"unit": "drone", "predicate": "make", "subject": PLANT}
    claims = [
        claim(
            a, "The plant makes about 100 drones a day.", figure="about 100", per="day", speaker="gur", **made
        ),
        claim(
            b,
            "It makes about 3,000 drones a month.",
            figure="about 3,000",
            per="month",
            speaker="nis",
            **made,
        ),
    ]
    assert [f.kind for f in findings(run(claims, [a, b]))] == [FindingKind.CORROBORATION]


def test_a_later_figure_from_the_same_source_updates_an_earlier_one_and_an_addition_its_total():
    early, late, more = doc("early", "2025-03-18"), doc("late", "2025-09-16"), doc("more", "2025-04-03")
    made = {"unit": "drone", "per": "month", "subject": PLANT, "speaker": "gur", "predicate": "produce"}
    claims = [
        claim(early, "The plant produced about 2,000 drones per month.", figure="about 2,000", **made),
        claim(late, "The plant now produces about 2,700 drones a month.", figure="about 2,700", **made),
        claim(early, "North Korea sent about 11,000 soldiers.", n=1, figure="about 11,000", subject=NK,
              speaker="nis"),
        claim(late, "Some 5,000 North Korean soldiers are in Russia.", n=1, figure="Some 5,000", subject=NK,
              speaker="gur"),
        claim(more, "North Korea sent an additional 3,000.", figure="3,000", subject=NK, speaker="jcs"),
    ]  # fmt: skip
    groups = run(claims, [early, late, more])
    output, troops = sorted(findings(groups, FindingKind.UPDATE), key=lambda f: "adds to" in f.reason)
    assert output.claim_ids == (claims[0].id, claims[1].id) and "supersedes" in output.reason
    assert "same source" in output.reason
    # The addition updates the total it adds to, the earlier one, once: not every other figure.
    assert set(troops.claim_ids) == {claims[2].id, claims[4].id} and "adds to the earlier" in troops.reason
    assert not findings(groups, FindingKind.CONTRADICTION)


def test_a_later_figure_from_another_source_is_no_update():
    early, late = doc("early", "2025-03-18"), doc("late", "2025-09-16")
    made = {"unit": "drone", "per": "month", "subject": PLANT, "predicate": "produce"}
    claims = [
        claim(early, "The plant produced about 2,000 drones per month.", figure="about 2,000", speaker="gur",
              **made),
        claim(late, "The plant now produces about 2,700 drones a month.", figure="about 2,700", speaker="nis",
              **made),
    ]  # fmt: skip
    assert findings(run(claims, [early, late])) == []


def test_differing_figures_that_cannot_be_ordered_are_left_alone():
    a, b = doc("a"), doc("b")
    claims = [
        claim(a, "North Korea has 11,000 soldiers in Russia.", figure="11,000", subject=NK, speaker="nis"),
        claim(b, "North Korea has 5,000 soldiers in Russia.", figure="5,000", subject=NK, speaker="gur"),
    ]
    assert findings(run(claims, [a, b])) == []


# --- the "never" rules -------------------------------------------------------------------------


def test_a_target_never_contradicts_or_updates_a_current_figure():
    a, b = doc("a", "2025-01-01"), doc("b", "2025-06-01")
    made = {"unit": "drone", "per": "month", "subject": PLANT, "predicate": "produce"}
    claims = [
        claim(a, "The plant aims to reach 5,000 drones per month.", figure="5,000", speaker="gur",
              modality=Modality.TARGET, **made),
        claim(b, "The plant produces 2,000 drones per month.", figure="2,000", speaker="nis", **made),
    ]  # fmt: skip
    assert findings(run(claims, [a, b])) == []


def test_opinion_and_speculation_are_never_weighed():
    a, b, c = doc("a"), doc("b"), doc("c")
    claims = [
        claim(a, "North Korea sent 11,000 soldiers.", figure="11,000", subject=NK),
        claim(b, "Sending 2,000 soldiers is a grave escalation.", figure="2,000", subject=NK, opinion=True),
        claim(c, "North Korea could send 50,000 soldiers.", figure="50,000", subject=NK,
              modality=Modality.SPECULATIVE),
    ]  # fmt: skip
    assert run(claims, [a, b, c]) == []  # the one fact has nothing to be weighed against


# --- grading and indicators --------------------------------------------------------------------


def test_a_source_without_a_profile_is_graded_f_and_contradiction_lowers_credibility():
    a, b = doc("a", outlet="Unknown Gazette"), doc("b")
    claims = [
        claim(a, "North Korean troops fight in Kursk.", predicate="fight", subject=NK, object="ukraine"),
        claim(b, "The Kremlin denied North Korean troops are fighting.", predicate="fight", subject=NK,
              speaker="kremlin", modality=Modality.DENIED),
    ]  # fmt: skip
    (group,) = run(claims, [a, b])
    assert group.grade is not None
    assert group.grade.reliability == "F" and "no profile in the domain pack" in group.grade.reasoning
    assert group.grade.credibility == 4 and "contradicted" in group.grade.reasoning


def test_indicator_series_points_at_claims_in_date_order_with_rates_converted():
    a, b, c = doc("a", "2025-09-16"), doc("b", "2025-03-18"), doc("c", "2025-04-01")
    at_plant = {"subject": PLANT, "entities": (PLANT,), "unit": "drone"}
    claims = [
        claim(a, "The plant produces about 90 drones a day.", figure="about 90", per="day", unit="drones",
              subject=PLANT, entities=(PLANT, "drone-x"), predicate="produce"),
        claim(b, "The plant produced 2,000 drones last month.", figure="2,000", when="2025-02",
              when_text="last month", predicate="produce", **at_plant),
        claim(c, "The plant aims for 5,000 drones per month.", figure="5,000", per="month", predicate="aim",
              modality=Modality.TARGET, **at_plant),
        claim(c, "Russia launched 5,000 drones per month.", n=1, figure="5,000", per="month", unit="drone",
              subject="russia", predicate="launch", entities=("russia",)),
    ]  # fmt: skip
    (series,) = track_indicators(PACK.indicators, claims, {d.id: d for d in (a, b, c)})
    assert [p.claim_id for p in series.points] == [claims[1].id, claims[0].id]  # 2025-02 first
    assert series.points[1].low == pytest.approx(90 * 30.44)  # a day's figure, per month
    assert series.points[0].modality == Modality.ASSERTED


# --- hostile input, scale, incremental ---------------------------------------------------------


def test_claims_of_unknown_reports_or_odd_figures_do_not_stop_reconciling():
    a, b = doc("a"), doc("b")
    claims = [
        claim(a, "North Korea sent 0 soldiers.", figure="0", subject=NK),
        claim(b, "North Korea sent 9 to 3 soldiers.", figure="9 to 3", subject=NK),
        Claim("lost-1", "doc-missing", 0, 5, "Lost.", "send", subject=NK, object="russia"),
    ]
    groups = run(claims, [a, b])
    assert all("lost-1" not in g.claim_ids for g in groups)


def test_a_large_group_is_assessed_on_the_claims_of_the_latest_reports():
    reports = [doc(f"r{i:04d}", f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(MAX_CLAIMS + 40)]
    claims = [claim(d, "North Korea sent 11,000 soldiers.", figure="11,000", subject=NK) for d in reports]
    (group,) = run(claims, reports)
    assert len(group.claim_ids) == MAX_CLAIMS
    newest = reports[-MAX_CLAIMS:]  # the last to come in, whatever their dates
    assert {c.document_id for c in claims if c.id in group.claim_ids} == {d.id for d in newest}


def test_a_group_is_assessed_on_what_its_last_reports_said_and_never_on_fewer_than_a_few(monkeypatch):
    from claimgraph.reconcile import groups

    monkeypatch.setattr(groups, "WINDOW_REPORTS", 30)
    monkeypatch.setattr(groups, "MIN_CLAIMS", 5)
    reports = [doc(f"w{i:03d}", "2025-01-01") for i in range(100)]

    def said(indexes, subject, n):
        text = "It sent 11,000 soldiers."
        return [claim(reports[i], text, n=n, figure="11,000", subject=subject) for i in indexes]

    busy = said([*range(10), *range(90, 100)], NK, 0)  # reported early, then again lately
    quiet = said([*range(10), 99], "russia", 1)  # reported early, then once more
    by_key = {g.key.split(" · ")[0]: g for g in run([*busy, *quiet], reports)}
    busy_docs = {c.document_id for c in busy if c.id in by_key["North Korea"].claim_ids}
    assert busy_docs == {d.id for d in reports[90:]}  # the last 30 reports: not the early ones
    quiet_docs = {c.document_id for c in quiet if c.id in by_key["Russia"].claim_ids}
    assert quiet_docs == {reports[i].id for i in (99, 9, 8, 7, 6)}  # too few lately: its 5 newest


def _analyses() -> list[Analysis]:
    """Six small reports on five propositions, each kind of finding among them, some across halves."""
    a, b, c = doc("a", "2024-11-13"), doc("b", "2024-11-05"), doc("c", "2025-04-03")
    d, e, f = (
        doc("d", "2025-07-09"),
        doc("e", "2025-03-18"),
        doc("f", "2025-09-16", near_duplicate_of="doc-c"),
    )
    made = {"unit": "drone", "per": "month", "subject": PLANT, "speaker": "gur", "predicate": "produce"}
    fighting = {"predicate": "fight", "subject": NK, "object": "ukraine", "speaker": "jcs"}
    rows = {
        a: [claim(a, "North Korea sent about 11,000 soldiers, NIS said.", figure="about 11,000", subject=NK,
                  speaker="nis"),
            claim(a, "The treaty was signed on June 19, 2024.", n=1, when="2024-06-19",
                  when_text="June 19, 2024", predicate="sign", entities=("treaty",))],
        b: [claim(b, "About 11,000 soldiers are deployed, GUR said.", figure="About 11,000", subject=NK,
                  speaker="gur", predicate="deploy"),
            claim(b, "The Kremlin denied that North Korean troops are fighting.", n=1, predicate="fight",
                  subject=NK, speaker="kremlin", modality=Modality.DENIED)],
        c: [claim(c, "North Korea sent an additional 3,000 soldiers, JCS said.", figure="3,000", subject=NK,
                  speaker="jcs"),
            claim(c, "North Korean troops are fighting Ukraine, JCS said.", n=1, **fighting)],
        d: [claim(d, "The deal builds on the treaty signed in 2023.", when="2023", predicate="build",
                  entities=("treaty",)),
            claim(d, "JCS says soldiers of the North fight Ukraine.", n=1, **fighting)],
        e: [claim(e, "The plant produced about 2,000 drones a month.", figure="about 2,000", **made)],
        f: [claim(f, "The plant now produces about 2,700 drones a month.", figure="about 2,700", **made),
            claim(f, "Russia fires about 150 drones daily.", n=1, figure="about 150", unit="drone", per="day",
                  subject="russia", predicate="fire"),
            claim(f, "North Korean troops are fighting Ukraine, JCS said.", n=2, **fighting)],
    }  # fmt: skip
    named = {e for cs in rows.values() for c in cs for e in (c.subject, c.object, c.speaker, *c.entities)}
    entities = tuple(ENTITIES[i] for i in sorted(named - {None}) if i in ENTITIES)
    return [Analysis(document, entities=entities, claims=tuple(claims)) for document, claims in rows.items()]


def _stored_groups(engine, batches):
    from claimgraph.pipeline import reconcile_store
    from claimgraph.store import read, save_batch

    for batch in batches:
        save_batch(engine, batch)
        reconcile_store(engine, PACK, [a.document.id for a in batch])
    return {g.id: g for g in read.groups(engine)}


@pytest.mark.parametrize("window", [None, 2])
def test_incremental_reconcile_equals_a_run_from_scratch(tmp_path, monkeypatch, window):
    from claimgraph import pipeline
    from claimgraph.pipeline import reconcile_store
    from claimgraph.reconcile import groups
    from claimgraph.store import open_engine, read

    analyses = _analyses()
    documents = {a.document.id: a.document for a in analyses}
    claims = [c for a in analyses for c in a.claims]
    unwindowed = reconcile(claims, documents, ENTITIES, PACK)
    if window is not None:  # windows that leave claims out, in the store and in memory alike
        for module in (pipeline, groups):
            monkeypatch.setattr(module, "WINDOW_REPORTS", window)
            monkeypatch.setattr(module, "MIN_CLAIMS", 1)

    halves = [analyses[:2], analyses[2:4], analyses[4:]]
    stepwise = _stored_groups(open_engine(store_location(tmp_path, "steps.db")), halves)
    once = store_location(tmp_path, "once.db")
    at_once = _stored_groups(open_engine(once), [analyses])
    in_memory = reconcile(claims, documents, ENTITIES, PACK)
    assert stepwise == at_once == {g.id: g for g in in_memory}
    if window is None:  # every kind of finding is compared
        assert {f.kind for g in stepwise.values() for f in g.findings} == set(FindingKind)
    else:
        assert sum(len(g.claim_ids) for g in in_memory) < sum(len(g.claim_ids) for g in unwindowed)

    engine = open_engine(once)
    reconcile_store(engine, PACK, full=True)  # forget all filing and redo it: the same again
    assert {g.id: g for g in read.groups(engine)} == at_once


def test_a_new_report_re_assesses_only_the_groups_it_touches(tmp_path):
    from claimgraph.pipeline import reconcile_store
    from claimgraph.store import open_engine, save_batch

    analyses = _analyses()
    engine = open_engine(store_location(tmp_path, "x.db"))
    save_batch(engine, analyses[:-1])
    assert reconcile_store(engine, PACK)  # with no ids: every report not filed yet
    save_batch(engine, analyses[-1:])
    touched = reconcile_store(engine, PACK, [analyses[-1].document.id])
    assert sorted(g.key for g in touched) == ["North Korea · fight", "drone per period"]
    assert reconcile_store(engine, PACK) == []  # nothing left unfiled


# --- the example corpus, as a user sees it ------------------------------------------------------


def _cli(db, *args: str, code: int = 0) -> str:
    from rich.console import Console
    from typer.testing import CliRunner

    from claimgraph import cli

    before, cli.console = cli.console, Console(width=160)
    try:  # the console is the CLI module's: put it back, so other tests' widths hold
        result = CliRunner().invoke(cli.app, ["--db", str(db), *args])
    finally:
        cli.console = before
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def example_db(tmp_path_factory):
    db = store_location(tmp_path_factory.mktemp("examples"), "examples.db")
    _cli(db, "ingest", str(EXAMPLES))
    return db


def test_the_example_findings_hold_every_kind_each_side_quoted_and_the_briefing_leads_with_them(example_db):
    brief = _cli(example_db, "brief")
    assert brief.index("Findings") < brief.index("Key figures")
    assert brief.split("╭─ ")[1].startswith("CONTRADICTION ·")  # disputes first
    blocks = _cli(example_db, "findings", "--all").split("╭─ ")
    for kind in FindingKind:
        block = next((b for b in blocks if b.startswith(kind.value.upper() + " ·")), None)
        assert block is not None, f"no {kind} among the findings"
        assert "Why:" in block
        reports = set(re.findall(r"\d\d_[a-z_]+\.(?:txt|html)", block))
        assert len(reports) >= 2, block  # every side's report named
        sides = 1 if kind == FindingKind.REPEAT else 2  # a repeat may be one sentence copied word for word
        assert block.count("“") >= sides, block


def test_a_syndicated_copy_is_quoted_once_with_its_other_source_named(example_db):
    output = _cli(example_db, "findings")
    for block in output.split("╭─ ")[1:]:
        quotes = re.findall(r"“([^”]+)”", block)
        assert len(quotes) == len(set(quotes)), block
    assert "the same words also in East Asia Dispatch" in output  # 06 and 07 are one story saved twice


def test_findings_command_shows_two_findings_a_proposition_unless_asked_for_all(example_db):
    capped, every = _cli(example_db, "findings"), _cli(example_db, "findings", "--all")
    assert "more finding" in capped and "claimgraph findings --all" in capped
    assert capped.count("╭─ ") < every.count("╭─ ")


def test_findings_command_filters_by_kind_and_names_a_bad_kind(example_db):
    output = _cli(example_db, "findings", "--kind", "contradiction")
    assert "CONTRADICTION" in output and "TENSION" not in output and "REPEAT" not in output
    assert "2023" in output and "2024" in output  # the treaty's two signing dates
    assert "rumour" in _cli(example_db, "findings", "--kind", "rumour", code=2)


def test_indicators_command_prints_each_tracked_figure_with_its_reports(example_db):
    output = _cli(example_db, "indicators")
    assert "Shahed output per month at Alabuga" in output and "North Korean soldiers in Russia" in output
    assert "11,000" in output and "target" in output
