"""Faults during ingest: a killed process, a failing transaction, a lost connection.

The store must stay consistent whatever happens to the process writing it: an article
is stored with all of its evidence or not at all, and running the same ingest again
completes the job. These tests kill real processes (`tracker ingest` run as a
subprocess) and then inspect the database.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, func, inspect, select, text

from tracker import ingest as ingest_module
from tracker import store
from tracker.db import current_revision, make_engine, migrations_dir, open_store
from tracker.extract import extract
from tracker.ingest import ingest
from tracker.models import metadata

CLI = [sys.executable, "-c", "from tracker.cli import main; main()"]
PUBLISHED = "2021-03-05"
CORPUS_SIZE = 120
KILL_AFTER = 20  # articles stored before the ingest is killed

ARTICLE = metadata.tables["article"]
EVIDENCE = metadata.tables["evidence"]
CHANNEL = metadata.tables["channel"]

# --- a generated corpus: a few hundred short dispatches, each with a channel statement ---

SIDES = [
    ("China", "the United States"),
    ("Russia", "the United States"),
    ("North Korea", "South Korea"),
    ("India", "Pakistan"),
    ("Japan", "China"),
    ("Greece", "Turkey"),
    ("Russia", "Ukraine"),
    ("Beijing", "Washington"),
]
CHANNELS = [
    "military talks",
    "the military hotline",
    "defense policy talks",
    "maritime safety talks",
    "diplomatic talks",
    "military-to-military contacts",
    "its deconfliction line",
    "strategic stability talks",
]
VERBS = ["suspended", "restored", "resumed", "cut off", "froze", "reopened"]
WHEN = ["on Tuesday", "on Monday", "last month", "last week", "in March", "on Friday", ""]
FILLER = [
    "Officials said the decision followed weeks of tension.",
    "The ministry did not comment further.",
    "Analysts said the move was expected.",
    "The announcement came after a regional meeting.",
    "Diplomats in the capital described the mood as tense.",
]


def dispatch(rng: random.Random, number: int) -> str:
    """One short article: a headline, then one to three channel statements among filler."""
    body: list[str] = []
    for _ in range(rng.randint(1, 3)):
        a, b = rng.choice(SIDES)
        if rng.random() < 0.5:
            a, b = b, a
        statement = f"{a} {rng.choice(VERBS)} {rng.choice(CHANNELS)} with {b} {rng.choice(WHEN)}"
        body.append(statement.strip()[0].upper() + statement.strip()[1:] + ".")
        body.extend(rng.sample(FILLER, 2))
    body.append(f"This is dispatch number {number}.")
    return f"Dispatch {number}: channels between states\n\n{' '.join(body)}\n"


def write_corpus(folder: Path, count: int, *, seed: int = 0, start: int = 0) -> list[Path]:
    """Write `count` distinct dispatches into folder as a0000.txt, a0001.txt …"""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"a{number:04d}.txt"
        path.write_text(dispatch(rng, number), encoding="utf-8")
        paths.append(path)
    return paths


# --- reading the store back ---------------------------------------------------------

Signature = tuple[Any, ...]


def evidence_by_article(url: str) -> dict[str, tuple[Signature, ...]]:
    """Every article's evidence, keyed by its content hash, in a backend-neutral form."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            hashes = dict(conn.execute(select(ARTICLE.c.id, ARTICLE.c.content_hash)).all())
            found: dict[str, list[Signature]] = {h: [] for h in hashes.values()}
            rows = conn.execute(
                select(
                    EVIDENCE.c.article_id,
                    CHANNEL.c.pair,
                    CHANNEL.c.kind,
                    EVIDENCE.c.state,
                    EVIDENCE.c.char_start,
                    EVIDENCE.c.char_end,
                    EVIDENCE.c.effective_start,
                    EVIDENCE.c.effective_end,
                    EVIDENCE.c.quote,
                ).join(CHANNEL, CHANNEL.c.id == EVIDENCE.c.channel_id)
            ).all()
    finally:
        engine.dispose()
    for article_id, *signature in rows:
        found[hashes[article_id]].append(tuple(signature))
    return {h: tuple(sorted(s, key=repr)) for h, s in found.items()}


