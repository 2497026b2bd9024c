"""How far a word reaches: lists of channels under one verb, adverbials of a gap, aims
around a contact, people counted by nationality, and names of another generation.

Every sentence here is written for the test; dates are resolved against PUBLISHED, a
Wednesday.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims import DIP, OPEN, PUBLISHED, REST, SUSP, A, asserted, fact
from tracker.extract import extract
from tracker.vocab import Kind, Modality, State

MIL = Kind.MILITARY_RELATIONS
POLICY = Kind.DEFENSE_POLICY_TALKS


def modalities(text: str) -> set[tuple[str, str, str, str]]:
    """(pair, kind, state, modality) of every claim of a text."""
    return {
        (c.pair, c.kind.value, c.state.value, c.modality.value) for c in extract(text, PUBLISHED)
    }


# ------------------------------------------------------------------ lists of channels


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "China cancelled theater commanders talks, defense policy coordination talks "
            "and maritime consultative meetings with the United States on Friday.",
            {Kind.THEATER_COMMANDERS, POLICY, Kind.MARITIME_SAFETY_TALKS},
        ),
        (
            "Beijing suspended defense policy talks, maritime consultative talks and "
            "military exchanges with Washington.",
            {POLICY, Kind.MARITIME_SAFETY_TALKS, MIL},
        ),
        (
            "Washington postponed the defense consultative talks and the maritime safety "
            "dialogue with Beijing.",
            {POLICY, Kind.MARITIME_SAFETY_TALKS},
        ),
    ],
)
def test_a_verb_over_a_list_of_channels_reaches_each(text: str, kinds: set[Kind]) -> None:
    assert asserted(text) == {fact("CN-US", k, SUSP) for k in kinds}


@pytest.mark.parametrize(
    "text",
    [
        # The comma closes the object: what follows is the speaker, not another channel.
        "China suspended the military talks with the United States, the ministry said.",
        "Beijing suspended military exchanges with Washington, its defense ministry said.",
    ],
)
def test_a_comma_before_no_channel_adds_no_kind(text: str) -> None:
    assert asserted(text) == {fact("CN-US", MIL, SUSP)}


# ------------------------------------------------------------- adverbials of a gap


@pytest.mark.parametrize(
    "text",
    [
        "After a three-year hiatus, Greece and Turkey have agreed to resume the talks.",
        "Following a five-year hiatus, the two Koreas agreed on Friday to restart military talks.",
        "After a long pause, India and Pakistan will hold talks next week.",
        "After a two-year freeze, India hopes to resume its dialogue with China.",
    ],
)
def test_a_gap_adverbial_is_as_sure_as_its_verb(text: str) -> None:
    claims = modalities(text)
    assert claims, "the clause still names a restoration"
    assert all(m != A.value for *_, m in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The two Koreas restarted military talks on Friday after a five-year hiatus.",
            fact("KP-KR", POLICY, REST),
        ),
        (
            "After a three-year hiatus, Greece and Turkey resumed exploratory talks in Athens.",
            fact("GR-TR", DIP, REST),
        ),
    ],
)
def test_a_gap_adverbial_of_a_reported_restoration_stays_asserted(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in asserted(text)


# ------------------------------------------------------------- aims around a contact


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Putin and Erdogan sought to mend ties in their first phone call since the jet "
            "was downed.",
            "RU-TR",
        ),
        (
            "India and China tried to ease tensions during their first talks in two years.",
            "CN-IN",
        ),
    ],
)
def test_a_contact_named_as_the_setting_of_an_aim_took_place(text: str, pair: str) -> None:
    assert any(p == pair and s == REST.value for p, _, s in asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "India and China want to hold their first talks in two years.",
        "Putin and Erdogan hope to mend ties in a first phone call since the jet was downed.",
        "Putin and Erdogan sought to mend ties with their first phone call since the crash.",
    ],
)
def test_a_contact_that_is_the_aim_itself_is_not_reported(text: str) -> None:
    assert not any(s == REST.value for _, _, s in asserted(text))


# --------------------------------------------------------------- counted people


@pytest.mark.parametrize(
    "text",
    [
        "Three Russians met American officials in June.",
        "A group of Americans met Russian diplomats in Moscow last week.",
        "Several Indians spoke with Pakistani officials at the border on Monday.",
        "Dozens of Russians met US lawmakers in 2019.",
    ],
)
def test_people_counted_by_nationality_are_not_their_state(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Russians have declined to engage with the Pentagon.",
        "The Americans and the Russians spoke on the hotline on Monday.",
    ],
)
def test_a_nationality_with_the_article_stands_for_the_state(text: str) -> None:
    assert any(p == "RU-US" for p, _, _ in asserted(text))


# ----------------------------------------------------------- another generation


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump Jr. met the Russian ambassador in June 2016.",
        "Donald Trump, Jr., spoke with Russian officials last year.",
    ],
)
def test_a_junior_is_not_the_office_holder(text: str) -> None:
    assert asserted(text, date(2018, 1, 5)) == set()


@pytest.mark.parametrize(
    ("text", "published", "pair"),
    [
        # The holder's own suffix, as the gazetteer lists it.
        (
            "Gen. Joseph F. Dunford Jr. spoke with his Russian counterpart on Monday.",
            date(2018, 1, 5),
            "RU-US",
        ),
        # A numeral is part of the holder's name.
        (
            "Lloyd J. Austin III spoke with his Chinese counterpart on Tuesday.",
            date(2024, 4, 17),
            "CN-US",
        ),
        ("Donald Trump met Russian President Vladimir Putin last year.", date(2018, 1, 5), "RU-US"),
    ],
)
def test_the_holder_with_his_own_name_stays(text: str, published: date, pair: str) -> None:
    assert any(p == pair and s == OPEN.value for p, _, s in asserted(text, published))


# ------------------------------------------------------------------ ending talks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "North Korea and South Korea on Wednesday ended their first talks between "
            "military generals.",
            fact("KP-KR", POLICY, OPEN),
        ),
        (
            "The two Koreas concluded three days of military talks on Friday.",
            fact("KP-KR", POLICY, OPEN),
        ),
        (
            "China and Japan wrapped up a round of talks in Tokyo on Monday.",
            fact("CN-JP", DIP, OPEN),
        ),
    ],
)
def test_two_sides_that_ended_talks_held_them(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in asserted(text)


@pytest.mark.parametrize(
    "text",
    [
        # One side ending talks with the other may have broken them off.
        "Pakistan ended talks with India after the attack.",
        "India ended the composite dialogue with Pakistan in 2008.",
        "Japan boycotted the summit with China last year.",
        "Seoul walked out of the talks with Pyongyang on Monday.",
    ],
)
def test_one_side_ending_or_leaving_talks_reports_no_contact(text: str) -> None:
    assert not any(s == OPEN.value for _, _, s in asserted(text))


# ------------------------------------------------------------- idioms and objects


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Military ties between the United States and China were ruptured by the "
            "collision in April 2001.",
            fact("CN-US", MIL, SUSP),
        ),
        (
            "The rupture of relations between Moscow and Ankara followed the downing of the jet.",
            fact("RU-TR", DIP, SUSP),
        ),
        ("Turkey has recalled its Israeli ambassador.", fact("IL-TR", DIP, SUSP)),
        ("Turkey called off a joint naval exercise with Israel.", fact("IL-TR", MIL, SUSP)),
        (
            "Washington and Seoul suspended their joint exercises in 2018.",
            fact("KR-US", MIL, SUSP),
        ),
    ],
)
def test_ruptures_recalls_and_exercises_called_off(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in asserted(text)


@pytest.mark.parametrize(
    "text",
    [
        "A gas pipeline between Russia and Turkey ruptured in March.",
        "China suspended military exercises near Taiwan.",
        "North Korea condemned the joint drills between Seoul and Washington.",
    ],
)
def test_near_misses_of_ruptures_and_exercises(text: str) -> None:
    assert not any(s == SUSP.value for _, _, s in asserted(text))


def test_modalities_helper_sees_every_claim() -> None:
    claims = modalities("After a three-year hiatus, Greece and Turkey have agreed to resume talks.")
    assert ("GR-TR", DIP.value, REST.value, Modality.PLANNED.value) in claims
    assert PUBLISHED.weekday() == 2


# ------------------------------------------------------- refusals of other things


@pytest.mark.parametrize(
    "text",
    [
        "Beijing suspended the dialogue mechanism with Taipei because of the refusal of the "
        "island's government to accept the principle.",
        "Beijing suspended the dialogue mechanism with Taipei because of Taiwan's refusal to "
        "recognise the consensus.",
        "Pakistan refused to sign the accord with India.",
        "Tokyo declined to apologise to Seoul for the remarks.",
    ],
)
def test_a_refusal_of_a_position_or_an_act_is_no_refused_contact(text: str) -> None:
    assert not any(s == "rejected" for _, _, s in asserted(text))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("China refused to accept the call from the US defense secretary.", "CN-US"),
        ("Moscow declined to meet the US envoy on Monday.", "RU-US"),
        ("China refused to take the call from Washington.", "CN-US"),
    ],
)
def test_a_refused_contact_stays_a_refusal(text: str, pair: str) -> None:
    assert any(p == pair and s == "rejected" for p, _, s in asserted(text))


# --------------------------------------------------------- channels left alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The sanctions will not affect the military hotline between Washington and Moscow.",
            fact("RU-US", Kind.OPERATIONAL_HOTLINE, OPEN),
        ),
        (
            "Military contacts between China and the United States remain unaffected, the "
            "Pentagon said.",
            fact("CN-US", MIL, OPEN),
        ),
        (
            "The suspension will not affect communications between the U.S. and Russia set "
            "up to de-conflict operations in Syria.",
            fact("RU-US", Kind.OPERATIONAL_HOTLINE, OPEN),
        ),
        (
            "Russia and the United States resumed contacts to deconflict flights over Syria.",
            fact("RU-US", Kind.OPERATIONAL_HOTLINE, REST),
        ),
    ],
)
def test_a_channel_a_measure_leaves_alone_stays_open(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in asserted(text)


@pytest.mark.parametrize(
    "text",
    [
        "The storm will not affect flights between China and Japan.",
        "The decision could affect the hotline between the two Koreas.",
    ],
)
def test_near_misses_of_channels_left_alone(text: str) -> None:
    assert not any(s == OPEN.value for _, _, s in asserted(text))


# ------------------------------------------------------------------- "the two"


@pytest.mark.parametrize("opening", ["The two", "Before that, the two"])
def test_the_two_people_of_the_channel_told_of_keep_its_kind(opening: str) -> None:
    text = (
        "The US defense secretary spoke with his Russian counterpart on Friday, the "
        f"Pentagon said.\n\n{opening} last spoke on February 18."
    )
    claims = {(c.pair, c.kind, c.effective_start) for c in extract(text, date(2022, 5, 13))}
    assert ("RU-US", Kind.DEFENSE_MINISTERS, date(2022, 2, 18)) in claims


# ------------------------------------------------------------- requests for what


@pytest.mark.parametrize(
    "text",
    [
        "Beijing suspended the talks with Taipei in May. Beijing ignored attempts by "
        "Taiwanese officials to have the suspects sent back.",
        "Seoul held talks with Tokyo in May. Tokyo rejected requests from Seoul to free the "
        "fishermen.",
    ],
)
def test_a_request_for_something_other_than_contact_is_no_refused_contact(text: str) -> None:
    assert not any(s == "rejected" for _, _, s in asserted(text))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Beijing suspended the talks with Taipei in May. Beijing ignored attempts by "
            "Taiwanese officials to reach it by phone.",
            "CN-TW",
        ),
        ("Beijing has ignored calls from Taipei to resume the talks.", "CN-TW"),
    ],
)
def test_a_request_for_contact_refused_stays_a_refusal(text: str, pair: str) -> None:
    assert any(p == pair and s == "rejected" for p, _, s in asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "Beijing has ignored calls from Taipei to resume the talks.",
        "Beijing ignored repeated calls to restore the hotline with Taipei.",
        "Beijing has ignored a call from Taipei for the resumption of talks.",
    ],
)
def test_a_restoration_called_for_is_not_reported(text: str) -> None:
    assert not any(s == REST.value for _, _, s in asserted(text))


# ----------------------------------------------------------------- idioms of a line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The hotline between Washington and Moscow has gone cold, an official said.",
            fact("RU-US", Kind.OPERATIONAL_HOTLINE, SUSP),
        ),
        (
            "The emergency line between Moscow and Washington is temporarily unavailable.",
            fact("RU-US", Kind.OPERATIONAL_HOTLINE, SUSP),
        ),
        ("India and Pakistan have not held formal talks since 2015.", fact("IN-PK", DIP, OPEN)),
    ],
)
def test_idioms_of_a_line_out_of_use_and_of_the_last_talks(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in asserted(text)


@pytest.mark.parametrize(
    "text",
    [
        "The trail has gone cold on the funds that moved between Russia and the US.",
        "The website of the Russian embassy in the US is temporarily unavailable.",
    ],
)
def test_near_misses_of_a_line_out_of_use(text: str) -> None:
    assert asserted(text) == set()


# ------------------------------------------------------- openings that lean on the rest


def test_an_agreement_in_an_opening_participle_does_not_govern_the_main_clause() -> None:
    claims = modalities(
        "After agreeing to resume talks, India and Pakistan met in Delhi on Monday."
    )
    assert ("IN-PK", DIP.value, OPEN.value, A.value) in claims
    assert ("IN-PK", DIP.value, REST.value, A.value) not in claims


def test_agreeing_to_hold_talks_is_a_plan() -> None:
    claims = modalities(
        "A day after agreeing to hold talks, New Delhi on Friday cancelled the meeting with "
        "Islamabad."
    )
    assert ("IN-PK", DIP.value, SUSP.value, A.value) in claims
    assert ("IN-PK", DIP.value, OPEN.value, A.value) not in claims


@pytest.mark.parametrize(
    "text",
    [
        "After suspending talks with Seoul in May, Pyongyang restored the hotline on Friday.",
        "Seoul halted the talks with Pyongyang in May.",
        "Tokyo postponed the summit with Seoul last week.",
    ],
)
def test_a_stopped_event_with_a_time_is_no_contact_held(text: str) -> None:
    assert not any(s == OPEN.value for _, _, s in asserted(text))


def test_a_planned_change_leaves_a_reported_contact_alone() -> None:
    claims = asserted(
        "Beijing's offer to resume the stalled maritime talks with Washington came as the two "
        "defense chiefs met in Singapore on Friday."
    )
    assert any(p == "CN-US" and s == OPEN.value for p, _, s in claims)
    assert not any(s == REST.value for _, _, s in claims)


# ---------------------------------------------------- refusals of a slot to come


def test_a_refusal_already_made_of_a_meeting_to_come_is_reported_now() -> None:
    claims = {
        (c.pair, c.state.value, c.modality.value, c.effective_start)
        for c in extract(
            "Beijing has turned down the Pentagon's invitation for the two defense chiefs to "
            "meet at the security forum in Singapore next week.",
            PUBLISHED,
        )
    }
    assert ("CN-US", "rejected", A.value, PUBLISHED) in claims


def test_a_refusal_to_come_stays_planned() -> None:
    claims = modalities("China will decline the invitation to meet the US envoy next week.")
    assert claims and all(m != A.value for *_, m in claims)


def test_contact_that_dried_up_is_suspended() -> None:
    text = "Contact with China's defense ministry dried up after the US shot down the balloon."
    assert fact("CN-US", MIL, SUSP) in asserted(text)


# ------------------------------------------------------------------ first times


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo and Beijing held high-level defense talks for the first time in four years.",
        "Japan and China held their first defense talks in four years.",
    ],
)
def test_the_gap_of_a_first_contact_does_not_date_the_contact(text: str) -> None:
    days = {(c.state.value, c.effective_start) for c in extract(text, PUBLISHED)}
    assert days == {(OPEN.value, PUBLISHED), (REST.value, PUBLISHED)}


def test_the_first_use_of_a_new_line_is_no_restoration() -> None:
    text = (
        "The Japanese and Chinese defense ministers talked for 20 minutes over the new "
        "hotline for the first time since it was set up in March."
    )
    claims = asserted(text)
    assert fact("CN-JP", Kind.DEFENSE_MINISTERS, OPEN) in claims
    assert not any(s == REST.value for _, _, s in claims)


def test_a_first_use_since_a_year_is_a_restoration() -> None:
    claims = asserted("Seoul and Pyongyang talked over the hotline for the first time since 2020.")
    assert any(p == "KP-KR" and s == REST.value for p, _, s in claims)


# ---------------------------------------------------------------- refusals in words


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Iran said it does not intend to engage with the United States directly.", "IR-US"),
        ("Iran's foreign minister said direct talks with Washington make no sense.", "IR-US"),
        ("India does not want to resume talks with Pakistan until the attacks stop.", "IN-PK"),
        ("Ukraine says there will be no talks with Russia until its troops leave.", "RU-UA"),
        (
            "There would be no meeting between the foreign ministers of India and Pakistan, "
            "the spokesman said.",
            "IN-PK",
        ),
    ],
)
def test_refusals_told_as_intentions_and_judgements(text: str, pair: str) -> None:
    assert any(p == pair and s == "rejected" for p, _, s in asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "The survey makes no sense, Chinese and US experts said.",
        "There will be no shortage of grain between Russia and Ukraine, officials said.",
        "Iran does not intend to enrich uranium beyond the limit, it told the United States.",
    ],
)
def test_near_misses_of_refusals_in_words(text: str) -> None:
    assert not any(s == "rejected" for _, _, s in asserted(text))


# ------------------------------------------------------- mechanisms and their ends


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The cross-strait liaison mechanism had been suspended since May 20, Beijing said.",
            "CN-TW",
        ),
        ("Beijing halted the consultation mechanism with Taipei in June.", "CN-TW"),
        (
            "Beijing said the contact mechanism with Taipei has already stopped because the "
            "island rejects the consensus.",
            "CN-TW",
        ),
        ("China ended official high-level contact with Taiwan's government in 2016.", "CN-TW"),
        ("Contact between Beijing and Taipei was broken between 2000 and 2008.", "CN-TW"),
    ],
)
def test_mechanisms_stopped_and_contact_ended_or_broken(text: str, pair: str) -> None:
    assert any(p == pair and s == SUSP.value for p, _, s in asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "The pricing mechanism between China and Japan was suspended.",
        "The shelling between India and Pakistan has stopped, officials said.",
        "The window between Seoul and Tokyo was broken by protesters.",
    ],
)
def test_near_misses_of_mechanisms_and_ends(text: str) -> None:
    assert not any(s == SUSP.value for _, _, s in asserted(text))


# ------------------------------------------------------------- lines in daily use


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "All through the day, the military line between the two Koreas operated normally.",
            fact("KP-KR", Kind.OPERATIONAL_HOTLINE, OPEN),
        ),
        (
            "The two Koreas exchange calls twice a day over their liaison channel.",
            fact("KP-KR", DIP, OPEN),
        ),
        (
            "The inter-Korean communication lines came back into operation after a suspension "
            "of 13 months.",
            fact("KP-KR", DIP, REST),
        ),
    ],
)
def test_lines_in_use_and_back_in_operation(text: str, expected: tuple[str, str, str]) -> None:
    claims = asserted(text)
    assert expected in claims
    assert not any(s == SUSP.value for _, _, s in claims), "a gap counted is no suspension"


def test_a_call_not_answered_is_no_contact() -> None:
    claims = asserted("Pyongyang did not answer the morning call from Seoul on the liaison line.")
    assert not any(s == OPEN.value for _, _, s in claims)
    assert claims


# ------------------------------------------------------------- captions and pages


def test_a_page_saved_as_one_line_with_a_photo_credit_is_still_read() -> None:
    filler = "Officials in both capitals weighed what the sale would mean for the region. " * 6
    text = (
        "World News Beijing halts exchanges In this file photo, a missile is launched during "
        "drills. (AP Photo/File) China suspended military exchanges with the United States "
        f"on Friday over the arms sale. {filler}"
    )
    assert "\n" not in text and len(text) > 600
    assert fact("CN-US", MIL, SUSP) in asserted(text)


def test_a_caption_paragraph_is_not_read() -> None:
    text = (
        "China suspended the talks with Japan on Monday.\n\n"
        "In this file photo, Chinese and Japanese officials meet in Tokyo, Aug. 3, 2019. "
        "(AP Photo/File)"
    )
    claims = {(c.pair, c.state.value) for c in extract(text, PUBLISHED)}
    assert claims == {("CN-JP", SUSP.value)}


# ------------------------------------------------------ gaps ended and messages sent


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The president called Tehran on Friday, ending a more than three-decade freeze "
            "between Iran and the United States.",
            "IR-US",
        ),
        (
            "Relations resumed after a nearly two-year diplomatic rupture between Riyadh and "
            "Tehran.",
            "IR-SA",
        ),
    ],
)
def test_a_gap_ended_in_other_words_is_a_restoration(text: str, pair: str) -> None:
    assert any(p == pair and s == REST.value for p, _, s in asserted(text))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("India's army sent a hotline message to Pakistan on Sunday about the shelling.", "IN-PK"),
        ("Seoul sent a message to Pyongyang over the military line on Monday.", "KP-KR"),
    ],
)
def test_a_message_sent_on_a_line_is_a_contact(text: str, pair: str) -> None:
    assert fact(pair, Kind.OPERATIONAL_HOTLINE, OPEN) in asserted(text)


def test_a_message_to_customers_is_no_contact() -> None:
    assert asserted("The company sent a message to customers in China and Japan.") == set()


# ------------------------------------------------------------ reported "would"


def test_a_suspension_reported_with_would_is_announced() -> None:
    claims = modalities(
        "The minister said that military exchanges between Turkey and Israel would be suspended."
    )
    assert ("IL-TR", MIL.value, SUSP.value, A.value) in claims


def test_a_restoration_reported_with_would_is_planned() -> None:
    claims = modalities(
        "The minister said talks between Turkey and Israel would resume next month."
    )
    assert ("IL-TR", DIP.value, REST.value, Modality.PLANNED.value) in claims


@pytest.mark.parametrize(
    "text",
    [
        "If Israel refuses, military exchanges between Turkey and Israel would be suspended.",
        "Military exchanges between Turkey and Israel would be suspended under such a plan.",
    ],
)
def test_would_without_a_speaker_stays_hypothetical(text: str) -> None:
    assert not any(s == SUSP.value for _, _, s in asserted(text))


# ------------------------------------------------------- an article about trade talks


def test_talks_referred_back_to_under_a_trade_headline_are_the_trade_talks() -> None:
    text = (
        "US-China trade talks end with little progress\n\n"
        "Washington said negotiations would go on in September.\n\n"
        "The United States and China ended their first face-to-face talks since last "
        "month's truce on Wednesday."
    )
    assert asserted(text) == set()


def test_a_named_channel_under_a_trade_headline_still_counts() -> None:
    text = (
        "US-China trade talks end with little progress\n\n"
        "Separately, the two countries' defense chiefs held their first talks in a year on "
        "Monday."
    )
    assert fact("CN-US", Kind.DEFENSE_MINISTERS, REST) in asserted(text)


def test_a_prose_sentence_about_a_trilateral_meeting_is_no_headline() -> None:
    text = (
        "The trilateral meeting of the three ministers was due to take place in Moscow.\n\n"
        "Russia and Turkey restored their military hotline on Sunday.\n\n"
        "Later, India and China held their first border talks in a year on Monday."
    )
    assert any(p == "CN-IN" and s == REST.value for p, _, s in asserted(text))


def test_describing_talks_is_an_opinion_not_a_contact() -> None:
    text = (
        "Describing the short round of talks with Beijing as constructive, Washington said "
        "it foresees negotiations continuing in early September."
    )
    assert not any(s == OPEN.value for _, _, s in asserted(text))


# ------------------------------------------------- held, met, broken, named, reopened


@pytest.mark.parametrize(
    "text",
    [
        '"Iran holds no talks at any level with the US," the spokesman said.',
        "China cancels meet with Japan PM",
        "Beijing wants Hanoi to meet China halfway on the dispute.",
        "The embassy of China in Japan opened a new office in May.",
    ],
)
def test_no_talks_a_meet_cancelled_and_meeting_halfway_are_no_contact(text: str) -> None:
    assert not any(s == OPEN.value for _, _, s in asserted(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We have put on hold all military-to-military engagements between the United "
            "States and Russia.",
            fact("RU-US", MIL, SUSP),
        ),
        (
            "Venezuela's president announced he is breaking all diplomatic ties with Colombia.",
            fact("CO-VE", DIP, SUSP),
        ),
        ("Ethiopia and Eritrea expelled each other's envoys in 1998.", fact("ER-ET", DIP, SUSP)),
        ("Russia closed its embassy in Kyiv in May.", fact("RU-UA", DIP, SUSP)),
        ("Eritrea reopened its embassy in Ethiopia on Monday.", fact("ER-ET", DIP, REST)),
        (
            "The Eritrean president reopened his country's embassy in Ethiopia on Monday.",
            fact("ER-ET", DIP, REST),
        ),
        ("Seoul named a new ambassador to Tokyo on Monday.", fact("JP-KR", DIP, OPEN)),
        (
            "Ethiopia has appointed an ambassador to Eritrea for the first time in 20 years.",
            fact("ER-ET", DIP, REST),
        ),
        (
            "It was the first meeting of Australian and Chinese ministers for almost three years.",
            fact("AU-CN", DIP, REST),
        ),
        (
            "North Korea has also remained silent on an offer by South Korea to hold military "
            "talks.",
            ("KP-KR", POLICY.value, "rejected"),
        ),
        (
            "The Vietnamese general was in Beijing for the seventh China-Vietnam consultation on "
            "defense and security on Thursday.",
            fact("CN-VN", POLICY, OPEN),
        ),
    ],
)
def test_idioms_of_holds_breaks_envoys_embassies_firsts_and_silence(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in asserted(text)


def test_a_refusal_of_a_border_ruling_is_no_refused_contact() -> None:
    text = "Relations stayed frozen after Ethiopia declined to accept a 2002 border demarcation."
    assert not any(s == "rejected" for _, _, s in asserted(text))


def test_a_state_named_by_its_capital_city_as_a_place_is_no_side() -> None:
    claims = asserted("Armenian and Azerbaijani ministers met in the Georgian capital on Saturday.")
    assert {p for p, _, _ in claims} == {"AM-AZ"}


# ------------------------------------------------------ each of a list, with one state


@pytest.mark.parametrize("tail", [".", ", accusing it of backing terrorism."])
def test_a_change_by_each_of_a_listed_subject_with_one_state_is_one_per_pair(tail: str) -> None:
    text = f"In June 2017, Saudi Arabia, the UAE, Bahrain and Egypt severed ties with Qatar{tail}"
    assert asserted(text) == {
        fact(pair, DIP, SUSP) for pair in ("QA-SA", "AE-QA", "BH-QA", "EG-QA")
    }


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine, Russia, France and Germany met in Paris on Monday.",
        "Russia, France and Germany suspended talks with Ukraine, Moldova and Poland.",
    ],
)
def test_a_list_on_both_sides_stays_multilateral(text: str) -> None:
    assert asserted(text) == set()


# ------------------------------------------------------------------------ Kosovo


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Serbia suspended talks with Kosovo after the clashes.", SUSP),
        ("Belgrade and Pristina resumed their dialogue in Brussels on Monday.", REST),
    ],
)
def test_kosovo_is_a_party_under_its_user_assigned_code(text: str, state: State) -> None:
    assert fact("RS-XK", DIP, state) in asserted(text)


def test_an_object_after_a_quantifier_phrase_is_still_the_object() -> None:
    text = (
        "US Defense Secretary Donald Rumsfeld has cut off virtually all of the Pentagon's "
        "contacts with the Chinese military."
    )
    assert fact("CN-US", MIL, SUSP) in asserted(text)
    assert asserted("Russia cut off gas supplies to Ukraine while talks continued.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks between India and Pakistan stalled in 2019.", fact("IN-PK", DIP, SUSP)),
        (
            "The Indian and Pakistani militaries have been in communication with one another.",
            fact("IN-PK", MIL, OPEN),
        ),
    ],
)
def test_stalled_talks_and_militaries_in_communication(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in asserted(text)


@pytest.mark.parametrize(
    "text",
    [
        "The stalled talks between India and Pakistan were discussed in Delhi.",
        "The car stalled on the road between Russia and Georgia.",
        "China and Japan invest in communication technology together.",
    ],
)
def test_near_misses_of_stalls_and_communication(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "The Chinese defence minister called on the Indian prime minister soon after "
            "arriving in Delhi on Tuesday.",
            "CN-IN",
        ),
        ("The Indian foreign secretary called on the Chinese vice president in Beijing.", "CN-IN"),
    ],
)
def test_a_courtesy_call_on_someone_is_a_contact(text: str, pair: str) -> None:
    assert any(p == pair and s == OPEN.value for p, _, s in asserted(text))


@pytest.mark.parametrize(
    "text",
    [
        "The United States called on China to release the detained diplomats.",
        "Beijing called on Washington to stop arms sales to Taiwan at once.",
    ],
)
def test_calling_on_a_state_to_act_is_an_appeal(text: str) -> None:
    assert asserted(text) == set()


def test_a_defence_and_security_dialogue_is_a_defence_policy_talk() -> None:
    text = (
        "The ninth annual defence and security dialogue between India and China was held on May 13."
    )
    assert fact("CN-IN", POLICY, OPEN) in asserted(text)


def test_a_demonym_after_with_is_a_manner_not_a_side() -> None:
    claims = asserted("Russia and Ukraine resumed talks with Turkish mediation in Istanbul.")
    assert claims == {fact("RU-UA", DIP, REST)}
