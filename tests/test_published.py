"""Finding an article's publication date and how it was found (tracker.published)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.published import find_published
from tracker.vocab import PublishedHow

TODAY = date(2024, 6, 1)
BODY = (
    "The military-to-military relationship between the United States and China has been "
    "restored, senior defense officials said today."
)


def found(
    text: str,
    *,
    cli: date | None = None,
    sidecar: date | None = None,
    meta: date | None = None,
) -> tuple[date | None, PublishedHow]:
    return find_published(text, cli=cli, sidecar=sidecar, meta=meta, today=TODAY)


def test_caller_date_beats_everything() -> None:
    text = f"WASHINGTON, Jan. 7, 2011 — {BODY}"
    day = date(2020, 2, 2)
    assert found(text, cli=day, sidecar=date(2019, 1, 1)) == (day, PublishedHow.CLI)


def test_sidecar_beats_the_text() -> None:
    text = f"WASHINGTON, Jan. 7, 2011 — {BODY}"
    assert found(text, sidecar=date(2019, 1, 1)) == (date(2019, 1, 1), PublishedHow.SIDECAR)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Headline here\n\nWASHINGTON, Jan. 7, 2011 — {BODY}", date(2011, 1, 7)),
        (f"MOSCOW, May 14, 2019 (Reuters) - {BODY}", date(2019, 5, 14)),
        (f"Posted by on February 16, 2017 3:07 pm\n\n{BODY}", date(2017, 2, 16)),
        (f"Headline here\nPublished: 3 March 2021\n\n{BODY}", date(2021, 3, 3)),
        (f"Headline here\n\nSunday, May 12, 2019\n\n{BODY}", date(2019, 5, 12)),
        (f"Headline here\nWednesday, May 15, 2019 12:00:03 PM\n{BODY}", date(2019, 5, 15)),
        (f"Headline here\nBy Darryl Coote\nOct. 17, 2019\n{BODY}", date(2019, 10, 17)),
        (f"Headline here\n2019-05-12\n{BODY}", date(2019, 5, 12)),
        (f"Headline here\n12 May 2019\n{BODY}", date(2019, 5, 12)),
        (f"Headline here\nMay 12th, 2019\n{BODY}", date(2019, 5, 12)),
        (f"Headline here\nSept. 5, 2019 at 10:30 a.m. EDT\n{BODY}", date(2019, 9, 5)),
    ],
)
def test_the_date_the_text_shows(text: str, expected: date) -> None:
    assert found(text) == (expected, PublishedHow.TEXT)


def test_the_first_publication_line_wins() -> None:
    text = f"Headline\nMay 13, 2019\n\nBRUSSELS, May 20, 2019 — {BODY}"
    assert found(text) == (date(2019, 5, 13), PublishedHow.TEXT)


def test_a_labelled_line_counts_anywhere() -> None:
    body = "\n".join([BODY] * 10)
    assert found(f"{body}\nPublished on 4 April 2022 by the desk") == (
        date(2022, 4, 4),
        PublishedHow.TEXT,
    )


def test_a_date_line_deep_in_the_body_is_only_a_mention() -> None:
    body = "\n".join([BODY] * 10)
    assert found(f"{body}\nMay 13, 2019\n{BODY}") == (date(2019, 5, 13), PublishedHow.INFERRED)


def test_a_dateline_without_a_date_gives_nothing() -> None:
    assert found(f"BRUSSELS (Reuters) - {BODY}") == (None, PublishedHow.UNKNOWN)


def test_a_tweet_embed_is_not_a_publication_line() -> None:
    text = f"Headline\n{BODY}\n— Secretary Pompeo (@SecPompeo) May 10, 2019\n{BODY}"
    assert found(text) == (date(2019, 5, 10), PublishedHow.INFERRED)


def test_html_metadata_comes_after_the_text_and_before_inference() -> None:
    meta = date(2023, 5, 5)
    assert found(f"Headline\nMay 13, 2019\n{BODY}", meta=meta) == (
        date(2019, 5, 13),
        PublishedHow.TEXT,
    )
    assert found(f"{BODY} On April 30, 2023 it said so.", meta=meta) == (meta, PublishedHow.TEXT)


def test_inference_takes_the_latest_full_date_mentioned() -> None:
    text = (
        f"{BODY} On March 1, 2023 and on April 30, 2023 spokesmen spoke; "
        "the talks of 10 May and of 2022 carry no full date."
    )
    assert found(text) == (date(2023, 4, 30), PublishedHow.INFERRED)


@pytest.mark.parametrize(
    "line", ["June 5, 2030", "July 1, 1850", "February 30, 2019", "May 2019", "2019"]
)
def test_future_ancient_impossible_and_partial_dates_are_never_publication_dates(
    line: str,
) -> None:
    assert found(f"Headline\n{line}\n{BODY}") == (None, PublishedHow.UNKNOWN)


def test_a_future_html_date_is_ignored() -> None:
    assert found(BODY, meta=date(2030, 1, 1)) == (None, PublishedHow.UNKNOWN)


FORMATS = [
    "%B %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%Y-%m-%d",
    "%A, %B %d, %Y %I:%M:%S %p",
    "Published: %d %b %Y",
]


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=TODAY), st.sampled_from(FORMATS))
def test_a_date_line_round_trips(day: date, fmt: str) -> None:
    line = day.strftime(fmt)
    assert found(f"Some headline here\n{line}\n\n{BODY}") == (day, PublishedHow.TEXT)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_and_answers_consistently(text: str) -> None:
    day, how = found(text)
    assert (day is None) == (how is PublishedHow.UNKNOWN)
    if day is not None:
        assert date(1900, 1, 1) <= day <= TODAY
