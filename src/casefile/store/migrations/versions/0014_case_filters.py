"""What the case lists filter and the agenda reads, materialised beside each case's line.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _of_case(table: str) -> sa.ForeignKeyConstraint:
    """The row belongs to a case's line: dropped with it."""
    return sa.ForeignKeyConstraint(
        ["person_id"],
        ["case_files.person_id"],
        name=op.f(f"fk_{table}_person_id_case_files"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    # Derived data: the lines are emptied and computed again, with these rows,
    # on first use (`store.resolution.is_indexed` sees the index as not built).
    op.execute("DELETE FROM case_file_countries")
    op.execute("DELETE FROM case_files")
    op.execute("DELETE FROM case_resolution")
    op.create_table(
        "case_file_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("unconfirmed", sa.Boolean(), nullable=False),
        sa.Column("country_key", sa.String(length=20), nullable=False),
        sa.Column("review", sa.String(length=20), nullable=False),
        sa.Column("rejected", sa.Boolean(), nullable=False),
        sa.Column("date_low", sa.String(length=10), nullable=True),
        sa.Column("date_high", sa.String(length=10), nullable=True),
        _of_case("case_file_entries"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file_entries")),
    )
    op.create_index(op.f("ix_case_file_entries_person_id"), "case_file_entries", ["person_id"])
    for name, column in (
        ("type", "type"),
        ("status", "status"),
        ("country", "country_key"),
        ("review", "review"),
    ):
        op.create_index(f"ix_case_file_entries_kind_{name}", "case_file_entries", ["kind", column])
    op.create_table(
        "case_file_search",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("plain", sa.Text(), nullable=False),
        sa.Column("folded", sa.Text(), nullable=False),
        _of_case("case_file_search"),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_case_file_search")),
    )
    op.create_index(op.f("ix_case_file_search_kind"), "case_file_search", ["kind"])
    op.create_table(
        "case_file_dates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("which", sa.String(length=10), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=False),
        sa.Column("person", sa.String(length=500), nullable=False),
        sa.Column("sort_name", sa.String(length=500), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("item", sa.JSON(), nullable=False),
        _of_case("case_file_dates"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_file_dates")),
    )
    op.create_index(op.f("ix_case_file_dates_person_id"), "case_file_dates", ["person_id"])
    op.create_index(
        "ix_case_file_dates_which_date",
        "case_file_dates",
        ["which", "date", "sort_name", "person_id", "seq"],
    )


def downgrade() -> None:
    for table in ("case_file_dates", "case_file_search", "case_file_entries"):
        op.drop_table(table)
