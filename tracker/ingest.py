"""Ingest: files in, articles and evidence stored, one transaction per file.

Reading and extraction are pure and run in worker processes; only this process
writes, so `--workers` scales the costly part without contending for the store.
A file is stored whole or not at all: no article is ever left without its evidence.
"""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from tracker import store
from tracker.db import session_scope
from tracker.extract import EXTRACTOR_VERSION, extract, extract_between
from tracker.passages import shares_passage
from tracker.published import publication_window
from tracker.reading import InputError, Skipped, input_files, read_articles
from tracker.vocab import ArticleText, Claim, PublishedHow

Progress = Callable[[Path], None]


@dataclass(frozen=True)
class Parsed:
    """One input file, read and extracted, ready to store."""

    path: Path
    articles: tuple[tuple[ArticleText, tuple[Claim, ...]], ...] = ()
    error: str | None = None


@dataclass
class IngestReport:
    """What an ingest did, for the line the CLI prints."""

    files: int = 0
    articles_new: int = 0
    articles_known: int = 0
    evidence: int = 0
    dated_by_copies: int = 0
    skipped: list[Skipped] = field(default_factory=list)


def parse_file(path: Path, published: date | None = None) -> Parsed:
    """Read one file and extract every article in it (runs in a worker)."""
    try:
        articles = read_articles(path, published=published)
    except InputError as exc:  # the message names the file; the warning names it already
        return Parsed(path, error=str(exc).removeprefix(f"{path}: "))
    return Parsed(
        path,
        tuple((a, tuple(_claims(a.text, a.published, a.published_note))) for a in articles),
    )


def _claims(text: str, published: date | None, note: str | None) -> list[Claim]:
    """The claims of an article, its relative dates counted over the days it may have
    appeared on (one day, unless its date is only a lower bound)."""
    return extract_between(text, *publication_window(published, note))


def check_inputs(paths: Sequence[Path]) -> None:
    """Refuse, before anything is written, an input the caller named that cannot be read."""
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise InputError(f"{path}: no such file or folder")
        if not path.exists():
            raise InputError(f"{path}: broken symbolic link")
        if path.is_file() or path.is_symlink():
            # Raises InputError with the reason: unreadable, binary, empty, too big, an
            # HTML page without an article, a malformed sidecar. Cheap next to extraction.
            read_articles(path)
    for item in input_files(paths):
        if isinstance(item, Path):
            return
    raise InputError(
        "no readable .txt, .md, .html or .htm file in " + ", ".join(str(p) for p in paths)
    )


