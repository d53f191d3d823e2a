"""Which date a claim carries: the time of what it claims, never a span its figure tallies."""

from __future__ import annotations

from claimgraph.records import DateSource, Document


def claim_dates(context, body: str, published: str = "2025-06-18") -> list[str | None]:
    from claimgraph.pipeline import analyse_document

    how = DateSource.METADATA
    document = Document(id="d", source="d.txt", body=body, published=published, published_how=how)
    return [c.time.value if c.time else None for c in analyse_document(document, context).claims]


def test_a_whole_year_on_the_figures_own_verb_is_a_tally_not_an_event(context):
    assert claim_dates(context, "In 2023, the Baltic yard built more than 40 barges.") == [None]
    assert claim_dates(context, "Some 900 sailors left Portugal last year.") == [None]


def test_a_year_on_another_verb_or_a_finer_date_still_dates_the_figure(context):
    assert claim_dates(context, "Grain shipments, which resumed in 2021, reached 3 million t.") == ["2021"]
    assert claim_dates(context, "The yard launched 12 barges in March 2024.") == ["2024-03"]
    assert claim_dates(context, "Portugal signed a fishing pact with Norway in 2019.") == ["2019"]


def test_a_tallied_year_gives_way_to_the_day_it_was_said(context):
    body = "Some 900 sailors left Portugal last year, the harbour office said on Monday."
    assert claim_dates(context, body) == ["2025-06-16"]


def test_a_part_of_a_year_is_a_point_in_it_not_a_tally(context):
    assert claim_dates(context, "Portugal sent some 900 sailors in the fall of 2023.") == ["2023"]
    assert claim_dates(context, "Portugal sent some 900 sailors in late 2023.") == ["2023"]


def test_a_date_deep_in_a_since_phrase_opens_a_stretch(context):
    body = "Portugal's fleet has grown steadily since the end of the crisis in early 2012."
    assert claim_dates(context, body) == [None]
    body = (
        "Portugal built 300 barges since the start of the boom in March 2019, its yard said in May last year."
    )
    assert claim_dates(context, body) == ["2024-05"]
    assert claim_dates(context, "Portugal's ferries have stopped since March 25.") == ["2025-03-25"]


def test_a_bracketed_dateline_dates_no_claim(context):
    from claimgraph.clean.scrape import agency_of

    body = "Lisbon, (LPA - Harbour Wire Service - 4th Mar, 2025) Portugal opened a new ferry line on Monday."
    assert agency_of(body) == "LPA"
    assert claim_dates(context, body, published="2025-03-04") == ["2025-03-03"]


def test_a_counted_group_that_names_no_one_is_the_one_named_before(context):
    from claimgraph.pipeline import analyse_document

    body = "Portugal is training 900 sailors. The first crew of 60 sailors will sail to Norway on July 4."
    document = Document(
        id="g", source="g.txt", body=body, published="2025-06-18", published_how=DateSource.METADATA
    )
    last = analyse_document(document, context).claims[-1]
    assert last.time is not None and last.time.value == "2025-07-04"
    assert "portugal" in last.entities


def test_a_recent_act_is_dated_by_the_reports_month(context):
    body = "During the admiral's recent visit to Lisbon, Portugal signed a fishing pact with Norway."
    assert claim_dates(context, body) == ["2025-06"]
    assert claim_dates(context, "Three Portuguese sailors died in recent storms off Norway.") == [None]


def test_recent_words_that_are_no_act_or_give_way_date_nothing_new(context):
    assert claim_dates(context, "Portugal's envoy gave a recent interview about Norway.") == [None]
    body = "Portugal's envoy recently met Norway's minister on Monday."
    assert claim_dates(context, body) == ["2025-06-16"]
    assert claim_dates(context, "Portugal recently hired some 900 sailors.") == [None]  # a tally's stretch


def test_a_year_inside_the_figures_own_phrase_is_a_tally(context):
    body = "Portugal built nearly half of the barges sold in Europe last year."
    assert claim_dates(context, body) == [None]


def test_a_deadline_a_whole_year_wide_is_a_goal_a_month_still_dates(context):
    body = "Portugal could send some 900 sailors to Norway by the end of the year."
    assert claim_dates(context, body) == [None]
    body = "Portugal will send some 900 sailors to Norway by the end of October."
    assert claim_dates(context, body) == ["2025-10"]
    body = "Portugal sent some 900 sailors to Norway by the end of 2024."  # reached, not aimed at
    assert claim_dates(context, body) == ["2024"]


