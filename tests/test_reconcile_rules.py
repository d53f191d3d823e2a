"""The rules that make findings between claims of one measure, each with sentences of our own:
what a figure measures (whose things, which act, which kind of loss, when it holds), which
differences are contradictions, tensions or updates, and which reports are one origin."""

from __future__ import annotations

from dataclasses import replace

from claimgraph.domains import DomainPack
from claimgraph.reconcile import propose, reconcile
from claimgraph.reconcile.measures import figure_act, held_at, loss_aspect, owner_of, planned
from claimgraph.records import Claim, Entity, FindingKind, Modality
from tests.test_reconcile import ENTITIES, NK, PACK, PLAN, claim, doc, findings

NIS, GUR, JCS, UK = "nis", "gur", "jcs", "uk-mod"
MORE = {
    **ENTITIES,
    "south-korea": Entity("south-korea", "South Korea", "country"),
    "united-kingdom": Entity("united-kingdom", "United Kingdom", "country"),
    UK: Entity(UK, "UK Defence Intelligence", "intelligence or military body"),
    "civil-protection": Entity("civil-protection", "Civil Protection Office", "organisation"),
    "kim": Entity("kim", "Kim Jong Un", "person"),
}
SIDES = replace(
    PACK,
    entities=tuple(MORE.values()),
    speaks_for={NIS: "south-korea", JCS: "south-korea", UK: "united-kingdom", GUR: "ukraine", "kim": NK},
)


def run_sides(claims: list[Claim], documents) -> list:
    return reconcile(claims, {d.id: d for d in documents}, MORE, SIDES)


def kinds(groups) -> list[FindingKind]:
    return sorted(f.kind for f in findings(groups))


# --- what a figure measures ----------------------------------------------------------------------


def test_loss_words_beside_a_figure_make_a_loss_and_say_which_kind():
    a = doc("a", "2025-02-01")
    wounded = claim(a, "Over 2,500 North Korean soldiers were killed or wounded near the river.",
                    figure="Over 2,500", subject=NK, predicate="kill")  # fmt: skip
    dead = claim(
        a, "Of them, 900 soldiers died in the first week.", figure="900", subject=NK, predicate="die"
    )
    assert (figure_act(wounded, wounded.quantity, "soldier")[0], loss_aspect(wounded, wounded.quantity)) == (
        "kill",
        "casualties",
    )
    assert loss_aspect(dead, dead.quantity) == "killed"
    # "sent" is the act of the whole the losses are counted out of, not a loss itself.
    whole = claim(a, "Of the 9,000 soldiers sent last spring, 2,000 were killed.", figure="9,000",
                  subject=NK, predicate="kill")  # fmt: skip
    assert figure_act(whole, whole.quantity, "soldier")[0] == "send"
    # A loss word that heads a figure after it stays with that figure.
    contributed = claim(a, "The North contributed about 9,000 troops, suffering losses of 2,000.",
                        figure="about 9,000", subject=NK, predicate="contribute")  # fmt: skip
    assert figure_act(contributed, contributed.quantity, "soldier")[0] == "send"
    # A count put at a figure: the loss words that name the count stand further back.
    put = claim(a, "Officials put the number of soldiers killed in the river battles at about 1,300.",
                figure="about 1,300", subject=NK, predicate="put")  # fmt: skip
    assert loss_aspect(put, put.quantity) == "killed"
    assert figure_act(put, put.quantity, "soldier")[0] == "kill"


