"""Statements over several sentences: one speaker's claims joined into one; sentences of our own."""

from __future__ import annotations

import pytest

from claimgraph.records import Document


def spans_of(context, body):
    from claimgraph.pipeline import analyse_document

    claims = analyse_document(Document(id="st", source="t.txt", body=body), context).claims
    return sorted({(c.start, c.end, c.speaker) for c in claims if c.speaker})


def test_a_sentence_pointing_back_to_the_speaker_carries_on_the_statement(context):
    body = (
        "Kyrylo Budanov said that Russia is helping North Korea build drones in Tatarstan. "
        "He added that North Korean engineers will train at the Russian plant."
    )
    ((start, end, speaker),) = spans_of(context, body)
    assert (start, end, speaker) == (0, len(body), "kyrylo-budanov")


def test_the_joined_claim_keeps_both_sentences_as_its_text(context):
    from claimgraph.pipeline import analyse_document

    body = (
        "According to NHK, North Korea will send workers to a drone plant in Russia. "
        "The broadcaster said the workers would learn to fly the drones in Tatarstan."
    )
    claims = analyse_document(Document(id="st", source="t.txt", body=body), context).claims
    assert {c.text for c in claims if c.speaker} == {body}


def test_a_speaker_named_anew_makes_a_new_statement(context):
    body = (
        "Kyrylo Budanov said that Russia is helping North Korea build drones in Tatarstan. "
        "Budanov also said that Iran sent missiles to Russia last year."
    )
    assert len(spans_of(context, body)) == 2


def test_a_speaker_named_anew_to_repeat_a_figure_repeats_the_statement(context):
    body = (
        "According to Kyrylo Budanov, 4,000 North Korean soldiers arrived in Russia in May. "
        '"About 4,000 North Korean soldiers are already in Russia," Budanov said.'
    )
    assert len(spans_of(context, body)) == 1


def test_a_sentence_of_the_writer_in_between_ends_the_statement(context):
    body = (
        "Kyrylo Budanov said that Russia is helping North Korea build drones in Tatarstan. "
        "North Korea sent 3,000 soldiers to Russia in January. "
        "He added that Iran sent missiles to Russia last year."
    )
    spans = spans_of(context, body)
    assert len(spans) == 2


def test_a_credit_to_the_sentence_before_opens_a_statement_the_next_sentence_carries_on(context):
    body = (
        "North Korea sent 3,000 soldiers to Russia in January. "
        "This was reported by Yonhap on Monday. "
        "The agency added that the soldiers went to the Kursk region."
    )
    ((start, end, speaker),) = spans_of(context, body)
    assert (start, end, speaker) == (0, len(body), "yonhap")


def test_a_figure_told_again_later_repeats_the_statement_across_other_sentences(context):
    body = (
        "Kyrylo Budanov said that 4,000 North Korean soldiers arrived in Russia in May. "
        "Pyongyang has denied sending troops. "
        '"About 4,000 North Korean soldiers are already in Russia," Budanov said.'
    )
    spans = spans_of(context, body)
    assert [(s, e) for s, e, who in spans if who == "kyrylo-budanov"] == [(0, len(body))]


def test_a_later_repeat_that_adds_a_new_figure_is_a_statement_of_its_own(context):
    body = (
        "Kyrylo Budanov said that 4,000 North Korean soldiers arrived in Russia in May. "
        "Pyongyang has denied sending troops. "
        '"About 4,000 soldiers arrived, and 600 of them were killed," Budanov said.'
    )
    spans = spans_of(context, body)
    assert len([who for _, _, who in spans if who == "kyrylo-budanov"]) == 2


def test_an_outlet_named_again_in_the_next_sentence_still_tells_one_report(context):
    body = (
        "According to Yonhap, North Korea sent 3,000 soldiers to Russia in January. "
        "Yonhap said the soldiers were sent to the Kursk region by ship."
    )
    ((start, end, speaker),) = spans_of(context, body)
    assert (start, end, speaker) == (0, len(body), "yonhap")


def test_a_speaker_named_anew_by_its_state_makes_a_new_statement(context):
    body = (
        "South Korea's Joint Chiefs of Staff said North Korea sent 2,000 more soldiers to Russia in March. "
        "South Korean authorities also estimated that Pyongyang shipped 40 missiles to Moscow."
    )
    spans = spans_of(context, body)
    assert [speaker for _, _, speaker in spans] == ["joint-chiefs-of-staff-of-south-korea"] * 2


def test_a_speaker_named_again_in_the_next_sentence_tells_the_same_statement(context):
    body = (
        "Kyrylo Budanov said on Saturday that Russia had begun to use North Korean troops in Kursk. "
        "Speaking on television, Budanov said the Russian army was using them in mixed units."
    )
    assert len(spans_of(context, body)) == 1


@pytest.mark.parametrize(
    "second",
    [
        "Budanov also said the Russian army was using them in mixed units.",
        "In late December, Budanov said the Russian army was using them in mixed units.",
        "Budanov had previously said the Russian army was using them in mixed units.",
    ],
)
def test_a_speaker_named_again_with_a_further_point_or_another_time_makes_a_new_statement(context, second):
    body = (
        f"Kyrylo Budanov said on Saturday that Russia had begun to use North Korean troops in Kursk. {second}"
    )
    assert len(spans_of(context, body)) == 2


def test_an_also_inside_what_is_said_sets_no_new_statement_apart(context):
    body = (
        "Kyrylo Budanov said on Saturday that Russia had begun to use North Korean troops in Kursk. "
        "Speaking on television, Budanov said the Russian army might also send them to Donetsk."
    )
    assert len(spans_of(context, body)) == 1


def test_the_same_speaker_passed_on_by_another_outlet_makes_a_new_statement(context):
    body = (
        "Kyrylo Budanov told The Economist that Russia had begun to use North Korean troops in Kursk. "
        "Budanov told the BBC that the Russian army was using them in mixed units."
    )
    assert len(spans_of(context, body)) == 2
