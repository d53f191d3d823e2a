"""Attribution: who a claim is credited to, through whom, by what cue; sentences of our own."""

from __future__ import annotations

import pytest

from claimgraph.records import Document, Modality


def claims_of(context, body):
    from claimgraph.pipeline import analyse_document

    return analyse_document(Document(id="att", source="t.txt", body=body), context).claims


def attributed(context, body):
    return [(c.speaker, c.via, c.cue) for c in claims_of(context, body) if c.speaker]


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        ("According to NHK, North Korea will send workers to Russia.", "nhk", "according to"),
        ("Kyrylo Budanov said that Russia is helping North Korea build drones.", "kyrylo-budanov", "say"),
        ("The Kremlin denied that North Korean troops are fighting in Ukraine.", "russia", "deny"),
        ("Seoul confirmed that North Korea sent more troops to Russia.", "south-korea", "confirm"),
        ("Kyrylo Budanov was quoted as saying that 12,000 troops were in Kursk.", "kyrylo-budanov", "quote"),
        ("The Pentagon warned that Iran could send missiles to Russia.", None, "warn"),
        (
            "The United States is concerned that Russia may give satellites to North Korea.",
            "united-states",
            None,
        ),
    ],
)
def test_reporting_cues_name_the_speaker(context, body, speaker, cue):
    (found,) = attributed(context, body)[:1]
    if speaker is not None:
        assert found[0] == speaker
    else:
        assert found[0]  # a speaker outside the pack keeps the words used
    if cue is not None:
        assert found[2] == cue


def test_according_to_a_report_from_an_outlet_reaches_the_speaker_via_the_outlet(context):
    body = (
        "According to a report from Newsweek on Monday, Kyrylo Budanov revealed that Russia will "
        "help North Korea build drones."
    )
    assert attributed(context, body) == [("kyrylo-budanov", "newsweek", "reveal")]


def test_citing_a_named_source_makes_it_the_speaker_via_the_one_citing(context):
    body = "North Korea will send 25,000 workers to Russia, NHK reported, citing Yonhap."
    (claim,) = [c for c in claims_of(context, body) if c.quantity]
    assert (claim.speaker, claim.via, claim.cue) == ("yonhap", "nhk", "citing")


def test_citing_unnamed_sources_leaves_the_claim_with_the_outlet(context):
    body = "North Korea will send 25,000 workers to Russia, NHK reported, citing diplomatic sources."
    (claim,) = [c for c in claims_of(context, body) if c.quantity]
    assert (claim.speaker, claim.via) == ("nhk", None)


@pytest.mark.parametrize(
    "body",
    [
        "According to the plan, 3,000 builders may go to the region in spring.",
        "Media reports say the plant will double its output.",
        "Satellite images show that 40 trucks crossed the border.",
        "Both sides denied that any soldiers were sent.",
    ],
)
def test_a_common_noun_names_no_speaker(context, body):
    assert all(claim.speaker is None for claim in claims_of(context, body))


def test_the_minister_points_back_to_the_person_named_before(context):
    body = (
        "Rustem Umerov met his counterparts in Brussels on Monday. "
        "According to the minister, 12,000 troops were moved to the border."
    )
    claims = [c for c in claims_of(context, body) if c.quantity]
    assert [c.speaker for c in claims] == ["rustem-umerov"]


def test_a_statement_to_an_outlet_passes_through_it(context):
    body = "Kyrylo Budanov told Newsweek that Russia will help North Korea."
    assert attributed(context, body) == [("kyrylo-budanov", "newsweek", "tell")]


def test_pronoun_and_definite_description_point_back_to_the_speaker(context):
    body = (
        "Kyrylo Budanov said that Russia is short of workers. He warned that North Korea could send more. "
        "NHK reported that the plan for Alabuga is advanced. "
        "According to the broadcaster, Russia will pay North Korea."
    )
    speakers = [c.speaker for c in claims_of(context, body) if c.speaker]
    assert speakers == ["kyrylo-budanov", "kyrylo-budanov", "nhk", "nhk"]