def test_whose_things_a_figure_counts_comes_from_its_own_words_or_the_state_beside_an_official():
    a = doc("a")
    workers = claim(a, "Russia will hire 8,000 workers from North Korea for its plants.",
                    figure="8,000 workers", unit="worker", subject="russia", entities=("russia", NK),
                    predicate="hire")  # fmt: skip
    assert owner_of(workers, workers.quantity, MORE) == NK
    leader = claim(a, "Kim Jong Un of North Korea decided to send 700 deminers to Russia.", figure="700",
                   unit="worker", subject="kim", entities=("kim", NK, "russia"))  # fmt: skip
    assert owner_of(leader, leader.quantity, MORE) == NK  # not the destination, Russia
    assert planned(leader, leader.quantity)  # "decided to send": an intention, not a deed
    # "in many parts of Russia" is where things go, as "in Russia" is: not whose they are.
    spread = claim(a, "The isolated state sent some 3,000 workers to farms in many parts of Russia.",
                   figure="some 3,000", unit="worker", entities=("russia",), predicate="send")  # fmt: skip
    assert owner_of(spread, spread.quantity, MORE) is None
    # A subject the sentence names only as where things go is a misread doer, not the owner.
    misread = claim(a, "The crews flown to Russia in May included 300 pilots.", figure="300",
                    subject="russia", entities=("russia",), predicate="include")  # fmt: skip
    assert owner_of(misread, misread.quantity, MORE) is None


def test_when_a_figure_holds_running_totals_tellings_and_times_of_other_figures():
    a = doc("a", "2025-05-20")
    since = claim(a, "North Korea has sent 14,500 troops since last autumn.", figure="14,500", subject=NK,
                  when="2024", when_text="last autumn")  # fmt: skip
    assert held_at(since)[:2] == (None, "2024")  # holds when reported, runs since 2024
    narrowed = claim(a, "Since November last year Pyongyang has sent some 12,500 soldiers.",
                     figure="some 12,500", subject=NK, when="2024", when_text="last year")  # fmt: skip
    assert held_at(narrowed)[:2] == (None, "2024")  # a month between "since" and its year: still running
    told = claim(a, "The agency reported on Monday that 14,500 troops had gone.", figure="14,500",
                 subject=NK, when="2025-05-19", when_text="Monday")  # fmt: skip
    assert held_at(told) == ("2025-05-19", None, True)  # the date of the telling
    other = claim(a, "About 4,200 were sent in March, and 600 of them were wounded.", figure="600",
                  subject=NK, when="2025-03", when_text="March")  # fmt: skip
    assert held_at(other)[0] is None  # March dates the 4,200, not the 600


# --- contradictions, each kind named -------------------------------------------------------------


def test_one_figure_told_as_killed_and_as_killed_or_wounded_contradicts():
    a, b = doc("a", "2025-06-10"), doc("b", "2025-06-20")
    claims = [
        claim(a, "UK defence intelligence says more than 7,000 North Korean troops were killed or wounded.",
              figure="more than 7,000", subject=NK, predicate="kill", speaker=UK),
        claim(b, "Reports say more than 7,000 North Korean troops have been killed so far.",
              figure="more than 7,000", subject=NK, predicate="kill"),
    ]  # fmt: skip
    (found,) = findings(run_sides(claims, [a, b]))
    assert found.kind == FindingKind.CONTRADICTION and "two kinds of loss" in found.reason


def test_more_killed_than_another_sources_killed_and_wounded_at_one_time_contradicts():
    a, b, c = doc("a", "2025-08-04"), doc("b", "2025-08-06"), doc("c", "2025-02-01")
    loss = {"subject": NK, "predicate": "kill"}
    claims = [
        claim(a, "Pyongyang admits that 420 of its men were killed or wounded over the summer.",
              figure="420", speaker="kim", **loss),
        claim(b, "Some 1,900 North Korean servicemen have died in the fighting, the NIS said.",
              figure="Some 1,900", speaker=NIS, **loss),
    ]  # fmt: skip
    (found,) = findings(run_sides(claims, [a, b]))
    assert found.kind == FindingKind.CONTRADICTION and "part larger than its whole" in found.reason
    # Six months earlier the casualties may well have been fewer than the later dead: no finding.
    earlier = [replace(claims[0], document_id=c.id)]
    assert not findings(run_sides([*earlier, claims[1]], [c, b]))


