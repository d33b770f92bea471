"""blobs: uploaded files in the service's own database (antena_common.blobs)

Revision ID: bf42e0ce1eb2
Revises: f5a1e372d6c1
Create Date: 2026-12-01 13:10:00
"""
from alembic import op
import sqlalchemy as sa
import antena_common.db


revision = 'bf42e0ce1eb2'
down_revision = 'f5a1e372d6c1'
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
