"""The Alembic scripts: one line of history, reversible, equal to the models, and lossless."""

from __future__ import annotations

import ast
import itertools
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import Script, ScriptDirectory
from sqlalchemy import Engine, MetaData, func, inspect, select

from tracker.db import alembic_config, make_engine, migrations_dir
from tracker.models import metadata, quote_key
from tracker.vocab import DateHow, Kind, Modality, Precision, PublishedHow, Review, State

SCRIPT = ScriptDirectory(str(migrations_dir()))
# Oldest first.
REVISIONS: list[Script] = list(reversed(list(SCRIPT.walk_revisions())))
MODEL_TABLES = set(metadata.tables)

# One or two rows per table, valid under every check constraint. A table or a NOT NULL
# column without a server default that is missing here makes the lossless test fail:
# add a sample for it when a migration adds it.
SAMPLE_ROWS: dict[str, list[dict[str, Any]]] = {
    "party": [{"code": "CN", "name": "China"}, {"code": "US", "name": "United States"}],
    "party_alias": [{"alias": "Beijing", "party_code": "CN", "category": "capital"}],
    "channel": [
        {
            "id": 1,
            "pair": "CN-US",
            "party_a": "CN",
            "party_b": "US",
            "kind": Kind.MILITARY_CHIEFS.value,
        }
    ],
    "article": [
        {
            "id": 1,
            "source": "seeds/example.txt",
            "article_index": 0,
            "title": "Chiefs talk again",
            "published": date(2024, 1, 5),
            "published_how": PublishedHow.CLI.value,
            "text": "The military chiefs of China and the United States spoke again.",
            "content_hash": "a" * 64,
            "ingested_at": datetime(2024, 1, 6, 12, 30, 0, tzinfo=UTC),
        }
    ],
    "evidence": [
        {
            "id": 1,
            "article_id": 1,
            "channel_id": 1,
            "state": State.RESTORED.value,
            "effective_start": date(2024, 1, 4),
            "effective_end": date(2024, 1, 4),
            "precision": Precision.DAY.value,
            "date_how": DateHow.EXPLICIT.value,
            "modality": Modality.ASSERTED.value,
            "quote": "spoke again",
            "quote_key": quote_key("spoke again"),
            "char_start": 51,
            "char_end": 62,
            "confidence": 0.9,
            "extractor_version": "test",
            "review": Review.MACHINE.value,
            "note": None,
            "created_at": datetime(2024, 1, 6, 12, 30, 1, tzinfo=UTC),
        }
    ],
}


@pytest.fixture
def bare_engine(db_url: str) -> Iterator[Engine]:
    """An engine on the fresh database with no schema at all."""
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def current(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def row_counts(engine: Engine) -> dict[str, int]:
    reflected = MetaData()
    reflected.reflect(engine)
    with engine.connect() as conn:
        return {
            name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in reflected.tables.items()
            if name != "alembic_version"
        }


def insert_samples(engine: Engine) -> dict[str, int]:
    """Fill every table of the schema as it is now with SAMPLE_ROWS; return the counts."""
    reflected = MetaData()
    reflected.reflect(engine)
    expected: dict[str, int] = {}
    with engine.begin() as conn:
        for table in reflected.sorted_tables:
            if table.name == "alembic_version":
                continue
            samples = SAMPLE_ROWS.get(table.name)
            assert samples, f"no sample rows for table {table.name!r}: add them to SAMPLE_ROWS"
            rows = []
            for sample in samples:
                row = {c.name: sample[c.name] for c in table.columns if c.name in sample}
                missing = [
                    c.name
                    for c in table.columns
                    if c.name not in row
                    and not c.nullable
                    and c.server_default is None
                    and not (c.primary_key and c.autoincrement)
                ]
                assert not missing, f"no sample value for {table.name}.{missing}: add it"
                rows.append(row)
            conn.execute(table.insert(), rows)
            expected[table.name] = len(rows)
    return expected


def test_single_head() -> None:
    assert len(SCRIPT.get_heads()) == 1, f"several heads: {SCRIPT.get_heads()}; merge them"


def test_history_is_one_line() -> None:
    assert REVISIONS, "no migrations"
    assert REVISIONS[0].down_revision is None
    for older, newer in itertools.pairwise(REVISIONS):
        assert newer.down_revision == older.revision, f"{newer.revision} does not follow"


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.revision)
def test_every_revision_has_a_downgrade(revision: Script) -> None:
    source = Path(revision.path).read_text(encoding="utf-8")
    functions = {
        node.name: node for node in ast.parse(source).body if isinstance(node, ast.FunctionDef)
    }
    assert "downgrade" in functions, f"{revision.path} has no downgrade()"
    body = [
        stmt
        for stmt in functions["downgrade"].body
        if not isinstance(stmt, ast.Pass)
        and not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))
    ]
    assert body, f"the downgrade() of {revision.revision} does nothing"


