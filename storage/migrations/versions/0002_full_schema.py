"""Full schema: crawl bookkeeping on news items, revisions, crawl runs, the latest_news view.

Revision ID: 0002
Revises: 0001
Create Date: 2025-11-26

Existing rows are kept: a row with a body counts as fetched, its China-local publication date
is derived from ``published_at``, and its first/last-seen times are the upgrade time.
``content_hash`` stays NULL; the store computes it from the stored values when it needs it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CHINA = timezone(timedelta(hours=8))

LATEST_NEWS_VIEW = """
CREATE VIEW latest_news AS
SELECT
    n.id,
    n.language,
    n.news_id,
    n.section,
    n.title,
    n.summary,
    n.published_at,
    n.published_on,
    n.url,
    n.source,
    n.page_fetched,
    n.first_seen_at,
    n.last_changed_at,
    (SELECT COUNT(*) FROM related_news r WHERE r.item_id = n.id) AS related_count
FROM news_items n
"""


def _new_columns() -> list[sa.Column]:
    return [
        sa.Column("section", sa.String(200), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("body_html", sa.Text(), nullable=True),
        sa.Column("images", sa.JSON(), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("page_fetched", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("http_last_modified", sa.Text(), nullable=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_changed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
    ]


FILLED_COLUMNS = ("images", "first_seen_at", "last_seen_at", "updated_at")


def upgrade() -> None:
    with op.batch_alter_table("news_items") as batch:
        for column in _new_columns():
            batch.add_column(column)
    _fill_existing_rows()
    with op.batch_alter_table("news_items") as batch:
        batch.alter_column("url", existing_type=sa.Text(), nullable=True)
        for name in FILLED_COLUMNS:
            column = next(c for c in _new_columns() if c.name == name)
            batch.alter_column(name, existing_type=column.type, nullable=False)
        batch.create_index(op.f("ix_news_items_published_at"), ["published_at"])
        batch.create_index(
            op.f("ix_news_items_language_published_on"), ["language", "published_on"]
        )
    op.create_index(op.f("ix_related_news_related_item_id"), "related_news", ["related_item_id"])

    op.create_table(
        "crawl_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("spider", sa.String(100), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("start_urls", sa.JSON(), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("hostname", sa.String(255), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("request_count", sa.Integer(), nullable=False),
        sa.Column("response_count", sa.Integer(), nullable=False),
        sa.Column("items_new", sa.Integer(), nullable=False),
        sa.Column("items_changed", sa.Integer(), nullable=False),
        sa.Column("items_unchanged", sa.Integer(), nullable=False),
        sa.Column("error_count", sa.Integer(), nullable=False),
        sa.Column("finish_reason", sa.Text(), nullable=True),
        sa.Column("errors", sa.JSON(), nullable=False),
        sa.Column("coverage", sa.JSON(), nullable=False),
        sa.CheckConstraint("mode IN ('incremental', 'full')", name=op.f("ck_crawl_runs_mode")),
        sa.CheckConstraint(
            "status IN ('running', 'succeeded', 'failed', 'degraded', 'aborted')",
            name=op.f("ck_crawl_runs_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crawl_runs")),
    )
    op.create_index(op.f("ix_crawl_runs_started_at"), "crawl_runs", ["started_at"])
    op.create_index(op.f("ix_crawl_runs_status_hostname"), "crawl_runs", ["status", "hostname"])

    op.create_table(
        "item_revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("body_text", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(64), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["news_items.id"],
            name=op.f("fk_item_revisions_item_id_news_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["crawl_runs.id"],
            name=op.f("fk_item_revisions_run_id_crawl_runs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_revisions")),
    )
    op.create_index(
        op.f("ix_item_revisions_item_id_recorded_at"), "item_revisions", ["item_id", "recorded_at"]
    )
    op.create_index(op.f("ix_item_revisions_recorded_at"), "item_revisions", ["recorded_at"])

    op.execute(LATEST_NEWS_VIEW)


def _fill_existing_rows() -> None:
    bind = op.get_bind()
    items = sa.table(
        "news_items",
        sa.column("id", sa.Integer()),
        sa.column("published_at", sa.DateTime(timezone=True)),
        sa.column("published_on", sa.Date()),
        sa.column("body_text", sa.Text()),
        sa.column("page_fetched", sa.Boolean()),
        sa.column("images", sa.JSON()),
        sa.column("first_seen_at", sa.DateTime(timezone=True)),
        sa.column("last_seen_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    now = datetime.now(UTC)
    if bind.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # SQLite keeps naive UTC text
    has_body = sa.and_(items.c.body_text.is_not(None), items.c.body_text != "")
    bind.execute(
        items.update().values(
            images=[],
            first_seen_at=now,
            last_seen_at=now,
            updated_at=now,
            page_fetched=sa.case((has_body, sa.true()), else_=sa.false()),
        )
    )
    dated = bind.execute(
        sa.select(items.c.id, items.c.published_at).where(items.c.published_at.is_not(None))
    ).all()
    if dated:
        bind.execute(
            items.update()
            .where(items.c.id == sa.bindparam("row_id"))
            .values(published_on=sa.bindparam("day")),
            [{"row_id": row.id, "day": _china_date(row.published_at)} for row in dated],
        )


def _china_date(value: datetime):  # noqa: ANN202 - a date
    if value.tzinfo is None:  # SQLite returns the stored naive UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(CHINA).date()


def downgrade() -> None:
    op.execute("DROP VIEW latest_news")
    op.drop_table("item_revisions")
    op.drop_table("crawl_runs")
    op.drop_index(op.f("ix_related_news_related_item_id"), table_name="related_news")
    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM news_items WHERE url IS NULL"))
    with op.batch_alter_table("news_items") as batch:
        batch.drop_index(op.f("ix_news_items_language_published_on"))
        batch.drop_index(op.f("ix_news_items_published_at"))
        batch.alter_column("url", existing_type=sa.Text(), nullable=False)
        for column in _new_columns():
            batch.drop_column(column.name)
