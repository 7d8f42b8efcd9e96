"""Errors that reach the user as one clear line (no traceback)."""


class UserError(Exception):
    """Bad input or an unusable environment; ``str(exc)`` is the whole message."""

    exit_code = 2

    def __init__(self, message: str, exit_code: int | None = None):
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
