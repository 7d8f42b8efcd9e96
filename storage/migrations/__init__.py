"""Alembic migrations of the news store (run through ``storage.db.upgrade_schema``)."""
