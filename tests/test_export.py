"""Exports (tracker.export): CSV safe for spreadsheets, Parquet that reads back unchanged."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from tests.test_analysis import FORMULA_QUOTE, HOSTILE_QUOTE, SAMPLE, build_sample_store
from tracker import analysis
from tracker.db import open_store
from tracker.export import TABLES, articles, export

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_store(f"sqlite:///{tmp_path_factory.mktemp('es') / 'sample.db'}")
    build_sample_store(engine)
    yield engine
    engine.dispose()


def _lists(frame: pd.DataFrame) -> pd.DataFrame:
    """Parquet gives id lists back as arrays; compare them as lists."""
    out = frame.copy()
    for column in out.columns:
        if column.endswith("_ids"):
            out[column] = out[column].map(lambda ids: [int(i) for i in ids])
    return out


def expected_frames(engine: Engine) -> dict[str, pd.DataFrame]:
    return {
        "articles": articles(engine),
        "evidence": analysis.evidence(engine),
        "channels": analysis.channels(engine),
        "timeline": analysis.timeline(engine),
    }


def test_csv_files_read_straight_into_pandas(sample: Engine, tmp_path: Path) -> None:
    paths = export(sample, fmt="csv", out=tmp_path)
    assert paths == [tmp_path / f"{name}.csv" for name in TABLES]
    expected = expected_frames(sample)
    for name, path in zip(TABLES, paths, strict=True):
        frame = pd.read_csv(path, keep_default_na=False, na_values=[""])
        assert list(frame.columns) == list(expected[name].columns), name
        assert len(frame) == len(expected[name]), name
    ev = pd.read_csv(tmp_path / "evidence.csv", parse_dates=["published", "effective_start"])
    assert ev["evidence_id"].tolist() == expected["evidence"]["evidence_id"].tolist()
    assert ev["published"].dropna().dt.year.min() == 2010
    assert (ev["char_end"] - ev["char_start"]).tolist() == [
        len(q) for q in expected["evidence"]["quote"]
    ]
    timeline = pd.read_csv(tmp_path / "timeline.csv")
    assert timeline["evidence_ids"].astype(str).iloc[0] == "1 2"
    assert len(pd.read_csv(tmp_path / "articles.csv")) == len(SAMPLE)


def test_csv_neutralises_formulas(sample: Engine, tmp_path: Path) -> None:
    export(sample, fmt="csv", out=tmp_path)
    with (tmp_path / "evidence.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    quotes = [r["quote"] for r in rows]
    assert "'" + FORMULA_QUOTE in quotes and FORMULA_QUOTE not in quotes
    assert HOSTILE_QUOTE in quotes  # not a formula: kept as it is
    for name in TABLES:
        with (tmp_path / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(FORMULA_START), (name, cell)
    text = pd.read_csv(tmp_path / "articles.csv")["text"]
    assert text.str.startswith("'=HYPERLINK").sum() == 1


def test_parquet_reads_back_equal(sample: Engine, tmp_path: Path) -> None:
    paths = export(sample, fmt="parquet", out=tmp_path)
    assert paths == [tmp_path / f"{name}.parquet" for name in TABLES]
    expected = expected_frames(sample)
    for name, path in zip(TABLES, paths, strict=True):
        back = pd.read_parquet(path)
        pd.testing.assert_frame_equal(_lists(back), _lists(expected[name]), obj=name)
    states = pd.read_parquet(tmp_path / "evidence.parquet")["state"]
    assert list(states.cat.categories) == ["open", "suspended", "rejected", "restored", "unknown"]


def test_export_on_both_backends(engine: Engine, tmp_path: Path) -> None:
    build_sample_store(engine)
    export(engine, fmt="parquet", out=tmp_path)
    back = pd.read_parquet(tmp_path / "evidence.parquet")
    pd.testing.assert_frame_equal(back, analysis.evidence(engine))
    assert set(back["source"]) == {a.source for a in SAMPLE}


def test_unknown_format(sample: Engine, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        export(sample, fmt="xlsx", out=tmp_path / "x")
    assert not (tmp_path / "x").exists()
