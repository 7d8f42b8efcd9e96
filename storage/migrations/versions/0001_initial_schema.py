"""Initial schema: news items with their text, and related-news links.

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "news_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("news_id", sa.String(64), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("body_text", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_news_items")),
        sa.UniqueConstraint("language", "news_id", name=op.f("uq_news_items_language_news_id")),
    )
    op.create_table(
        "related_news",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("related_item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["news_items.id"],
            name=op.f("fk_related_news_item_id_news_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["related_item_id"],
            ["news_items.id"],
            name=op.f("fk_related_news_related_item_id_news_items"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("item_id", "related_item_id", name=op.f("pk_related_news")),
    )


def downgrade() -> None:
    op.drop_table("related_news")
    op.drop_table("news_items")
