"""outbox headers: the trace context kept with each event (antena_common.tracing)

Revision ID: dac1399df612
Revises: 271b6b48456a
Create Date: 2026-12-01 09:05:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'dac1399df612'
down_revision = '271b6b48456a'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('headers', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_column('headers')
