"""Alembic revisions, one file each; ``__init__.py`` only makes them ship with the package."""