def claims_signature(text: str, published: date | None) -> tuple[Signature, ...]:
    """What the extractor finds in a text, as evidence_by_article shows it."""
    unique = {
        (c.pair, str(c.kind), str(c.state), c.char_start, c.char_end): (
            c.pair,
            str(c.kind),
            str(c.state),
            c.char_start,
            c.char_end,
            c.effective_start,
            c.effective_end,
            c.quote,
        )
        for c in extract(text, published)
    }
    return tuple(sorted(unique.values(), key=repr))


def assert_consistent(url: str) -> int:
    """No half-written article, none without its evidence; returns how many articles."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            articles = conn.execute(
                select(ARTICLE.c.text, ARTICLE.c.content_hash, ARTICLE.c.published)
            ).all()
            orphans = conn.execute(
                select(func.count())
                .select_from(EVIDENCE)
                .where(~EVIDENCE.c.article_id.in_(select(ARTICLE.c.id)))
            ).scalar_one()
    finally:
        engine.dispose()
    assert orphans == 0, "evidence without its article"
    stored = evidence_by_article(url)
    for body, digest, published in articles:
        assert hashlib.sha256(body.encode("utf-8")).hexdigest() == digest, "a half-written text"
        assert stored[digest] == claims_signature(body, published), (
            f"the article {body[:40]!r} was stored without all of its evidence"
        )
    return len(articles)


def article_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(ARTICLE)).scalar_one())


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"TRACKER_DEBUG", "COLUMNS"}}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def start_ingest(url: str, paths: Sequence[Path], *extra: str) -> subprocess.Popen[str]:
    """`tracker --db URL ingest PATHS…` in its own process group (so workers die with it)."""
    return subprocess.Popen(
        [*CLI, "--db", url, "ingest", *map(str, paths), "--published", PUBLISHED, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
        start_new_session=True,
    )


def run_ingest(url: str, paths: Sequence[Path], *extra: str) -> subprocess.CompletedProcess[str]:
    """The same command run again, in this process (a second interpreter start is slow)."""
    from typer.testing import CliRunner

    from tracker.cli import app

    argv = ["--db", url, "ingest", *map(str, paths), "--published", PUBLISHED, *extra]
    result = CliRunner().invoke(app, argv)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(argv, result.exit_code, result.stdout, result.stderr)


def assert_clean_exit(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == 0, done.stderr
    assert "error" not in done.stderr.lower(), done.stderr
    assert "Traceback" not in done.stderr


def kill_when_stored(
    proc: subprocess.Popen[str], url: str, at_least: int, how: int
) -> tuple[int, str]:
    """Send `how` to the ingest's process group once `at_least` articles are stored.

    Returns how many articles were stored when the signal went, and the ingest's stderr.
    """
    engine = make_engine(url)
    deadline = time.monotonic() + 120
    try:
        while (stored := article_count(engine)) < at_least:
            if proc.poll() is not None:
                pytest.fail(f"the ingest ended before it could be stopped: {proc.communicate()}")
            assert time.monotonic() < deadline, "the ingest stored nothing for two minutes"
            time.sleep(0.005)
        os.killpg(proc.pid, how)
    finally:
        engine.dispose()
    _, stderr = proc.communicate(timeout=60)
    return stored, stderr


# --- fixtures -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, CORPUS_SIZE)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What one clean, uninterrupted ingest of the corpus stores."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'clean.db'}"
    engine = open_store(url)
    try:
        ingest(engine, [corpus], published=date.fromisoformat(PUBLISHED))
    finally:
        engine.dispose()
    evidence = evidence_by_article(url)
    assert len(evidence) == CORPUS_SIZE
    # Each dispatch states a channel's change; the extractor may miss a wording or two.
    assert sum(1 for found in evidence.values() if found) >= 0.9 * CORPUS_SIZE
    return evidence


# --- killed mid-ingest --------------------------------------------------------------


def kill_and_rerun(
    url: str, corpus: Path, reference: dict[str, Any], workers: str, how: int
) -> None:
    """Stop an ingest of the corpus halfway with `how`, check the store, run it again."""
    open_store(url).dispose()  # the schema first, so that the poll can count
    proc = start_ingest(url, [corpus], "--workers", workers)
    stored, stderr = kill_when_stored(proc, url, KILL_AFTER, how)
    if how == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:  # Ctrl-C: the conventional status, and no traceback from any process
        assert proc.returncode == 130, stderr
        assert "Traceback" not in stderr

    held = assert_consistent(url)
    assert stored <= held < CORPUS_SIZE, "the ingest was not stopped halfway"

    rerun = run_ingest(url, [corpus], "--workers", workers)
    assert_clean_exit(rerun)
    assert f"{held} already known" in " ".join(rerun.stderr.split())
    assert assert_consistent(url) == CORPUS_SIZE
    assert evidence_by_article(url) == reference


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes(
    db_url: str, corpus: Path, reference: dict[str, Any]
) -> None:
    kill_and_rerun(db_url, corpus, reference, "1", signal.SIGKILL)


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT], ids=["sigkill", "ctrl-c"])
def test_stopping_a_parallel_ingest_leaves_a_consistent_store(
    sqlite_url: str, corpus: Path, reference: dict[str, Any], how: int
) -> None:
    """The whole process group, workers included, as a terminal's Ctrl-C or a kill -9 -PGID."""
    kill_and_rerun(sqlite_url, corpus, reference, "2", how)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc for the workers")