def test_a_toll_a_rival_source_puts_lower_later_contradicts_but_a_far_smaller_one_is_another_scope():
    a, b = doc("a", "2025-02-10"), doc("b", "2025-05-12")
    dead = {"subject": NK, "predicate": "die"}
    claims = [
        claim(a, "Some 1,500 North Korean soldiers have died, UK defence intelligence said.",
              figure="Some 1,500", speaker=UK, **dead),
        claim(b, "The NIS told lawmakers that 900 North Korean soldiers have died.", figure="900",
              speaker=NIS, **dead),
    ]  # fmt: skip
    (found,) = findings(run_sides(claims, [a, b]))
    assert found.kind == FindingKind.CONTRADICTION and "toll that fell" in found.reason
    # Under half the earlier toll, the later figure counts a narrower scope: no finding.
    few = claim(
        b, "The NIS said 300 North Korean soldiers died in one week.", figure="300", speaker=NIS, **dead
    )
    assert not findings(run_sides([claims[0], few], [a, b]), FindingKind.CONTRADICTION)


def test_a_count_of_officers_is_a_part_of_the_force_not_a_rival_count_of_it():
    a, b = doc("a", "2025-02-10"), doc("b", "2025-02-12")
    claims = [
        claim(a, "North Korea has sent 9,000 soldiers to the front, the NIS said.", figure="9,000",
              subject=NK, speaker=NIS),
        claim(b, "GUR said at least 400 North Korean officers were sent.",
              figure="at least 400 North Korean officers", subject=NK, speaker=GUR),
    ]  # fmt: skip
    assert not findings(run_sides(claims, [a, b]), FindingKind.CONTRADICTION)
    assert propose(claims[1], MORE, SIDES).key == f"{NK} · officer"


def test_a_plan_told_as_done_at_the_time_it_is_planned_contradicts():
    a, b = doc("a", "2025-06-19"), doc("b", "2025-06-28")
    workers = {"unit": "worker", "subject": NK}
    claims = [
        claim(a, "North Korea is considering sending 18,000 workers to a plant, NHK said.", figure="18,000",
              speaker="nhk", **workers),
        claim(b, "The June deployment of 18,000 North Korean workers was a turning point.", figure="18,000",
              when="2025-06", when_text="June", **workers),
    ]  # fmt: skip
    groups = run_sides(claims, [a, b])
    (found,) = findings(groups, FindingKind.CONTRADICTION)
    assert "planned against done" in found.reason


def test_one_plan_credited_to_two_bodies_contradicts_and_is_one_announcement_repeated():
    a, b = doc("a", "2025-11-14"), doc("b", "2025-11-14")
    plan = {"unit": "worker", "subject": "russia", "modality": PLAN, "predicate": "recruit"}
    claims = [
        claim(a, "Russia plans to recruit 9,500 workers from North Korea, GUR said.", figure="9,500",
              speaker=GUR, entities=("russia", NK), **plan),
        claim(b, "Russia plans to recruit 9,500 workers from North Korea, the Civil Protection Office said.",
              figure="9,500", speaker="civil-protection", entities=("russia", NK), **plan),
    ]  # fmt: skip
    assert kinds(run_sides(claims, [a, b])) == [FindingKind.CONTRADICTION, FindingKind.REPEAT]
    (found,) = findings(run_sides(claims, [a, b]), FindingKind.CONTRADICTION)
    assert "credited to different sources" in found.reason


def test_one_wave_given_two_months_contradicts_but_a_standing_figure_given_two_months_is_a_tension():
    a, b = doc("a", "2025-04-01"), doc("b", "2025-04-02")
    claims = [
        claim(a, "North Korea sent an additional 2,500 troops in January, JCS said.", figure="2,500",
              subject=NK, speaker=JCS, when="2025-01", when_text="January"),
        claim(b, "In April, North Korea sent another 2,500 soldiers.", figure="2,500", subject=NK,
              when="2025-04", when_text="April"),
    ]  # fmt: skip
    (wave,) = findings(run_sides(claims, [a, b]), FindingKind.CONTRADICTION)
    assert "one act, two dates" in wave.reason
    standing = [
        claim(a, "North Korea deployed 9,000 troops in October, NIS said.", figure="9,000", subject=NK,
              speaker=NIS, when="2024-10", when_text="October"),
        claim(b, "North Korea sent 9,000 soldiers to Russia in December.", figure="9,000", subject=NK,
              when="2024-12", when_text="December"),
    ]  # fmt: skip
    (months,) = findings(run_sides(standing, [a, b]), FindingKind.TENSION)
    assert "different months" in months.reason


