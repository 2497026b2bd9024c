"""Rendering rows for people (rich tables) and for programs (JSON, CSV)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TextIO

from rich.console import Console
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


def write_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    *,
    title: str | None = None,
    console: Console | None = None,
) -> None:
    console = console or Console()
    table = Table(title=title, show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold", max_width=70 if column == "quote" else None)
    for row in rows:
        table.add_row(*("" if row.get(c) is None else str(plain(row.get(c))) for c in columns))
    console.print(table)


def emit(
    rows: Sequence[Mapping[str, Any]],
    fmt: str,
    *,
    json_columns: Sequence[str] | None = None,
    table_columns: Sequence[str],
    title: str | None = None,
) -> None:
    """Print rows in the chosen format; JSON carries every field, tables the readable ones."""
    if fmt == "json":
        write_json(
            rows if json_columns is None else [{k: r.get(k) for k in json_columns} for r in rows]
        )
    elif fmt == "csv":
        write_csv(rows, json_columns or table_columns)
    else:
        write_table(rows, table_columns, title=title)
