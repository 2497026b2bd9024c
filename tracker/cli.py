"""The command line: thin commands over the library, errors as one line on stderr.

Each command opens the store, makes one library call and prints the result. Library
errors (bad input, unreachable database) become a one-line message and exit status 1;
usage errors exit 2. No traceback reaches the user unless TRACKER_DEBUG is set.

A command imports the heavier parts of the library it needs when it runs (extraction
for ingest and eval, charts and templates for report, pandas for export), so a command
that reads the store does not load the extraction rules first.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from typer.core import TyperGroup

from tracker import db, query, store, timeline, views
from tracker.output import FORMATS, emit, write_csv, write_table
from tracker.pairs import UnknownName, parse_kind, parse_pair
from tracker.reading import InputError
from tracker.vocab import (
    EVIDENCE_STATES,
    Claim,
    DateHow,
    Kind,
    Modality,
    Precision,
    Review,
    State,
)

# Messages are single lines that a terminal may wrap, never hard-broken mid-path.
err = Console(stderr=True, soft_wrap=True)


class CliError(Exception):
    """Bad input at the command line: shown as one line, exit status 1."""


def fail(message: str, code: int = 1) -> NoReturn:
    first = message.strip().splitlines()[0] if message.strip() else "failed"
    err.print(f"error: {first}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


_EXPECTED = (CliError, InputError, UnknownName, db.StoreError, store.NotFound)


class _Commands(TyperGroup):
    """Turns the library's errors into one line on stderr, whichever way the app is run."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except _EXPECTED as exc:
            fail(str(exc))
        except SQLAlchemyError as exc:
            if os.environ.get("TRACKER_DEBUG"):
                raise
            fail(f"database error: {db.first_line(exc)}")
        except OSError as exc:
            if os.environ.get("TRACKER_DEBUG"):
                raise
            fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))


