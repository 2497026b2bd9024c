"""Measuring extraction against a hand-annotated corpus (`tracker eval`).

Matching is at claim level. A predicted asserted row matches an annotated one when
the file, pair and state are equal and the effective intervals overlap; where several
could pair, those whose quotes also overlap pair first, then those of the same kind.
Each annotated row is matched once; further predictions of a matched claim are
duplicates, counted apart. A prediction that can only match a `required=no` row
counts neither way.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from tracker import store
from tracker.db import open_store, session_scope
from tracker.ingest import ingest
from tracker.reading import InputError

EXPECTED_FILE = "expected.csv"
EXPECTED_COLUMNS = (
    "file",
    "pair",
    "kind",
    "state",
    "effective_earliest",
    "effective_latest",
    "required",
    "quote",
)


@dataclass(frozen=True)
class Expected:
    """One annotated claim."""

    row: int
    file: str
    pair: str
    kind: str
    state: str
    earliest: date | None
    latest: date | None
    required: bool
    quote: str
    published: date | None = None


@dataclass(frozen=True)
class Predicted:
    """One asserted piece of evidence the tracker found, with its article's text."""

    id: int
    file: str
    pair: str
    kind: str
    state: str
    start: date | None
    end: date | None
    quote: str
    char_start: int
    char_end: int
    text: str
    published: date | None


@dataclass
class FileScore:
    """How one annotated file fared."""

    file: str
    required: int = 0
    found: int = 0
    false_hits: int = 0
    duplicates: int = 0


@dataclass
class Score:
    """Precision, recall and F1 over a corpus, with what went wrong."""

    matched: list[tuple[Expected, Predicted]] = field(default_factory=list)
    misses: list[Expected] = field(default_factory=list)
    false_hits: list[Predicted] = field(default_factory=list)
    duplicates: list[Predicted] = field(default_factory=list)
    neutral: list[Predicted] = field(default_factory=list)
    files: dict[str, FileScore] = field(default_factory=dict)
    published_checked: int = 0
    published_right: int = 0
    # (file, the annotated date, the dates the store holds for the file)
    published_wrong: list[tuple[str, date, tuple[date, ...]]] = field(default_factory=list)

    @property
    def true_positives(self) -> int:
        return sum(1 for want, _ in self.matched if want.required)

    @property
    def precision(self) -> float:
        denominator = self.true_positives + len(self.false_hits)
        return self.true_positives / denominator if denominator else 1.0

    @property
    def recall(self) -> float:
        denominator = self.true_positives + len(self.misses)
        return self.true_positives / denominator if denominator else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        if not self.matched:
            return 1.0
        return sum(1 for want, got in self.matched if want.kind == got.kind) / len(self.matched)

    def summary(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "kind_accuracy": round(self.kind_accuracy, 4),
            "required": self.true_positives + len(self.misses),
            "found": self.true_positives,
            "false_hits": len(self.false_hits),
            "duplicates": len(self.duplicates),
            "optional_matches": len(self.neutral),
            "undated_matches": sum(
                1 for _, got in self.matched if got.start is None and got.published is None
            ),
            "published_checked": self.published_checked,
            "published_right": self.published_right,
        }


class AnnotationError(ValueError):
    """The annotation file is missing or malformed."""