def test_killed_main_process_takes_its_workers_with_it(sqlite_url: str, corpus: Path) -> None:
    """SIGKILL to the ingesting process alone (the OOM killer's way): no worker lingers."""
    open_store(sqlite_url).dispose()
    proc = start_ingest(sqlite_url, [corpus], "--workers", "2")
    engine = make_engine(sqlite_url)
    try:
        while article_count(engine) < 5:
            assert proc.poll() is None, "the ingest ended before it could be killed"
            time.sleep(0.005)
        workers = _children(proc.pid)
        assert workers, "no worker processes found"
        os.kill(proc.pid, signal.SIGKILL)  # the main process only, not its group
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while (alive := [pid for pid in workers if _alive(pid)]) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not alive, f"worker processes {alive} outlived the ingest"
    finally:
        engine.dispose()
        with contextlib.suppress(ProcessLookupError):  # whatever is left of the group
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate(timeout=30)
    assert_consistent(sqlite_url)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --- a transaction that fails halfway ------------------------------------------------


def test_a_failure_inside_a_file_stores_nothing_of_that_file(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = write_corpus(tmp_path / "in", 5)
    real_add_claims = store.add_claims
    calls = 0

    def failing_add_claims(**kwargs: Any) -> int:
        nonlocal calls
        calls += 1
        if calls == 3:  # the third file: its article row is written, then this fails
            real_add_claims(**kwargs)
            raise RuntimeError("disk on fire")
        return real_add_claims(**kwargs)

    monkeypatch.setattr(ingest_module.store, "add_claims", failing_add_claims)
    with pytest.raises(RuntimeError, match="disk on fire"):
        ingest(engine, paths, published=date.fromisoformat(PUBLISHED))
    url = engine.url.render_as_string(hide_password=False)
    assert assert_consistent(url) == 2, "the failed file's article was kept"
    monkeypatch.setattr(ingest_module.store, "add_claims", real_add_claims)
    report = ingest(engine, paths, published=date.fromisoformat(PUBLISHED))
    assert (report.articles_known, report.articles_new) == (2, 3)
    assert assert_consistent(url) == 5


# --- the database goes away mid-ingest ------------------------------------------------


@pytest.mark.postgres
def test_lost_postgres_connection_is_one_line_and_the_rerun_completes(
    postgres_url: str, postgres_admin: Engine, corpus: Path, reference: dict[str, Any]
) -> None:
    open_store(postgres_url).dispose()
    database = postgres_url.rsplit("/", 1)[1].split("?")[0]
    proc = start_ingest(postgres_url, [corpus])
    engine = make_engine(postgres_url)
    try:
        while article_count(engine) < KILL_AFTER:
            assert proc.poll() is None, "the ingest ended before its connection could be cut"
            time.sleep(0.005)
    finally:
        engine.dispose()
    with postgres_admin.connect() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": database},
        )
    _, stderr = proc.communicate(timeout=120)
    if proc.returncode != 0:  # a reconnect may have saved it; if not, one clear line
        lines = [line for line in stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("error: "), stderr
        assert "Traceback" not in stderr
    held = assert_consistent(postgres_url)
    assert held >= KILL_AFTER
    assert_clean_exit(run_ingest(postgres_url, [corpus]))
    assert evidence_by_article(postgres_url) == reference


# --- a migration that fails halfway ---------------------------------------------------

BROKEN_MIGRATION = """\"\"\"A migration that fails after changing things.\"\"\"

import sqlalchemy as sa
from alembic import op

revision = "9999_broken"
down_revision = {head!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("article") as batch:
        batch.add_column(sa.Column("extra", sa.Text, nullable=True))
    op.execute("DELETE FROM evidence")
    raise RuntimeError("the migration broke halfway")


def downgrade():
    op.drop_table("scratch")
"""


def test_a_migration_that_fails_halfway_changes_nothing(
    engine: Engine, db_url: str, tmp_path: Path
) -> None:
    ingest(engine, write_corpus(tmp_path / "in", 3), published=date(2021, 3, 5))
    before = evidence_by_article(db_url)
    columns = {c["name"] for c in inspect(engine).get_columns("article")}
    head = current_revision(engine)
    location = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), location, ignore=shutil.ignore_patterns("__pycache__"))
    (location / "versions" / "9999_broken.py").write_text(
        BROKEN_MIGRATION.format(head=head), encoding="utf-8"
    )
    cfg = Config()
    cfg.set_main_option("script_location", str(location))
    cfg.attributes["engine"] = engine
    with pytest.raises(RuntimeError, match="broke halfway"):
        command.upgrade(cfg, "9999_broken")
    engine.dispose()  # forget anything cached about the schema
    assert current_revision(engine) == head
    assert "scratch" not in inspect(engine).get_table_names()
    assert {c["name"] for c in inspect(engine).get_columns("article")} == columns
    assert evidence_by_article(db_url) == before
    open_store(db_url).dispose()  # and the store still opens as it is


