"""`tracker eval`: claim-level matching, and the quality gate on the seeds."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import SEEDS
from tracker.cli import app
from tracker.evaluate import Expected, Predicted, score

TEXT = "Alpha said the line was cut. Beta said the line was cut again. Gamma met Delta."


def want(row: int, state: str = "suspended", *, required: bool = True, **kw: object) -> Expected:
    values: dict[str, object] = {
        "row": row,
        "file": "a.txt",
        "pair": "CN-US",
        "kind": "operational-hotline",
        "state": state,
        "earliest": date(2020, 1, 1),
        "latest": date(2020, 1, 31),
        "required": required,
        "quote": "the line was cut",
    }
    values.update(kw)
    return Expected(**values)  # type: ignore[arg-type]


def got(id: int, state: str = "suspended", *, at: int = 0, **kw: object) -> Predicted:
    quote = TEXT[at : at + 28]
    values: dict[str, object] = {
        "id": id,
        "file": "a.txt",
        "pair": "CN-US",
        "kind": "operational-hotline",
        "state": state,
        "start": date(2020, 1, 10),
        "end": date(2020, 1, 10),
        "quote": quote,
        "char_start": at,
        "char_end": at + len(quote),
        "text": TEXT,
        "published": date(2020, 1, 10),
    }
    values.update(kw)
    return Predicted(**values)  # type: ignore[arg-type]


def test_a_match_needs_file_pair_state_and_overlapping_time() -> None:
    result = score(
        [want(1)],
        [
            got(1, file="b.txt"),
            got(2, pair="RU-US"),
            got(3, state="open"),
            got(4, start=date(2021, 1, 1), end=date(2021, 1, 2)),
        ],
    )
    assert result.true_positives == 0
    assert len(result.misses) == 1
    assert len(result.false_hits) == 4
    assert result.precision == 0.0 and result.recall == 0.0


def test_an_undated_prediction_matches_but_is_counted_apart() -> None:
    result = score([want(1)], [got(1, start=None, end=None, published=None)])
    assert result.true_positives == 1
    assert result.summary()["undated_matches"] == 1
    dated = score([want(1)], [got(1)])
    assert dated.summary()["undated_matches"] == 0


def test_further_predictions_of_a_matched_claim_are_duplicates() -> None:
    result = score([want(1)], [got(1), got(2, at=29), got(3, at=0)])
    assert result.true_positives == 1
    assert len(result.duplicates) == 2
    assert result.false_hits == []
    assert result.f1 == 1.0


def test_quote_overlap_decides_who_pairs_with_whom() -> None:
    second = want(2, quote="the line was cut again")
    result = score([want(1, quote="Alpha said"), second], [got(7, at=29)])
    assert [(w.row, g.id) for w, g in result.matched] == [(2, 7)]


def test_optional_rows_count_neither_way() -> None:
    result = score([want(1, required=False)], [got(1), got(2)])
    assert result.true_positives == 0
    assert result.false_hits == []
    assert result.precision == 1.0 and result.recall == 1.0


def test_kind_accuracy_is_measured_among_matches() -> None:
    result = score(
        [want(1), want(2, state="open", quote="Gamma met Delta")],
        [got(1), got(2, state="open", kind="military-relations", at=63)],
    )
    assert result.true_positives == 2
    assert result.kind_accuracy == 0.5


def test_eval_on_the_seeds_meets_the_gate(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    summary = report["summary"]
    assert report["misses"] == [] and report["false_hits"] == []
    assert summary["f1"] == 1.0
    assert summary["kind_accuracy"] >= 0.9
    assert summary["published_right"] == summary["published_checked"] > 0


def test_eval_refuses_a_corpus_without_annotations(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Nothing here.", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 1
    assert "expected.csv" in result.stderr


def test_eval_names_the_articles_whose_publication_date_it_missed(tmp_path: Path) -> None:
    text = (
        "SEOUL, March 3, 2021 — North Korea cut off the military hotline with South Korea "
        "on Tuesday, officials said.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("March 3", "March 4"), encoding="utf-8")
    header = "file,pair,kind,state,effective_earliest,effective_latest,required,quote,published\n"
    rows = [
        f"{name},KP-KR,operational-hotline,suspended,2021-03-02,2021-03-02,yes,"
        f"cut off the military hotline,{published}\n"
        for name, published in [("a.txt", "2021-03-03"), ("b.txt", "2021-03-05")]
    ]
    (tmp_path / "expected.csv").write_text(header + "".join(rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["published_checked"] == 2
    assert report["summary"]["published_right"] == 1
    assert report["wrong_dates"] == [
        {"file": "b.txt", "expected": "2021-03-05", "found": "2021-03-04"}
    ]
    table = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert "wrong publication date" in table.stdout
