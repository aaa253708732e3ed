"""The case index: mentions with their people and blocking keys, materialised case files.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The index starts empty: the store builds it in full on first use
    # (`store.resolution.ensure_indexed`), then keeps it up to date.
    with op.batch_alter_table("case_resolution") as batch_op:
        batch_op.add_column(sa.Column("today", sa.Date(), nullable=True))
    op.create_table(
        "case_mentions",
        sa.Column("id", sa.String(length=600), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_case_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_mentions")),
    )
    op.create_index(op.f("ix_case_mentions_article_id"), "case_mentions", ["article_id"])
    op.create_index(op.f("ix_case_mentions_person_id"), "case_mentions", ["person_id"])
    op.create_table(
        "case_mention_blocks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.String(length=600), nullable=False),
        sa.Column("block", sa.String(length=600), nullable=False),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["case_mentions.id"],
            name=op.f("fk_case_mention_blocks_mention_id_case_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_mention_blocks")),
    )
    op.create_index(
        op.f("ix_case_mention_blocks_mention_id"), "case_mention_blocks", ["mention_id"]
    )
    op.create_index(op.f("ix_case_mention_blocks_block"), "case_mention_blocks", ["block"])
    op.create_table(
        "case_files",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sort_name", sa.String(length=500), nullable=False),
        sa.Column("next_date", sa.String(length=10), nullable=True),
        sa.Column("last_change", sa.DateTime(), nullable=True),
        sa.Column("country", sa.String(length=10), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_case_files")),
    )
    for column in ("sort_name", "next_date", "last_change", "country"):
        op.create_index(f"ix_case_files_kind_{column}", "case_files", ["kind", column, "person_id"])
    op.create_index("ix_case_files_valid_from", "case_files", ["valid_from"])
    op.create_index("ix_case_files_valid_until", "case_files", ["valid_until"])
    op.create_table(
        "case_file_countries",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["case_files.person_id"],
            name=op.f("fk_case_file_countries_person_id_case_files"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "country", name=op.f("pk_case_file_countries")),
    )
    op.create_index(op.f("ix_case_file_countries_country"), "case_file_countries", ["country"])


def downgrade() -> None:
    op.drop_index(op.f("ix_case_file_countries_country"), table_name="case_file_countries")
    op.drop_table("case_file_countries")
    op.drop_index("ix_case_files_valid_until", table_name="case_files")
    op.drop_index("ix_case_files_valid_from", table_name="case_files")
    for column in ("sort_name", "next_date", "last_change", "country"):
        op.drop_index(f"ix_case_files_kind_{column}", table_name="case_files")
    op.drop_table("case_files")
    op.drop_index(op.f("ix_case_mention_blocks_block"), table_name="case_mention_blocks")
    op.drop_index(op.f("ix_case_mention_blocks_mention_id"), table_name="case_mention_blocks")
    op.drop_table("case_mention_blocks")
    op.drop_index(op.f("ix_case_mentions_person_id"), table_name="case_mentions")
    op.drop_index(op.f("ix_case_mentions_article_id"), table_name="case_mentions")
    op.drop_table("case_mentions")
    with op.batch_alter_table("case_resolution") as batch_op:
        batch_op.drop_column("today")
