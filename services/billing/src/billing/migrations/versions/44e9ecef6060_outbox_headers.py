"""outbox headers: the trace context kept with each event (antena_common.tracing)

Revision ID: 44e9ecef6060
Revises: 72d53697abeb
Create Date: 2026-12-01 09:05:00
"""
from alembic import op
import sqlalchemy as sa


revision = '44e9ecef6060'
down_revision = '72d53697abeb'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('headers', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('headers')
