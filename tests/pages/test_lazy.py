"""The parser's lock-free ``cached_property``."""

from crawler.pages.lazy import cached_property


class _Counter:
    def __init__(self, start: int):
        self.start = start
        self.calls = 0

    @cached_property
    def value(self) -> int:
        """The start, counted."""
        self.calls += 1
        return self.start * 10


def test_a_cached_property_is_computed_once_per_instance() -> None:
    first, second = _Counter(1), _Counter(2)
    assert (first.value, first.value, second.value) == (10, 10, 20)
    assert (first.calls, second.calls) == (1, 1)


def test_the_value_lives_in_the_instance_and_the_class_sees_the_descriptor() -> None:
    counter = _Counter(3)
    assert counter.value == 30
    assert counter.__dict__["value"] == 30
    assert isinstance(_Counter.value, cached_property)
    assert _Counter.value.__doc__ == "The start, counted."
