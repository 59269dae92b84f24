"""Architecture rules the project keeps."""

import ast
from pathlib import Path

from helpers import ROOT


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_analysis_package_never_imports_streamlit():
    offenders = [p.relative_to(ROOT).as_posix() for p in (ROOT / "analysis").rglob("*.py") if "streamlit" in _imports(p)]
    assert offenders == []


def test_the_architecture_check_would_catch_a_streamlit_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from streamlit import cache_data\n")
    assert "streamlit" in _imports(bad)
