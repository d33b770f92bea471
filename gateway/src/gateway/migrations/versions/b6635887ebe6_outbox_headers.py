"""outbox headers: the trace context kept with each event (antena_common.tracing)

Revision ID: b6635887ebe6
Revises: 8cabe53f3664
Create Date: 2026-12-01 09:05:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'b6635887ebe6'
down_revision = '8cabe53f3664'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('headers', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('headers')