def test_estimates_for_one_time_contradict_when_far_apart_and_are_a_tension_when_close():
    a, b = doc("a", "2024-12-20"), doc("b", "2024-12-21")
    loss = {"subject": NK, "predicate": "kill"}
    far = [
        claim(a, "Over 4,000 North Korean soldiers were killed or wounded, GUR said.", figure="Over 4,000",
              speaker=GUR, **loss),
        claim(b, "About 1,200 North Korean soldiers were killed or wounded, NIS said.", figure="About 1,200",
              speaker=NIS, **loss),
    ]  # fmt: skip
    (found,) = findings(run_sides(far, [a, b]))
    assert found.kind == FindingKind.CONTRADICTION and "times apart" in found.reason
    close = [far[0], replace(far[1], text=far[1].text.replace("About 1,200", "About 3,000"),
                             quantity=replace(far[1].quantity, low=3000.0, high=3000.0))]  # fmt: skip
    (found,) = findings(run_sides(close, [a, b]))
    assert found.kind == FindingKind.TENSION and "different estimators" in found.reason


# --- one origin, one side, one story -------------------------------------------------------------


def test_sources_of_one_state_do_not_corroborate_and_its_later_figure_updates_the_earlier():
    a, b = doc("a", "2025-02-01"), doc("b", "2025-05-01")
    troops = {"subject": NK, "predicate": "kill"}
    same = [
        claim(a, "About 1,800 of its troops were killed or wounded, the JCS said.", figure="About 1,800",
              speaker=JCS, **troops),
        claim(b, "About 1,800 of its troops were killed or wounded, the NIS said.", figure="About 1,800",
              speaker=NIS, when="2025-02", when_text="1,800", **troops),
    ]  # fmt: skip
    assert not findings(run_sides(same, [a, b]), FindingKind.CORROBORATION)
    later = [same[0], claim(b, "The NIS now puts the killed and wounded at about 3,900.",
                            figure="about 3,900", speaker=NIS, **troops)]  # fmt: skip
    (update,) = findings(run_sides(later, [a, b]))
    assert update.kind == FindingKind.UPDATE and "same source or side" in update.reason


def test_an_unattributed_report_of_a_named_sources_number_repeats_it_and_copies_are_one_story():
    a, b, c = doc("a", "2025-03-01"), doc("b", "2025-03-02"), doc("c", "2025-03-03")
    text = "North Korea sent 4,400 more soldiers to Russia this winter."
    claims = [
        claim(a, "North Korea sent 4,400 more soldiers to Russia, the JCS said.", figure="4,400", subject=NK,
              speaker=JCS),
        claim(b, text, figure="4,400", subject=NK),
        claim(c, text.replace("this winter", "this winter "), figure="4,400", subject=NK),
    ]  # fmt: skip
    groups = run_sides(claims, [a, b, c])
    assert not findings(groups, FindingKind.CORROBORATION)
    (repeat,) = findings(groups, FindingKind.REPEAT)
    assert set(repeat.claim_ids) == {c.id for c in claims} and "Joint Chiefs" in repeat.reason
    # The two copies alone are one story: no repeat, no confirmation.
    assert findings(run_sides(claims[1:], [b, c])) == []