# --- SQLite: readers never wait for a writer; writers queue ------------------------------


def test_a_reader_is_not_blocked_by_an_open_write_transaction(engine: Engine, db_url: str) -> None:
    other = make_engine(db_url)  # another pool: another connection, as another process has
    try:
        with engine.connect() as writer:
            writer.execute(
                store.PARTY.insert().values(code="ZZ", name="Nowhere")  # uncommitted
            )
            started = time.monotonic()
            with other.connect() as reader:
                seen = reader.execute(select(func.count()).select_from(store.PARTY)).scalar_one()
            assert time.monotonic() - started < 1.0, "the reader waited for the writer"
            assert seen == 0, "the reader saw an uncommitted row"
            writer.commit()
        with other.connect() as reader:
            assert reader.execute(select(func.count()).select_from(store.PARTY)).scalar_one() == 1
    finally:
        other.dispose()


def test_a_second_writer_waits_for_the_first_instead_of_failing(
    engine: Engine, db_url: str
) -> None:
    other = make_engine(db_url)
    failures: list[BaseException] = []

    def second_writer() -> None:
        try:
            with other.begin() as conn:
                conn.execute(store.PARTY.insert().values(code="YY", name="Elsewhere"))
        except BaseException as exc:  # reported to the test below
            failures.append(exc)

    try:
        with engine.connect() as writer:
            writer.execute(store.PARTY.insert().values(code="ZZ", name="Nowhere"))
            thread = threading.Thread(target=second_writer)
            thread.start()
            time.sleep(0.5)  # the second writer is now waiting on the first one's lock
            writer.commit()
        thread.join(timeout=30)
        assert not thread.is_alive()
        assert not failures, failures
        with other.connect() as conn:
            assert conn.execute(select(func.count()).select_from(store.PARTY)).scalar_one() == 2
    finally:
        other.dispose()


def test_sqlite_recovers_a_write_ahead_log_left_by_a_killed_writer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'wal.db'}"
    open_store(url).dispose()
    script = (
        "import os, sys\n"
        "from tracker.db import make_engine\n"
        "from tracker import store\n"
        "engine = make_engine(sys.argv[1])\n"
        "with engine.begin() as conn:\n"
        "    conn.execute(store.PARTY.insert().values(code='CN', name='China'))\n"
        "conn = engine.connect()\n"
        "conn.execute(store.PARTY.insert().values(code='US', name='United States'))\n"
        "os.kill(os.getpid(), 9)\n"  # committed one row, died inside a second transaction
    )
    done = subprocess.run([sys.executable, "-c", script, url], check=False, env=cli_env())
    assert done.returncode == -signal.SIGKILL
    assert (tmp_path / "wal.db-wal").exists(), "the committed row should still be in the log"
    plain = create_engine(url)  # no pragmas: recovery must not depend on them
    try:
        with plain.connect() as conn:
            assert conn.execute(text("SELECT code FROM party")).scalars().all() == ["CN"]
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    finally:
        plain.dispose()
