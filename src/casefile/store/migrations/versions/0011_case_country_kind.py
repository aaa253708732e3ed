"""Case countries carry their case's kind, so the list's country options read one index.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The materialised lines are derived data: emptied here, computed again on
    # first use (`store.resolution.is_indexed` sees the index as not built).
    op.execute("DELETE FROM case_file_countries")
    op.execute("DELETE FROM case_files")
    op.execute("DELETE FROM case_resolution")
    with op.batch_alter_table("case_file_countries") as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=20), nullable=False))
        batch_op.create_index("ix_case_file_countries_kind_country", ["kind", "country"])


def downgrade() -> None:
    with op.batch_alter_table("case_file_countries") as batch_op:
        batch_op.drop_index("ix_case_file_countries_kind_country")
        batch_op.drop_column("kind")
