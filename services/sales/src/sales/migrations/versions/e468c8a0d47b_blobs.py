"""blobs: uploaded files in the service's own database (antena_common.blobs)

Revision ID: e468c8a0d47b
Revises: 3c55c2fb9673
Create Date: 2026-12-01 13:10:00
"""
from alembic import op
import sqlalchemy as sa
import antena_common.db


revision = 'e468c8a0d47b'
down_revision = '3c55c2fb9673'
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
