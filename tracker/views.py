"""What each listing shows: the fields programs get (JSON, CSV) and the table people read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tracker.output import Column, cited, field, span
from tracker.store import EVIDENCE_COLUMNS


@dataclass(frozen=True)
class View:
    """The fields of a listing for programs, and its columns for people."""

    fields: Sequence[str]
    table: Sequence[Column]


def _flags(row: Mapping[str, Any]) -> str:
    return ", ".join(name for name in ("uncertain", "stale") if row.get(name))


def _state(row: Mapping[str, Any]) -> str:
    state = str(row["state"])
    if row.get("modality") not in (None, "asserted"):
        state += f" ({row['modality']})"
    if row.get("review") not in (None, "machine"):
        state += f" [{row['review']}]"
    return state


def _status(row: Mapping[str, Any]) -> str:
    text = str(row["state"])
    if row.get("since"):
        text += f" since {row['since']}"
    flags = _flags(row)
    return text + (f" ({flags})" if flags else "")


EVIDENCE = View(
    fields=EVIDENCE_COLUMNS,
    table=(
        field("id"),
        Column("channel", lambda r: f"{r['pair']} {r['kind']}"),
        Column("state", _state),
        Column("effective", lambda r: span(r["effective_start"], r["effective_end"])),
        Column("quote", cited, wide=True),
    ),
)

STATUS = View(
    fields=(
        "pair",
        "kind",
        "on",
        "as_of",
        "state",
        "since",
        "uncertain",
        "stale",
        "sources",
        "quote",
        "evidence_id",
        "source",
        "published",
        "supporting_ids",
        "summary",
    ),
    table=(
        field("kind", "channel"),
        Column("status", _status),
        field("sources"),
        Column("deciding quote", cited, wide=True),
    ),
)

TIMELINE = View(
    fields=("pair", "kind", "state", "start", "end", "uncertain", "evidence_ids", "quote"),
    table=(
        field("kind", "channel"),
        Column("state", lambda r: str(r["state"]) + (" (uncertain)" if r["uncertain"] else "")),
        Column("from .. to", lambda r: span(r["start"], r["end"] or "now")),
        Column("evidence", lambda r: " ".join(str(i) for i in r["evidence_ids"])),
        Column("quote", cited, wide=True),
    ),
)

CHANNELS = View(
    fields=("pair", "kind", "evidence", "asserted", "articles", "first", "last", "state"),
    table=(
        field("pair"),
        field("kind"),
        field("state", "latest state"),
        field("evidence"),
        field("articles"),
        Column("evidence from .. to", lambda r: span(r["first"], r["last"])),
    ),
)


def _side(prefix: str) -> Column:
    def render(row: Mapping[str, Any]) -> str:
        when = span(row[f"{prefix}_start"], row[f"{prefix}_end"])
        return f"#{row[f'{prefix}_id']} {row[f'{prefix}_state']} {when}: {row[f'{prefix}_quote']}"

    return Column(prefix, render, wide=True)


CONFLICTS = View(
    fields=tuple(
        ["pair", "kind"]
        + [
            f"{side}_{name}"
            for side in ("first", "second")
            for name in ("id", "state", "start", "end", "quote", "source")
        ]
    ),
    table=(
        Column("channel", lambda r: f"{r['pair']} {r['kind']}"),
        _side("first"),
        _side("second"),
    ),
)


EVAL = View(fields=("measure", "value"), table=(field("measure"), field("value")))

EVAL_FILES = View(
    fields=("file", "required", "found", "false_hits", "duplicates"),
    table=tuple(field(n) for n in ("file", "required", "found", "false_hits", "duplicates")),
)

EVAL_ITEMS = View(
    fields=("file", "pair", "kind", "state", "effective", "quote"),
    table=(
        field("file"),
        Column("claim", lambda r: f"{r['pair']} {r['kind']} {r['state']}"),
        field("effective"),
        Column("quote", lambda r: str(r["quote"]), wide=True),
    ),
)

EVAL_KINDS = View(
    fields=("file", "pair", "expected", "found", "quote"),
    table=(
        field("file"),
        field("pair"),
        field("expected"),
        field("found"),
        Column("quote", lambda r: str(r["quote"]), wide=True),
    ),
)

EVAL_DATES = View(
    fields=("file", "expected", "found"),
    table=(field("file"), field("expected"), field("found")),
)
