"""Where an event's date came from: its own sentence (NULL), the scene before, the story.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable, no default: events stored before this column read as dated
    # from their own sentence (NULL) until their article is read again.
    with op.batch_alter_table("events") as batch_op:
        batch_op.add_column(sa.Column("date_from", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_column("date_from")
