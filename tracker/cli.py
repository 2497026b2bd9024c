"""The command line: thin commands over the library, errors as one line on stderr.

Each command opens the store, makes one library call and prints the result. Library
errors (bad input, unreachable database) become a one-line message and exit status 1;
usage errors exit 2. No traceback reaches the user unless TRACKER_DEBUG is set.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
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
from tracker.ingest import ingest as run_ingest
from tracker.output import FORMATS, emit
from tracker.pairs import UnknownName, parse_kind, parse_pair
from tracker.reading import InputError, input_files
from tracker.vocab import Kind

err = Console(stderr=True)


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
    workers: int = typer.Option(1, "--workers", help="Processes that read and extract."),
) -> None:
    """Read articles, extract their evidence and store both."""
    when = parse_date(published, "--published")
    if workers < 1:
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
            err.print(f"warning: skipped {skipped.path}: {skipped.reason}", markup=False)
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
    )


@app.command()
def evidence(
    ctx: typer.Context,
    pair: str | None = typer.Option(None, "--pair", help="Only this pair, e.g. CN-US."),
    kind: str | None = typer.Option(None, "--kind", help="Only this channel kind."),
    fmt: str = typer.Option("table", "--format", help="table, json or csv."),
) -> None:
    """List the evidence: every quote, with its channel, state, dates and source."""
    the_pair = None if pair is None else parse_pair(pair)
    the_kind = parse_kind_option(kind)
    fmt = parse_format(fmt)
    with opened(ctx) as engine, db.session_scope(engine) as session:
        rows = store.evidence_rows(session=session, pair=the_pair, kind=the_kind)
    emit(rows, fmt, views.EVIDENCE, title="evidence")


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
