"""indexes that answer status from the evidence that can decide a day

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 09:00:00.000000

A key of each quote with its white space folded (`tracker.models.quote_key`), filled in
for the rows already stored, and three indexes on evidence: by channel, state and
effective interval; by channel and the length of the interval (an expression, written in
each database's date arithmetic); by channel and quote key.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from tracker.models import quote_key

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


def _span_days() -> sa.TextClause:
    if op.get_bind().dialect.name == "sqlite":
        return sa.text("(julianday(effective_end) - julianday(effective_start))")
    return sa.text("(effective_end - effective_start)")


def _fill_quote_keys() -> None:
    conn = op.get_bind()
    evidence = sa.table(
        "evidence", sa.column("id", sa.Integer), sa.column("quote", sa.Text), sa.column("quote_key")
    )
    update = (
        sa.update(evidence)
        .where(evidence.c.id == sa.bindparam("row_id"))
        .values(quote_key=sa.bindparam("key"))
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(evidence.c.id, evidence.c.quote)
            .where(evidence.c.id > last)
            .order_by(evidence.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        conn.execute(update, [{"row_id": i, "key": quote_key(q)} for i, q in rows])
        last = rows[-1][0]


def upgrade() -> None:
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quote_key", sa.String(length=32), nullable=True))
    _fill_quote_keys()
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.alter_column("quote_key", existing_type=sa.String(length=32), nullable=False)
    op.create_index(
        "ix_evidence_channel_state_span",
        "evidence",
        ["channel_id", "state", "effective_start", "effective_end"],
        unique=False,
    )
    op.create_index("ix_evidence_channel_span", "evidence", ["channel_id", _span_days()])
    op.create_index("ix_evidence_channel_quote", "evidence", ["channel_id", "quote_key"])


def downgrade() -> None:
    op.drop_index("ix_evidence_channel_quote", table_name="evidence")
    op.drop_index("ix_evidence_channel_span", table_name="evidence")
    op.drop_index("ix_evidence_channel_state_span", table_name="evidence")
    with op.batch_alter_table("evidence", schema=None) as batch_op:
        batch_op.drop_column("quote_key")
