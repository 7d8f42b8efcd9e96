"""Storage errors that reach the user as one line, with any password masked."""

from __future__ import annotations

from sqlalchemy import exc as sa_exc

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


def is_refusal_of_the_data(error: BaseException) -> bool:
    """Whether a failed write was refused for a value in what it wrote (a constraint, a value
    the column or the driver cannot take), which a smaller write without that item would
    not meet. A database that is down, locked, read-only or on another schema, or a bug in
    the merge, fails every write alike: retrying item by item would only multiply it."""
    if isinstance(error, sa_exc.IntegrityError | sa_exc.DataError):
        return True
    if isinstance(error, sa_exc.DBAPIError):  # operational, programming, internal...
        return False
    cause = error.orig if isinstance(error, sa_exc.StatementError) else error
    # Raised while binding a value: an integer past 64 bits, text the driver cannot encode.
    return isinstance(cause, ValueError | OverflowError)
