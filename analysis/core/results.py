"""Typed results: what an analysis returns is a frozen dataclass, its parts named and typed.

A view function that returns several tables (``school.training_tables``,
``district.teacher_profile``, ``summary.summarize``, ...) returns a frozen
dataclass derived from :class:`Result`: its fields are documented, a type
checker sees them, and a misspelt part fails at once (``AttributeError`` /
``KeyError``), where a plain ``dict`` would hand back ``None`` or raise far away.
:class:`Result` also gives read-only mapping access (``r["box"]``, ``"box" in r``,
``r.keys()``) so that code reading the parts by name keeps working.

Examples
--------
>>> from dataclasses import dataclass
>>> @dataclass(frozen=True, eq=False)
... class Pair(Result):
...     left: int
...     right: int
>>> p = Pair(1, 2)
>>> p.left, p["right"], list(p.keys()), "left" in p
(1, 2, ['left', 'right'], True)
>>> p["middle"]
Traceback (most recent call last):
...
KeyError: 'middle'
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any


class Result:
    """Base of the typed results: read-only mapping access to a dataclass's fields."""

    __slots__ = ()

    def keys(self) -> list[str]:
        """The fields' names, in declaration order."""
        return [f.name for f in fields(self)]  # type: ignore[arg-type]

    def __getitem__(self, key: str) -> Any:
        if key not in self.keys():
            raise KeyError(key)
        return getattr(self, key)

    def __contains__(self, key: object) -> bool:
        return key in self.keys()

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def get(self, key: str, default: Any = None) -> Any:
        """The field ``key``, or ``default`` when the result has no such field."""
        return getattr(self, key) if key in self.keys() else default

    def items(self) -> list[tuple[str, Any]]:
        """``(name, value)`` of every field, in declaration order."""
        return [(k, getattr(self, k)) for k in self.keys()]
