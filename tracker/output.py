"""Rendering rows for people (rich tables) and for programs (JSON, CSV)."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import PurePath
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

FORMATS = ("table", "json", "csv")

# Cells a spreadsheet would run as a formula; CSV gets them quoted with a leading
# apostrophe so that an article's text can never act on an analyst's machine.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings, enums as their value."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    return value


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text, never evaluates."""
    value = plain(value)
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_json(rows: Sequence[Mapping[str, Any]], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    json.dump([{k: plain(v) for k, v in row.items()} for row in rows], out, ensure_ascii=False)
    out.write("\n")


def write_csv(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(row.get(k)) for k in columns})


@dataclass(frozen=True)
class Column:
    """One column of a table for people: a header and how to render a row's cell."""

    header: str
    cell: Callable[[Mapping[str, Any]], str]
    wide: bool = False  # takes the width that is left, and wraps


def field(name: str, header: str | None = None) -> Column:
    """A column showing one field as it is."""
    return Column(
        header or name, lambda row: "" if row.get(name) is None else str(plain(row[name]))
    )


def span(start: Any, end: Any) -> str:
    """An interval as people write it: one day, or `start .. end`."""
    a, b = plain(start), plain(end)
    if a is None and b is None:
        return "?"
    if a == b or b is None:
        return str(a)
    return f"{a or '?'} .. {b}"


def cited(row: Mapping[str, Any]) -> str:
    """A quote with where it comes from underneath, for the last column of a table."""
    quote = row.get("quote")
    if not quote:
        return ""
    source = row.get("source")
    where = PurePath(str(source)).name if source else ""
    if row.get("article_index"):
        where += f" #{row['article_index']}"
    if row.get("published"):
        where += f", published {plain(row['published'])}"
    text = escape(str(quote))  # verbatim: no quotation marks added
    return text + (f"\n[dim]\u2014 {escape(where)}[/dim]" if where else "")


def write_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    *,
    title: str | None = None,
    console: Console | None = None,
) -> None:
    """A table for reading: no grid, narrow columns kept whole, the quote wrapped."""
    # Piped tables get a comfortable width unless COLUMNS says otherwise.
    wide_enough = sys.stdout.isatty() or "COLUMNS" in os.environ
    console = console or Console(width=None if wide_enough else 120)
    wide = any(column.wide for column in columns)
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=wide, title_justify="left")
    for column in columns:
        if column.wide:
            table.add_column(column.header, ratio=1, overflow="fold")
        else:
            table.add_column(column.header, no_wrap=True)
    for row in rows:
        cells = []
        for column in columns:
            text = column.cell(row)
            # Article text is untrusted: only the markup this module adds is rendered.
            cells.append(text if column.cell is cited else escape(text))
        table.add_row(*cells)
    console.print(table)


def emit(
    rows: Sequence[Mapping[str, Any]], fmt: str, view: Any, *, title: str | None = None
) -> None:
    """Print rows: JSON and CSV carry the view's fields, tables its columns for people."""
    if fmt == "json":
        write_json([{k: r.get(k) for k in view.fields} for r in rows])
    elif fmt == "csv":
        write_csv(rows, view.fields)
    else:
        write_table(rows, view.table, title=title)
