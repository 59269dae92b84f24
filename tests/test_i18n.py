"""The string table: every key in both languages, placeholders alike."""

import string

import pytest

from analysis.i18n import LANGS, STRINGS, t


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
