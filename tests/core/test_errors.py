"""The one error model: every problem code has both languages, and only known codes are built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.core.dataset import Problem
from analysis.core.errors import AccessDenied, AuthError, DasborError, ProblemCode, StudiesError, UnreadableFile
from analysis.i18n import LANGS, STRINGS

ROOT = Path(__file__).resolve().parents[2]  # the repository root


def test_every_problem_code_has_a_message_in_both_languages():
    missing = [(code.value, lang) for code in ProblemCode for lang in LANGS if not STRINGS.get(code.value, {}).get(lang)]
    assert not missing


def test_every_problem_code_written_in_the_analysis_package_is_a_member():
    written = set()
    for path in (ROOT / "analysis").rglob("*.py"):
        if "i18n" not in path.parts:
            written |= set(re.findall(r'"((?:problem|file)\.[a-z0-9_.]+)"', path.read_text(encoding="utf-8")))
    assert written, "the scan finds the codes"
    assert written - {c.value for c in ProblemCode} == set()


def test_every_problem_and_file_message_of_the_string_table_is_a_code():
    keys = {k for k in STRINGS if k.startswith(("problem.", "file."))}
    assert keys == {c.value for c in ProblemCode}


def test_a_problem_with_an_unknown_code_is_refused_at_once():
    with pytest.raises(ValueError):
        Problem("Guru", 3, "NUPTK", "1", "error", "problem.no_such_code")


def test_a_problem_code_compares_equal_to_its_key_as_text():
    p = Problem("Guru", 3, "NUPTK", "1", "error", "problem.id_as_number")
    assert p.code == "problem.id_as_number" and p.code is ProblemCode.PROBLEM_ID_AS_NUMBER


def test_the_projects_exceptions_share_one_base_and_keep_their_standard_kinds():
    assert issubclass(AccessDenied, PermissionError) and issubclass(StudiesError, ValueError)
    for cls in (UnreadableFile, AccessDenied, AuthError, StudiesError):
        assert issubclass(cls, DasborError)


def test_an_unreadable_file_says_its_message_in_the_users_language():
    err = UnreadableFile("file.too_big", size_mb=60, max_mb=50)
    assert err.code is ProblemCode.FILE_TOO_BIG
    assert "60" in err.message("id") and "60" in err.message("en") and err.message("id") != err.message("en")


def test_an_unreadable_file_with_an_unknown_code_is_a_programming_error():
    with pytest.raises(ValueError):
        UnreadableFile("file.no_such_code")