def test_a_quotation_running_on_keeps_its_speaker(context):
    body = (
        'Kyrylo Budanov warned that "Russia will train North Korean crews. '
        'North Korea will then build the drones itself."'
    )
    speakers = [c.speaker for c in claims_of(context, body)]
    assert speakers == ["kyrylo-budanov", "kyrylo-budanov"]


def test_unnamed_sources_are_reported_without_a_speaker(context):
    (claim,) = claims_of(context, "Reports suggest that North Korea sent 3,000 soldiers to Russia.")
    assert claim.speaker is None and claim.cue == "suggest" and str(claim.modality) == "reported"


def test_facts_doing_the_suggesting_are_not_speakers(context):
    claims = claims_of(context, "The involvement of North Korea suggests that the war in Ukraine may spread.")
    assert all(c.speaker is None and c.cue is None for c in claims)


def test_an_outlet_voice_claim_has_no_speaker(context):
    (claim,) = claims_of(context, "North Korea sent 3,000 soldiers to Russia in January.")
    assert claim.speaker is None and claim.cue is None and str(claim.modality) == "asserted"


def test_two_speakers_in_one_sentence_give_two_claims(context):
    body = (
        "While the Kremlin denied reports of North Korean troops, South Korean officials insist "
        "that they are fighting in Ukraine."
    )
    claims = claims_of(context, body)
    assert {(c.speaker, str(c.modality)) for c in claims} == {
        ("russia", "denied"),
        ("south-korea", "reported"),
    }


def test_reported_speech_reaches_the_claim_inside_it(context):
    (claim,) = claims_of(context, "Kyrylo Budanov said that Russia dispatched drones to North Korea.")
    assert claim.predicate == "send"
    assert claim.subject == "russia" and claim.object == "north-korea"
    assert "kyrylo-budanov" not in claim.entities


def test_a_speaker_claiming_its_own_act_is_the_doer(context):
    (claim,) = claims_of(context, "Ukrainian forces claimed to have struck the drone plant at Alabuga.")
    assert claim.speaker == "ukraine" and claim.subject == "ukraine"
    assert claim.place == "alabuga-special-economic-zone"


@pytest.mark.parametrize(
    "body",
    [
        "Every month of delay on sanctions and microchips adds thousands more drones to Russia's stock.",
        "Russia added 2,000 drones to its stock last month.",
    ],
)
def test_a_verb_of_saying_used_for_an_act_credits_no_speaker(context, body):
    assert attributed(context, body) == []


def test_a_think_tank_named_before_is_the_think_tank_that_speaks_later(context):
    body = (
        "North Korea has shipped about 4 million shells to Russia, according to the Stimson Center. "
        "That is nearly half of what Russia fired last year, the think tank said."
    )
    speakers = [c.speaker for c in claims_of(context, body)]
    assert speakers == ["henry-l-stimson-center", "henry-l-stimson-center"]


def test_a_figure_according_to_someone_s_estimates_is_an_estimate(context):
    from claimgraph.records import Modality

    body = "North Korea has sent 4 million shells to Russia, according to estimates by the Stimson Center."
    (claim,) = claims_of(context, body)
    assert claim.speaker == "henry-l-stimson-center" and claim.modality is Modality.ESTIMATED


@pytest.mark.parametrize(
    "body",
    [
        "Russia is building a plant in Izhevsk, Ukraine's military intelligence (HUR) reported on March 6.",
        "Russia is building a plant in Izhevsk, Ukraine's military intelligence reported on March 6.",
    ],
)
def test_a_closing_verb_of_saying_the_parser_hung_on_a_noun_still_names_its_speaker(context, body):
    (claim,) = claims_of(context, body)
    assert claim.speaker == "defence-intelligence-of-ukraine" and claim.subject == "russia"
    assert "defence-intelligence-of-ukraine" not in claim.entities  # the speaker, not what is claimed


