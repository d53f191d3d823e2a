"""Modality, polarity and opinion: each cue family pinned with short sentences of our own."""

from __future__ import annotations

import pytest

from claimgraph.records import Document, Modality


def claims_of(context, body):
    from claimgraph.pipeline import analyse_document

    return analyse_document(Document(id="mod", source="t.txt", body=body), context).claims


def modality_of(context, body):
    claims = claims_of(context, body)
    figures = [c for c in claims if c.quantity]
    return (figures or claims)[0].modality


@pytest.mark.parametrize(
    ("body", "modality"),
    [
        ("North Korea sent 3,000 soldiers to Russia.", Modality.ASSERTED),
        ("North Korea reportedly sent soldiers to Russia.", Modality.REPORTED),
        ("NHK said North Korea sent soldiers to Russia.", Modality.REPORTED),
        ("North Korea will send 25,000 workers to Russia.", Modality.PLANNED),
        ("Russia plans to open two factories in Iran.", Modality.PLANNED),
        ("25,000 workers from North Korea are to be sent to Russia.", Modality.PLANNED),
        ("Kim Jong Un is expected to travel to Russia.", Modality.PLANNED),
        ("The Alabuga plant aims to reach 5,000 drones a month.", Modality.TARGET),
        ("Analysts estimate the output of the Alabuga plant at 2,000 drones a month.", Modality.ESTIMATED),
        ("Iran has shipped an estimated 2,500 drones to Russia.", Modality.ESTIMATED),
        ("It is highly likely that North Korean officers are helping Russia.", Modality.HEDGED),
        ("North Korean troops will probably fight in Ukraine.", Modality.HEDGED),
        ("North Korea appears to have sent shells to Russia.", Modality.HEDGED),
        ("Russia could give North Korea satellite technology.", Modality.SPECULATIVE),
        ("North Korea may send more troops to Russia.", Modality.SPECULATIVE),
        ("The Kremlin denied that North Korea sent troops to Russia.", Modality.DENIED),
        ("“Iran has not sent any missiles to Russia,” the ministry said.", Modality.DENIED),
        ("A spokesman said Pyongyang never shipped shells to Moscow.", Modality.DENIED),
        (
            "Officials said the Russian ministry did not respond to questions about the shipment.",
            Modality.REPORTED,
        ),
        ("NHK said Russia not only trains the workers but also pays them.", Modality.REPORTED),
        ("North Korea has not sent troops to Russia.", Modality.ASSERTED),  # the outlet's own word
        ("Moscow dismissed the report as untrue.", Modality.DENIED),
        ("How many drones can Russia really build?", Modality.SPECULATIVE),  # a question asserts nothing
        ("Dmitry Peskov said Russia had received no drones from Iran.", Modality.DENIED),
        ("Dmitry Peskov said Russia had received no fewer than 3,000 drones.", Modality.REPORTED),
        ('Moscow described the reports of North Korean troops as "fake news".', Modality.DENIED),
        ("Moscow described the talks with North Korea as constructive.", Modality.REPORTED),
    ],
)
def test_each_cue_family_gives_its_modality(context, body, modality):
    assert modality_of(context, body) is modality


def test_a_target_beside_a_current_figure_keeps_each_its_own_modality(context):
    claims = claims_of(context, "The Alabuga plant builds 2,000 drones a month and aims to reach 5,000.")
    by_value = {c.quantity.low: c.modality for c in claims if c.quantity}
    assert by_value == {2000: Modality.ASSERTED, 5000: Modality.TARGET}


@pytest.mark.parametrize(
    ("body", "negated"),
    [
        ("Russia and Ukraine have not struck each other's power plants since March.", True),
        ("North Korea has never sent pilots to Russia.", True),
        ("Production in North Korea has yet to begin.", True),
        ("Russia struck power plants in Ukraine.", False),
    ],
)
def test_polarity_follows_negation_of_the_claimed_verb(context, body, negated):
    assert claims_of(context, body)[0].negated is negated


