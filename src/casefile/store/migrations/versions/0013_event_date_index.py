"""An index on event dates: the upcoming list reads its window, not every event.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_events_date"), "events", ["date"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_events_date"), table_name="events")
