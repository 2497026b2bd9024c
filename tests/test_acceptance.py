"""The seeds, end to end through the CLI: what they must yield and must not (tests/acceptance/)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import Session
from typer.testing import CliRunner

from tests.conftest import ACCEPTANCE, BACKENDS, SEEDS, fresh_postgres_database
from tracker.cli import app
from tracker.db import open_store
from tracker.models import Article


def rows(name: str) -> list[dict[str, str]]:
    with (ACCEPTANCE / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module", params=BACKENDS)
def seeded_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """One database per backend for the whole module: the seeds are ingested once."""
    if request.param == "postgres":
        with fresh_postgres_database(request.getfixturevalue("postgres_admin")) as url:
            yield url
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('acceptance') / 'tracker.db'}"


@pytest.fixture(scope="module")
def cli(seeded_url: str) -> Callable[..., Any]:
    runner = CliRunner()

    def run(*args: Any) -> Any:
        argv = ["--db", seeded_url, *(str(a) for a in args)]
        return runner.invoke(app, argv, catch_exceptions=False)

    return run


@pytest.fixture(scope="module")
def seeded(cli: Callable[..., Any], seeded_url: str) -> dict[str, Any]:
    """A store with the seeds ingested, its evidence as JSON and its article texts."""
    result = cli("ingest", SEEDS)
    assert result.exit_code == 0, result.stderr
    listed = cli("evidence", "--format", "json")
    assert listed.exit_code == 0, listed.stderr
    engine = open_store(seeded_url)
    try:
        with Session(engine) as session:
            texts = {r.id: r.text for r in session.execute(select(Article)).scalars()}
            by_file: dict[str, list[str]] = {}
            for article in session.execute(select(Article)).scalars():
                by_file.setdefault(Path(article.source).name, []).append(article.text)
    finally:
        engine.dispose()
    return {"evidence": json.loads(listed.stdout), "texts": texts, "by_file": by_file}


def _span(text: str, fragment: str) -> tuple[int, int] | None:
    at = text.find(fragment)
    return None if at < 0 else (at, at + len(fragment))


def _overlap(a: tuple[Any, Any], b: tuple[Any, Any]) -> bool:
    return bool(a[0] <= b[1] and b[0] <= a[1])


def _matches(row: dict[str, Any], want: dict[str, str], texts: dict[int, str]) -> bool:
    if Path(row["source"]).name != want["file"]:
        return False
    if (row["pair"], row["kind"], row["state"]) != (want["pair"], want["kind"], want["state"]):
        return False
    if row["modality"] != "asserted" and want["required"] == "yes":
        return False
    expected = _span(texts[row["article_id"]], want["quote"])
    if expected is None or not _overlap((row["char_start"], row["char_end"]), expected):
        return False
    if row["effective_start"] is None or row["effective_end"] is None:
        return False
    effective = (_day(row["effective_start"]), _day(row["effective_end"]))
    wanted = (_day(want["effective_earliest"]), _day(want["effective_latest"]))
    return _overlap(effective, wanted)


def _day(text: str) -> date:
    return date.fromisoformat(text)


REQUIRED = [r for r in rows("seeds_evidence.csv") if r["required"] == "yes"]


@pytest.mark.parametrize("want", REQUIRED, ids=[r["id"] for r in REQUIRED])
def test_required_evidence_is_found(seeded: dict[str, Any], want: dict[str, str]) -> None:
    found = [r for r in seeded["evidence"] if _matches(r, want, seeded["texts"])]
    assert found, f"{want['id']}: no evidence matching {want}"


@pytest.mark.parametrize("want", REQUIRED, ids=[r["id"] for r in REQUIRED])
def test_quotes_are_verbatim_and_dates_found(seeded: dict[str, Any], want: dict[str, str]) -> None:
    for row in seeded["evidence"]:
        text = seeded["texts"][row["article_id"]]
        assert text[row["char_start"] : row["char_end"]] == row["quote"]
    found = [r for r in seeded["evidence"] if _matches(r, want, seeded["texts"])]
    if len(want["published"]) == 10 and found:
        assert want["published"] in {r["published"] for r in found}


NEGATIVES = rows("seeds_negatives.csv")


@pytest.mark.parametrize("neg", NEGATIVES, ids=[r["id"] for r in NEGATIVES])
def test_non_evidence_is_not_asserted(seeded: dict[str, Any], neg: dict[str, str]) -> None:
    texts = seeded["texts"]
    assert any(neg["sentence_fragment"] in t for t in seeded["by_file"][neg["file"]])
    for row in seeded["evidence"]:
        if Path(row["source"]).name != neg["file"] or row["modality"] != "asserted":
            continue
        if (row["pair"], row["state"]) != (neg["pair"], neg["state_not_asserted"]):
            continue
        span = _span(texts[row["article_id"]], neg["sentence_fragment"])
        assert span is None or not _overlap((row["char_start"], row["char_end"]), span), (
            f"{neg['id']}: asserted {row['state']} from {row['quote']!r}"
        )


STATUS = rows("seeds_status.csv")


@pytest.mark.parametrize(
    "want", STATUS, ids=[f"{r['pair']}-{r['kind']}-{r['on']}-{r['as_of']}" for r in STATUS]
)
def test_status_on_a_day(
    seeded: dict[str, Any], cli: Callable[..., Any], want: dict[str, str]
) -> None:
    args = ["status", want["pair"], "--kind", want["kind"], "--on", want["on"], "--format", "json"]
    if want["as_of"]:
        args += ["--as-of", want["as_of"]]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    assert [a["state"] for a in answer] == [want["expected_state"]]
    if want["expected_state"] != "unknown":
        assert answer[0]["quote"] and answer[0]["sources"] >= 1


def test_pair_status_lists_every_channel(seeded: dict[str, Any], cli: Callable[..., Any]) -> None:
    result = cli("status", "us-china", "--on", "2023-05-31", "--format", "json")
    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    kinds = {r["kind"] for r in seeded["evidence"] if r["pair"] == "CN-US"}
    assert {a["kind"] for a in answer} == kinds
    assert all(a["pair"] == "CN-US" for a in answer)


def test_ingesting_again_changes_nothing(seeded: dict[str, Any], cli: Callable[..., Any]) -> None:
    # Runs last in this module: it ingests into the shared store.
    again = cli("ingest", SEEDS)
    assert again.exit_code == 0, again.stderr
    listed = cli("evidence", "--format", "json")
    assert json.loads(listed.stdout) == seeded["evidence"]