def test_a_participle_modifying_a_noun_names_no_speaker(context):
    assert attributed(context, "The figures reported on March 6 show that 40 drones were shot down.") == []


def test_list_items_after_a_speaker_and_a_colon_are_that_speaker_s(context):
    body = (
        "The National Intelligence Service told lawmakers on Wednesday:\n"
        "- North Korea has sent about 11,000 troops to Russia.\n"
        "- Pyongyang has shipped more than 20,000 containers of shells.\n"
        "Russia is believed to have supplied air defence systems in return."
    )
    claims = claims_of(context, body)
    listed = [c for c in claims if c.quantity is not None]
    assert [(c.speaker, c.cue) for c in listed] == [("national-intelligence-service", "list")] * 2
    assert claims[-1].speaker is None and claims[-1].subject == "russia"  # the list has ended


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("According to a Kyiv Independent tally, Russia launched 6,000 drones in July.", "kyiv-independent"),
        ("An NHK count found that Russia fired 728 drones on July 9.", "nhk"),
        ("Investigators found that 40 drones carried foreign parts.", None),  # unnamed stay unnamed
    ],
)
def test_a_tally_or_a_finding_names_who_made_it(context, body, speaker):
    (claim,) = claims_of(context, body)
    assert claim.speaker == speaker


def test_finding_an_object_is_an_act_not_a_statement(context):
    assert attributed(context, "Police found 3 drones in the field.") == []


def test_an_interview_with_an_outlet_passes_through_it(context):
    body = "In an interview with NHK, Kyrylo Budanov said North Korea had sent 12,000 troops."
    assert attributed(context, body) == [("kyrylo-budanov", "nhk", "say")]


def test_putting_a_figure_at_a_number_is_an_estimate(context):
    body = (
        "Volodymyr Zelensky said North Korea had suffered about 4,000 casualties, although "
        "South Korea put the number lower, at about 3,000."
    )
    by_value = {c.quantity.low: (c.speaker, c.modality) for c in claims_of(context, body) if c.quantity}
    assert by_value[4000][0] == "volodymyr-zelensky"
    assert by_value[3000] == ("south-korea", Modality.ESTIMATED)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Kim Yo Jong went with him, according to photos released by KCNA.", "kcna"),
        ("According to a report published by the Kyiv Independent, Russia fired drones.", "kyiv-independent"),
    ],
)
def test_a_source_released_by_someone_is_theirs(context, body, speaker):
    (claim,) = claims_of(context, body)
    assert claim.speaker == speaker


def test_an_unnamed_passive_inside_a_named_speakers_words_is_theirs(context):
    body = "“It is estimated that 4,000 more troops were moved in March,” the Freedonian army said."
    body = body.replace("the Freedonian army", "Ukraine's military intelligence")
    (claim,) = [c for c in claims_of(context, body) if c.quantity]
    assert claim.speaker == "defence-intelligence-of-ukraine"
    assert claim.modality.value == "estimated"


@pytest.mark.parametrize(
    "credit",
    [
        "This was reported by NHK on Thursday.",
        "This figure was confirmed by NHK in a broadcast.",
        "NHK reported this on Thursday.",
    ],
)
def test_a_sentence_crediting_the_one_before_gives_it_its_speaker(context, credit):
    body = f"North Korea is considering sending 25,000 workers to a drone plant in Russia. {credit}"
    claims = claims_of(context, body)
    figure = next(c for c in claims if c.quantity)
    assert figure.speaker == "nhk" and figure.modality.value == "planned"
    assert claims[-1].speaker == "nhk"


def test_a_sentence_crediting_nothing_before_leaves_earlier_claims_alone(context):
    body = "North Korea sent 3,000 more soldiers in March. NHK reported that the plant was hit."
    figure = next(c for c in claims_of(context, body) if c.quantity)
    assert figure.speaker is None