def test_a_plan_or_aim_cue_of_the_pack_makes_a_year_wide_deadline_a_goal(context):
    body = "Portugal intends to hire some 900 sailors by the end of the year."
    assert claim_dates(context, body) == [None]
    body = "Portugal aims to hire some 900 sailors by the end of the year."
    assert claim_dates(context, body) == [None]


def test_a_year_on_the_verb_of_saying_dates_no_statement(context):
    body = "Earlier this year, Portugal's minister said that Norway would reopen the port."
    assert claim_dates(context, body) == [None]
    body = "On Monday, Portugal's minister said that Norway would reopen the port."
    assert claim_dates(context, body) == ["2025-06-16"]


def test_a_month_after_as_of_is_a_counts_standing_a_day_is_when_it_was_given(context):
    assert claim_dates(context, "The harbour office said that as of April, Portugal had lost 60 boats.") == [
        None
    ]
    assert claim_dates(context, "The office said that in April, Portugal had lost 60 boats.") == ["2025-04"]
    body = "Norway's exports have grown to over 50 barges per week as of March 2025."
    assert claim_dates(context, body) == [None]
    assert claim_dates(context, "As of May 14, Portugal had lost about 60 fishing boats to the storms.") == [
        "2025-05-14"
    ]


def test_a_date_of_another_figure_does_not_date_this_one(context):
    body = "Portugal's crews suffered 400 injuries out of the 1,200 sailors sent last year."
    assert claim_dates(context, body) == [None, None]
    body = "The Norwegian yard will be able to build about 40 barges this year, compared with 12 in Portugal."
    assert claim_dates(context, body) == [None, None]
    body = "Some 90 ferries were sold between March and April, the harbour office said, adding that 30 sank."
    assert claim_dates(context, body) == ["2025-03", None]
    assert claim_dates(context, "Portugal sent 300 sailors in May and 200 in June.") == ["2025-05", "2025-06"]


def test_a_stretch_of_a_year_or_more_a_figure_counts_over_is_its_tally(context):
    assert claim_dates(
        context, "The Norwegian yard built more than 300 barges from March 2023 to May 2024."
    ) == [None]
    assert claim_dates(context, "Portugal sent 2,000 sailors home between January and March.") == ["2025-01"]


def test_a_whole_year_still_to_come_in_a_plan_dates_no_event(context):
    body = (
        "The harbour office approved the plan to support Portugal's planned ferry launches later this year."
    )
    assert claim_dates(context, body) == [None]
    assert claim_dates(context, "Portugal will open a new ferry line to Norway next year.") == [None]
    assert claim_dates(context, "Portugal opened a new ferry line to Norway last year.") == ["2024"]


def test_each_day_of_a_list_dates_the_act_told_of_it(context):
    body = "The ferry sailed from Portugal to Norway on May 3, May 20 and June 9."
    assert claim_dates(context, body) == ["2025-05-03", "2025-05-20", "2025-06-09"]
    body = "The Norwegian minister met Portugal's president on Tuesday and Wednesday."
    assert claim_dates(context, body) == ["2025-06-17"]
    assert claim_dates(context, "Portugal sent 3,000 more sailors in January and February.") == ["2025-01"]


def test_a_date_of_another_clause_dates_that_acts_own_claim(context):
    body = (
        "Norway reopened the port of Bergen this week after Portuguese crews staged a rescue there in March."
    )
    assert claim_dates(context, body) == ["2025-06", "2025-03"]
    body = "Portugal barred its trawlers from Norway's waters on May 2, and all were to leave by August 2024."
    assert claim_dates(context, body) == ["2025-05-02", "2024-08"]


def test_a_year_a_day_in_a_row_or_a_figures_date_in_another_clause_gives_no_claim(context):
    assert claim_dates(context, "Portugal reopened the harbour in May, after a storm last year.") == [
        "2025-05"
    ]
    body = (
        "Portugal's minister met Norway's king on Tuesday and Wednesday, after which Portugal pledged ships."
    )
    assert claim_dates(context, body) == ["2025-06-17"]
    body = "Portugal's crews suffered 400 injuries out of the 1,200 sailors sent in March."
    assert claim_dates(context, body) == [None, "2025-03"]  # the 1,200's own date, no claim more


def test_a_season_with_no_year_named_is_too_vague_to_date_a_claim(context):
    assert claim_dates(context, "Portugal seized the harbour in a surprise raid over the summer.") == [None]
    assert claim_dates(context, "Portugal seized the harbour in a surprise raid last summer.") == ["2024"]
    assert claim_dates(context, "Portugal seized the harbour in the summer of 2023.") == ["2023"]
