"""Who the sides of a claim are: speakers, go-betweens and naming are no sides.

Every sentence here is written for the test; dates are resolved against PUBLISHED, a
Wednesday.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.claims import DIP, HOT, OPEN, REJ, REST, SUSP, asserted, fact

# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "An Iraqi official said Iran and Saudi Arabia resumed talks on Monday.",
            {fact("IR-SA", DIP, REST)},
        ),
        (
            "According to a Qatari diplomat, Iran and the United States resumed talks on Monday.",
            {fact("IR-US", DIP, REST)},
        ),
        (
            "Kuwaiti state media reported that Iran and Saudi Arabia suspended talks on Monday.",
            {fact("IR-SA", DIP, SUSP)},
        ),
        (
            "Turkish officials told reporters that Russia cut the hotline with the US on Monday.",
            {fact("RU-US", HOT, SUSP)},
        ),
    ],
)
def test_the_speakers_state_is_no_side_of_what_is_reported(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


def test_a_speaker_without_other_sides_takes_the_pair_the_article_is_about() -> None:
    text = (
        "Iran and Saudi Arabia held talks in Baghdad in March.\n\n"
        "Iran and Saudi Arabia suspended the talks in April.\n\n"
        'An Iraqi official said on Monday: "The talks resumed last week."'
    )
    claims = asserted(text)
    assert fact("IR-SA", DIP, REST) in claims
    assert not any("IQ" in pair for pair, _, _ in claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A pronoun after the verb of saying stands for the speaker, who is a side.
        (
            "Chinese officials said they had cut the hotline with the US on Monday.",
            {fact("CN-US", HOT, SUSP)},
        ),
        # The only other side named: the speaker's state is the second side.
        (
            "A US official said China had refused to take the call on Monday.",
            {fact("CN-US", DIP, REJ)},
        ),
        # Officials who act are sides, not speakers.
        (
            "Japanese officials met their Chinese counterparts in Tokyo on Monday.",
            {fact("CN-JP", DIP, OPEN)},
        ),
    ],
)
def test_a_speaker_who_acts_stays_a_side(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert asserted(text) == expected


# --------------------------------------------------------------------------- go-betweens


@pytest.mark.parametrize(
    "text",
    [
        "The Omani mediator said Iran had resumed talks with the US on Monday.",
        "Omani mediators said talks resumed on Monday between Iran and the United States.",
        "Iran resumed talks with the US on Monday, the Omani mediator said.",
    ],
)
def test_a_go_between_is_never_a_side(text: str) -> None:
    assert asserted(text) == {fact("IR-US", DIP, REST)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran had resumed talks with the US on Monday.", {fact("IR-US", DIP, REST)}),
        ("Iran had suspended talks with the US on Monday.", {fact("IR-US", DIP, SUSP)}),
        # "had" before a noun, or before an adjective, is a contact.
        ("Iran had talks with the US on Monday.", {fact("IR-US", DIP, OPEN)}),
        ("Iran had detailed talks with the US on Monday.", {fact("IR-US", DIP, OPEN)}),
    ],
)
def test_had_before_a_past_participle_is_an_auxiliary(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert asserted(text) == expected


@settings(max_examples=25, deadline=None)
@given(
    speaker=st.sampled_from(["Iraqi", "Omani", "Qatari", "Kuwaiti", "Swiss"]),
    noun=st.sampled_from(["official", "diplomat", "source", "mediator", "spokesman"]),
)
def test_no_speaker_of_any_nationality_becomes_a_side(speaker: str, noun: str) -> None:
    text = f"A {speaker} {noun} said Iran and Saudi Arabia resumed talks on Monday."
    assert asserted(text) == {fact("IR-SA", DIP, REST)}
