"""The extractor on the seed articles, judged by the acceptance files.

`seeds_evidence.csv` lists what must be found: a claim with the same pair, kind and
state, asserted, whose quote overlaps the expected quote in the text and whose effective
interval overlaps the expected one. `seeds_negatives.csv` lists fragments that must not
carry an asserted claim of the given pair and state. The extractor runs on the raw seed
files with the publication date of the row (a forum thread holds posts of several
dates, so a file is read once per date it is given).
"""

from __future__ import annotations

import csv
import functools
from datetime import date, timedelta
from pathlib import Path

import pytest

from tracker.extract import extract
from tracker.vocab import Claim, Modality

SEEDS = Path(__file__).parent.parent / "seeds"
ACCEPTANCE = Path(__file__).parent / "acceptance"


def _rows(name: str) -> list[dict[str, str]]:
    with (ACCEPTANCE / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _published(value: str) -> date:
    """A row's publication date; a month alone ("2023-05") is read as the day before it
    starts, the lower bound the ingester infers from the article's latest dated mention."""
    if len(value) == 7:
        return date.fromisoformat(value + "-01") - timedelta(days=1)
    return date.fromisoformat(value)


@functools.cache
def _text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@functools.cache
def _claims(name: str, published: date) -> tuple[Claim, ...]:
    return tuple(extract(_text(name), published))


def _spans(text: str, fragment: str) -> list[tuple[int, int]]:
    """Every place a fragment occurs, with straight or typographic apostrophes."""
    spans = []
    for variant in {fragment, fragment.replace("'", "’"), fragment.replace("’", "'")}:
        start = text.find(variant)
        while start >= 0:
            spans.append((start, start + len(variant)))
            start = text.find(variant, start + 1)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _matches(claim: Claim, row: dict[str, str], spans: list[tuple[int, int]]) -> bool:
    if (claim.pair, claim.kind.value, claim.state.value) != (
        row["pair"],
        row["kind"],
        row["state"],
    ):
        return False
    if not any(_overlaps((claim.char_start, claim.char_end), span) for span in spans):
        return False
    if claim.effective_start is None or claim.effective_end is None:
        return False
    earliest = date.fromisoformat(row["effective_earliest"])
    latest = date.fromisoformat(row["effective_latest"])
    return claim.effective_start <= latest and earliest <= claim.effective_end


EVIDENCE = _rows("seeds_evidence.csv")
NEGATIVES = _rows("seeds_negatives.csv")


def _dates_of(name: str) -> list[date]:
    return sorted({_published(r["published"]) for r in EVIDENCE if r["file"] == name})


@pytest.mark.parametrize("row", EVIDENCE, ids=[r["id"] for r in EVIDENCE])
def test_evidence_is_found(row: dict[str, str]) -> None:
    text = _text(row["file"])
    spans = _spans(text, row["quote"])
    assert spans, f"{row['id']}: the expected quote is not in the seed"
    claims = _claims(row["file"], _published(row["published"]))
    found = [c for c in claims if _matches(c, row, spans)]
    required = row["required"] == "yes"
    if required:
        assert any(c.modality == Modality.ASSERTED for c in found), (
            f"{row['id']}: no asserted {row['pair']} {row['kind']} {row['state']} claim; got "
            + "; ".join(
                f"{c.pair} {c.kind} {c.state} {c.modality} {c.quote[:60]!r}" for c in claims
            )
        )
    elif not found:
        pytest.xfail(f"{row['id']} is optional and was not found")


@pytest.mark.parametrize("row", NEGATIVES, ids=[r["id"] for r in NEGATIVES])
def test_negative_is_not_asserted(row: dict[str, str]) -> None:
    text = _text(row["file"])
    spans = _spans(text, row["sentence_fragment"])
    assert spans, f"{row['id']}: the fragment is not in the seed"
    for published in _dates_of(row["file"]):
        wrong = [
            c
            for c in _claims(row["file"], published)
            if c.modality == Modality.ASSERTED
            and c.pair == row["pair"]
            and c.state.value == row["state_not_asserted"]
            and any(_overlaps((c.char_start, c.char_end), span) for span in spans)
        ]
        assert not wrong, f"{row['id']} ({row['why']}): {wrong}"


@pytest.mark.parametrize("name", sorted({r["file"] for r in EVIDENCE}))
def test_quotes_are_verbatim(name: str) -> None:
    text = _text(name)
    for published in _dates_of(name):
        for claim in _claims(name, published):
            assert text[claim.char_start : claim.char_end] == claim.quote
            assert claim.quote == claim.quote.strip()
            first, second = claim.pair.split("-")
            assert first < second
            assert 0.0 <= claim.confidence <= 1.0
