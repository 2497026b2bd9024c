"""What a clause makes of a cue: its subject, its purpose, its predicate and its company.

Every sentence here is written for the test; dates are resolved against PUBLISHED, a
Wednesday.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims import DIP, HOT, OPEN, PUBLISHED, REJ, REST, SUSP, A, asserted, fact
from tracker.extract import extract
from tracker.vocab import Kind, Modality, State

# --------------------------------------------------------------------------- subjects


@pytest.mark.parametrize(
    "text",
    [
        "Resumption of talks with Washington is one of three preconditions Iran has set.",
        "The restoration of the hotline with North Korea remains a priority for Seoul.",
        "Reopening the border talks with Pakistan is key to any thaw, India said.",
        "The resumption of dialogue between Greece and Turkey would be desirable.",
        "An early resumption of military talks with China is essential, Japan said.",
    ],
)
def test_a_cue_as_subject_of_a_condition_or_aim_is_no_event(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The resumption of talks between China and the United States on Monday was "
            "welcomed by Japan.",
            {fact("CN-US", DIP, REST)},
        ),
        (
            "The suspension of the hotline by North Korea on Monday angered South Korea.",
            {fact("KP-KR", DIP, SUSP)},
        ),
    ],
)
def test_a_cue_as_subject_of_a_reported_fact_stays(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Moscow has promised to strengthen Syria's air defences and it is shutting down a "
            "hotline with the US.",
            "RU-US",
        ),
        (
            "China condemned Japan's purchase of the islands and it suspended defense talks "
            "with Tokyo.",
            "CN-JP",
        ),
        (
            "Ankara criticised Greece's drilling plans and it called off the talks with Athens "
            "on Monday.",
            "GR-TR",
        ),
    ],
)
def test_a_pronoun_opening_a_clause_stands_for_the_sentence_subject(text: str, pair: str) -> None:
    pairs = {p for p, _, _ in asserted(text)}
    assert pairs == {pair}


# --------------------------------------------------------------------------- purposes


@pytest.mark.parametrize(
    "text",
    [
        "South Korea's sports minister is on a mission to resume ties with North Korea.",
        "Seoul's bid to restore the hotline with Pyongyang stalled.",
        "India launched a campaign to reopen talks with Pakistan.",
        "The drive to revive military talks between Japan and China gathered pace.",
    ],
)
def test_a_purpose_is_no_event(text: str) -> None:
    assert asserted(text) == set()


# --------------------------------------------------------------------------- answers


@pytest.mark.parametrize(
    "text",
    [
        "Tehran has not responded to reports that Turkish agents arrested Iranians in Istanbul.",
        "Beijing did not reply to questions about Japan's new radar.",
        "Moscow has yet to respond to allegations that it hacked the US election.",
        "North Korea did not react to comments by South Korea's president.",
    ],
)
def test_no_answer_to_a_charge_or_question_is_no_refusal(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tehran has not responded to Ankara's request for talks.",
            {fact("IR-TR", DIP, REJ)},
        ),
        (
            "Moscow did not respond to Washington's proposal for a summit.",
            {fact("RU-US", Kind.LEADERS, REJ)},
        ),
    ],
)
def test_no_answer_to_a_request_is_a_refusal(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


# --------------------------------------------------------------------------- company


@pytest.mark.parametrize(
    "text",
    [
        "China and Japan attended a two-day summit of leaders from 21 economies on Monday.",
        "The talks would take place at a summit of heads of state from 21 economies, including "
        "China and Japan, starting Monday.",
        "A meeting of foreign ministers from ten countries including India and Pakistan took "
        "place in Dhaka on Monday.",
        '"We restored the Normandy format," Ukraine said after talks with France, Germany and '
        "Russia.",
        "Russia and Ukraine resumed the Minsk Group talks on Monday.",
        "Iran and the United States met on Monday within the P5+1 format.",
    ],
)
def test_gatherings_and_formats_of_many_states_are_no_bilateral_channel(text: str) -> None:
    assert asserted(text) == set()


def test_talks_of_two_states_in_a_city_of_a_format_stay() -> None:
    text = "Russia and Ukraine resumed talks in Minsk on Monday."
    assert asserted(text) == {fact("RU-UA", DIP, REST)}


# --------------------------------------------------------------------------- kinds from offices


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A plural title after two states joined by "and" is held by both.
        (
            "The U.S. and Chinese defense chiefs held talks on Tuesday.",
            {fact("CN-US", Kind.DEFENSE_MINISTERS, OPEN)},
        ),
        (
            "The Indian and Pakistani army chiefs spoke by phone on Tuesday.",
            {fact("IN-PK", Kind.MILITARY_CHIEFS, OPEN)},
        ),
        # A title whose first word closes a state's name: "the U.S. military" + "chief".
        (
            "The top U.S. military chief met on Friday with his Russian counterpart to discuss "
            "military relations.",
            {fact("RU-US", Kind.MILITARY_CHIEFS, OPEN)},
        ),
        # A restoration told by a contact is of the contact's channel.
        (
            "The U.S. and Chinese defense chiefs held talks for the first time in 18 months on "
            "Tuesday, as the two sides seek to rebuild military-to-military ties.",
            {
                fact("CN-US", Kind.DEFENSE_MINISTERS, OPEN),
                fact("CN-US", Kind.DEFENSE_MINISTERS, REST),
            },
        ),
        # The two Koreas' military talks are their general-level defense talks; their lines
        # and their military contacts are not talks.
        (
            "Generals from North and South Korea held military talks on Tuesday.",
            {fact("KP-KR", Kind.DEFENSE_POLICY_TALKS, OPEN)},
        ),
        (
            "North Korea cut all military contacts with South Korea on Monday.",
            {fact("KP-KR", Kind.MILITARY_RELATIONS, SUSP)},
        ),
        (
            "Japan and China held military talks on Tuesday.",
            {fact("CN-JP", Kind.MILITARY_RELATIONS, OPEN)},
        ),
    ],
)
def test_kinds_from_offices_and_pairs(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


# --------------------------------------------------------------------------- idioms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "India put a pause on its dialogue with Pakistan on Monday.",
            {fact("IN-PK", DIP, SUSP)},
        ),
        (
            "Greece paused the exploratory talks with Turkey on Monday.",
            {fact("GR-TR", DIP, SUSP)},
        ),
        (
            "North Korea blew up the inter-Korean liaison office on Tuesday.",
            {fact("KP-KR", DIP, SUSP)},
        ),
        (
            "North Korea demolished the joint liaison office with South Korea on Tuesday.",
            {fact("KP-KR", DIP, SUSP)},
        ),
        (
            "India recalled its High Commissioner to Pakistan on Friday.",
            {fact("IN-PK", DIP, SUSP)},
        ),
        (
            "Israel and Turkey withdrew their envoys on Monday.",
            {fact("IL-TR", DIP, SUSP)},
        ),
        (
            "A summit between the Japanese and South Korean leaders remains off the table.",
            {fact("JP-KR", Kind.LEADERS, REJ)},
        ),
        (
            "South Korea and Japan suspended a military exchange program on Monday.",
            {fact("JP-KR", Kind.MILITARY_RELATIONS, SUSP)},
        ),
        # A refusal until a condition is met still holds.
        (
            "India has yet to agree to resume the dialogue with Pakistan unless it acts.",
            {fact("IN-PK", DIP, REJ)},
        ),
        # The highest level met after a counted gap is restored.
        (
            "Chinese and American defense officials met on Tuesday for their highest-level "
            "defense talks in 18 months.",
            {
                fact("CN-US", Kind.DEFENSE_POLICY_TALKS, OPEN),
                fact("CN-US", Kind.DEFENSE_POLICY_TALKS, REST),
            },
        ),
    ],
)
def test_idioms_of_state(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Israel destroyed a tunnel near the border with Egypt on Monday.",
        "The army blew up a bridge between India and Pakistan on Monday.",
        "Japan paused its exports of chips to South Korea on Monday.",
        "Pakistan suspended the wheat program with India on Monday.",
        "If India and Pakistan resume talks, trade will grow.",
        "Russian and Ukrainian ministers met on Monday, the highest-level meeting of the two "
        "sides since the war began.",
    ],
)
def test_near_misses_of_idioms(text: str) -> None:
    assert REST not in {State(s) for _, _, s in asserted(text)}
    assert SUSP not in {State(s) for _, _, s in asserted(text)}


# --------------------------------------------------------------------------- topics, threats


@pytest.mark.parametrize(
    "text",
    [
        "Trade negotiators from China and the U.S. are resuming talks to resolve their "
        "tariff dispute.",
        "Trade negotiators from China and the U.S. resumed talks on Monday. President Biden "
        "expressed optimism about the talks last week.",
        "President Biden praised the talks last week.",
        "Beijing welcomed the talks between the two Koreas on Monday.",
        "General Milley met Defense Secretary Austin after a meeting of the Ukraine Defense "
        "Contact Group in Brussels on Tuesday.",
    ],
)
def test_topics_and_opinions_are_no_contact(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The hotline with the US is still being used, despite Moscow's threat earlier this "
        "week to suspend it.",
        "Moscow's threats last month to cut the hotline with Washington worried Nato.",
    ],
)
def test_a_threat_is_no_suspension(text: str) -> None:
    assert SUSP.value not in {s for _, _, s in asserted(text)}


def test_talks_of_two_states_with_a_time_stay_a_contact() -> None:
    text = "The talks between China and Japan in Beijing last week were constructive."
    assert asserted(text) == {fact("CN-JP", DIP, OPEN)}


# --------------------------------------------------------------------------- more idioms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turkey ordered the expulsion of Israel's ambassador on Monday.",
            {fact("IL-TR", DIP, SUSP)},
        ),
        (
            "Japan and China resumed the dialogue, which was stopped earlier due to tension.",
            {fact("CN-JP", DIP, REST), fact("CN-JP", DIP, SUSP)},
        ),
        (
            "The dialogue between Japan and China was stopped in 2012.",
            {fact("CN-JP", DIP, SUSP)},
        ),
        (
            "Talks between the defense ministers of Japan and South Korea were last held in "
            "October 2018.",
            {fact("JP-KR", Kind.DEFENSE_MINISTERS, OPEN)},
        ),
        (
            "Talks on arms control between China and the US were postponed on Monday.",
            {fact("CN-US", Kind.ARMS_CONTROL, SUSP)},
        ),
        (
            "North Korea shut down the telephone and fax lines with South Korea on Monday.",
            {fact("KP-KR", DIP, SUSP)},
        ),
        # Still in use: the future of a state that holds now.
        (
            "Russia and the United States will continue to use the deconfliction line.",
            {fact("RU-US", HOT, OPEN)},
        ),
        # A restoration told without "the"; the year after "after" bounds the gap.
        (
            "The foreign ministers of Japan and China met on Monday, first time after 2012.",
            {fact("CN-JP", DIP, OPEN), fact("CN-JP", DIP, REST)},
        ),
    ],
)
def test_more_idioms_of_state(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Iran opposed talks with Washington beside stop-and-start nuclear negotiations with "
        "China and Russia.",
        "The Korean convoy stopped in Seoul before it crossed to North Korea.",
        "China will hold talks with Japan next week.",
    ],
)
def test_near_misses_of_more_idioms(text: str) -> None:
    assert asserted(text) == set()


# --------------------------------------------------------------------------- contact stopped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Erdogan said he no longer talks to Mitsotakis.",
            {fact("GR-TR", Kind.LEADERS, SUSP)},
        ),
        # The last contact, told by the gap after it.
        (
            "Israel's prime minister and Turkey's president have not spoken since 2018.",
            {fact("IL-TR", Kind.LEADERS, OPEN)},
        ),
        (
            "North Korea did not pick up the phone on the military line with South Korea on "
            "Monday.",
            {fact("KP-KR", HOT, SUSP)},
        ),
        # A mediator is the occasion of a contact, not its object.
        (
            "Armenia's prime minister and Azerbaijan's president met in Brussels on Sunday "
            "under EU mediation.",
            {fact("AM-AZ", Kind.LEADERS, OPEN)},
        ),
        (
            "Seoul proposed military talks with Pyongyang, but the North has yet to respond.",
            {fact("KP-KR", Kind.DEFENSE_POLICY_TALKS, REJ)},
        ),
    ],
)
def test_contact_stopped_or_refused(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Israel's prime minister and Turkey's president have not spoken since 2018.",
            date(2018, 1, 1),
            date(2018, 12, 31),
        ),
        (
            "Defense ministers from Japan and South Korea had not met since June 2011.",
            date(2011, 6, 1),
            date(2011, 6, 30),
        ),
    ],
)
def test_no_contact_since_a_time_dates_the_last_contact(text: str, start: date, end: date) -> None:
    (claim,) = extract(text, PUBLISHED)
    assert (claim.state, claim.effective_start, claim.effective_end) == (OPEN, start, end)


@pytest.mark.parametrize(
    "text",
    [
        "The leaders of the four states - Ukraine, France, Germany, and Russia - have not met "
        "since 2019.",
        "Samsung said Apple and LG did not pick up the phone.",
        "Talks between Apple and Samsung have not been held since 2019.",
    ],
)
def test_near_misses_of_stopped_contact(text: str) -> None:
    assert asserted(text) == set()


# --------------------------------------------------------------------------- across sentences

DEFENSE_CALLS = (
    "U.S. Defense Secretary Lloyd Austin spoke with Russian Defense Minister Sergei Shoigu on "
    "Friday, the Pentagon said. The first call was on May 13. Before that May call, the two "
    "spoke on Feb. 18, six days before the invasion."
)


def test_earlier_contacts_told_in_the_sentences_after() -> None:
    claims = extract(DEFENSE_CALLS, date(2022, 10, 21))
    days = {(c.pair, c.kind, c.state, c.effective_start) for c in claims if c.modality == A}
    assert days == {
        ("RU-US", Kind.DEFENSE_MINISTERS, OPEN, date(2022, 10, 21)),
        ("RU-US", Kind.DEFENSE_MINISTERS, OPEN, date(2022, 5, 13)),
        ("RU-US", Kind.DEFENSE_MINISTERS, OPEN, date(2022, 2, 18)),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US and Russian officials met in Geneva on Monday.",
            {fact("RU-US", DIP, OPEN)},
        ),
        (
            "The last call between China and Japan was in March.",
            {fact("CN-JP", DIP, OPEN)},
        ),
    ],
)
def test_contacts_told_without_an_object(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Biden spoke in Warsaw on Monday about Russia.",
        "The spokesman for China spoke at a news conference on Monday about Japan.",
        "That call for calm between China and Japan came on Monday.",
        "China continues to stonewall India's objections, as it thwarts India's bid to join "
        "the group.",
        "China ignored Japan's protests over the boats.",
        "Indian officials dismissed Pakistan's offer as insincere.",
    ],
)
def test_near_misses_of_contacts_and_requests(text: str) -> None:
    assert asserted(text) == set()


def test_an_offer_of_a_channel_named_before_is_a_request() -> None:
    text = (
        "Pakistan proposed talks with India on the dispute. Indian officials dismissed the "
        "offer as insincere on Monday."
    )
    assert fact("IN-PK", DIP, REJ) in asserted(text)


# --------------------------------------------------------------------------- headlines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "India, Pakistan DGMOs talk on hotline, agree to ceasefire",
            {fact("IN-PK", HOT, OPEN)},
        ),
        (
            "Seoul says Pyongyang not answering hotline calls",
            {fact("KP-KR", DIP, SUSP)},
        ),
        (
            "Xi, Biden speak by phone for first time in months",
            {fact("CN-US", Kind.LEADERS, OPEN), fact("CN-US", Kind.LEADERS, REST)},
        ),
    ],
)
def test_headline_forms(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


def test_talks_whose_first_topic_is_trade_are_no_channel() -> None:
    assert asserted("The talks on trade between China and Japan resumed on Monday.") == set()
    kept = "The talks on security, trade and climate between China and Japan resumed on Monday."
    assert asserted(kept) == {fact("CN-JP", DIP, REST)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks between North Korea and the United States collapsed in Hanoi in February.",
            {fact("KP-US", DIP, SUSP)},
        ),
        (
            "The hotline between the two Koreas remains open, Seoul said.",
            {fact("KP-KR", DIP, OPEN)},
        ),
    ],
)
def test_failed_talks_and_open_lines(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Japanese ambassador to China met business leaders in Shanghai on Monday.",
        "China said it was open to talks with Taiwan's opposition party.",
        "The bridge between India and Pakistan collapsed on Monday.",
        "Japan remains open to dialogue with North Korea, the minister said.",
    ],
)
def test_willingness_and_other_audiences_are_no_channel(text: str) -> None:
    assert asserted(text) == set()


def test_the_taliban_government_stands_for_afghanistan() -> None:
    text = "Pakistan and Afghanistan's Taliban government resumed talks on Saturday."
    assert asserted(text) == {fact("AF-PK", DIP, REST)}


@pytest.mark.parametrize(
    "text",
    [
        "The Philippine coast guard said Chinese vessels ignored its radio calls on Tuesday.",
        "The Russian jet did not respond to radio challenges from the Japanese pilots.",
        "Chinese ships defied warnings from Vietnam on Monday.",
    ],
)
def test_radio_calls_and_warnings_are_no_channel(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "The talks, suspended since late 2015, resumed on Monday between Greece and Turkey.",
            date(2015, 9, 1),
        ),
        (
            "The hotline between the two Koreas has been silent since April last year.",
            date(2020, 4, 1),
        ),
        (
            "The coast guard hotline between China and the Philippines has been inactive "
            "since January.",
            date(2021, 1, 1),
        ),
    ],
)
def test_a_line_or_talks_down_since_a_time(text: str, start: date) -> None:
    suspended = [c for c in extract(text, PUBLISHED) if c.state == SUSP and c.modality == A]
    assert [(c.effective_start, c.effective_end) for c in suspended] == [(start, PUBLISHED)]


def test_a_state_keeping_silent_on_talks_is_no_claim() -> None:
    assert asserted("Beijing remained silent about the talks with Washington on Monday.") == set()


def test_no_point_in_talks_is_a_refusal() -> None:
    assert asserted("Moscow said it saw no point in holding talks with Kyiv.") == {
        fact("RU-UA", DIP, REJ)
    }


@pytest.mark.parametrize(
    "text",
    [
        "India has cancelled the talks with Pakistan scheduled for next week.",
        "India cancelled the talks with Pakistan set for August 5.",
    ],
)
def test_a_cancellation_is_dated_when_told_not_at_the_slot_given_up(text: str) -> None:
    (claim,) = extract(text, PUBLISHED)
    assert (claim.state, claim.modality) == (SUSP, A)
    assert claim.effective_start == claim.effective_end == PUBLISHED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The navy chiefs of China and the United States held a video call on Tuesday, "
            "their first in a year.",
            {
                fact("CN-US", Kind.MILITARY_RELATIONS, OPEN),
                fact("CN-US", Kind.MILITARY_RELATIONS, REST),
            },
        ),
        (
            "The foreign ministers of Japan and China met in Tokyo on Monday, their first since "
            "2019.",
            {fact("CN-JP", DIP, OPEN), fact("CN-JP", DIP, REST)},
        ),
        (
            "China and Japan held talks on Monday, the first sign of a thaw.",
            {fact("CN-JP", DIP, OPEN)},
        ),
    ],
)
def test_an_appositive_that_counts_the_gap(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Greece and Turkey are neighbours. Contract talks between Olympique and their captain "
        "broke down last week.",
        "India and Japan trade a lot. Wage talks with the union resumed on Wednesday.",
        "If Taiwan stops the drills, China would restore the talks, the minister said.",
        "The school board rejected a proposal to move classes online, France and Germany said.",
    ],
)
def test_talks_of_others_in_a_text_about_states_are_no_channel(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "India and Pakistan are at odds. Talks between the two sides broke down in 2019.",
            {fact("IN-PK", DIP, SUSP)},
        ),
        (
            "China and Japan resumed talks between their coast guards and navies on Monday.",
            {fact("CN-JP", DIP, REST)},
        ),
        (
            "China stopped the military talks with the US on Monday.",
            {fact("CN-US", Kind.MILITARY_RELATIONS, SUSP)},
        ),
    ],
)
def test_talks_between_the_sides_stay(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan and South Korea agreed to resume shuttle diplomacy, suspended since 2011.",
            {fact("JP-KR", Kind.LEADERS, SUSP)},
        ),
        (
            "Greece and Turkey held their High-Level Cooperation Council in Athens on Thursday, "
            "the first since 2016.",
            {fact("GR-TR", Kind.LEADERS, OPEN), fact("GR-TR", Kind.LEADERS, REST)},
        ),
    ],
)
def test_formats_of_leaders(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


# ------------------------------------------------------- met after the second holdout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chinese Defense Minister Wei Fenghe declined to get on the line with the US.",
            {fact("CN-US", Kind.DEFENSE_MINISTERS, REJ)},
        ),
        (
            "Russia says no talks on strategic stability with the US can be held.",
            {fact("RU-US", Kind.ARMS_CONTROL, REJ)},
        ),
        (
            "Communication channels between Russia and Turkey have not worked recently.",
            {fact("RU-TR", DIP, SUSP)},
        ),
        (
            "South Korea said its ambassador to Japan was recalled to Seoul on Monday.",
            {fact("JP-KR", DIP, SUSP)},
        ),
        (
            "India decided to delay the talks with Pakistan on Sunday.",
            {fact("IN-PK", DIP, SUSP)},
        ),
        (
            "China and Vietnam held the eighth border defense friendship exchange on Thursday.",
            {fact("CN-VN", Kind.MILITARY_RELATIONS, OPEN)},
        ),
        (
            "Turkey recalled its envoy from Israel on Saturday, with Erdogan breaking off "
            "contact with Israeli Prime Minister Benjamin Netanyahu.",
            {fact("IL-TR", DIP, SUSP), fact("IL-TR", Kind.LEADERS, SUSP)},
        ),
        (
            "China on Tuesday canceled a scheduled visit by Japan's foreign minister.",
            {fact("CN-JP", DIP, SUSP)},
        ),
        (
            "The foreign ministers of Turkey and Israel met in Ankara on Monday – the first in "
            "16 years.",
            {fact("IL-TR", DIP, OPEN), fact("IL-TR", DIP, REST)},
        ),
    ],
)
def test_phrasings_met_in_the_second_holdout(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


def test_a_headline_infinitive_is_planned() -> None:
    (claim,) = extract("N. Korea to restore military communication lines with S. Korea", PUBLISHED)
    assert (claim.state, claim.modality) == (REST, Modality.PLANNED)


def test_a_relative_clause_keeps_its_time_to_itself() -> None:
    text = (
        "The hotline between the Philippine and Chinese coast guards that started in 2017 has "
        "been inactive since January."
    )
    (claim,) = extract(text, PUBLISHED)
    assert claim.effective_start == date(2021, 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "The Japanese foreign minister cancelled the Moscow leg of his trip, Japan and Russia "
        "said.",
        "The Indian ambassador was out of the office when Pakistan called.",
        "Japan and South Korea met in Seoul. The talks had nothing to do with the summit.",
    ],
)
def test_near_misses_met_in_the_second_holdout(text: str) -> None:
    assert {s for _, _, s in asserted(text)} <= {OPEN.value, REJ.value}


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("On Monday, Turkey halted the talks with Greece that started in 2019.", date(2021, 7, 26)),
        ("Greece and Turkey held talks that lasted until late on Monday.", date(2021, 7, 26)),
    ],
)
def test_a_relative_clause_dates_its_own_event(text: str, start: date) -> None:
    (claim,) = [c for c in extract(text, PUBLISHED) if c.modality == A]
    assert claim.effective_start == start
