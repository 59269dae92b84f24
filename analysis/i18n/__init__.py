"""The one string table: every user-facing word, Bahasa Indonesia first, English second.

The table is assembled from the section modules of this package (``common``,
``ingest``, ``pages``, ``charts``, ...) so that work on different parts does
not collide; a key may be defined in only one section (a test checks this,
and that every key has both languages).

Use :func:`t` everywhere a word reaches a user::

    t("problem.duplicate_nuptk", "en", value="123")
"""

from __future__ import annotations

import importlib
import pkgutil

LANGS = ("id", "en")
DEFAULT_LANG = "id"


def _load() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        section = importlib.import_module(f"{__name__}.{mod.name}")
        for key, value in getattr(section, "STRINGS", {}).items():
            if key in table:
                raise ValueError(f"string key {key!r} defined twice (second in {mod.name})")
            table[key] = value
    return table


STRINGS: dict[str, dict[str, str]] = _load()


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """Look up ``key`` in ``lang`` and fill in ``params``.

    Parameters
    ----------
    key : str
        String-table key, e.g. ``"page.upload.title"``.
    lang : {"id", "en"}
        UI language; anything else falls back to Bahasa Indonesia.
    **params
        Values for ``{name}`` placeholders.

    Returns
    -------
    str

    Raises
    ------
    KeyError
        If ``key`` is not in the table (a missing string is a bug, not a blank label).
    """
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANG]
    return text.format(**params) if params else text
