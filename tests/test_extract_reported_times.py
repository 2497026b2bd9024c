"""When a claim's own clause names no time: a "when" clause shares its main clause's
time, a speaker's day bounds a past event from above, and a past event told right after
a sentence that names a recent day happened on that day.

Every sentence here is written for the test; dates are resolved against PUBLISHED, a
Wednesday (Monday is 2021-07-26, Tuesday 2021-07-27).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.claims import PUBLISHED, A
from tracker.dates import told_in_past
from tracker.extract import extract

Interval = tuple[date, date]


def times(text: str, published: date = PUBLISHED) -> dict[tuple[str, str], Interval]:
    """(pair, state) -> effective interval of every asserted claim of a text."""
    return {
        (c.pair, c.state.value): (c.effective_start, c.effective_end)
        for c in extract(text, published)
        if c.modality == A and c.effective_start and c.effective_end
    }


def day(d: int) -> Interval:
    return (date(2021, 7, d), date(2021, 7, d))


# --------------------------------------------------------------------- "..., when ..."


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        (
            "The American effort on Friday came to nothing, when Beijing refused to take "
            "the call from Washington.",
            ("CN-US", "rejected"),
            day(23),
        ),
        (
            "Seoul's overture on Monday went nowhere, when Pyongyang cut the hotline with "
            "South Korea.",
            ("KP-KR", "suspended"),
            day(26),
        ),
        (
            "Washington tried again in May, when China declined a call between the defense chiefs.",
            ("CN-US", "rejected"),
            (date(2021, 5, 1), date(2021, 5, 31)),
        ),
    ],
)
def test_a_trailing_when_clause_takes_the_main_clause_time(
    text: str, key: tuple[str, str], expected: Interval
) -> None:
    assert times(text)[key] == expected


def test_a_when_clause_with_its_own_time_keeps_it() -> None:
    text = (
        "The visit on Monday was overshadowed, when on Sunday North Korea cut the hotline "
        "with South Korea."
    )
    assert times(text)[("KP-KR", "suspended")] == day(25)


# ------------------------------------------------------------ the speaker's day bounds


@pytest.mark.parametrize(
    ("text", "key", "told"),
    [
        ("Pyongyang restored the hotline with South Korea, Seoul said on Tuesday.", "restored", 27),
        (
            "The agency said on Monday that Iran and Saudi Arabia resumed talks in Baghdad.",
            "restored",
            26,
        ),
        (
            "China's defense minister has refused a call from his American counterpart, "
            "the Pentagon said Monday.",
            "rejected",
            26,
        ),
        # where it was said stands between the verb and the day
        (
            "The agency said in a Twitter post on Saturday that Iran and Saudi Arabia resumed "
            "talks in Baghdad.",
            "restored",
            24,
        ),
        (
            "Seoul told reporters at a briefing on Tuesday that North Korea restored the "
            "hotline with South Korea.",
            "restored",
            27,
        ),
    ],
)
def test_a_past_event_dated_only_by_its_telling_happened_in_the_days_before(
    text: str, key: str, told: int
) -> None:
    ((_pair, state), (start, end)) = next(iter(times(text).items()))
    assert state == key
    assert end == date(2021, 7, told)
    assert start == date(2021, 7, told - 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the present tense: the state held when it was told
        ("Seoul said on Tuesday that the hotline with North Korea is working.", day(27)),
        # the event's own day
        ("Seoul said on Tuesday that the hotline with North Korea resumed on Sunday.", day(25)),
    ],
)
def test_a_present_state_or_an_own_day_is_no_bound(text: str, expected: Interval) -> None:
    assert list(times(text).values()) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a past progressive in reported speech is the present of the speaker
        "Pyongyang said on Tuesday it was cutting the hotline with South Korea.",
        "Seoul said on Tuesday that it was restoring the hotline with North Korea.",
    ],
)
def test_a_reported_present_happens_on_the_day_it_is_told(text: str) -> None:
    assert set(times(text).values()) == {day(27)}


# ---------------------------------------------------------- the day of the sentence before


def test_a_past_event_after_a_sentence_naming_a_recent_day_happened_that_day() -> None:
    text = (
        "The ministry said early Saturday that it would retaliate. Talks between China "
        "and the United States on arms control were postponed."
    )
    assert times(text)[("CN-US", "suspended")] == day(24)


def test_the_day_of_a_quoted_statement_carries_into_its_next_paragraph() -> None:
    text = (
        "ATHENS, July 28 - Greece and Turkey agreed by phone on Monday to meet again, the "
        "ministry said in a statement.\n\n"
        '"The Greek and Turkish defense ministers had a telephone conversation."'
    )
    assert set(times(text).values()) == {day(26)}


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_an_abbreviation_does_not_end_the_sentence_before(gap: str) -> None:
    text = (
        f"The visit began on Monday in Hanoi, where Mr. Austin greeted his hosts.{gap}"
        "China and the United States held talks that were called useful."
    )
    assert times(text)[("CN-US", "open")] == day(26)


def test_a_sentence_pointing_back_past_an_abbreviation_takes_its_time() -> None:
    text = (
        "A U.S. plane collided with a Chinese jet in April 2001 near Hainan, said Gen. Smith."
        "\n\nThat incident led the United States to break off military contacts with China."
    )
    assert times(text)[("CN-US", "suspended")] == (date(2001, 4, 1), date(2001, 4, 30))


@pytest.mark.parametrize(
    "before",
    [
        "The envoys met on Tuesday, a day after Beijing closed its consulate.",
        "The envoys met on Tuesday, two days after the border clash was reported.",
        "The envoys met on Tuesday, hours before the summit opened.",
    ],
)
def test_the_event_a_day_is_counted_from_is_not_the_day_told_before(before: str) -> None:
    text = f"{before} China and the United States held talks in Geneva."
    assert times(text)[("CN-US", "open")] == day(27)


def test_a_day_told_after_after_with_no_count_is_no_reference_point_of_the_sentence() -> None:
    # the day itself is the story's: "on Monday, after the talks" still tells Monday
    text = "After long delays the envoys met on Monday. China and the United States held talks."
    assert times(text)[("CN-US", "open")] == day(26)


@pytest.mark.parametrize(
    "text",
    [
        # the day before is months old: the event is not told as the same story
        "The two leaders spoke on May 3. China and the United States had a telephone conversation.",
        # a past perfect lies before the story's past
        "The two sides met on Monday. North Korea had cut the hotline with South Korea in protest.",
        # "to cut" is no past; the clause is in the present
        "The envoys arrived on Monday. The decision to cut the hotline between the two "
        "Koreas marks a setback.",
        # a present perfect reaches the time of writing
        "The two sides met on Monday. North Korea has restored the hotline with South Korea.",
        # the present tense
        "The two sides met on Monday. China and the United States are holding talks.",
        # a date line over the story is no sentence of it
        "Posted July 26, 2021\n\nNorth Korea cut the hotline with South Korea.",
    ],
)
def test_no_day_is_borrowed_for_these(text: str) -> None:
    assert set(times(text).values()) == {day(28)}


def test_a_borrowed_day_is_never_after_publication() -> None:
    text = "The two sides met on Monday. North Korea restored the hotline with South Korea."
    assert times(text)[("KP-KR", "restored")] == day(26)
    for published in (date(2021, 7, 26), date(2021, 7, 27), date(2021, 8, 1)):
        for start, end in times(text, published).values():
            assert start <= end <= published


# ------------------------------------------------------------ "today" inside a quotation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Yesterday North Korea cut the hotline with South Korea," the minister said on '
            "Monday.",
            day(25),
        ),
        (
            '"Today North Korea cut the hotline with South Korea," the minister said on Monday.',
            day(26),
        ),
        (
            "Seoul said on Monday that it would answer.\n\n"
            '"Today North Korea cut the hotline with South Korea," the minister told reporters.',
            day(26),
        ),
    ],
)
def test_a_quoted_today_counts_from_the_speakers_day(text: str, expected: Interval) -> None:
    assert times(text)[("KP-KR", "suspended")] == expected


@pytest.mark.parametrize(
    "text",
    [
        # no day of speaking: the words were spoken when published
        '"Today North Korea cut the hotline with South Korea," the minister said.',
        # "today" outside the quotation is the writer's
        "North Korea cut the hotline with South Korea today, the minister said on Monday.",
        # the sentence before names a day, but nobody spoke on it
        "The talks collapsed on Monday.\n\n"
        '"Today North Korea cut the hotline with South Korea," the minister told reporters.',
    ],
)
def test_a_today_without_a_speakers_day_is_the_publication_day(text: str) -> None:
    assert times(text)[("KP-KR", "suspended")] == day(28)


# ------------------------------------------------------- a time after a "since" phrase


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("India and Pakistan held their first talks since 2015 on Monday.", "restored", day(26)),
        (
            "Japan and China held their first summit since 2019 in Beijing on Tuesday.",
            "restored",
            day(27),
        ),
        (
            "Greece and Turkey resumed exploratory talks, the first since March 2016, on Monday.",
            "restored",
            day(26),
        ),
    ],
)
def test_a_day_after_a_complete_since_phrase_dates_the_main_verb(
    text: str, key: str, expected: Interval
) -> None:
    assert {iv for (_, state), iv in times(text).items() if state == key} == {expected}


def test_the_first_contact_since_an_event_is_not_dated_by_the_event() -> None:
    text = (
        "Russia and Turkey have held their first phone call since Ankara downed a Russian "
        "jet last year, the Kremlin said."
    )
    assert set(times(text).values()) == {day(28)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # contacts counted since a time took place since then
        (
            "India and Pakistan have held three rounds of talks since 2019.",
            (date(2019, 1, 1), PUBLISHED),
        ),
        # the last contact before a gap
        (
            "India and Pakistan have not held talks since 2019.",
            (date(2019, 1, 1), date(2019, 12, 31)),
        ),
    ],
)
def test_contacts_since_a_time_keep_it(text: str, expected: Interval) -> None:
    assert times(text)[("IN-PK", "open")] == expected


@pytest.mark.parametrize(
    "text",
    [
        # the day belongs to the "since" clause: it dates the gap, not the talks
        "Russia and Ukraine held the first talks since the war began on February 24.",
        "India and Pakistan held their first talks since the attack on Monday.",
    ],
)
def test_a_day_inside_a_since_phrase_dates_the_gap(text: str) -> None:
    assert {iv for (_, state), iv in times(text).items() if state == "restored"} == {day(28)}


# --------------------------------------------------------------------------- tense


@pytest.mark.parametrize(
    ("clause", "past", "with_perfect"),
    [
        ("talks on arms control were postponed", True, True),
        ("the two ministers had a telephone call", True, True),
        ("the two armies met", True, True),
        ("Seoul has restored the line", False, True),
        ("the line is cut", False, False),
        ("the hotline remains silent", False, False),
        ("the talks will resume", False, False),
        ("the line, which was cut in 2016, is working", False, False),
        ("North Korea had cut the line", False, True),
        ("Pyongyang said it was cutting the line", False, False),
        ("Ankara said it would restore ties", False, False),
        ("the decision to cut the line", False, False),
    ],
)
def test_told_in_past(clause: str, past: bool, with_perfect: bool) -> None:
    assert told_in_past(clause) is past
    assert told_in_past(clause, perfect=True) is with_perfect


@given(st.text(alphabet="abcdefghij ,.", max_size=40))
def test_a_clause_with_a_present_verb_is_never_past(words: str) -> None:
    assert not told_in_past(f"the line was cut and {words} is silent")


def test_a_suspension_counted_back_from_a_restoration_and_a_later_that_year() -> None:
    text = (
        "In July 2020 North Korea restored the hotline with South Korea, about a year after "
        "it severed the line. Pyongyang again did not answer calls from Seoul in August "
        "that year."
    )
    found = {
        (c.state.value, c.effective_start)
        for c in extract(text, PUBLISHED)
        if c.modality == A and c.pair == "KP-KR"
    }
    assert ("restored", date(2020, 7, 1)) in found
    assert ("suspended", date(2019, 7, 1)) in found
    assert ("rejected", date(2020, 8, 1)) in found


# ------------------------------------------------------------------------- "since then"


@pytest.mark.parametrize(
    ("before", "start"),
    [
        ("The hotline was restored in July 2020.", date(2020, 7, 1)),
        ("The envoys first met on Monday.", date(2021, 7, 26)),
        # the last time told before, not the first
        ("Talks broke down in 2018 and the line was restored in May.", date(2021, 5, 1)),
    ],
)
def test_since_then_runs_from_the_time_told_before_to_publication(before: str, start: date) -> None:
    text = f"{before} Since then, North Korea and South Korea have held calls every day."
    found = [
        c for c in extract(text, PUBLISHED) if c.modality == A and c.quote.startswith("Since then")
    ]
    assert [(c.effective_start, c.effective_end) for c in found] == [(start, PUBLISHED)]


def test_since_then_without_a_time_before_is_the_publication_day() -> None:
    text = "Since then, North Korea and South Korea have held calls every day."
    assert list(times(text).values()) == [day(28)]


def test_a_suspension_that_lasted_until_a_resumption_spans_its_duration() -> None:
    text = "The talks between Greece and Turkey, frozen for two years, resumed on Monday."
    found = times(text)
    assert found[("GR-TR", "suspended")] == (date(2019, 7, 28), PUBLISHED)
    assert found[("GR-TR", "restored")] == day(26)


# ------------------------------------------------------------- "After two days, ..."


@pytest.mark.parametrize(
    ("before", "opening", "expected"),
    [
        ("China and India agreed on Monday to talk.", "Two days later", day(28)),
        ("China and India agreed on Friday to talk.", "After three days", day(26)),
        (
            "China and India agreed in March to talk.",
            "After two weeks",
            (date(2021, 3, 15), date(2021, 4, 14)),
        ),
        (
            "China and India agreed in March to talk.",
            "Within a month",
            (date(2021, 3, 1), date(2021, 4, 30)),
        ),
    ],
)
def test_a_sentence_opening_by_counting_on_counts_from_the_time_told_before(
    before: str, opening: str, expected: Interval
) -> None:
    text = f"{before} {opening}, the leaders of India and China held talks."
    assert times(text)[("CN-IN", "open")] == expected


@pytest.mark.parametrize(
    "text",
    [
        # nothing told before to count from: no day after publication
        "Two days later, the leaders of India and China held talks.",
        # "after two days of talks" counts nothing on
        "China and India agreed in March to talk. After two days of talks, the leaders of "
        "India and China met.",
    ],
)
def test_no_count_without_a_time_before_or_a_bare_count(text: str) -> None:
    found = [c for c in extract(text, PUBLISHED) if c.pair == "CN-IN"]
    assert found
    assert all(c.modality == A and c.effective_end == PUBLISHED for c in found)


def test_the_sentences_own_time_beats_the_count() -> None:
    text = (
        "China and India agreed on Monday to talk. Two days later, the leaders of India and "
        "China held talks on Friday."
    )
    assert times(text)[("CN-IN", "open")] == day(23)


# ------------------------------------------------- a lead dated by the next sentence


@pytest.mark.parametrize(
    "lead",
    [
        "The hotline between North Korea and South Korea has been reconnected.",
        "North Korea restored the hotline with South Korea.",
        "North Korea has restored the hotline with South Korea, weeks after a test.",
    ],
)
@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_a_lead_without_a_time_takes_the_speakers_day_of_the_next_sentence(
    lead: str, gap: str
) -> None:
    text = f"{lead}{gap}The unification ministry said on Monday the calls went through."
    assert times(text)[("KP-KR", "restored")] == day(26)


@pytest.mark.parametrize(
    "text",
    [
        # the next sentence names a day nobody spoke on
        "North Korea has restored the hotline with South Korea. Drills ended on Monday.",
        # the speaker's day is weeks old
        "North Korea has restored the hotline with South Korea. The ministry said on June 3 "
        "that calls went through.",
        # the lead is in the present: it is true on the day of publication
        "North Korea is restoring the hotline with South Korea. The ministry said on Monday "
        "the calls went through.",
        # no lead: a story sentence comes first, naming no day
        "The ministry spoke of progress. North Korea has restored the hotline with South "
        "Korea. The ministry said on Monday that calls went through.",
    ],
)
def test_no_day_of_the_next_sentence_is_borrowed_for_these(text: str) -> None:
    assert times(text)[("KP-KR", "restored")] == day(28)


def test_an_event_after_after_in_the_lead_takes_no_day_of_the_next_sentence() -> None:
    text = (
        "Talks between China and the United States are under way again, a month after Beijing "
        "suspended talks with the United States. The ministry said on Monday the talks began."
    )
    assert times(text).get(("CN-US", "suspended")) != day(26)
