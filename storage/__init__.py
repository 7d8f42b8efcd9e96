"""The SQL news store: models, database setup, upserts, locking, migrations and read helpers.

All SQL of the project lives in this package; nothing here imports Scrapy. The public interface
for downstream readers is documented in ``docs/schema.md``.
"""