def test_a_definite_role_with_a_nationality_is_the_person_named_before(context):
    body = (
        "Volodymyr Zelensky spoke to reporters in Kyiv on Monday. "
        "The Ukrainian president said 3,000 soldiers had been wounded."
    )
    figure = next(c for c in claims_of(context, body) if c.quantity)
    assert figure.speaker == "volodymyr-zelensky"


def test_officials_of_a_country_still_speak_for_it(context):
    body = "South Korean officials said 1,100 soldiers had been wounded."
    figure = next(c for c in claims_of(context, body) if c.quantity)
    assert figure.speaker == "south-korea"


@pytest.mark.parametrize(
    "body",
    [
        "Neither Tehran nor Moscow has confirmed that the drones were shipped in May.",
        "The Kremlin did not comment on the reports of 4,000 workers arriving in Kazan.",
    ],
)
def test_a_negated_verb_of_saying_credits_nobody(context, body):
    assert attributed(context, body) == []


def test_a_speaker_who_will_not_confirm_but_states_something_still_speaks(context):
    body = "A NATO spokesman could not confirm the figure, stating that Iran has sent no troops to Russia."
    assert {speaker for speaker, _, _ in attributed(context, body)} == {"nato"}


def test_a_speaker_reported_by_another_is_the_speaker_via_the_reporter(context):
    body = "Kyrylo Budanov said the National Intelligence Service had estimated that 3,000 soldiers died."
    figure = next(c for c in claims_of(context, body) if c.quantity)
    assert (figure.speaker, figure.via) == ("national-intelligence-service", "kyrylo-budanov")
    assert {c.speaker for c in claims_of(context, body) if c.speaker} == {"national-intelligence-service"}


def test_a_speaker_quoting_someone_in_their_own_words_keeps_the_statement(context):
    body = "“North Korea has confirmed the deployment to Kursk,” Kyrylo Budanov said."
    assert set(attributed(context, body)) == {
        ("north-korea", None, "confirm"),
        ("kyrylo-budanov", None, "say"),
    }


def test_a_closing_report_by_an_outlet_is_not_reported_by_the_speaker_before_it(context):
    body = "The National Intelligence Service said 4,000 workers were already in Russia, NHK reported."
    figure = next(c for c in claims_of(context, body) if c.quantity)
    assert (figure.speaker, figure.via) == ("nhk", None)  # not NHK via the agency


def test_a_statement_naming_nothing_gives_no_claim(context):
    assert attributed(context, "Sergei Shoigu said the talks had been friendly and open.") == []
    assert attributed(context, "Sergei Shoigu said the talks with North Korea had been friendly.") != []


def test_an_outlet_quoting_a_speaker_as_saying_relays_them(context):
    body = "NHK quoted Sergei Shoigu as saying that North Korea will send 5,000 builders to Kursk."
    figure = next(c for c in claims_of(context, body) if c.quantity)
    assert (figure.speaker, figure.via, figure.cue) == ("sergei-shoigu", "nhk", "quote")


def test_a_speaker_quoted_by_an_outlet_as_saying_speaks_via_it(context):
    body = "Sergei Shoigu was quoted by NHK as saying that 5,000 builders will go to Kursk."
    figure = next(c for c in claims_of(context, body) if c.quantity)
    assert (figure.speaker, figure.via) == ("sergei-shoigu", "nhk")


