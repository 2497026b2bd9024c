"""An article that shows no date of its own: the latest date it mentions is only a lower
bound of its publication, and what it dates relative to its publication spans the days
it may have appeared on."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tracker.cli import app
from tracker.extract import extract, extract_between
from tracker.published import (
    LOWER_BOUND_NOTE,
    LOWER_BOUND_REACH,
    find_published_noted,
    publication_window,
)
from tracker.vocab import PublishedHow

UNDATED = (
    "Hotline talks\n\n"
    "The two armies last spoke on March 3, 2021, officials recalled.\n\n"
    "On Thursday, North Korea cut off the military hotline with South Korea.\n\n"
    "North Korea also cut off the military hotline with South Korea on June 9, 2020.\n"
)


def test_the_latest_date_mentioned_is_noted_as_a_lower_bound() -> None:
    day, how, note = find_published_noted(UNDATED, cli=None, sidecar=None)
    assert (day, how, note) == (date(2021, 3, 3), PublishedHow.INFERRED, LOWER_BOUND_NOTE)
    shown = "SEOUL, March 5, 2021 — " + UNDATED
    assert find_published_noted(shown, cli=None, sidecar=None)[2] is None


def test_the_window_of_a_lower_bound_reaches_a_year_but_not_past_today() -> None:
    start = date(2021, 3, 3)
    assert publication_window(start, LOWER_BOUND_NOTE, today=date(2030, 1, 1)) == (
        start,
        start + LOWER_BOUND_REACH,
    )
    assert publication_window(start, LOWER_BOUND_NOTE, today=date(2021, 4, 1)) == (
        start,
        date(2021, 4, 1),
    )
    assert publication_window(start, None) == (start, start)
    assert publication_window(None, LOWER_BOUND_NOTE) == (None, None)


@settings(max_examples=30, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)))
def test_a_known_day_gives_what_extract_gives(day: date) -> None:
    assert extract_between(UNDATED, day, day) == extract(UNDATED, day)


def test_relative_dates_span_the_window_and_full_dates_stay(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    runner = CliRunner()
    db = ["--db", f"sqlite:///{tmp_path / 't.db'}"]
    assert runner.invoke(app, [*db, "ingest", str(tmp_path / "a.txt")]).exit_code == 0
    rows = json.loads(runner.invoke(app, [*db, "evidence", "--format", "json"]).stdout)
    by_quote = {r["quote"]: r for r in rows}
    relative = next(r for q, r in by_quote.items() if q.startswith("On Thursday"))
    full = next(r for q, r in by_quote.items() if "June 9, 2020" in q)
    lower = date(2021, 3, 3)
    assert relative["published"] == lower.isoformat()
    assert relative["published_how"] == "inferred"
    start = date.fromisoformat(relative["effective_start"])
    end = date.fromisoformat(relative["effective_end"])
    assert lower - timedelta(days=7) <= start <= lower
    assert end >= lower + LOWER_BOUND_REACH - timedelta(days=7)
    assert relative["precision"] == "range"
    assert (full["effective_start"], full["effective_end"], full["precision"]) == (
        "2020-06-09",
        "2020-06-09",
        "day",
    )
    # Extracting again from the store gives the same evidence.
    assert runner.invoke(app, [*db, "reextract"]).exit_code == 0
    again = json.loads(runner.invoke(app, [*db, "evidence", "--format", "json"]).stdout)
    keys = ("quote", "effective_start", "effective_end", "precision")
    assert sorted(tuple(r[k] for k in keys) for r in again) == sorted(
        tuple(r[k] for k in keys) for r in rows
    )


@pytest.mark.parametrize(
    "coming",
    [
        "Poland is taking over the chairmanship on January 1, 2022.",
        "The next round will be held on January 10, 2022.",
        "The ministers are due to meet again on February 2, 2022.",
        "The upcoming summit on March 3, 2022 may change that.",
        "Talks are scheduled for April 4, 2022, and they'll be hard.",
    ],
)
def test_a_date_told_as_still_to_come_is_no_lower_bound(coming: str) -> None:
    text = f"{UNDATED}\n{coming}\n"
    assert find_published_noted(text, cli=None, sidecar=None)[0] == date(2021, 3, 3)


@pytest.mark.parametrize(
    "past",
    [
        "The line was cut on January 1, 2022.",
        # a word that only looks like a plan: "next to"
        "Soldiers walk next to the border post, January 1, 2022.",
        # a future verb in the sentence before does not reach this one
        "Talks will go on. They began on January 1, 2022.",
    ],
)
def test_a_past_date_is_a_lower_bound(past: str) -> None:
    text = f"{UNDATED}\n{past}\n"
    assert find_published_noted(text, cli=None, sidecar=None)[0] == date(2022, 1, 1)


def test_an_announcement_is_dated_by_its_own_date_not_the_event_it_announces() -> None:
    text = (
        "The next round of talks between the two sides will take place in Oslo on Tuesday, "
        "18 March 2014. March 17, 2014"
    )
    assert find_published_noted(text, cli=None, sidecar=None)[0] == date(2014, 3, 17)