@pytest.mark.parametrize(
    "body",
    [
        "Moscow's help to Pyongyang is a worrying escalation.",  # evaluative adjective
        "The international community must respond decisively.",  # prescriptive, no entity named
        "The West should stop Iran's drone shipments.",  # prescriptive
        "Seoul's silence could be viewed as a form of appeasement.",  # framing
        "Kim Jong Un's help for Russia is not only a gesture of loyalty but also a strategic move.",
    ],
)
def test_commentary_is_flagged_as_opinion_and_kept(context, body):
    claims = claims_of(context, body)
    assert claims and all(c.opinion for c in claims)


@pytest.mark.parametrize(
    "body",
    [
        "North Korea sent 3,000 soldiers to Russia, a worrying escalation.",  # a figure: a claim
        "Kyrylo Budanov said the escalation is worrying for Ukraine.",  # someone's words, reported
        "North Korea sent soldiers to Russia in October.",
    ],
)
def test_figures_reported_words_and_facts_are_not_opinion(context, body):
    assert not any(c.opinion for c in claims_of(context, body))


def test_a_source_saying_an_act_did_not_happen_contradicts_a_source_saying_it_did(context):
    from claimgraph.pipeline import analyse_document
    from claimgraph.reconcile import reconcile
    from claimgraph.records import FindingKind

    documents = [
        Document("a" * 64, "a.txt", "\u201cIran has not sent any missiles to Russia,\u201d an aide said.",
                 published="2024-09-11", outlet="Gulf Wire"),
        Document("b" * 64, "b.txt", "The US State Department said Iran sent missiles to Russia.",
                 published="2024-09-10", outlet="Potomac Post"),
    ]  # fmt: skip
    analyses = [analyse_document(d, context) for d in documents]
    entities = {e.id: e for a in analyses for e in a.entities}
    claims = [c for a in analyses for c in a.claims]
    groups = reconcile(claims, {d.id: d for d in documents}, entities, context.pack)
    kinds = {f.kind for g in groups for f in g.findings}
    assert FindingKind.CONTRADICTION in kinds


@pytest.mark.parametrize(
    ("body", "modality"),
    [
        ("About 2,000 soldiers were killed, officials in Seoul said.", "estimated"),
        ("More than 2,000 soldiers were killed, officials in Seoul said.", "reported"),
        ("About 2,000 soldiers were killed in the battle.", "asserted"),
        # A rounded price, span or rate is a measure the speaker knows, not their estimate.
        ("Each guard earns about $600 a month, officials in Seoul said.", "reported"),
        ("The talks took about three years, the spokesman said.", "reported"),
        ("The plant makes about 90 drones a day, officials said.", "reported"),
        ("Exports were about 12 times higher than a year before, the customs office said.", "reported"),
        ("About 2,000 soldiers were reportedly killed, the paper wrote.", "reported"),
        # A vague count a speaker gives is their estimate too; the writer's own stays asserted.
        ("The minister said the rebels sent dozens of rockets to the port.", "estimated"),
        ("Hundreds of refugees crossed the river, the governor said.", "estimated"),
        ("Dozens of rockets hit the port on Monday.", "asserted"),
        # A count of its own the speaker gives is its tally, not a reckoning.
        ("The navy said it lost about 40 sailors in the storm.", "reported"),
        ('"We sent about 300 engineers to the port," the minister said.', "reported"),
    ],
)
def test_a_round_figure_a_speaker_gives_is_their_estimate(context, body, modality):
    from claimgraph.pipeline import analyse_document
    from claimgraph.records import Document

    claims = analyse_document(Document(id="m", source="m.txt", body=body), context).claims
    assert next(c for c in claims if c.quantity).modality.value == modality


