"""outbox headers: the trace context kept with each event (antena_common.tracing)

Revision ID: f5a1e372d6c1
Revises: 189d087c055e
Create Date: 2026-12-01 09:05:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'f5a1e372d6c1'
down_revision = '189d087c055e'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('headers', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('headers')
