"""Quantities: amount, range, qualifier, counted unit and rate, from sentences of our own."""

from __future__ import annotations

import pytest

from claimgraph.extract import extract_quantities


def quantities(nlp, text):
    return [(q.low, q.high, q.unit, q.per, q.qualifier) for q in extract_quantities(nlp(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia fires 170 drones daily.", (170, 170, "drone", "day", None)),
        ("The plant makes 2,000 drones per month.", (2000, 2000, "drone", "month", None)),
        ("The plant makes 2,000 drones a month.", (2000, 2000, "drone", "month", None)),
        ("Up to 300 shells a week reach the front.", (300, 300, "shell", "week", "up to")),
        ("Nearly half of the shells came from North Korea.", (0.5, 0.5, "share", None, "nearly")),
        ("Several thousand workers will arrive.", (2000, 9999, "worker", None, None)),
        ("Hundreds of thousands of men were mobilised.", (100000, 999999, "person", None, None)),
        ("Three thousand soldiers crossed the border.", (3000, 3000, "soldier", None, None)),
        ("The deal brings up to USD 300 million a year.", (3e8, 3e8, "USD", "year", "up to")),
        ("More than 13,000 containers were shipped.", (13000, 13000, "container", None, "more than")),
        ("Some 10,000 to 12,000 troops were sent.", (10000, 12000, "soldier", None, "some")),
        ("About 4,700 casualties were counted.", (4700, 4700, "casualty", None, "about")),
        ("The North will send 1,000 sappers and builders.", (1000, 1000, "worker", None, None)),
        ("Ships carried about 1,500 special forces.", (1500, 1500, "soldier", None, "about")),
    ],
)
def test_figure_unit_rate_and_qualifier(nlp, text, expected):
    assert expected in quantities(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The pact was signed in 2024.",
        "Alabuga is one of the largest plants in Russia.",
        "The three-year-long war goes on.",
    ],
)
def test_what_is_not_a_count(nlp, text):
    assert quantities(nlp, text) == []


def test_a_vague_growing_amount_is_one_range(nlp):
    found = quantities(nlp, "It could field thousands, then tens of thousands, of drones.")
    assert found[0][:3] == (1000, 99999, "drone")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry paid €300m for the depot.", (3e8, 3e8, "EUR", None, None)),
        ("The ministry paid €300 m for the depot.", (3e8, 3e8, "EUR", None, None)),
        ("The fund holds £1.5bn in reserves.", (1.5e9, 1.5e9, "GBP", None, None)),
        ("The loan of AU$ 52.5 million was approved.", (52.5e6, 52.5e6, "AUD", None, None)),
        ("The budget adds 3 trillion roubles for arms.", (3e12, 3e12, "RUB", None, None)),
        ("The port cost 1.5 million euros to repair.", (1.5e6, 1.5e6, "EUR", None, None)),
        ("The firm pledged between $12 million and $20 million.", (12e6, 20e6, "USD", None, None)),
        ("The city lost billions of dollars in trade.", (1e9, 9_999_999_999, "USD", None, None)),
        ("Tens of millions of euros were frozen.", (1e7, 99_999_999, "EUR", None, None)),
        ("Output fell as much as 3 % in spring.", (0.03, 0.03, "share", None, "as much as")),
        ("Wages rose half a percent.", (0.005, 0.005, "share", None, None)),
        ("Three quarters of the shells were duds.", (0.75, 0.75, "share", None, None)),
        ("Unemployment rose 2 percentage points.", (2, 2, "percentage point", None, None)),
        ("The index fell 344.65 points on Monday.", (344.65, 344.65, "point", None, None)),
        ("Fifteen countries signed the accord.", (15, 15, "country", None, None)),
        ("The trench is ~2 m deep.", (2, 2, "m", None, "about")),
        ("The front line runs 15–35 km from the river.", (15, 35, "km", None, None)),
        ("The fuel freezes at −40 °C in the depot.", (-40, -40, "°C", None, None)),
    ],
)
def test_money_shares_and_measures(nlp, text, expected):
    assert expected in quantities(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The wreck of Flight 447 was found.",
        "The firm filed for Chapter 11 protection.",
        "The new iPhone 4 went on sale.",
        "The war is two and a half years old.",
        "Governments have answered with half-measures.",
        "Talks ran between October 8 and 13.",
        "The two sides met again.",
        "Sales grew in the first three quarters of the year.",
    ],
)
def test_names_and_durations_are_no_figures(nlp, text):
    assert quantities(nlp, text) == []


def test_a_number_after_a_percentage_does_not_become_one(nlp):
    found = quantities(nlp, "The index fell 7 % to below 9,000.")
    assert (0.07, 0.07, "share", None, None) in found
    assert not [q for q in found if q[0] == 9000 and q[2] == "share"]


