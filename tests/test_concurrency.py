"""Several trackers writing one store at once: no duplicates, no lost rows, no errors.

Uniqueness lives in the database's constraints, so it holds whoever writes: two
processes ingesting into one SQLite file, four into one PostgreSQL database, on
overlapping input, all starting on a database that has no schema yet.
"""

from __future__ import annotations

import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, insert, inspect, select
from sqlalchemy.exc import IntegrityError

from tests.test_faults import (
    CLI,
    PUBLISHED,
    assert_clean_exit,
    assert_consistent,
    cli_env,
    evidence_by_article,
    write_corpus,
)
from tracker import ingest as ingest_module
from tracker import store
from tracker.db import current_revision, head_revision, make_engine, open_store
from tracker.ingest import IngestReport, Parsed, ingest, store_parsed
from tracker.models import metadata
from tracker.vocab import ArticleText, Claim, Kind, Modality, PublishedHow, State

ARTICLE = metadata.tables["article"]
EVIDENCE = metadata.tables["evidence"]
CHANNEL = metadata.tables["channel"]
PARTY = metadata.tables["party"]

FILES = 60
PROCESSES = {"sqlite": 2, "postgres": 4}


def backend(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgres"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Path]]:
    """A corpus, and copies of part of it under other names (the same text twice)."""
    root = tmp_path_factory.mktemp("overlap")
    files = write_corpus(root / "feed", FILES, seed=11)
    copies = []
    for path in files[::4]:
        copy = root / "mirror" / f"copy-of-{path.name}"
        copy.parent.mkdir(exist_ok=True)
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    return files, copies


@pytest.fixture(scope="module")
def reference(
    inputs: tuple[list[Path], list[Path]], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """The store one clean ingest of every input gives."""
    files, copies = inputs
    url = f"sqlite:///{tmp_path_factory.mktemp('single') / 'single.db'}"
    engine = open_store(url)
    try:
        ingest(engine, [*files, *copies], published=date.fromisoformat(PUBLISHED))
    finally:
        engine.dispose()
    return evidence_by_article(url)


def share(files: list[Path], copies: list[Path], index: int, count: int) -> list[Path]:
    """Process `index`'s input: two thirds of the files, overlapping its neighbours',
    with some copies, in its own order."""
    start = index * len(files) // count
    mine = [files[(start + k) % len(files)] for k in range(2 * len(files) // 3)]
    mine += copies[index::2]
    random.Random(index).shuffle(mine)
    return mine


def test_parallel_ingests_on_overlapping_input(
    db_url: str, inputs: tuple[list[Path], list[Path]], reference: dict[str, Any]
) -> None:
    files, copies = inputs
    count = PROCESSES[backend(db_url)]
    shares = [share(files, copies, i, count) for i in range(count)]
    assert set().union(*shares) == set(files) | set(copies), "together they cover every input"
    procs = [
        subprocess.Popen(
            [*CLI, "--db", db_url, "ingest", *map(str, paths), "--published", PUBLISHED],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        for paths in shares
    ]
    for proc, paths in zip(procs, shares, strict=True):
        stdout, stderr = proc.communicate(timeout=300)
        assert_clean_exit(subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr))
        assert f"ingested {len(paths)} file(s)" in stderr
        assert "warning" not in stderr
    assert assert_consistent(db_url) == len(reference)
    assert evidence_by_article(db_url) == reference, "rows were lost or duplicated"


def test_many_processes_opening_a_new_database_at_once(db_url: str, tmp_path: Path) -> None:
    """Each creates the schema on first use: exactly one must, and none may fail."""
    count = 4
    go = tmp_path / "go"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from tracker.db import open_store\n"
        "Path(sys.argv[2]).touch()\n"
        "while not Path(sys.argv[3]).exists():\n"
        "    time.sleep(0.001)\n"
        "open_store(sys.argv[1]).dispose()\n"
    )
    procs = []
    ready = [tmp_path / f"ready-{i}" for i in range(count)]
    for flag in ready:
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", script, db_url, str(flag), str(go)],
                stderr=subprocess.PIPE,
                text=True,
                env=cli_env(),
            )
        )
    deadline = time.monotonic() + 60
    while not all(flag.exists() for flag in ready):
        assert time.monotonic() < deadline, "the processes never got ready"
        time.sleep(0.005)
    go.touch()  # all at once
    for proc in procs:
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) == head_revision()
        assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


