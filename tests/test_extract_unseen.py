"""Rules for language patterns met on articles the rules were not written with.

Every sentence here is written for the test; dates are resolved against PUBLISHED, a
Wednesday.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims import DIP, HOT, OPEN, PUBLISHED, REST, SUSP, A, asserted, fact
from tracker.extract import extract
from tracker.vocab import Kind, Precision

# --------------------------------------------------------------------------- inter-Korean lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A line named without a qualifier between the two Koreas is the liaison line.
        (
            "The inter-Korean hotline was restored on Tuesday, Seoul's unification ministry said.",
            {fact("KP-KR", DIP, REST)},
        ),
        (
            "North Korea reconnected the communication lines with South Korea on Tuesday.",
            {fact("KP-KR", DIP, REST)},
        ),
        (
            "Pyongyang severed all direct communication lines with Seoul in June last year.",
            {fact("KP-KR", DIP, SUSP)},
        ),
        (
            "South Korea said the Red Cross line with North Korea was cut off last week.",
            {fact("KP-KR", DIP, SUSP)},
        ),
        (
            "North Korea cut off the liaison office line and the military communication lines "
            "with South Korea on Tuesday.",
            {fact("KP-KR", DIP, SUSP), fact("KP-KR", HOT, SUSP)},
        ),
        (
            "The two Koreas restored the Panmunjom liaison channel on Tuesday.",
            {fact("KP-KR", DIP, REST)},
        ),
        # Military lines stay hotlines, however they are named.
        (
            "North Korea restored the East Sea military line and the West Sea military line "
            "with South Korea on Tuesday.",
            {fact("KP-KR", HOT, REST)},
        ),
        (
            "North Korea cut the inter-Korean military hotline on Tuesday.",
            {fact("KP-KR", HOT, SUSP)},
        ),
        (
            "North Korea shut down the hotlines between the two armies of South Korea and "
            "North Korea on Tuesday.",
            {fact("KP-KR", HOT, SUSP)},
        ),
        (
            "The Koreas reopened a hotline to prevent accidental clashes in the Yellow Sea on "
            "Tuesday.",
            {fact("KP-KR", HOT, REST)},
        ),
        # A bare line that points back to a military line is that military line.
        (
            "The two Koreas set up a military hotline on the east coast in 2002. North Korea "
            "shut down the hotline in May 2011.",
            {fact("KP-KR", HOT, OPEN), fact("KP-KR", HOT, SUSP)},
        ),
        # Elsewhere a bare line is a hotline.
        (
            "China restored direct communication lines with Vietnam on Tuesday.",
            {fact("CN-VN", HOT, REST)},
        ),
        (
            "India and Pakistan restored the hotline on Tuesday.",
            {fact("IN-PK", HOT, REST)},
        ),
    ],
)
def test_inter_korean_lines(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Seas are places, not "the West".
        "North Korea fired shells into the West Sea near the border with South Korea on Tuesday.",
    ],
)
def test_seas_are_no_party(text: str) -> None:
    assert asserted(text) == set()


def test_a_sea_named_in_a_line_is_no_organisation() -> None:
    text = "North Korea restored the West Sea military line with South Korea on Tuesday."
    assert asserted(text) == {fact("KP-KR", HOT, REST)}


def test_a_time_in_a_participle_phrase_dates_the_noun_not_the_verb() -> None:
    text = (
        "Officials said the communication channel set up by China and Taiwan in 2014 had been "
        "cut off, in the first comment from Beijing."
    )
    (claim,) = [c for c in extract(text, PUBLISHED) if c.state == SUSP]
    assert claim.effective_start != date(2014, 1, 1)
    text = "The hotline with South Korea was set up by North Korea in 2016."
    (claim,) = extract(text, PUBLISHED)
    assert (claim.effective_start, claim.effective_end) == (date(2016, 1, 1), date(2016, 12, 31))


# --------------------------------------------------------------------------- both sides

_INDIA_PAKISTAN = (
    "India and Pakistan have argued over Kashmir for decades. "
    "India and Pakistan held talks in Delhi in June. "
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An office held by "both countries" or "the two sides": the article's pair.
        (
            "The defence ministers of the two sides met in Moscow on Friday.",
            fact("IN-PK", Kind.DEFENSE_MINISTERS, OPEN),
        ),
        (
            "The last meeting between the Prime Ministers of the two countries was in 2015.",
            fact("IN-PK", Kind.LEADERS, OPEN),
        ),
        (
            "The Director Generals of Military Operations of both countries spoke on the "
            "hotline on Tuesday.",
            fact("IN-PK", HOT, OPEN),
        ),
        (
            "The DGMOs of both sides held talks over the hotline on Tuesday.",
            fact("IN-PK", HOT, OPEN),
        ),
        (
            "The foreign ministers of the two countries met in New York on Friday.",
            fact("IN-PK", DIP, OPEN),
        ),
    ],
)
def test_offices_of_both_sides_take_the_articles_pair(
    text: str, expected: tuple[str, str, str]
) -> None:
    found = asserted(_INDIA_PAKISTAN + text)
    assert expected in found
    # A city where they met is no side.
    assert not any("RU" in f[0] or "US" in f[0] for f in found)


def test_a_counterpart_alone_does_not_take_the_articles_pair() -> None:
    text = _INDIA_PAKISTAN + "The Chinese defence minister met his Russian counterpart on Friday."
    assert fact("CN-RU", Kind.DEFENSE_MINISTERS, OPEN) in asserted(text)
    assert fact("IN-PK", Kind.DEFENSE_MINISTERS, OPEN) not in asserted(text)


def test_a_single_side_office_is_not_shared() -> None:
    text = _INDIA_PAKISTAN + "The Prime Minister of India met the army chiefs of both countries."
    assert fact("IN-PK", Kind.LEADERS, OPEN) not in asserted(text)


def test_a_meeting_hosted_by_a_state_keeps_its_day() -> None:
    text = (
        "Chinese Defense Minister Wei Fenghe met US Defense Secretary Lloyd Austin at a forum "
        "hosted by Singapore on Friday."
    )
    (claim,) = extract(text, PUBLISHED)
    assert claim.effective_start == date(2021, 7, 23)


# --------------------------------------------------------------------------- lists


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        (
            "Chinese Defense Minister Wei Fenghe met US Defense Secretary Lloyd Austin and ROK "
            "counterpart Suh Wook in Singapore on Friday.",
            {"CN-US", "CN-KR"},
        ),
        (
            "Defense Minister Chang Wanquan of China had his first phone conversations with his "
            "Vietnamese counterpart Phung Quang Thanh and ROK counterpart Han Min-koo on Friday.",
            {"CN-VN", "CN-KR"},
        ),
        (
            "Japan's foreign minister met his Indian counterpart and Australian Foreign Minister "
            "Penny Wong on Friday.",
            {"IN-JP", "AU-JP"},
        ),
        # Not a list of counterparts: the second state is a place or another clause.
        (
            "Chinese Defense Minister Wei Fenghe met US Defense Secretary Lloyd Austin in "
            "Singapore and later flew to Japan on Friday.",
            {"CN-US"},
        ),
        (
            "Chinese Defense Minister Wei Fenghe met US Defense Secretary Lloyd Austin on Friday "
            "before a dinner in Japan.",
            {"CN-US"},
        ),
    ],
)
def test_each_counterpart_of_a_list_is_a_contact(text: str, pairs: set[str]) -> None:
    assert {pair for pair, _, state in asserted(text) if state == OPEN.value} == pairs


# --------------------------------------------------------------------------- dating


@pytest.mark.parametrize(
    ("text", "start"),
    [
        (
            "North Korean leader Kim Jong-un and US President Donald Trump held two summits "
            "since 2018.",
            date(2018, 1, 1),
        ),
        (
            "The defense ministers of China and the US have met three times since 2019.",
            date(2019, 1, 1),
        ),
        (
            "China and the US have held several rounds of military talks since March 2020.",
            date(2020, 3, 1),
        ),
    ],
)
def test_contacts_counted_since_a_time_span_up_to_publication(text: str, start: date) -> None:
    (claim,) = [c for c in extract(text, PUBLISHED) if c.state == OPEN]
    assert (claim.effective_start, claim.effective_end) == (start, PUBLISHED)
    assert claim.precision == Precision.RANGE


def test_the_first_talks_since_a_time_are_not_a_range() -> None:
    text = "China and the US held their first military talks since 2019 on Monday."
    (claim,) = [c for c in extract(text, PUBLISHED) if c.state == OPEN]
    assert claim.precision != Precision.RANGE


# --------------------------------------------------------------------------- what "such" refers to


@pytest.mark.parametrize(
    "text",
    [
        "Japan and South Korea held a policy meeting on export controls in Tokyo last week. "
        "Seoul said the resumption of such meetings had nothing to do with the summit.",
        "Japan and South Korea held trade talks in Seoul on Monday, their first in a year. "
        "Such dialogue was suspended in 2019.",
        "Officials of Japan and South Korea discussed their export control systems in talks "
        "in Tokyo. The director general-level meeting was the first such dialogue since 2016.",
    ],
)
def test_such_talks_after_talks_of_no_concern_are_no_channel(text: str) -> None:
    assert asserted(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "China and the United States held maritime safety talks in 2019. Such dialogue "
            "was suspended last year.",
            fact("CN-US", Kind.MARITIME_SAFETY_TALKS, SUSP),
        ),
        (
            "India and Pakistan set up a hotline between their military operations directorates "
            "in 2004. The mechanism was suspended last year.",
            fact("IN-PK", HOT, SUSP),
        ),
        # The trade talks named before do not block a channel named after them.
        (
            "Japan and South Korea held trade talks in Seoul on Monday. Japan and South Korea "
            "also resumed defense policy talks on Tuesday.",
            fact("JP-KR", Kind.DEFENSE_POLICY_TALKS, REST),
        ),
    ],
)
def test_such_talks_take_the_kind_named_before(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in asserted(text)


def test_a_director_general_level_meeting_is_no_generals_talks() -> None:
    text = "Japan and South Korea held a director general-level meeting in Tokyo on Monday."
    assert fact("JP-KR", Kind.DEFENSE_POLICY_TALKS, OPEN) not in asserted(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "China and Japan agreed to talks. The last meeting between the leaders of China and "
            "Japan was on Christmas Day in 2015.",
            date(2015, 12, 25),
        ),
        ("The leaders of China and Japan met on New Year's Day 2016.", date(2016, 1, 1)),
        ("The leaders of China and Japan spoke by phone on Christmas Eve.", date(2020, 12, 24)),
    ],
)
def test_days_known_by_name(text: str, day: date) -> None:
    claims = [c for c in extract(text, PUBLISHED) if c.state == OPEN and c.modality == A]
    assert claims and all(c.effective_start == c.effective_end == day for c in claims)


def test_years_counted_back_from_a_present_tense() -> None:
    text = (
        "Turkey and Israel agreed to restore full diplomatic ties. It comes four years after "
        "the two countries expelled ambassadors over the killing of protesters."
    )
    (claim,) = [c for c in extract(text, date(2022, 8, 18)) if c.state == SUSP]
    assert (claim.effective_start, claim.effective_end) == (date(2018, 1, 1), date(2018, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Indian and Pakistani officers had contact through a hotline on Tuesday.",
            {fact("IN-PK", HOT, OPEN)},
        ),
        (
            "India and Pakistan made contact via the DGMO hotline on Tuesday.",
            {fact("IN-PK", HOT, OPEN)},
        ),
        # Not through a channel.
        ("Indian and Pakistani officers had contact with reporters on Tuesday.", set()),
    ],
)
def test_contact_through_a_line(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected
