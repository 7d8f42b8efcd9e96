"""The one error the page parsers raise."""


class PageParseError(ValueError):
    """The input cannot be read as a page at all, or is not the kind of page asked for."""
