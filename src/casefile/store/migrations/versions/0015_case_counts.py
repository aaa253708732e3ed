"""How many case lines of each kind: the lists read it instead of counting every line.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_file_counts",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_case_file_counts")),
    )
    op.execute(
        "INSERT INTO case_file_counts (kind, total) "
        "SELECT kind, count(*) FROM case_files GROUP BY kind"
    )


def downgrade() -> None:
    op.drop_table("case_file_counts")
