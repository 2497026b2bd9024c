"""Alembic environment: the schema is the SQLModel metadata of tracker.models."""

from alembic import context
from sqlalchemy import Connection, create_engine

import tracker.models  # noqa: F401  (registers the tables on the metadata)
from tracker.models import metadata

config = context.config
target_metadata = metadata


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _check_foreign_keys(connection: Connection) -> None:
    # With enforcement off during the migration, check what it left behind.
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"the migration broke foreign keys: {broken[:5]}")


# Any fixed number: the key of the PostgreSQL advisory lock that migrations hold.
_MIGRATION_LOCK_KEY = 7_342_617_110


def _begin_locked(connection: Connection) -> None:
    """Begin the migration's one transaction, holding off any other migration till it ends.

    Two trackers opening a new database at once would otherwise both create its tables,
    and one would fail. The one that waits then finds the schema at head. On SQLite the
    write lock is taken at once (BEGIN IMMEDIATE); DDL in the transaction also makes a
    migration all or nothing there, as it is on PostgreSQL.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch mode rebuilds a table by copying it and dropping the original; with
            # foreign keys on, that DROP cascades to (or is refused by) the rows that point
            # at it. The pragma only works outside a transaction, hence before it begins.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            _begin_locked(connection)  # Alembic then runs inside this transaction
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                # SQLite cannot ALTER constraints: batch mode rebuilds tables instead.
                render_as_batch=True,
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
                if sqlite:
                    _check_foreign_keys(connection)
            connection.commit()
        finally:
            if sqlite:
                # The connection goes back to the pool: it must enforce foreign keys again.
                connection.rollback()
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