def test_a_change_from_one_figure_to_another_is_two_figures(nlp):
    found = quantities(nlp, "Output rose from 5,000 to 12,000 drones a month.")
    assert (5000, 5000, "drone", "month", None) in found
    assert (12000, 12000, "drone", "month", None) in found


def test_over_after_a_noun_is_a_place_not_a_qualifier(nlp):
    found = quantities(nlp, "Air defences shot down 81 drones over 11 regions.")
    assert (11, 11, "region", None, None) in found
    assert (3000, 3000, "soldier", None, "over") in quantities(nlp, "Russia sent over 3,000 troops.")


def test_others_count_what_the_figure_before_counts(nlp):
    found = quantities(nlp, "The strike killed at least 12 people and injured 90 others.")
    assert (90, 90, "person", None, None) in found


def test_one_official_speaking_is_no_figure(nlp):
    assert quantities(nlp, '"It is unprecedented," one lawmaker told reporters.') == []
    assert (12, 12, "lawmaker", None, None) in quantities(nlp, "Parliament expelled 12 lawmakers.")


def test_a_rank_is_no_count(nlp):
    assert quantities(nlp, "The carrier ranks No. 1 in sales.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plant turns out 2,000 Geran-2s a month.", [(2000, "drone", "month")]),
        ("Russia fired 40 Shaheds and 6 Iskanders overnight.", [(40, "drone", None), (6, "missile", None)]),
        ("Russia launched 90 Shahed drones.", [(90, "drone", None)]),
        ("Pyongyang shipped 5 million artillery projectiles.", [(5_000_000, "shell", None)]),
        ("Tehran delivered 200 unmanned aerial vehicles.", [(200, "drone", None)]),
        ("The carmaker sold 200 vehicles.", [(200, "vehicle", None)]),
        ("Tehran delivered more than 200 Fath-360 missiles.", [(200, "missile", None)]),
    ],
)
def test_a_count_of_a_named_weapon_counts_what_the_pack_says_it_is(context, text, expected):
    found = extract_quantities(context.nlp(text), context.pack.vocabulary)
    assert [(q.low, q.unit, q.per) for q in found] == expected


def test_a_rate_word_on_the_flow_before_a_figure_gives_its_period(nlp):
    found = quantities(nlp, "Russia raised the monthly output of the plant from 300 drones to 2,000.")
    assert (300, 300, "drone", "month", None) in found and (2000, 2000, "drone", "month", None) in found
    assert quantities(nlp, "The monthly report listed 300 drones.") == [(300, 300, "drone", None, None)]


def test_a_generic_counted_noun_keeps_the_noun_that_says_what_it_is(nlp):
    found = quantities(nlp, "The losses include 22,800 artillery systems and 300 air defence systems.")
    assert [q[2] for q in found] == ["artillery system", "air defence system"]


def test_a_part_of_a_whole_counts_what_the_whole_counts(nlp):
    found = quantities(nlp, "Air defences downed 51 of the 64 Shahed drones launched overnight.")
    assert [(q[0], q[2]) for q in found] == [(51, "drone"), (64, "drone")]


def test_a_tally_line_counts_what_its_label_names(nlp):
    text = "Losses so far:\ntanks — 11,050 (+3),\nartillery systems — 30,900 (+40),\nUAVs: 49,800 (+120)."
    found = quantities(nlp, text)
    assert [(q[0], q[2]) for q in found] == [(11050, "tank"), (30900, "artillery system"), (49800, "drone")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea sent 1.5m shells.", [(1_500_000, 1_500_000, "shell")]),
        ("The water was 10m deep.", [(10, 10, "m")]),  # metres, not millions
        ("Between 10 and 12 thousand soldiers arrived.", [(10_000, 12_000, "soldier")]),
        ("Output went from 2 to 3 million shells.", [(2e6, 2e6, "shell"), (3e6, 3e6, "shell")]),
    ],
)
def test_a_scale_written_once_applies_where_it_is_meant(nlp, text, expected):
    assert [(q[0], q[1], q[2]) for q in quantities(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia plans to raise Shahed production to 6,000 a month.", [(6000, "drone", "month")]),
        ("Drone output reached 2,700 in May.", [(2700, "drone", None)]),
        ("Annual production of shells reached 3 million.", [(3e6, "shell", "year")]),
        ("The output of the plant rose to 300.", []),  # the plant makes; it is not what is made
    ],
)
def test_a_figure_set_on_a_flow_counts_what_the_flow_names(context, text, expected):
    found = extract_quantities(context.nlp(text), context.pack.vocabulary)
    assert [(q.low, q.unit, q.per) for q in found] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The plant hired 25 000 workers last year.", (25000, "worker")),
        ("Some 4\u00a0700 fighters were moved east.", (4700, "soldier")),
        ("The depot held 1 300 000 shells in all.", (1_300_000, "shell")),
        ("On May 25 100 soldiers crossed the river.", (100, "soldier")),
    ],
)
def test_thousands_set_apart_by_spaces_are_one_number(nlp, body, expected):
    (figure,) = [q for q in extract_quantities(nlp(body)) if q.unit != "ratio"]
    assert (figure.low, figure.unit) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The new line can build nine times more than the old one.", (9, "ratio")),
        ("Prices there are 12 times higher than a year ago.", (12, "ratio")),
        ("About 1,000 combat engineers were sent north.", (1000, "soldier")),
        ("Some 500 officers and three generals were trained.", (500, "soldier")),
        ("The ship carried 13 foreign citizens.", (13, "person")),
    ],
)
def test_ratios_and_roles_count_what_an_analyst_counts(nlp, body, expected):
    figure = extract_quantities(nlp(body))[0]
    assert (figure.low, figure.unit) == expected