def test_a_place_ending_the_clause_before_is_not_the_speaker_after_the_comma(context):
    """The parser can hang "Kyiv" of "… fight Kyiv, Seoul's army said" on "army"; built here as it does."""
    from spacy.tokens import Doc

    from claimgraph.extract.speakers import Discourse, Mentions, resolve_speaker
    from claimgraph.records import Mention

    words = ["Moscow", "fights", "Kyiv", ",", "Seoul", "'s", "army", "said", "."]
    heads = [1, 7, 6, 6, 6, 4, 7, 7, 7]
    deps = ["nsubj", "ccomp", "nmod", "punct", "poss", "case", "nsubj", "ROOT", "punct"]
    lemmas = ["Moscow", "fight", "Kyiv", ",", "Seoul", "'s", "army", "say", "."]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "VERB", "PUNCT"]
    doc = Doc(context.nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas, pos=pos)
    mentions = [
        Mention("ukraine", "Kyiv", doc[2].idx, doc[2].idx + 4),
        Mention("south-korea", "Seoul", doc[4].idx, doc[4].idx + 5),
    ]
    named = Mentions(doc[:], mentions, {"ukraine": "country", "south-korea": "country"})
    speaker, _ = resolve_speaker(doc[6], named, Discourse())
    assert speaker == "south-korea"


def test_a_credit_to_the_sentence_before_claims_nothing_itself(context):
    body = (
        "Iran has moved its drone assembly line from Isfahan to Tatarstan. "
        "This was reported by Reuters, citing sources in Russia and Iran."
    )
    claims = claims_of(context, body)
    assert len(claims) == 1 and claims[0].speaker == "reuters"


def test_the_south_korean_military_speaks_through_its_joint_chiefs(context):
    body = "The South Korean military said on Friday that 2,000 more North Korean troops had reached Kursk."
    figure = next(c for c in claims_of(context, body) if c.quantity)
    assert figure.speaker == "joint-chiefs-of-staff-of-south-korea"


def test_a_post_named_by_its_body_is_not_the_person_named_before(context):
    body = (
        "Volodymyr Zelensky thanked the soldiers in Kyiv. "
        "The U.S. deputy ambassador to the United Nations said 12,000 soldiers had been sent to Russia."
    )
    figure = next(c for c in claims_of(context, body) if c.quantity)
    assert figure.speaker == "united-states"


def test_a_countrys_estimates_are_its_own_but_its_media_reports_are_nobodys(context):
    estimate = "According to Ukrainian estimates, Iran has sent 400 drones to Russia since May."
    figure = next(c for c in claims_of(context, estimate) if c.quantity)
    assert figure.speaker == "ukraine"
    report = "According to Ukrainian media reports, Iran has sent 400 drones to Russia since May."
    figure = next(c for c in claims_of(context, report) if c.quantity)
    assert figure.speaker is None


def test_the_latter_is_the_last_of_two_people_named(context):
    body = (
        "Kim Jong Un received Sergei Shoigu in Pyongyang for three hours on Tuesday. "
        "Afterwards the latter said North Korea had promised 6,000 builders for Kursk."
    )
    figure = next(c for c in claims_of(context, body) if c.quantity and "6,000" in c.quantity.text)
    assert figure.speaker == "sergei-shoigu"


def test_officials_said_to_be_unnamed_stay_unnamed_whatever_country_they_serve(context):
    said = "Unnamed Ukrainian officials said Iran had sent 400 more drones to Russia."
    figure = next(c for c in claims_of(context, said) if c.quantity)
    assert figure.speaker is None
    cited = "Iran sent 400 more drones to Russia, CNN reported, citing undisclosed Ukrainian officials."
    figure = next(c for c in claims_of(context, cited) if c.quantity)
    assert figure.speaker == "cnn"


@pytest.mark.parametrize("opening", ["Media reports say", "Some experts say"])
def test_media_reports_and_experts_name_nobody_even_beside_a_figure(context, opening):
    figure = next(
        c for c in claims_of(context, f"{opening} Iran has shipped 300 more drones to Russia.") if c.quantity
    )
    assert figure.speaker is None


