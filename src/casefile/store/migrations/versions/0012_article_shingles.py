"""Each indexed article's shingles, so syndication candidates are compared without their text.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Articles indexed before keep being compared through their text.
    op.create_table(
        "article_shingles",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("shingles", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_shingles_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_shingles")),
    )


def downgrade() -> None:
    op.drop_table("article_shingles")
