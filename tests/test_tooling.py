"""The project's tooling agrees with itself: one list of dependencies, one lock, marks that exist."""

from __future__ import annotations

import re
import tomllib

from helpers import ROOT


def _pins(lines: list[str]) -> dict[str, str]:
    """``name -> version`` of ``name==version`` requirement lines (extras and comments dropped, names normalised)."""
    pins = {}
    for line in lines:
        m = re.match(r"\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?==([^\s;#\\]+)", line)
        if m:
            pins[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(3)
    return pins


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_requirements_txt_lists_exactly_the_runtime_dependencies_of_pyproject():
    runtime = _pins(_pyproject()["project"]["dependencies"])
    assert _pins((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()) == runtime


def test_the_lock_pins_every_dependency_of_pyproject_at_its_version_with_hashes():
    project = _pyproject()
    wanted = _pins(project["project"]["dependencies"] + project["dependency-groups"]["dev"])
    lock_text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    locked = _pins(lock_text.splitlines())
    assert {name: locked.get(name) for name in wanted} == wanted
    entries = re.findall(r"^[A-Za-z0-9_.-]+(?:\[[^\]]*\])?==\S+(?: ;[^\\\n]*)? \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", lock_text, re.M)
    requirement_lines = re.findall(r"^[A-Za-z0-9_.-]+(?:\[[^\]]*\])?==", lock_text, re.M)
    assert len(entries) == len(requirement_lines), "every locked package carries its hashes"


def test_the_fast_lane_leaves_out_marks_that_pytest_knows():
    marks = {m.split(":")[0] for m in _pyproject()["tool"]["pytest"]["ini_options"]["markers"]}
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    lane = re.search(r'^test-fast:.*\n\t.*-m "([^"]+)"', makefile, re.M)
    assert lane, "make test-fast selects by mark"
    assert set(re.findall(r"not (\w+)", lane.group(1))) == {"apptest", "browser", "slow"} <= marks