# --- uniqueness is the database's, not the code's ------------------------------------


def _article_row(content_hash: str) -> dict[str, Any]:
    return {
        "source": "a.txt",
        "article_index": 0,
        "published_how": PublishedHow.CLI.value,
        "text": "China suspended military talks with the United States.",
        "content_hash": content_hash,
        "ingested_at": datetime.now(UTC),
    }


def _evidence_row(article_id: int, channel_id: int) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "channel_id": channel_id,
        "state": State.SUSPENDED.value,
        "precision": "unknown",
        "date_how": "publication",
        "modality": Modality.ASSERTED.value,
        "quote": "China suspended military talks",
        "char_start": 0,
        "char_end": 31,
        "confidence": 0.5,
        "extractor_version": "test",
        "review": "machine",
        "created_at": datetime.now(UTC),
    }


def test_the_database_refuses_a_duplicate_article(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(ARTICLE).values(_article_row("f" * 64)))
    row = {**_article_row("f" * 64), "source": "elsewhere.txt"}
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(ARTICLE).values(row))
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ARTICLE)).scalar_one() == 1


def test_the_database_refuses_a_duplicate_claim_and_channel(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(PARTY), [{"code": "CN", "name": "China"}, {"code": "US", "name": "US"}])
        channel = {"pair": "CN-US", "party_a": "CN", "party_b": "US", "kind": "military-relations"}
        channel_id = conn.execute(insert(CHANNEL).values(channel).returning(CHANNEL.c.id)).scalar()
        article_id = conn.execute(
            insert(ARTICLE).values(_article_row("e" * 64)).returning(ARTICLE.c.id)
        ).scalar()
        assert channel_id is not None and article_id is not None
        conn.execute(insert(EVIDENCE).values(_evidence_row(article_id, channel_id)))
    duplicate = {**_evidence_row(article_id, channel_id), "confidence": 0.9, "quote": "other"}
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(EVIDENCE).values(duplicate))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(insert(CHANNEL).values(channel))
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(EVIDENCE)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(CHANNEL)).scalar_one() == 1


# --- writers that wait on each other --------------------------------------------------


def _claim(pair: str, text: str) -> Claim:
    return Claim(
        pair=pair,
        kind=Kind.MILITARY_RELATIONS,
        state=State.SUSPENDED,
        modality=Modality.ASSERTED,
        quote=text[:10],
        char_start=0,
        char_end=10,
    )


def _parsed(name: str, text: str, pairs: list[str]) -> Parsed:
    article = ArticleText(0, text, None, date(2021, 3, 5), PublishedHow.CLI)
    return Parsed(Path(name), ((article, tuple(_claim(p, text) for p in pairs)),))


@pytest.mark.postgres
def test_writers_that_deadlock_are_retried_not_failed(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two files naming the same new channels in opposite orders, written at once.

    Each transaction creates one channel's parties, then needs the other's: PostgreSQL
    breaks the deadlock by aborting one of them, which must be retried, not reported.
    """
    engine = open_store(postgres_url)
    both_hold_one = threading.Barrier(2, timeout=20)
    waited: set[str] = set()
    real_ensure_channel: Callable[..., int] = store.ensure_channel

    def ensure_then_wait(**kwargs: Any) -> int:
        found = real_ensure_channel(**kwargs)
        name = threading.current_thread().name
        if name not in waited:  # once per thread: the retry must go straight through
            waited.add(name)
            both_hold_one.wait()
        return found

    monkeypatch.setattr(ingest_module.store, "ensure_channel", ensure_then_wait)
    files = {
        "one": _parsed("one.txt", "First file, about two channels.", ["CN-US", "JP-RU"]),
        "two": _parsed("two.txt", "Second file, about the same two.", ["JP-RU", "CN-US"]),
    }
    reports = {name: IngestReport() for name in files}
    failures: list[BaseException] = []

    def write(name: str) -> None:
        try:
            store_parsed(engine, files[name], reports[name])
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(n,), name=n) for n in files]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not failures, failures
        assert [r.articles_new for r in reports.values()] == [1, 1]
        assert [r.evidence for r in reports.values()] == [2, 2], "a retry counted twice"
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(EVIDENCE)).scalar_one() == 4
            assert conn.execute(select(func.count()).select_from(CHANNEL)).scalar_one() == 2
    finally:
        engine.dispose()
