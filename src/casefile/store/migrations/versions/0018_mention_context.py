"""Each indexed mention keeps its article's context, so resolution reads it instead of
deriving it again from the article's events and people.

The column starts empty; the case index's version changes with it
(`store.lite.INDEX_VERSION`), so a store migrated from before is indexed
once, in full, on first use, which fills it.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("case_mentions", sa.Column("context", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_mentions") as batch:
        batch.drop_column("context")