@pytest.mark.parametrize(
    ("body", "modality"),
    [
        ("Western intelligence agencies say 8,000 soldiers were sent to the front.", Modality.ESTIMATED),
        ("Lawmakers, citing intelligence, said 8,000 soldiers were sent to the front.", Modality.ESTIMATED),
        ("Each of the trucks could carry 400 shells.", Modality.ESTIMATED),
        ("According to an analysis, the plants will make 3 million shells.", Modality.ESTIMATED),
        ("A first battalion of 900 troops should reach the border next week.", Modality.PLANNED),
        ("The plant could build 400 drones.", Modality.SPECULATIVE),
        ("The Defence Intelligence Agency said 700 soldiers had died.", Modality.ESTIMATED),
        # A figure put with doubt is a reckoning; doubt on a figure still to come stays a hedge.
        ("Belarus is believed to have sold 4,000 rifles to the rebels.", Modality.ESTIMATED),
        ("Some 300 rebel fighters are believed to have deserted.", Modality.ESTIMATED),
        ("The rebels have probably lost more than 900 fighters.", Modality.ESTIMATED),
        ("The rebels will probably buy 300 rifles.", Modality.HEDGED),
        ("The plant is likely to reach 900 trucks a week by May.", Modality.HEDGED),
        ("Trucks that presumably left the port could carry up to 9,000 rifles.", Modality.ESTIMATED),
        ("Inside the 40 wagons there could be 20,000 grenades.", Modality.ESTIMATED),
        ("There could be 20,000 more refugees next year.", Modality.SPECULATIVE),
    ],
)
def test_sources_that_estimate_capacities_and_forecasts_are_estimates(context, body, modality):
    assert modality_of(context, body) == modality


@pytest.mark.parametrize(
    "body",
    [
        "The Defence Intelligence Agency said the wreckage confirms that the rebels fired rockets.",
        "An intelligence analysis of the craters proves that the rebels fired Belarusian rockets.",
    ],
)
def test_an_act_an_estimating_source_says_is_confirmed_is_put_as_fact(context, body):
    # What an estimating source says is confirmed or proven it puts as established.
    fired = [c for c in claims_of(context, body) if c.predicate != "say"]
    assert fired and all(c.modality in (Modality.REPORTED, Modality.ASSERTED) for c in fired)


def test_an_estimating_source_confirming_itself_still_estimates(context):
    body = "Defence Intelligence confirmed that the rebels fired Belarusian rockets."
    fired = [c for c in claims_of(context, body) if c.predicate != "say"]
    assert fired and all(c.modality == Modality.ESTIMATED for c in fired)


def test_an_estimating_source_saying_an_act_will_happen_gives_a_plan(context):
    # A forecast is a figure's: the intelligence chief's "will help" names an act to come, a plan.
    body = "The head of military intelligence said Moscow will help Pyongyang build a drone plant."
    (claim,) = [c for c in claims_of(context, body) if not c.quantity]
    assert claim.modality is Modality.PLANNED


@pytest.mark.parametrize(
    ("body", "value", "modality"),
    [
        # A conjoined clause with its own subject does not share the plan of the clause before it.
        ("The agency noted that Tehran plans to send 900 drones and that 300 engineers have arrived.",
         300, Modality.REPORTED),
        ("The agency noted that Tehran plans to send 900 drones and that 300 engineers have arrived.",
         900, Modality.PLANNED),
    ],
)  # fmt: skip
def test_each_figure_takes_the_firmness_of_its_own_clause(context, body, value, modality):
    claims = [c for c in claims_of(context, body) if c.quantity and c.quantity.low == value]
    assert claims and claims[0].modality is modality


@pytest.mark.parametrize(
    ("body", "modality"),
    [
        ("A lawmaker said Portugal may be hiring Norwegian sailors for its fleet.", Modality.HEDGED),
        ("A lawmaker said Portugal might have hired Norwegian sailors for its fleet.", Modality.HEDGED),
        ("A lawmaker said Portugal may hire Norwegian sailors for its fleet.", Modality.SPECULATIVE),
    ],
)
def test_a_possibility_of_what_is_so_hedges_and_of_what_may_come_speculates(context, body, modality):
    assert modality_of(context, body) == modality
