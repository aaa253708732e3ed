"""The case layer: analyst decisions about people, first-seen times, article people.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("first", sa.JSON(), nullable=False),
        sa.Column("second", sa.JSON(), nullable=False),
        sa.Column("names", sa.JSON(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_decisions")),
    )
    op.create_table(
        "event_first_seen",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("first_seen", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_event_first_seen_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_event_first_seen")),
    )
    op.create_index(
        op.f("ix_event_first_seen_article_id"), "event_first_seen", ["article_id"], unique=False
    )
    op.create_table(
        "article_people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("mentions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_people_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_people")),
    )
    op.create_index(
        op.f("ix_article_people_article_id"), "article_people", ["article_id"], unique=False
    )
    op.create_table(
        "case_resolution",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=200), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_resolution")),
    )


def downgrade() -> None:
    op.drop_table("case_resolution")
    op.drop_index(op.f("ix_article_people_article_id"), table_name="article_people")
    op.drop_table("article_people")
    op.drop_index(op.f("ix_event_first_seen_article_id"), table_name="event_first_seen")
    op.drop_table("event_first_seen")
    op.drop_table("person_decisions")
