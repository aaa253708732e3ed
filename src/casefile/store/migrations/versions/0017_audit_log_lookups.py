"""The audit log indexed by action and object: a case's notes and an event's history read
their own entries, not the whole log (which grows with every correction a team makes).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(op.f("ix_audit_log_action"), "audit_log", ["action"], unique=False)
    op.create_index(op.f("ix_audit_log_object_id"), "audit_log", ["object_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_log_object_id"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_action"), table_name="audit_log")
