"""``cached_property`` as Python 3.12 has it: computed once per instance, no lock.

Python 3.11's ``functools.cached_property`` takes one lock shared by every instance of the
class on each first access; a page's extraction makes some thirty such first accesses, and the
lock cost about 3 % of a parse. A page object lives in one thread, so nothing needs the lock
(CPython 3.12 dropped it for the same reason, gh-87634).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

_T = TypeVar("_T")


class cached_property(Generic[_T]):  # noqa: N801 - a drop-in for functools.cached_property
    """A non-data descriptor: the first access stores the value in the instance's
    ``__dict__``, which later lookups find before the descriptor."""

    def __init__(self, func: Callable[[Any], _T]):
        self.func = func
        self.attrname: str | None = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.attrname = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[_T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value
