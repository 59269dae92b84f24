"""The string table: every key in both languages, placeholders alike."""

import string

import pytest

from analysis.i18n import LANGS, STRINGS, t
from helpers import ROOT


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_key_has_both_languages_and_no_empty_text():
    missing = [(k, lang) for k, v in STRINGS.items() for lang in LANGS if not v.get(lang, "").strip()]
    assert missing == []


def test_both_languages_use_the_same_placeholders():
    differing = [k for k, v in STRINGS.items() if _fields(v["id"]) != _fields(v["en"])]
    assert differing == []


def test_t_fills_placeholders_and_falls_back_to_indonesian():
    assert t("app.title", "en") == "Teacher Competency Dashboard"
    assert t("app.title", "xx") == "Dasbor Kompetensi Guru"


def test_unknown_key_is_an_error_not_a_blank_label():
    with pytest.raises(KeyError):
        t("no.such.key")


def _literal_keys(text: str) -> set[str]:
    import re

    return set(re.findall(r"""\bt\(\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""", text))


def test_every_string_key_a_page_or_widget_names_exists():
    root = ROOT
    files = [*root.glob("app_pages/*.py"), *root.glob("ui/*.py"), root / "app.py", *root.glob("analysis/**/*.py")]
    missing = {f"{f.relative_to(root)}: {k}" for f in files for k in _literal_keys(f.read_text(encoding="utf-8")) if k not in STRINGS}
    assert not missing, sorted(missing)


def test_the_key_scan_finds_a_missing_key():
    assert _literal_keys('st.title(t("page.nowhere.title", lang))') == {"page.nowhere.title"}


def test_pages_pass_no_literal_text_to_streamlit():
    import ast

    shown = {
        "title",
        "header",
        "subheader",
        "caption",
        "markdown",
        "write",
        "info",
        "warning",
        "error",
        "success",
        "button",
        "selectbox",
        "multiselect",
        "slider",
        "metric",
        "download_button",
        "expander",
        "text",
    }
    offenders = []
    for f in ROOT.glob("app_pages/*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in shown and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.strip():
                    offenders.append(f"{f.name}:{node.lineno} {first.value[:30]!r}")
    assert not offenders, offenders
