"""Shared fixtures: a fresh database on SQLite and on PostgreSQL, an engine, the CLI.

PostgreSQL tests need TRACKER_TEST_POSTGRES_URL, a server URL whose user may create
databases (`.ci/postgres start DIR` prints one). Without it they are skipped, except
under CI=true, where a missing server fails them: CI must never pass by skipping.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from tracker.db import open_store

SEEDS = Path(__file__).parent.parent / "seeds"
ACCEPTANCE = Path(__file__).parent / "acceptance"

POSTGRES_ENV = "TRACKER_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_configure(config: pytest.Config) -> None:
    # pytest-alembic binds its built-in tests to tests/conftest.py and crashes collection
    # under pytest 9 (AttributeError: _nodeid). Its checks live in test_migrations.py.
    config.pluginmanager.set_blocked("pytest_alembic")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _postgres_server_url() -> URL:
    raw = os.environ.get(POSTGRES_ENV, "").strip()
    if not raw:
        reason = f"PostgreSQL tests need {POSTGRES_ENV} (a server URL allowed to create databases)"
        if _in_ci():
            pytest.fail(f"CI=true but {reason}: refusing to skip them", pytrace=False)
        pytest.skip(reason)
    return make_url(raw)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An autocommit engine on the test server, to create and drop databases."""
    engine = create_engine(
        _postgres_server_url(),
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": 10},
    )
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def fresh_postgres_database(admin: Engine) -> Iterator[str]:
    """Create an empty, uniquely named database on the server; yield its URL; drop it.

    For fixtures of any scope: `with fresh_postgres_database(postgres_admin) as url:`.
    """
    name = f"tracker_t_{uuid.uuid4().hex[:16]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            # FORCE: a leaked connection must not keep the database (or the run) alive.
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def postgres_url(postgres_admin: Engine) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    with fresh_postgres_database(postgres_admin) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a new SQLite file in the test's temporary folder."""
    return f"sqlite:///{tmp_path / 'tracker.db'}"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest) -> str:
    """A fresh, empty database: once on SQLite, once on PostgreSQL."""
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return str(request.getfixturevalue("sqlite_url"))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An engine on the fresh database, its schema upgraded to head."""
    engine = open_store(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def cli(db_url: str) -> Callable[..., Any]:
    """Run `tracker --db URL ARGS...` in-process and return the click Result.

    Exceptions propagate (catch_exceptions=False) so a crash shows its traceback;
    pass catch_exceptions=True to see the exit code and output of a crash instead.
    `db=` runs against another database than the test's own.
    """
    from typer.testing import CliRunner

    from tracker.cli import app

    runner = CliRunner()

    def run(
        *args: str | os.PathLike[str],
        db: str | None = None,
        input: str | None = None,
        catch_exceptions: bool = False,
    ) -> Any:
        argv = ["--db", db or db_url, *(os.fspath(a) for a in args)]
        return runner.invoke(app, argv, input=input, catch_exceptions=catch_exceptions)

    return run