def _start_worker() -> None:
    """Set up a worker process: it leaves Ctrl-C to the ingest, and dies with it.

    A terminal sends Ctrl-C to every process of the job; a worker interrupted inside the
    pool's queue can leave the pool unable to shut down, so only the ingest handles it.
    A worker whose ingest was killed (SIGKILL, the OOM killer) would wait for work
    forever; it watches for its parent to change and exits instead.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def exit_when_orphaned() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=exit_when_orphaned, name="watch-parent", daemon=True).start()


# A worker process takes about half a second to start (imports, compiled patterns):
# below this many files each, it costs more than it saves.
_FILES_PER_WORKER = 40


def _parsed(files: list[Path], published: date | None, workers: int) -> Iterator[Parsed]:
    if workers <= 1 or len(files) < 2:
        for path in files:
            yield parse_file(path, published)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker) as pool:
        # A bounded window of files in flight keeps memory flat on any corpus size.
        window = workers * 4
        pending: list[Future[Parsed]] = []
        try:
            for path in files:
                pending.append(pool.submit(parse_file, path, published))
                if len(pending) >= window:
                    yield pending.pop(0).result()
            for future in pending:
                yield future.result()
        except BaseException:
            # Interrupted, or the caller stopped early: drop the files not yet started.
            pool.shutdown(wait=True, cancel_futures=True)
            raise


# SQLSTATEs of a transaction the database aborted so that a concurrent one could go on
# (deadlock detected, serialization failure): running it again succeeds.
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})
_ATTEMPTS = 5


def _retryable(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES


def store_parsed(engine: Engine, parsed: Parsed, report: IngestReport) -> None:
    """Write one file's articles and evidence in a single transaction.

    Concurrent ingests can deadlock on PostgreSQL, each inserting a party or channel
    the other has just inserted; the database aborts one, which is run again.
    """
    for attempt in range(1, _ATTEMPTS + 1):
        new = known = evidence = 0
        try:
            with session_scope(engine) as session:
                for article, claims in parsed.articles:
                    article_id, is_new = store.add_article(
                        session=session, source=str(parsed.path), article=article
                    )
                    if not is_new:
                        known += 1
                        continue
                    new += 1
                    evidence += store.add_claims(
                        session=session,
                        article_id=article_id,
                        claims=claims,
                        version=EXTRACTOR_VERSION,
                    )
        except DBAPIError as exc:
            if attempt == _ATTEMPTS or not _retryable(exc):
                raise
            time.sleep(random.uniform(0, 0.05 * attempt))  # let the other one finish
            continue
        report.articles_new += new
        report.articles_known += known
        report.evidence += evidence
        return


def default_workers(files: int) -> int:
    """Processes for reading `files` files when the caller names no number: one per core
    this process may use, as long as each has enough files to repay its start."""
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:  # pragma: no cover - macOS and Windows
        cores = os.cpu_count() or 1
    return max(1, min(cores, files // _FILES_PER_WORKER))


def ingest(
    engine: Engine,
    paths: Sequence[Path],
    *,
    published: date | None = None,
    workers: int | None = None,
    on_file: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders; one bad file inside a folder is skipped, not fatal.

    `workers` processes read and extract; by default, one per core for a large input.
    """
    check_inputs(paths)
    report = IngestReport()
    files: list[Path] = []
    for item in input_files(paths):
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            files.append(item)
    if workers is None:
        workers = default_workers(len(files))
    for parsed in _parsed(files, published, workers):
        if parsed.error is not None:
            report.skipped.append(Skipped(parsed.path, parsed.error))
        else:
            store_parsed(engine, parsed, report)
            report.files += 1
        if on_file is not None:
            on_file(parsed.path)
    report.dated_by_copies = date_from_copies(engine)
    return report


def date_from_copies(engine: Engine) -> int:
    """Date undated articles from dated ones they share a verbatim passage with.

    A shared passage is strong evidence of the same story on the same day (domain.md);
    the article's evidence is then extracted again, since relative dates now resolve.
    Returns how many articles were dated.
    """
    dated = 0
    with session_scope(engine) as session:
        undated = store.articles_by_how(
            session=session, hows=[PublishedHow.UNKNOWN, PublishedHow.INFERRED]
        )
    for article in undated:
        with session_scope(engine) as session:
            quotes = store.quotes_of(session=session, article_id=article.id)
            if not quotes:
                continue
            for other in store.sharing_channel(session=session, article_id=article.id):
                if other.published is None or not shares_passage(quotes, other.text):
                    continue
                if article.published is not None and other.published < article.published:
                    continue  # a lower bound from the text itself cannot be undercut
                store.set_published(
                    session=session,
                    article_id=article.id,
                    published=other.published,
                    how=PublishedHow.INFERRED,
                    note=f"shares a passage with {other.source} (article {other.article_index})",
                )
                claims = extract(article.text, other.published)
                store.add_claims(
                    session=session,
                    article_id=article.id,
                    claims=claims,
                    version=EXTRACTOR_VERSION,
                )
                dated += 1
                break
    return dated


@dataclass(frozen=True)
class Reextracted:
    articles: int
    evidence: int


def reextract(engine: Engine) -> Reextracted:
    """Extract every stored article again with the current extractor.

    Machine evidence is replaced; evidence an analyst accepted or rejected stays.
    Each article is its own transaction, so an interruption loses nothing.
    """
    with session_scope(engine) as session:
        ids = store.article_ids(session=session)
    evidence = 0
    for article_id in ids:
        with session_scope(engine) as session:
            article = store.stored_article(session=session, article_id=article_id)
            claims = _claims(article.text, article.published, article.published_note)
            evidence += store.add_claims(
                session=session, article_id=article_id, claims=claims, version=EXTRACTOR_VERSION
            )
    return Reextracted(len(ids), evidence)