def test_two_sources_relayed_by_the_same_reports_are_one_repeat_naming_both():
    a, b = doc("a", "2025-01-05"), doc("b", "2025-01-06")
    loss = {"subject": NK, "predicate": "kill"}
    claims = [
        claim(a, "Over 2,300 North Korean soldiers were killed or wounded, Kyiv's spies say.",
              figure="Over 2,300", speaker=GUR, **loss),
        claim(a, "The NIS puts the North Korean killed or wounded at 900.", figure="900", speaker=NIS, n=1,
              **loss),
        claim(b, "Over 2,300 North Koreans were killed or wounded, said Ukrainian intelligence.",
              figure="Over 2,300", speaker=GUR, **loss),
        claim(b, "South Korea's NIS, by contrast, counts 900 killed or wounded.", figure="900", speaker=NIS,
              n=1, **loss),
    ]  # fmt: skip
    (repeat,) = findings(run_sides(claims, [a, b]), FindingKind.REPEAT)
    assert set(repeat.claim_ids) == {c.id for c in claims}


def test_one_source_giving_one_number_in_two_stories_as_two_acts_is_a_repeat():
    a, b = doc("a", "2024-10-20"), doc("b", "2024-10-26")
    claims = [
        claim(a, "Budanov said 9,500 North Korean infantrymen are being drilled near Vladivostok.",
              figure="9,500", subject=NK, speaker="budanov", predicate="train"),
        claim(b, "Budanov said 9,500 North Korean troops are already fighting in Russia.", figure="9,500",
              subject=NK, speaker="budanov", predicate="fight"),
    ]  # fmt: skip
    (repeat,) = findings(run_sides(claims, [a, b]), FindingKind.REPEAT)
    assert set(repeat.claim_ids) == {c.id for c in claims} and "Budanov" in repeat.reason


def test_a_denial_must_name_the_act_it_denies():
    a, b = doc("a"), doc("b")
    claims = [
        claim(a, "North Korean troops are fighting in Kursk, NIS said.", predicate="fight", subject=NK,
              object="ukraine", speaker=NIS),
        claim(b, "North Korea dismissed the reports as lies.", predicate="fight", subject=NK,
              speaker=NK, modality=Modality.DENIED),
    ]  # fmt: skip
    assert findings(run_sides(claims, [a, b])) == []


def test_a_pack_says_whose_word_a_source_gives_through_bodies():
    pack = DomainPack("t", "", tuple(MORE.values()), speaks_for={"budanov": GUR, GUR: "ukraine"})
    assert pack.side("budanov") == "ukraine" and pack.side(GUR) == "ukraine" and pack.side(NIS) is None


# --- what an analyst reads first -----------------------------------------------------------------


def test_findings_rank_contradictions_on_figures_first_and_cap_each_proposition():
    from claimgraph.records import ClaimGroup, Finding
    from claimgraph.views.findings import cap_per_proposition, rank_findings

    def group(key: str, reason: str, *found: Finding) -> ClaimGroup:
        return ClaimGroup(key, key, ("c1", "c2"), reasons=(reason, reason), findings=found)

    on_date = group(
        "treaty", "dates the sign of the treaty: 2024", Finding(FindingKind.CONTRADICTION, "x", ("a", "b"))
    )
    updates = [Finding(FindingKind.UPDATE, f"u{n}", (f"u{n}", f"v{n}")) for n in range(3)]
    on_figure = group(
        "troops",
        "counts soldier of North Korea: 11,000",
        Finding(FindingKind.CONTRADICTION, "y", ("c", "d")),
        *updates,
    )
    tension = group("rate", "a rate of drone: 170 per day", Finding(FindingKind.TENSION, "z", ("e", "f")))
    ranked = rank_findings((g, f) for g in (on_date, on_figure, tension) for f in g.findings)
    assert [(g.key, f.kind) for g, f in ranked[:3]] == [
        ("troops", FindingKind.CONTRADICTION),  # a disputed figure before a disputed date
        ("treaty", FindingKind.CONTRADICTION),
        ("rate", FindingKind.TENSION),
    ]
    shown, held = cap_per_proposition(ranked, 2)
    assert sum(g.key == "troops" for g, _ in shown) == 2 and held == {"troops": 2}
    assert cap_per_proposition(ranked, None) == (ranked, {})