@pytest.mark.parametrize(
    "body",
    [
        "The talks opened a week after Pyongyang confirmed that its engineers were working in Kursk.",
        "Trade between the two grew fast as Kyiv has accused Moscow of buying shells from Pyongyang.",
        "Trade between the two grew fast, with Kyiv accusing Moscow of buying shells from Pyongyang.",
    ],
)
def test_a_statement_that_only_sets_the_scene_credits_no_speaker(context, body):
    assert attributed(context, body) == []


@pytest.mark.parametrize(
    "body",
    [
        "Moscow and Tehran had officially announced the minister's three-day visit to Pyongyang.",
        "Pyongyang only acknowledged it had sold shells to Moscow in March and admitted that a depot burned.",
    ],
)
def test_an_admission_told_as_history_credits_no_speaker(context, body):
    assert attributed(context, body) == []


def test_an_admission_made_now_still_names_its_speaker(context):
    body = "Pyongyang acknowledged on Monday that it had sold shells to Moscow."
    assert [speaker for speaker, _, _ in attributed(context, body)] == ["north-korea"]


def test_citing_intelligence_credits_the_one_agency_of_that_state_the_text_names(context):
    body = (
        "The National Intelligence Service briefed parliament on Friday. "
        "South Korean legislators said, citing intelligence, that 300 engineers had reached Russia."
    )
    claim = next(c for c in claims_of(context, body) if c.quantity)
    assert claim.speaker == "national-intelligence-service"
    assert "south-korea" in claim.entities  # the state's officials only pass it on


def test_citing_intelligence_with_no_agency_named_leaves_the_state(context):
    body = "South Korean legislators said, citing intelligence, that 300 engineers had reached Russia."
    assert [speaker for speaker, _, _ in attributed(context, body)] == ["south-korea"]


def test_a_person_briefed_by_a_body_passes_on_its_findings(context):
    body = (
        "Park Min-ho told reporters after a briefing from the National Intelligence Service that "
        "900 soldiers had been wounded. Park Min-ho said Pyongyang would send 500 more engineers."
    )
    voices = {(c.speaker, c.via) for c in claims_of(context, body) if c.speaker}
    assert voices == {("national-intelligence-service", "park-min-ho")}


def test_a_person_not_briefed_speaks_for_themselves(context):
    body = "Park Min-ho told reporters on Monday that 900 soldiers had been wounded."
    assert [speaker for speaker, _, _ in attributed(context, body)] == ["park-min-ho"]


def test_a_pronoun_with_no_one_named_before_names_no_speaker(context):
    body = "North Korea has shipped more shells to Russia this spring, he told reporters."
    assert attributed(context, body) == []


def test_a_count_or_a_date_as_subject_names_no_speaker(context):
    body = "Of the workers who arrived in Russia, 3,105 of them said they had come to study."
    assert attributed(context, body) == []


def test_a_clause_said_after_with_stays_a_claim(context):
    body = "Shells ran short, with Seoul saying that Russia now fires 10,000 rounds a day."
    assert {speaker for speaker, _, _ in attributed(context, body)} == {"south-korea"}


def test_he_after_a_quotation_is_the_speaker_named_before_not_someone_quoted(context):
    body = (
        "Sergei Lavrov spoke to reporters in Moscow on Monday. "
        '"Kim Jong Un has asked for 300 Russian engineers," he said.'
    )
    (claim,) = [c for c in claims_of(context, body) if c.quantity]
    assert claim.speaker == "sergei-lavrov"


def test_a_plain_not_in_words_that_name_nothing_is_no_denial_worth_a_claim(context):
    body = '"We do not have a full picture yet," Sergei Lavrov said.'
    assert attributed(context, body) == []


def test_a_claim_denied_by_both_countries_is_each_state_denying_it(context):
    body = "Washington accuses Tehran of sending drones to Moscow, a claim denied by both countries."
    denials = {c.speaker for c in claims_of(context, body) if c.modality == Modality.DENIED}
    assert denials == {"iran", "russia"}


