"""The project cites its sources by regulation or by a file it ships, never by a file users do not have."""

from pathlib import Path

from helpers import ROOT


def test_no_code_doc_or_data_file_cites_a_file_the_project_does_not_ship():
    shipped = [
        p
        for p in ROOT.rglob("*")
        if p.is_file() and not {".git", ".venv", ".mypy_cache", ".ruff_cache"} & set(p.parts) and p.suffix in {".py", ".md", ".yaml", ".csv", ".toml", ".txt"}
    ]
    here = Path(__file__).resolve()
    cites = [
        str(p.relative_to(ROOT))
        for p in shipped
        if p != here and ("DOMAIN.md" in p.read_text(errors="replace") or "../shared" in p.read_text(errors="replace"))
    ]
    assert cites == []
