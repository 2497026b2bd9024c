"""Opening the store: the engine, SQLite's pragmas, and Alembic upgrades on first use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlmodel import Session

DEFAULT_URL = "sqlite:///tracker.db"
ENV_URL = "TRACKER_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Seconds to wait for a PostgreSQL server before giving up, so an unreachable host
# fails with a message instead of hanging (a connect_timeout in the URL wins).
PG_CONNECT_TIMEOUT_S = 10


class StoreError(Exception):
    """The database cannot be used: unreachable, or newer than this code."""


def database_url(url: str | None = None) -> str:
    """The URL given, else the environment's, else the SQLite file in the current folder."""
    return url or os.environ.get(ENV_URL) or DEFAULT_URL


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores foreign keys unless every connection asks; WAL lets readers
    # go on while a writer works, and the busy timeout makes writers queue.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str | None = None) -> Engine:
    """An engine for the URL, with SQLite made safe for concurrent use."""
    url = database_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r}") from exc
    if parsed.drivername == "postgresql":
        # psycopg 3 is the driver we ship; a bare postgresql:// must not look for psycopg2.
        parsed = parsed.set(drivername="postgresql+psycopg")
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
    else:
        kwargs["pool_pre_ping"] = True
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            kwargs["connect_args"] = {"connect_timeout": PG_CONNECT_TIMEOUT_S}
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise StoreError(f"cannot open database {parsed!r}: {first_line(exc)}") from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
    return engine


def migrations_dir() -> Path:
    """Where the Alembic scripts are, in a checkout or in an installed package."""
    return Path(str(resources.files("tracker.migrations")))


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    # The config is a ConfigParser: a % in the URL (an escaped password) must be doubled.
    url = engine.url.render_as_string(hide_password=False).replace("%", "%%")
    cfg.set_main_option("sqlalchemy.url", url)
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str | None:
    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return script.get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to head, refusing a database made by a newer tracker."""
    script = ScriptDirectory.from_config(alembic_config(engine))
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        # Unreachable server, missing SQLite folder, or a file that is not a database.
        raise StoreError(f"cannot reach database {engine.url!r}: {first_line(exc)}") from exc
    if current == script.get_current_head():
        return
    if current is not None and not _known_revision(script, current):
        raise StoreError(
            f"the database is at schema revision {current}, newer than this tracker knows; "
            "upgrade the tracker"
        )
    try:
        command.upgrade(alembic_config(engine), "head")
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot upgrade database {engine.url!r}: {first_line(exc)}") from exc


def _known_revision(script: ScriptDirectory, revision: str) -> bool:
    # Alembic raises, rather than returns None, for a revision it has no script for.
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def downgrade(engine: Engine, revision: str = "base") -> None:
    command.downgrade(alembic_config(engine), revision)


def open_store(url: str | None = None) -> Engine:
    """An engine whose schema is at head: what every command starts from."""
    engine = make_engine(url)
    try:
        upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed if the block succeeds, rolled back if it raises."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
