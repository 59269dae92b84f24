"""The layer contract of ``analysis``: file → ingest → validated tables → metrics → views → charts/reports.

A module may import from its own layer and the layers below it, never above; and every import of
the project's own code sits at the top of its module (an import hidden inside a function is how a
cycle between layers hides). The layers, lowest first, are listed in :data:`LAYERS`; the README's
layout table shows the same folders.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Package (or top-level module) under ``analysis`` → its layer; a higher number may import a lower one.
LAYERS = {
    "i18n": 0,
    "core": 0,
    "reference": 1,
    "ingest": 2,
    "metrics": 3,
    "views": 4,
    "charts": 5,
    "reports": 6,
    "plan": 7,
    "store": 7,
    "samples": 8,
    "__main__": 8,
}


def _layer_of(module: str) -> int:
    """Layer of ``analysis.<part>...``; ``ui`` and the app sit above every analysis layer."""
    parts = module.split(".")
    if parts[0] != "analysis":
        return 100
    if len(parts) == 1:
        return -1  # the bare package: its __init__ holds no code
    return LAYERS[parts[1]]


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _project_imports(tree: ast.AST) -> list[tuple[ast.AST, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.split(".")[0] == "analysis":
            if node.module == "analysis":
                found.extend((node, f"analysis.{a.name}") for a in node.names)
            else:
                found.append((node, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node, a.name) for a in node.names if a.name.split(".")[0] == "analysis")
    return found


def _sources(*folders: str) -> list[Path]:
    return [p for folder in folders for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts]


def test_every_analysis_module_belongs_to_a_known_layer():
    unknown = sorted({_module_name(p).split(".")[1] for p in _sources("analysis") if _module_name(p) != "analysis"} - set(LAYERS))
    assert not unknown, f"add these to LAYERS and the README's layout table: {unknown}"


def test_no_analysis_module_imports_from_a_layer_above_its_own():
    upward = []
    for path in _sources("analysis"):
        name = _module_name(path)
        if name == "analysis":
            continue
        mine = _layer_of(name)
        for node, target in _project_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if _layer_of(target) > mine:
                upward.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {target}")
    assert not upward, "\n".join(upward)


def test_no_project_import_is_hidden_inside_a_function():
    hidden = []
    for path in _sources("analysis", "ui", "app_pages") + [ROOT / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                hidden.extend(f"{path.relative_to(ROOT)}:{node.lineno} in {fn.name}() imports {target}" for node, target in _project_imports(fn))
    assert not hidden, "\n".join(sorted(set(hidden)))


def test_the_layer_test_sees_an_upward_import_when_there_is_one():
    tree = ast.parse("from analysis.views import school\n")
    ((node, target),) = _project_imports(tree)
    assert _layer_of(target) > _layer_of("analysis.metrics.pkg")


def test_the_readmes_layout_table_names_every_layer_and_only_folders_that_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Project layout") :]
    table = table[: table.find("\n## ", 5)] if "\n## " in table[5:] else table
    named = set(re.findall(r"`(analysis/[a-z0-9_]+)[/.]", table))
    packages = {f"analysis/{p.name}" for p in (ROOT / "analysis").iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages <= named, f"not in the README's layout table: {sorted(packages - named)}"
    for path in re.findall(r"^\| `([^`]+)`", table, flags=re.M):
        assert (ROOT / path.rstrip("/")).exists(), path
    for layer, rank in LAYERS.items():
        if layer in {"samples", "__main__"}:
            continue
        row = next(line for line in table.splitlines() if f"`analysis/{layer}/`" in line)
        assert f"| {rank} |" in row, (layer, row)