def test_an_act_done_three_times_is_no_figure(nlp):
    assert extract_quantities(nlp("The village was shelled three times on Sunday.")) == ()


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        ("Over 3,000 soldiers have been killed or wounded in the region.", "casualty"),
        ("The army lost approximately 4,700 soldiers by April.", "casualty"),
        ("More than 5,000 troops have been reported as casualties.", "casualty"),
        ("About 600 soldiers were killed in the battle.", "soldier"),
        ("Some 11,000 troops were sent to the front.", "soldier"),
        ("Some 1,200 more soldiers are believed wounded, gone missing or captured.", "casualty"),
        ("Some 1,200 soldiers went missing in the fog.", "soldier"),
    ],
)
def test_the_killed_and_wounded_together_are_casualties_the_dead_alone_are_not(nlp, body, unit):
    (figure,) = extract_quantities(nlp(body))
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("As many as 40 have been killed or wounded, the brigade said.", [(40, "casualty")]),
        ("The rebel troops attacked at dawn. At least 25 were killed, officials said.", [(25, "soldier")]),
        ("As many as 40 have signed the letter.", []),
    ],
)
def test_a_bare_number_killed_or_hurt_counts_the_harmed(nlp, body, expected):
    assert [(q.low, q.unit) for q in extract_quantities(nlp(body))] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Only three or four boats came back.", [(3, 4, "boat")]),
        ("The cost rose 7 or 8 percent.", [(0.07, 0.08, "share")]),
        ("He ordered 40 rifles or 5 mortars.", [(40, 40, "rifle"), (5, 5, "mortar")]),
    ],
)
def test_a_rising_either_or_count_is_a_range(nlp, body, expected):
    assert [(q.low, q.high, q.unit) for q in extract_quantities(nlp(body))] == expected


def test_the_whole_casualties_are_taken_from_counts_the_people(nlp):
    body = "The rebel troops suffered 900 casualties out of the 5,000 sent in spring."
    assert [q.unit for q in extract_quantities(nlp(body))] == ["casualty", "soldier"]


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        ("Generals said 2,500 troops had been killed or wounded holding the bridge.", "casualty"),
        ("Of the 9,000 soldiers sent, 2,000 are thought to have been killed or wounded.", "casualty"),
        ("The brigade lost many troops; officials counted 400 dead by June.", "soldier"),
        ("The army put its own losses at 900 soldiers, 150 of them dead.", "soldier"),
        ("Ukrainian soldiers held the town, which by then had some 7 thousand people in arms.", "soldier"),
        ("Shelling killed 12 people in the town.", "person"),
    ],
)
def test_who_the_dead_and_the_people_are_comes_from_the_people_named_before(nlp, body, unit):
    assert extract_quantities(nlp(body))[-1].unit == unit


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The army has lost at least 2,000 dead and wounded since spring.", (2000, "casualty")),
        ("Crews downed three KN23 short-range ballistic missiles overnight.", (3, "missile")),
        ("The depot may hold 2 million 122-millimetre shells.", (2_000_000, "shell")),
        ('The plant was to build several thousand "Geraniums" a year.', (2000, "drone")),
        ("Pyongyang will send 4,000 military engineers to rebuild the bridges.", (4000, "worker")),
    ],
)
def test_what_a_figure_counts_past_calibres_ranges_and_nicknames(nlp, body, expected):
    assert expected in [(q.low, q.unit) for q in extract_quantities(nlp(body))]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("In 2023, about 9,000 drones were built at the plant.", (9000, "drone", "year")),
        ("The plants should make 2 million shells this year.", (2_000_000, "shell", "year")),
        ("Each recruit gets a monthly salary of about $1,200 (€1,100).", (1200, "USD", "month")),
        ("Each recruit gets a monthly salary of about $1,200 (€1,100).", (1100, "EUR", "month")),
        ("About 9,000 drones were built at the plant.", (9000, "drone", None)),
    ],
)
def test_a_flow_over_a_year_and_a_monthly_pay_are_rates(nlp, body, expected):
    assert expected in [(q.low, q.unit, q.per) for q in extract_quantities(nlp(body))]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The meeting went on for more than three hours.", [(3, "hour")]),
        ("The lease will run for 49 years.", [(49, "year")]),
        ("The envoy arrived two years ago.", []),
        ("Three days later the convoy left.", []),
    ],
)
def test_a_length_of_time_is_a_figure_a_point_in_time_is_not(nlp, body, expected):
    assert [(q.low, q.unit) for q in extract_quantities(nlp(body))] == expected


