"""What extraction must not depend on: sentences around a claim that say nothing of a
channel, and the order of work inside the extractor (which skips text it can rule out)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extract import Claim, extract

PUBLISHED = date(2023, 6, 5)

# Sentences that each carry a claim, with the pair they must yield.
CLAIMS = [
    ("China declined a US request for a meeting between the defense chiefs.", "CN-US"),
    ("North Korea cut off the military hotline with South Korea on Tuesday.", "KP-KR"),
    ("The Indian and Pakistani DGMOs spoke over the hotline on Monday.", "IN-PK"),
    ("Moscow announced it would no longer take part in New START.", "RU-US"),
    ("Greece and Turkey resumed exploratory talks in January.", "GR-TR"),
]

# Filler that names no channel, in several shapes a splitter must cope with: a stop after
# a lower-case word, an abbreviation, initials, a quotation closed after its stop.
FILLER = [
    "The weather in the capital was mild for the season.",
    "Shares of the carmaker rose 3 percent in early trading.",
    "Gen. Smith, who spoke to reporters, wore a grey suit.",
    "The U.S. economy grew faster than expected, etc. in the spring.",
    "“It was a long week,” a local shopkeeper said.",
    "Ticket prices at the stadium went up again.",
]


def _relative(claims: list[Claim], offset: int) -> list[Claim]:
    return [
        replace(c, char_start=c.char_start - offset, char_end=c.char_end - offset) for c in claims
    ]


@pytest.mark.parametrize(("sentence", "pair"), CLAIMS)
def test_each_claim_sentence_yields_its_pair(sentence: str, pair: str) -> None:
    claims = extract(sentence, PUBLISHED)
    assert claims, sentence
    assert {c.pair for c in claims} == {pair}


@settings(max_examples=60, deadline=None)
@given(
    claim=st.sampled_from(CLAIMS),
    before=st.lists(st.sampled_from(FILLER), max_size=4),
    after=st.lists(st.sampled_from(FILLER), max_size=4),
    same_paragraph=st.booleans(),
)
def test_filler_around_a_claim_changes_nothing(
    claim: tuple[str, str], before: list[str], after: list[str], same_paragraph: bool
) -> None:
    sentence, _ = claim
    joiner = " " if same_paragraph else "\n\n"
    head = joiner.join(before) + joiner if before else ""
    text = head + sentence + (joiner + joiner.join(after) if after else "")
    alone = extract(sentence, PUBLISHED)
    within = extract(text, PUBLISHED)
    assert _relative(within, len(head)) == alone
    for c in within:
        assert text[c.char_start : c.char_end] == c.quote


@pytest.mark.parametrize(
    "text",
    [
        "Moscow cut off the hotline on Tuesday.",
        "The ministry said talks were suspended last week.",
        "China resumed the dialogue in March, the spokesman said.",
        "The union and the carmaker resumed wage talks.",
    ],
)
def test_a_text_naming_fewer_than_two_states_says_nothing(text: str) -> None:
    assert extract(text, PUBLISHED) == []


def test_a_second_state_named_anywhere_in_the_text_is_enough() -> None:
    claim = "On Tuesday, Moscow cut off the deconfliction hotline with the other side."
    assert extract(claim, PUBLISHED) == []
    text = "Russia has long complained about American drones.\n\n" + claim
    claims = extract(text, PUBLISHED)
    assert [c.pair for c in claims] == ["RU-US"]
    assert claims[0].quote == claim


def test_a_quotation_closed_after_its_last_stop_ends_the_sentence() -> None:
    text = (
        "The minister added: “The talks went well. "
        "Washington and Moscow resumed the dialogue today.”"
    )
    claims = extract(text, PUBLISHED)
    assert claims
    assert all(c.quote.endswith("today.”") for c in claims)