def test_citing_data_from_a_body_makes_the_body_the_speaker(context):
    body = "Last year, 500 Iranians entered Russia, Radio Free Asia reported, citing data from Rosstat."
    assert {(c.speaker, c.via) for c in claims_of(context, body)} == {("rosstat", "radio-free-asia")}


def test_what_is_added_to_a_quote_is_the_quoted_speakers(context):
    body = (
        "Interfax quoted the Belarusian defence ministry as saying that the drills with Russia "
        "would start in May, adding that they would last ten days."
    )
    assert {c.speaker for c in claims_of(context, body)} == {"belarus-defence-ministry"}


def test_a_states_authorities_stand_for_the_one_body_of_it_the_text_names(context):
    body = (
        "South Korea's Joint Chiefs of Staff briefed reporters on the border on Monday. "
        "South Korean authorities said 400 more engineers had crossed into Russia."
    )
    speakers = {c.speaker for c in claims_of(context, body) if c.quantity}
    assert speakers == {"joint-chiefs-of-staff-of-south-korea"}


def test_a_states_authorities_stay_the_state_when_no_body_of_it_is_named(context):
    body = "South Korean authorities said 400 more engineers had crossed into Russia."
    speakers = {c.speaker for c in claims_of(context, body) if c.quantity}
    assert speakers == {"south-korea"}


@pytest.mark.parametrize(
    "body",
    [
        "The talks went on for hours despite what the envoys say is a deep mistrust between the capitals.",
        "The new photos confirm what the border guard told reporters in April.",
    ],
)
def test_what_someone_says_as_a_noun_credits_them_with_no_claim(context, body):
    assert attributed(context, body) == []


def test_a_readout_speaks_for_its_body_and_the_two_sides_are_those_named_before(context):
    body = (
        "Sergei Lavrov met Kim Jong Un in Pyongyang on Monday. "
        "According to the Russian Security Council's readout, the two sides discussed closer ties."
    )
    claim = next(c for c in claims_of(context, body) if c.speaker)
    assert claim.speaker == "security-council-of-russia"
    assert {"sergei-lavrov", "kim-jong-un"} <= set(claim.entities)


@pytest.mark.parametrize(
    "body",
    [
        "At the summit, Kim Jong Un stated that the North Korean government “stands firmly with Russia”.",
        "At the summit, Kim Jong Un stated that the North Korean government stands firmly with Russia.",
    ],
)
def test_a_leader_reporting_what_his_state_says_is_the_speaker(context, body):
    assert {speaker for speaker, _, _ in attributed(context, body)} == {"kim-jong-un"}


def test_a_post_held_at_a_place_and_ending_in_a_name_is_that_persons(context):
    body = "The pact will run for ten years, French Ambassador to Germany Jean Dupont said."
    ((speaker, entities),) = [(c.speaker, c.entities) for c in claims_of(context, body)]
    assert speaker == "jean-dupont"
    # the claim names nothing itself: it is about the places of the speaker's post
    assert set(entities) == {"france", "germany"}


def test_a_post_whose_name_follows_a_title_names_nobody(context):
    body = "The new accord is set to last for ten years, an adviser to President Volodymyr Zelensky said."
    assert [c.speaker for c in claims_of(context, body)] == [None]


@pytest.mark.parametrize(
    "body",
    [
        "According to the 2019 fishing treaty, Portugal may not send trawlers to Norway.",
        "According to the UN Security Council resolution, Portugal may not sell rifles to Norway.",
    ],
)
def test_what_a_treaty_or_resolution_lays_down_is_no_ones_statement(context, body):
    assert attributed(context, body) == []


def test_of_a_nouns_names_the_nearest_is_its_own(context):
    body = (
        "According to NHK, Pyongyang weighs the move. Some “900 engineers will be sent” to the “plant "
        "near Kazan,” the Japanese NKH news outlet said, citing “officials.”"
    )
    assert [speaker for speaker, _, _ in attributed(context, body)] == ["nhk", "nhk"]