@pytest.mark.parametrize(
    ("body", "unit"),
    [
        ("Officials put the number of troops killed and injured at about 2,400.", "casualty"),
        ("Officials put the number of troops sent at about 2,400.", "soldier"),
        ("The brigade lost many soldiers. By May its death toll stood at 700.", "soldier"),
    ],
)
def test_a_bare_figure_counts_the_tally_the_sentence_names(nlp, body, unit):
    assert extract_quantities(nlp(body))[-1].unit == unit


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The gunners fired 155mm rounds all night.", []),
        ("The depot held 9,000 155mm rounds.", [(9000, "shell")]),
        ("Snow lay 30 mm deep by noon.", [(30, "mm")]),
        ("The two leaders spoke on four occasions.", []),
        ("Forecasters gave a probability of 60 to 70 percent for rain.", []),
        ("The model predicts a win with 90 percent confidence.", []),
        ("Rain fell on 70 percent of the farms.", [(0.7, "share")]),
        ("The ministry will send a third battalion in May.", []),  # an ordinal, not a share
        ("A third of the wells ran dry.", [(1 / 3, "share")]),
        ("Storms hit four northern provinces overnight.", []),  # where, not how much
        (
            "Mills ground 2 million tonnes a year, 50,000 short of the target.",
            [(2e6, "tonne"), (50000, "tonne")],
        ),  # a difference counts what the figure before does
        ("It was the envoy's second visit to Minsk in just over two months.", []),
        ("The envoy is in Minsk for the third time in nearly four months.", []),
        ("Ferries will sail again for the first time in more than 40 years.", [(40, "year")]),
        ("Trade between the two regimes grew.", []),
        ("Guards who caught these three men were decorated.", []),  # people named before
        ("It could be a blend of the two.", []),
        ("The team compared the two samples.", [(2, "sample")]),  # how a study reports its design
        ("Three men crossed the river.", [(3, "person")]),
    ],
)
def test_calibres_and_framing_counts_are_not_figures(nlp, body, expected):
    assert [(q.low, q.unit) for q in extract_quantities(nlp(body))] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Grain exports have tripled since spring.", [(3, "ratio", None)]),
        ("The fleet has more than doubled in size.", [(2, "ratio", "more than")]),
        ("The new engine runs twice as fast.", []),  # a comparison, no figure reported
        ("He ordered a double espresso.", []),
    ],
)
def test_a_growth_said_by_a_verb_of_multiplying_is_a_ratio(nlp, body, expected):
    assert [(q.low, q.unit, q.qualifier) for q in extract_quantities(nlp(body))] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Roughly 900 Russians were evacuated by sea.", [(900, "person")]),
        ("Officials say Moscow has hosted some 5,000 Iranians this year.", [(5000, "person")]),
        # the group of the same nation the paragraph named before
        (
            "Talks between Iranian and Iraqi fighters went on. Moscow hosted some 500 Iranians.",
            [(500, "soldier")],
        ),
        ("Iranian instructors trained the crews. Moscow hosted some 500 Iranians.", [(500, "instructor")]),
        # the dead among them count what the dead count before
        (
            "The army sent 200 soldiers. Officials said about 900 Russians were killed.",
            [(200, "soldier"), (900, "soldier")],
        ),
    ],
)
def test_a_people_named_by_their_nation_counts_persons(nlp, body, expected):
    assert [(q.low, q.unit) for q in extract_quantities(nlp(body))] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "In May, 4,312 Ukrainians crossed the border. Of those, 2,100 of them were women.",
            [(4312, "person"), (2100, "person")],
        ),
        (
            "Some 1,200 Belarusian soldiers arrived, and 300 of them were wounded.",
            [(1200, "soldier"), (300, "soldier")],
        ),
    ],
)
def test_a_part_of_a_group_named_before_counts_what_the_group_counts(nlp, body, expected):
    assert [(q.low, q.unit) for q in extract_quantities(nlp(body))] == expected
