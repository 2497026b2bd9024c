"""Export the store for other tools: articles, evidence, channels and timeline.

CSV for spreadsheets and anything else (UTF-8, ISO dates, lists as space-separated ids,
cells a spreadsheet would run as a formula neutralised with a leading apostrophe), or
Parquet with the dtypes of `tracker.analysis` (categoricals, dates, id lists).
Either reads straight back with `pandas.read_csv` / `pandas.read_parquet`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select

from tracker import analysis
from tracker.output import safe_cell

__all__ = ["FORMATS", "TABLES", "articles", "export"]

FORMATS = ("csv", "parquet")
TABLES = ("articles", "evidence", "channels", "timeline")

_ARTICLE_TYPES: dict[str, Any] = {
    "article_id": "int64",
    "source": analysis.TEXT,
    "article_index": "int64",
    "title": analysis.TEXT,
    "published": analysis.DATETIME,
    "published_how": analysis.PUBLISHED_HOW_DTYPE,
    "published_note": analysis.TEXT,
    "content_hash": analysis.TEXT,
    "text": analysis.TEXT,
}


def articles(engine: Engine) -> pd.DataFrame:
    """Every stored article with its cleaned text (evidence offsets point into it)."""
    ar = analysis.ARTICLE.c
    query = select(
        ar.id.label("article_id"),
        ar.source,
        ar.article_index,
        ar.title,
        ar.published,
        ar.published_how,
        ar.published_note,
        ar.content_hash,
        ar.text,
    )
    with engine.connect() as conn:
        raw = pd.read_sql(query, conn)
    frame = analysis.typed_frame(raw, _ARTICLE_TYPES)
    return frame.sort_values("article_id", kind="stable").reset_index(drop=True)


def _csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the text cells of a CSV: ISO dates, ids joined, formulas defused."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            out[column] = values.dt.strftime("%Y-%m-%d").astype(object).where(values.notna(), None)
        elif values.dtype == "bool" or pd.api.types.is_numeric_dtype(values):
            out[column] = values
        else:
            out[column] = [None if _missing(v) else safe_cell(_plain(v)) for v in values]
    return out


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, list | tuple) and bool(pd.isna(value)))


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [int(v) for v in value]
    return str(value)


def export(engine: Engine, *, fmt: str, out: Path) -> list[Path]:
    """Write articles, evidence, channels and timeline as `<table>.<fmt>` into `out`.

    `fmt` is `csv` or `parquet`. The timeline's current stretches are judged stale as of
    today. Returns the paths written, in the order of TABLES. Raises ValueError for an
    unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    snap = analysis.load(engine)
    frames = {
        "articles": articles(engine),
        "evidence": analysis.evidence(snap),
        "channels": analysis.channels(snap),
        "timeline": analysis.timeline(snap),
    }
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        path = out / f"{name}.{fmt}"
        frame = frames[name]
        if fmt == "csv":
            _csv_frame(frame).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    return written
