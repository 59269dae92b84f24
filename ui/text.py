"""Text from a user's file made safe to show: Streamlit renders markdown almost everywhere."""

from __future__ import annotations

import re

# Markdown that could turn text into an image, a link, a heading, a list, code,
# LaTeX, a coloured span, an icon or emphasis. "_" only outside a word (CommonMark
# never emphasises inside one, so file names keep their underscores readable).
_MD_ANYWHERE = re.compile(r"([\\`*\[\]!|~$:#]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
_MD_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)]))")


def plain(text: object) -> str:
    """``text`` from a user's file, escaped so that Streamlit shows it as written, never as markdown or HTML.

    Every ``st.markdown``, ``st.caption``, ``st.info`` / ``warning`` / ``error`` /
    ``success``, header, metric or expander label renders markdown: a school
    named ``![](http://…/x.png)`` would load an image from outside, ``[x](…)``
    would become a link. ``&``, ``<`` and ``>`` become HTML entities, markdown's
    special characters get a backslash, line breaks become spaces (no text can
    start a heading or a list), and the whole renders back as the plain text.

    Parameters
    ----------
    text : object
        Any value (``None`` gives ``""``); shown as ``str(text)``.

    Returns
    -------
    str
        Markdown source that renders as ``text``.
    """
    if text is None:
        return ""
    s = " ".join(str(text).split()) if any(c in str(text) for c in "\n\r\t\x0b\x0c") else str(text).strip()
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_ANYWHERE.sub(r"\\\1", s)
    # a leading "-", "+" or "=" gets a backslash; "1." / "1)" gets it before the "." / ")"
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), s)