def test_up_down_up(bare_engine: Engine) -> None:
    cfg = alembic_config(bare_engine)
    # One step at a time up, then down, so every upgrade() and downgrade() runs alone.
    for revision in REVISIONS:
        command.upgrade(cfg, revision.revision)
        assert current(bare_engine) == revision.revision
    assert tables(bare_engine) == MODEL_TABLES | {"alembic_version"}
    for revision in reversed(REVISIONS):
        assert current(bare_engine) == revision.revision
        command.downgrade(cfg, "-1")
    assert current(bare_engine) is None
    assert tables(bare_engine) == {"alembic_version"}, "downgrade to base left tables behind"
    command.upgrade(cfg, "head")
    assert current(bare_engine) == SCRIPT.get_current_head()
    assert tables(bare_engine) == MODEL_TABLES | {"alembic_version"}


def test_migrated_schema_matches_models(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, metadata)
    assert diff == [], "models and migrations disagree; autogenerate a migration:\n" + "\n".join(
        map(str, diff)
    )


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.revision)
def test_upgrade_and_downgrade_keep_rows(bare_engine: Engine, revision: Script) -> None:
    cfg = alembic_config(bare_engine)
    command.upgrade(cfg, revision.revision)
    expected = insert_samples(bare_engine)
    command.upgrade(cfg, "head")
    after_upgrade = row_counts(bare_engine)
    assert {t: after_upgrade.get(t) for t in expected} == expected
    command.downgrade(cfg, revision.revision)
    assert row_counts(bare_engine) == expected


def test_quote_keys_are_filled_in_for_stored_evidence(bare_engine: Engine) -> None:
    cfg = alembic_config(bare_engine)
    command.upgrade(cfg, "0001")
    insert_samples(bare_engine)
    wrapped = {
        **SAMPLE_ROWS["evidence"][0],
        "id": 2,
        "quote": "spoke\n  again",
        "char_start": 40,
    }
    del wrapped["quote_key"]
    old = MetaData()
    old.reflect(bare_engine)
    with bare_engine.begin() as conn:
        conn.execute(old.tables["evidence"].insert().values(wrapped))
    command.upgrade(cfg, "head")
    with bare_engine.connect() as conn:
        keys = conn.exec_driver_sql("SELECT id, quote_key FROM evidence ORDER BY id").all()
    # The same words wrapped differently share one key.
    assert keys == [(1, quote_key("spoke again")), (2, quote_key("spoke again"))]
    assert quote_key("spoke again") != quote_key("spoke  gain")


def _script_copy_with(tmp_path: Path, name: str, body: str) -> Config:
    """The migrations copied to tmp_path with one more revision on top of head."""
    location = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), location, ignore=shutil.ignore_patterns("__pycache__"))
    head = SCRIPT.get_current_head()
    (location / "versions" / f"{name}.py").write_text(
        f'"""{name}"""\n\nfrom alembic import op\n\n'
        f"revision = {name!r}\ndown_revision = {head!r}\n"
        "branch_labels = None\ndepends_on = None\n\n" + body,
        encoding="utf-8",
    )
    cfg = Config()
    cfg.set_main_option("script_location", str(location))
    return cfg


def test_sqlite_table_rebuild_keeps_child_rows(tmp_path: Path, sqlite_url: str) -> None:
    # Batch mode on SQLite copies a table and drops the original; with foreign keys
    # enforced, dropping `article` would cascade to its evidence. env.py must prevent it.
    rebuild = "\n".join(
        [
            "def upgrade():",
            "    for table in ('party', 'channel', 'article'):",
            "        with op.batch_alter_table(table, recreate='always'):",
            "            pass",
            "",
            "",
            "downgrade = upgrade",
            "",
        ]
    )
    cfg = _script_copy_with(tmp_path, "9999_rebuild", rebuild)
    engine = make_engine(sqlite_url)
    try:
        cfg.attributes["engine"] = engine
        command.upgrade(cfg, SCRIPT.get_current_head() or "head")
        expected = insert_samples(engine)
        command.upgrade(cfg, "9999_rebuild")
        assert current(engine) == "9999_rebuild"
        assert row_counts(engine) == expected
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        engine.dispose()
