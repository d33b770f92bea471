"""blobs: uploaded files in the service's own database (antena_common.blobs)

Revision ID: 68152f900627
Revises: dac1399df612
Create Date: 2026-12-01 13:10:00
"""
from alembic import op
import sqlalchemy as sa
import antena_common.db


revision = '68152f900627'
down_revision = 'dac1399df612'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blobs',
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('created_at', antena_common.db.UtcDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )


def downgrade() -> None:
    op.drop_table('blobs')
