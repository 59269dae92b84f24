"""Where the project's own files live, from the repository root.

Every module that reads a bundled file (reference tables, studies, the map outline)
or writes local state (``var/``) takes its path from here, so moving a module
never changes what it reads.
"""

from __future__ import annotations

from pathlib import Path

#: The repository root (the folder holding ``app.py``).
ROOT = Path(__file__).resolve().parents[2]
#: Bundled data: sample workbooks, ``studies.yaml``, ``reference/``, ``geo/``.
DATA_DIR = ROOT / "data"
#: Reference tables (subjects, programmes, linieritas, UKG, curriculum structure).
REFERENCE_DIR = DATA_DIR / "reference"
#: Local state of a single-machine deployment (SQLite store, pseudonym key).
VAR_DIR = ROOT / "var"