def _date(value: str, where: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise AnnotationError(f"{where}: invalid date {value!r}") from exc


def read_expected(path: Path) -> list[Expected]:
    """The annotated claims of a corpus, checked column by column."""
    if not path.is_file():
        raise AnnotationError(f"{path}: no annotation file ({EXPECTED_FILE})")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in EXPECTED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise AnnotationError(f"{path}: missing column(s) {', '.join(missing)}")
        out = []
        for number, raw in enumerate(reader, start=2):
            where = f"{path}:{number}"
            required = raw["required"].strip().lower()
            if required not in {"yes", "no"}:
                raise AnnotationError(f"{where}: required must be yes or no, not {required!r}")
            published = raw.get("published") or ""
            out.append(
                Expected(
                    row=number,
                    file=raw["file"].strip(),
                    pair=raw["pair"].strip(),
                    kind=raw["kind"].strip(),
                    state=raw["state"].strip(),
                    earliest=_date(raw["effective_earliest"], where),
                    latest=_date(raw["effective_latest"], where),
                    required=required == "yes",
                    quote=raw["quote"],
                    # A month ("2023-05") says too little to check a day against.
                    published=_date(published, where) if len(published.strip()) == 10 else None,
                )
            )
    return out


def _overlap(a0: date | None, a1: date | None, b0: date | None, b1: date | None) -> bool:
    lo, hi = date.min, date.max
    return (a0 or lo) <= (b1 or hi) and (b0 or lo) <= (a1 or hi)


def _quote_overlaps(want: Expected, got: Predicted) -> bool:
    at = got.text.find(want.quote)
    if at < 0:
        folded = " ".join(want.quote.split())
        return folded in " ".join(got.quote.split()) or " ".join(got.quote.split()) in folded
    return at < got.char_end and got.char_start < at + len(want.quote)


def _same_file(want: str, got: str) -> bool:
    return PurePath(want).as_posix() == PurePath(got).as_posix() or (
        PurePath(want).name == PurePath(got).name and "/" not in want
    )


def candidates(want: Expected, got: Predicted) -> bool:
    # An unknown interval is unbounded: it cannot be told apart from the annotated one.
    # Such matches are counted (`undated_matches`) so that they can be weighed.
    start, end = got.start or got.published, got.end or got.published
    return (
        _same_file(want.file, got.file)
        and want.pair == got.pair
        and want.state == got.state
        and _overlap(want.earliest, want.latest, start, end)
    )


def score(expected: Sequence[Expected], predicted: Sequence[Predicted]) -> Score:
    """Match predictions to annotations as the module docstring says."""
    result = Score()
    pairs = [(w, p) for w in expected for p in predicted if candidates(w, p)]
    # Quote-overlapping pairs first, then same-kind ones, then required rows before optional
    # ones, in a stable order: kind accuracy then measures kinds, not the pairing order.
    pairs.sort(
        key=lambda wp: (
            not _quote_overlaps(*wp),
            wp[0].kind != wp[1].kind,
            not wp[0].required,
            wp[0].row,
            wp[1].id,
        )
    )
    taken_w: set[int] = set()
    taken_p: set[int] = set()
    for want, got in pairs:
        if want.row in taken_w or got.id in taken_p:
            continue
        taken_w.add(want.row)
        taken_p.add(got.id)
        if want.required:
            result.matched.append((want, got))
        else:
            result.neutral.append(got)
    matched_rows = {w.row for w, _ in result.matched}
    for got in predicted:
        if got.id in taken_p:
            continue
        claims = [w for w, p in pairs if p.id == got.id]
        if any(w.row in taken_w for w in claims):
            result.duplicates.append(got)
        elif claims:
            result.neutral.append(got)
        else:
            result.false_hits.append(got)
    result.misses = [w for w in expected if w.required and w.row not in matched_rows]
    _per_file(result, expected, predicted)
    return result


def _per_file(result: Score, expected: Sequence[Expected], predicted: Sequence[Predicted]) -> None:
    def entry(name: str) -> FileScore:
        return result.files.setdefault(PurePath(name).name, FileScore(PurePath(name).name))

    for want in expected:
        if want.required:
            entry(want.file).required += 1
    for want, _ in result.matched:
        entry(want.file).found += 1
    for got in result.false_hits:
        entry(got.file).false_hits += 1
    for got in result.duplicates:
        entry(got.file).duplicates += 1
    for got in predicted:
        entry(got.file)


def _check_published(
    result: Score, expected: Sequence[Expected], found: dict[str, set[date]]
) -> None:
    seen: set[tuple[str, date]] = set()
    for want in expected:
        if want.published is None or (want.file, want.published) in seen:
            continue
        seen.add((want.file, want.published))
        result.published_checked += 1
        dates = next((d for f, d in found.items() if _same_file(want.file, f)), set())
        if want.published in dates:
            result.published_right += 1
        else:
            result.published_wrong.append((want.file, want.published, tuple(sorted(dates))))


def wrong_dates(result: Score) -> list[dict[str, str]]:
    """The articles whose publication date the store does not hold, for a table."""
    return [
        {
            "file": file,
            "expected": want.isoformat(),
            "found": ", ".join(d.isoformat() for d in got) or "none",
        }
        for file, want, got in result.published_wrong
    ]


def predictions(url: str, corpus: Path) -> tuple[list[Predicted], dict[str, set[date]]]:
    """The asserted evidence of a store, with file names relative to the corpus."""
    engine = open_store(url)
    try:
        with session_scope(engine) as session:
            rows = store.evidence_rows(session=session)
            texts = {
                r["article_id"]: store.article_text(session=session, article_id=r["article_id"])
                for r in rows
            }
            published = store.published_dates(session=session)
    finally:
        engine.dispose()

    def relative(source: str) -> str:
        try:
            return Path(source).resolve().relative_to(corpus.resolve()).as_posix()
        except ValueError:
            return source

    out = [
        Predicted(
            id=r["id"],
            file=relative(r["source"]),
            pair=r["pair"],
            kind=r["kind"],
            state=r["state"],
            start=r["effective_start"],
            end=r["effective_end"],
            quote=r["quote"],
            char_start=r["char_start"],
            char_end=r["char_end"],
            text=texts[r["article_id"]],
            published=r["published"],
        )
        for r in rows
        if r["modality"] == "asserted" and r["review"] != "rejected"
    ]
    found: dict[str, set[date]] = {}
    for source, day in published:
        if day is not None:
            found.setdefault(relative(source), set()).add(day)
    return out, found


def evaluate(corpus: Path, *, expected: Path | None = None, workers: int | None = None) -> Score:
    """Ingest a corpus into a temporary store and score it against its annotations."""
    if not corpus.is_dir():
        raise InputError(f"{corpus}: not a folder")
    wanted = read_expected(expected or corpus / EXPECTED_FILE)
    with tempfile.TemporaryDirectory(prefix="tracker-eval-") as scratch:
        url = f"sqlite:///{Path(scratch) / 'eval.db'}"
        engine = open_store(url)
        try:
            ingest(engine, [corpus], workers=workers)
        finally:
            engine.dispose()
        got, published = predictions(url, corpus)
    result = score(wanted, got)
    _check_published(result, wanted, published)
    return result


def kind_misses(result: Score) -> list[dict[str, Any]]:
    """Matched claims whose channel kind the tracker got wrong."""
    return [
        {"file": w.file, "pair": w.pair, "expected": w.kind, "found": g.kind, "quote": g.quote}
        for w, g in result.matched
        if w.kind != g.kind
    ]


def rows_of(items: Iterable[Expected | Predicted]) -> list[dict[str, Any]]:
    """Misses and false hits as plain rows for printing."""
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Expected):
            out.append(
                {
                    "file": item.file,
                    "pair": item.pair,
                    "kind": item.kind,
                    "state": item.state,
                    "effective": f"{item.earliest or '?'} .. {item.latest or '?'}",
                    "quote": item.quote,
                }
            )
        else:
            out.append(
                {
                    "file": item.file,
                    "pair": item.pair,
                    "kind": item.kind,
                    "state": item.state,
                    "effective": f"{item.start or '?'} .. {item.end or '?'}",
                    "quote": item.quote,
                    "id": item.id,
                }
            )
    return out