def test_dated_meetings_between_two_sides_agree_on_a_date_and_an_arrival_has_one():
    a, b, c = doc("a", "2025-04-03"), doc("b", "2025-04-04"), doc("c", "2025-04-05")
    envoy = Entity("envoy", "Envoy Park", "person")
    entities = {**MORE, envoy.id: envoy}
    pack = replace(
        SIDES, entities=tuple(entities.values()), speaks_for={**SIDES.speaks_for, "envoy": "russia"}
    )

    def said(d, text, when, when_text, n=0):
        return claim(d, text, n=n, predicate="meet", subject="envoy", object="kim", entities=("envoy", "kim"),
                     when=when, when_text=when_text)  # fmt: skip

    claims = [
        said(a, "On April 2, Envoy Park met Kim Jong Un in the capital.", "2025-04-02", "April 2"),
        said(b, "Envoy Park held talks with Kim Jong Un on April 2.", "2025-04-02", "April 2"),
        said(c, "Envoy Park met Kim Jong Un again on March 1.", "2025-03-01", "March 1"),
    ]
    groups = reconcile(claims, {d.id: d for d in (a, b, c)}, entities, pack)
    assert kinds(groups) == [FindingKind.CORROBORATION]  # March 1 is another meeting, not a dispute
    (group,) = groups
    assert group.key == "meetings · North Korea · Russia"
    arrivals = [
        said(a, "Envoy Park arrived in the capital late on April 1.", "2025-04-01", "April 1"),
        said(b, "Envoy Park arrived at 3 a.m. on April 2.", "2025-04-02", "April 2"),
    ]
    (found,) = findings(reconcile(arrivals, {d.id: d for d in (a, b)}, entities, pack))
    assert found.kind == FindingKind.CONTRADICTION and "one arrival, two dates" in found.reason
    # "in April" names no one meeting: envoys may meet twice in a month, so a month dates none.
    in_month = [
        said(a, "Envoy Park met Kim Jong Un in the capital in April.", "2025-04", "April"),
        said(c, "In April Envoy Park and Kim Jong Un held talks.", "2025-04", "April"),
    ]
    assert findings(reconcile(in_month, {d.id: d for d in (a, c)}, entities, pack)) == []


def test_a_pack_naming_an_unknown_entity_as_whose_word_a_source_gives_is_refused_with_its_line():
    from claimgraph.domains.check import check_text

    text = (
        "name: t\nentities:\n  - name: Harbour State\n    kind: country\n"
        "  - name: Harbour Intelligence\n    kind: intelligence or military body\n"
        "    speaks_for: Harbor Stat\n"
    )
    (problem,) = check_text(text)
    assert problem.line == 7 and "unknown entity 'Harbor Stat'" in problem.message
    assert "did you mean 'Harbour State'" in problem.message
    assert check_text(text.replace("Harbor Stat", "Harbour State")) == []


def test_a_figure_of_a_statement_told_over_sentences_is_read_in_its_own_sentence():
    from claimgraph.reconcile.sentences import own_sentence

    d = doc("d1", "2025-05-01")
    text = (
        "The agency said Pyongyang sent thousands of workers to Russia last year. "
        "An official said about 4,000 North Korean workers are in the Far East."
    )
    joined = claim(d, text, figure="about 4,000", unit="worker", speaker="south-korea", predicate="be")
    own = own_sentence(joined)
    assert own.text == "An official said about 4,000 North Korean workers are in the Far East."
    assert own.text[own.quantity.start - own.start :].startswith("about 4,000")
    # the act "sent" of the sentence before is not this figure's: it counts who is there
    assert figure_act(own, own.quantity, "worker")[0] is None
    assert figure_act(joined, joined.quantity, "worker")[0] == "send"
