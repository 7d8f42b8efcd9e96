"""Storage errors that reach the user as one line, with any password masked."""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

from crawler.errors import UserError

# Failures of the database itself (unreachable, locked, connection lost, pool exhausted):
# writing the same items again, or fewer of them, would fail the same way.
_DATABASE_FAILURES = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.DisconnectionError,
    sa_exc.TimeoutError,
    sa_exc.ResourceClosedError,
)


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


def is_refusal_of_the_data(error: BaseException) -> bool:
    """Whether a failed write was refused for something in what it wrote (a value the
    database or the merge cannot take, a constraint), rather than because the database is
    unreachable, locked or gone: only such a write is worth retrying in smaller parts."""
    return isinstance(error, Exception) and not isinstance(error, _DATABASE_FAILURES)