app = typer.Typer(
    name="tracker",
    help="Follow the state of communication channels between states, with the quotes behind it.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    cls=_Commands,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: str | None, option: str) -> date | None:
    """A strict YYYY-MM-DD date, or a one-line error naming the option."""
    if value is None:
        return None
    if not _ISO_DATE.match(value.strip()):
        raise CliError(f"{option}: invalid date {value!r}, expected YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise CliError(f"{option}: invalid date {value!r}: {exc}") from exc


def parse_format(value: str) -> str:
    if value not in FORMATS:
        raise CliError(f"--format: unknown format {value!r}; choose one of {', '.join(FORMATS)}")
    return value


def parse_kind_option(value: str | None) -> Kind | None:
    return None if value is None else parse_kind(value)


@contextmanager
def opened(ctx: typer.Context) -> Iterator[Engine]:
    """The store named by --db or the environment, at the current schema, closed after."""
    engine = db.open_store(ctx.obj.get("db"))
    try:
        yield engine
    finally:
        engine.dispose()


def _policy(as_of: date | None, stale_days: int) -> timeline.Policy:
    if stale_days < 0:
        raise CliError("--stale-after: must be zero or more days")
    return timeline.Policy(stale_days=stale_days, as_of=as_of)


@app.callback()
def main_options(
    ctx: typer.Context,
    database: str | None = typer.Option(
        None,
        "--db",
        help="SQLAlchemy database URL (default: $TRACKER_DATABASE_URL, else sqlite:///tracker.db).",
    ),
) -> None:
    """Follow the state of communication channels between states, with the quotes behind it."""
    ctx.obj = {"db": database}


@app.command()
def init(ctx: typer.Context) -> None:
    """Create the database, or upgrade it to the current schema."""
    with opened(ctx) as engine:
        revision = db.current_revision(engine)
        err.print(f"database ready: {engine.url.render_as_string()} (schema {revision})")


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt, .md, .html, .htm)."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date of every article, YYYY-MM-DD."
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        help="Processes that read and extract [default: one per core for a large input].",
    ),
) -> None:
    """Read articles, extract their evidence and store both."""
    from tracker.ingest import ingest as run_ingest
    from tracker.reading import input_files

    when = parse_date(published, "--published")
    if workers is not None and workers < 1:
        raise CliError("--workers: must be at least 1")
    with opened(ctx) as engine:
        total = (
            sum(1 for item in input_files(paths) if isinstance(item, Path))
            if all(p.exists() for p in paths)
            else 0
        )
        with Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=total < 2 or not err.is_terminal,
        ) as bar:
            task = bar.add_task("files", total=total)
            report = run_ingest(
                engine,
                paths,
                published=when,
                workers=workers,
                on_file=lambda _path: bar.advance(task),
            )
        for skipped in report.skipped:
            err.print(
                f"warning: skipped {skipped.path}: {skipped.reason}", markup=False, soft_wrap=True
            )
        with db.session_scope(engine) as session:
            held = store.counts_summary(session=session)
    err.print(
        f"ingested {report.files} file(s): {report.articles_new} new article(s), "
        f"{report.articles_known} already known, {report.evidence} piece(s) of evidence"
        + (f", {report.dated_by_copies} dated from copies" if report.dated_by_copies else "")
        + f"; the store holds {held['articles']} articles, {held['evidence']} evidence, "
        f"{held['channels']} channels",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


evidence_app = typer.Typer(cls=_Commands, no_args_is_help=False, rich_markup_mode=None)
app.add_typer(evidence_app, name="evidence")


@evidence_app.callback(invoke_without_command=True)
def evidence(
    ctx: typer.Context,
    pair: str | None = typer.Option(None, "--pair", help="Only this pair, e.g. CN-US."),
    kind: str | None = typer.Option(None, "--kind", help="Only this channel kind."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
) -> None:
    """List the evidence: every quote, with its channel, state, dates and source."""
    if ctx.invoked_subcommand is not None:
        return
    the_pair = None if pair is None else parse_pair(pair)
    the_kind = parse_kind_option(kind)
    fmt = parse_format(fmt)
    with opened(ctx) as engine, db.session_scope(engine) as session:
        rows = store.evidence_rows(session=session, pair=the_pair, kind=the_kind)
    emit(rows, fmt, views.EVIDENCE, title="evidence")


@evidence_app.command("add")
def evidence_add(
    ctx: typer.Context,
    article: int = typer.Option(..., "--article", help="The stored article's id."),
    pair: str = typer.Option(..., "--pair", help="The pair, e.g. CN-US."),
    kind: str = typer.Option(..., "--kind", help="The channel kind."),
    state: str = typer.Option(..., "--state", help="open, suspended, rejected or restored."),
    quote: str = typer.Option(..., "--quote", help="The exact words, as the article has them."),
    at: int | None = typer.Option(None, "--at", help="Where the quote starts, if it recurs."),
    start: str | None = typer.Option(None, "--start", help="Effective from, YYYY-MM-DD."),
    end: str | None = typer.Option(None, "--end", help="Effective until, YYYY-MM-DD."),
    modality: str = typer.Option("asserted", "--modality", help="asserted, planned, ..."),
    note: str | None = typer.Option(None, "--note", help="Why, for the record."),
) -> None:
    """Add evidence a person found; its quote is checked against the stored article."""
    claim_pair, claim_kind = parse_pair(pair), parse_kind(kind)
    claim_state = parse_choice(state, EVIDENCE_STATES, "--state")
    claim_modality = parse_choice(modality, list(Modality), "--modality")
    begin, until = parse_date(start, "--start"), parse_date(end, "--end")
    if begin and until and until < begin:
        raise CliError("--end: before --start")
    with opened(ctx) as engine, db.session_scope(engine) as session:
        found = store.stored_article(session=session, article_id=article)
        offset = locate(found.text, quote, at)
        begin = begin or until or found.published
        until = until or begin
        claim = Claim(
            pair=claim_pair,
            kind=claim_kind,
            state=State(claim_state),
            modality=Modality(claim_modality),
            quote=quote,
            char_start=offset,
            char_end=offset + len(quote),
            effective_start=begin,
            effective_end=until,
            precision=Precision.DAY if begin == until else Precision.RANGE,
            date_how=DateHow.EXPLICIT if start or end else DateHow.PUBLICATION,
            confidence=1.0,
        )
        new_id = store.add_reviewed(session=session, article_id=article, claim=claim, note=note)
    err.print(f"added evidence {new_id} (accepted)", markup=False)


def parse_choice(value: str, choices: Sequence[str], option: str) -> str:
    if value not in choices:
        raise CliError(f"{option}: {value!r} is not one of {', '.join(map(str, choices))}")
    return value


def locate(text: str, quote: str, at: int | None) -> int:
    """Where the quote stands in the article; it must be there, once or at --at."""
    if not quote.strip():
        raise CliError("--quote: empty")
    if at is not None:
        if text[at : at + len(quote)] != quote:
            raise CliError(f"--at: the quote does not start at offset {at}")
        return at
    first = text.find(quote)
    if first < 0:
        raise CliError("--quote: not found verbatim in the article")
    if text.find(quote, first + 1) >= 0:
        raise CliError(f"--quote: found more than once; give --at (first at {first})")
    return first


@app.command()
def review(
    ctx: typer.Context,
    evidence_id: int = typer.Argument(..., help="The evidence id (see `tracker evidence`)."),
    accept: bool = typer.Option(False, "--accept", help="Confirm it."),
    reject: bool = typer.Option(False, "--reject", help="Set it aside: it no longer counts."),
    reset: bool = typer.Option(False, "--reset", help="Back to the machine's word."),
    note: str | None = typer.Option(None, "--note", help="Why, for the record."),
) -> None:
    """Accept or reject a piece of evidence; reviewed evidence survives re-extraction."""
    chosen = [name for name, on in (("accept", accept), ("reject", reject), ("reset", reset)) if on]
    if len(chosen) != 1:
        raise CliError("give exactly one of --accept, --reject, --reset")
    verdict = {"accept": Review.ACCEPTED, "reject": Review.REJECTED, "reset": Review.MACHINE}
    with opened(ctx) as engine, db.session_scope(engine) as session:
        store.set_review(
            session=session, evidence_id=evidence_id, review=verdict[chosen[0]], note=note
        )
    err.print(f"evidence {evidence_id}: {verdict[chosen[0]]}", markup=False)


@app.command()
def reextract(ctx: typer.Context) -> None:
    """Run the current extractor again over every stored article, keeping reviewed evidence."""
    from tracker.ingest import reextract as run_reextract

    with opened(ctx) as engine:
        done = run_reextract(engine)
    err.print(f"re-extracted {done.articles} article(s): {done.evidence} piece(s) of evidence")


@app.command("eval")
def eval_command(
    corpus: Path = typer.Argument(..., help="A folder of articles with expected.csv."),
    expected: Path | None = typer.Option(None, "--expected", help="Another annotation file."),
    workers: int | None = typer.Option(
        None,
        "--workers",
        help="Processes that read and extract [default: one per core for a large input].",
    ),
    fmt: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Score extraction on an annotated corpus: precision, recall, F1, misses, false hits."""
    from tracker import evaluate

    fmt = parse_format(fmt)
    if workers is not None and workers < 1:
        raise CliError("--workers: must be at least 1")
    try:
        result = evaluate.evaluate(corpus, expected=expected, workers=workers)
    except evaluate.AnnotationError as exc:
        raise CliError(str(exc)) from exc
    report: dict[str, Any] = {
        "summary": result.summary(),
        "files": [asdict(f) for f in sorted(result.files.values(), key=lambda f: f.file)],
        "misses": evaluate.rows_of(result.misses),
        "false_hits": evaluate.rows_of(result.false_hits),
        "kind_misses": evaluate.kind_misses(result),
        "wrong_dates": evaluate.wrong_dates(result),
    }
    if fmt == "json":
        print(json.dumps(report, ensure_ascii=False, default=str))
        return
    if fmt == "csv":
        write_csv(report["files"], ("file", "required", "found", "false_hits", "duplicates"))
        return
    metrics = [{"measure": k, "value": v} for k, v in report["summary"].items()]
    write_table(metrics, views.EVAL.table, title=f"evaluation of {corpus}")
    write_table(report["files"], views.EVAL_FILES.table, title="per file")
    if report["misses"]:
        write_table(report["misses"], views.EVAL_ITEMS.table, title="misses")
    if report["false_hits"]:
        write_table(report["false_hits"], views.EVAL_ITEMS.table, title="false hits")
    if report["kind_misses"]:
        write_table(report["kind_misses"], views.EVAL_KINDS.table, title="wrong kind")
    if report["wrong_dates"]:
        write_table(report["wrong_dates"], views.EVAL_DATES.table, title="wrong publication date")


@app.command()
def status(
    ctx: typer.Context,
    pair: str = typer.Argument(..., help="A pair of states, e.g. CN-US or us-china."),
    on: str = typer.Option(..., "--on", help="The day asked about, YYYY-MM-DD."),
    kind: str | None = typer.Option(None, "--kind", help="Only this channel kind."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Use only articles published on or before this day."
    ),
    stale_after: int = typer.Option(
        timeline.DEFAULT_STALE_DAYS, "--stale-after", help="Days after which evidence is stale."
    ),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
) -> None:
    """The status of every channel of a pair on a day, with the deciding quote."""
    the_pair = parse_pair(pair)
    the_kind = parse_kind_option(kind)
    day = parse_date(on, "--on")
    assert day is not None
    policy = _policy(parse_date(as_of, "--as-of"), stale_after)
    fmt = parse_format(fmt)
    with opened(ctx) as engine:
        found = query.statuses(engine, the_pair, day, kind=the_kind, policy=policy)
    rows = [query.status_row(s, policy) for s in found]
    title = f"{the_pair} on {day.isoformat()}" + (f" as of {policy.as_of}" if policy.as_of else "")
    if fmt == "table" and not rows:
        err.print(f"no evidence about {the_pair} yet", markup=False)
    emit(rows, fmt, views.STATUS, title=title)


@app.command("timeline")
def timeline_command(
    ctx: typer.Context,
    pair: str = typer.Argument(..., help="A pair of states, e.g. CN-US."),
    kind: str | None = typer.Option(None, "--kind", help="Only this channel kind."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
) -> None:
    """The history of each channel of a pair: stretches of one state, with their evidence."""
    the_pair = parse_pair(pair)
    the_kind = parse_kind_option(kind)
    fmt = parse_format(fmt)
    with opened(ctx) as engine:
        rows = [asdict(i) for i in query.intervals(engine, the_pair, kind=the_kind)]
    emit(
        rows,
        fmt,
        views.TIMELINE,
        title=f"timeline of {the_pair}",
    )


@app.command()
def channels(
    ctx: typer.Context,
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
) -> None:
    """Every channel the store has evidence about, with its latest derived state."""
    fmt = parse_format(fmt)
    with opened(ctx) as engine:
        rows = query.channel_rows(engine)
    emit(rows, fmt, views.CHANNELS, title="channels")


@app.command("conflicts")
def conflicts_command(
    ctx: typer.Context,
    pair: str | None = typer.Option(None, "--pair", help="Only this pair."),
    kind: str | None = typer.Option(None, "--kind", help="Only this channel kind."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
) -> None:
    """Evidence that disagrees about a channel over overlapping times."""
    the_pair = None if pair is None else parse_pair(pair)
    the_kind = parse_kind_option(kind)
    fmt = parse_format(fmt)
    with opened(ctx) as engine:
        rows = [query.conflict_row(c) for c in query.conflicts(engine, the_pair, kind=the_kind)]
    emit(rows, fmt, views.CONFLICTS, title="conflicts")


@app.command()
def report(
    ctx: typer.Context,
    period: str = typer.Option(..., "--period", help="week, month, quarter or year."),
    start: str = typer.Option(..., "--start", help="First day covered, YYYY-MM-DD."),
    end: str | None = typer.Option(None, "--end", help="Last day covered (default: today)."),
    out: Path = typer.Option(..., "--out", help="Folder to write the reports into."),
    pair: str | None = typer.Option(None, "--pair", help="Only this pair."),
    stale_after: int = typer.Option(
        timeline.DEFAULT_STALE_DAYS, "--stale-after", help="Days after which evidence is stale."
    ),
) -> None:
    """Write one report per period (Markdown and self-contained HTML) and an index."""
    from tracker import report as reports

    if period not in reports.PERIODS:
        raise CliError(f"--period: {period!r} is not one of {', '.join(reports.PERIODS)}")
    first = parse_date(start, "--start")
    last = parse_date(end, "--end")
    the_pair = None if pair is None else parse_pair(pair)
    assert first is not None
    if out.exists() and not out.is_dir():
        raise CliError(f"--out: {out} is a file, not a folder")
    with opened(ctx) as engine:
        try:
            written = reports.write_reports(
                engine,
                period=period,
                start=first,
                end=last,
                out=out,
                pair=the_pair,
                stale_days=stale_after,
            )
        except ValueError as exc:
            raise CliError(str(exc)) from exc
    index = next((p for p in written if p.name == "index.html"), out)
    err.print(f"wrote {len(written)} file(s) to {out}; open {index}", markup=False)


@app.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Option("csv", "--format", help="csv or parquet."),
    out: Path = typer.Option(..., "--out", help="Folder to write the tables into."),
) -> None:
    """Export articles, evidence, channels and the derived timeline for pandas or a spreadsheet."""
    from tracker import export as exporting

    if fmt not in ("csv", "parquet"):
        raise CliError(f"--format: {fmt!r} is not one of csv, parquet")
    if out.exists() and not out.is_dir():
        raise CliError(f"--out: {out} is a file, not a folder")
    with opened(ctx) as engine:
        written = exporting.export(engine, fmt=fmt, out=out)
    err.print(f"wrote {', '.join(p.name for p in written)} to {out}", markup=False)


def main() -> None:
    """The console entry point; usage errors too are one line (exit status 2)."""
    try:
        code = app(standalone_mode=False)
    except typer.Abort:
        err.print("error: aborted", markup=False)
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors and the like: one line, no usage box
        err.print(f"error: {exc.format_message()}", markup=False, highlight=False)
        sys.exit(getattr(exc, "exit_code", 2))
    sys.exit(code if isinstance(code, int) else 0)
