"""Storage errors that reach the user as one line, with any password masked."""

from __future__ import annotations

from crawler.errors import UserError


class StorageError(UserError):
    """The database is unusable: bad URL, unreachable, read-only, locked, failed migration.

    ``exit_code`` is 2 for bad input (a URL that cannot be used) and 1 for runtime failures.
    """


class CrawlLocked(StorageError):
    """Another crawl holds the crawl lock on the same database.

    Exit code 2: nothing was attempted, as with bad input (the scheduler reads 2 as "bad input
    or another crawl is running").
    """

    exit_code = 2
