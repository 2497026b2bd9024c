"""Opening the store: clear errors for bad or unreachable databases, safe SQLite settings."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

import tracker.db
from tracker.db import (
    StoreError,
    current_revision,
    head_revision,
    make_engine,
    open_store,
    session_scope,
    upgrade,
)
from tracker.models import Party


def assert_one_line(error: pytest.ExceptionInfo[StoreError]) -> str:
    message = str(error.value)
    assert message.strip(), "empty message"
    assert "\n" not in message.strip(), f"not one line: {message!r}"
    return message


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts TCP connections and never answers, like a wedged server."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        # Should the timeout be lost, closing the socket ends the wait instead of the run.
        hangup = threading.Timer(12, server.close)
        hangup.start()
        try:
            yield server.getsockname()[1]
        finally:
            hangup.cancel()


def test_unreachable_postgres_fails_fast_with_one_line() -> None:
    started = time.monotonic()
    with pytest.raises(StoreError) as error:
        open_store("postgresql+psycopg://tracker:s3cret@127.0.0.1:1/tracker")
    assert time.monotonic() - started < 10
    message = assert_one_line(error)
    assert "cannot reach database" in message
    assert "s3cret" not in message, "the password leaked into the message"


def test_silent_postgres_times_out(monkeypatch: pytest.MonkeyPatch, silent_server: int) -> None:
    monkeypatch.setattr(tracker.db, "PG_CONNECT_TIMEOUT_S", 2)
    started = time.monotonic()
    with pytest.raises(StoreError) as error:
        open_store(f"postgresql+psycopg://tracker:x@127.0.0.1:{silent_server}/tracker")
    assert time.monotonic() - started < 8, "connect_timeout was not applied"
    assert_one_line(error)


def test_connect_timeout_in_the_url_wins(silent_server: int) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError):
        open_store(
            f"postgresql+psycopg://tracker:x@127.0.0.1:{silent_server}/tracker?connect_timeout=2"
        )
    assert time.monotonic() - started < 8


def test_percent_in_the_password_is_not_a_config_error() -> None:
    # Alembic's config is a ConfigParser: an unescaped % used to raise ValueError.
    with pytest.raises(StoreError) as error:
        open_store("postgresql+psycopg://tracker:p%25ss@127.0.0.1:1/tracker")
    assert_one_line(error)


def test_bare_postgresql_url_uses_psycopg() -> None:
    engine = make_engine("postgresql://tracker@127.0.0.1:1/tracker")
    try:
        assert engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()


@pytest.mark.parametrize("url", ["not a url", "", "nosuchdb://host/db", "sqlite:/x"])
def test_not_a_database_url(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if url == "":
        # An empty URL means "the default"; make the environment's choice the bad one.
        monkeypatch.setenv(tracker.db.ENV_URL, "not a url")
    else:
        monkeypatch.delenv(tracker.db.ENV_URL, raising=False)
    with pytest.raises(StoreError) as error:
        open_store(url)
    assert_one_line(error)


def test_sqlite_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as error:
        open_store(f"sqlite:///{tmp_path / 'missing' / 'tracker.db'}")
    assert_one_line(error)


def test_sqlite_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError) as error:
        open_store(f"sqlite:///{path}")
    assert_one_line(error)
    assert path.read_text(encoding="utf-8").startswith("these are notes"), "file was changed"


def test_newer_database_is_refused(engine: Engine, db_url: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffffffff_future'"))
    with pytest.raises(StoreError) as error:
        open_store(db_url)
    message = assert_one_line(error)
    assert "newer" in message
    assert "ffffffff_future" in message
    with engine.connect() as conn:
        stamped = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    assert stamped == "ffffffff_future", "the refused database was changed"


def test_upgrade_is_idempotent(engine: Engine, db_url: str) -> None:
    assert current_revision(engine) == head_revision()
    tables = set(inspect(engine).get_table_names())
    with session_scope(engine) as session:
        session.add(Party(code="CN", name="China"))
    upgrade(engine)
    upgrade(engine)
    again = open_store(db_url)
    try:
        assert current_revision(again) == head_revision()
        assert set(inspect(again).get_table_names()) == tables
        with again.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM party")).scalar_one() == 1
    finally:
        again.dispose()


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO party_alias (alias, party_code, category) "
                "VALUES ('Atlantis', 'XX', 'name')"
            )
        )


def test_session_scope_rolls_back_on_error(engine: Engine) -> None:
    with pytest.raises(RuntimeError), session_scope(engine) as session:
        session.add(Party(code="US", name="United States"))
        session.flush()
        raise RuntimeError("boom")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM party")).scalar_one() == 0


def test_sqlite_pragmas(sqlite_url: str) -> None:
    engine = open_store(sqlite_url)
    try:
        # Several connections at once: the pool hands back the one the migration used
        # (which turned foreign keys off for a while) and opens new ones.
        with engine.connect() as first, engine.connect() as second:
            for conn in (first, second):
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                busy = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
                assert busy == tracker.db.SQLITE_BUSY_TIMEOUT_MS
    finally:
        engine.dispose()
