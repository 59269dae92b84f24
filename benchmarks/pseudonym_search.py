"""How long an attacker holding the workbook needs to turn a teacher's code back into a NUPTK.

Run: ``python benchmarks/pseudonym_search.py [--candidates 1000000]``.

The attacker has the workbook (so the dataset's content hash, the key of the
codes before) and one teacher's published code, and knows the NUPTK lies in a
range of ``--candidates`` numbers (e.g. from the birth date's digits). Two lines:

- ``dataset-hash key (before)``: BLAKE2b keyed by the content hash, as the codes
  were made until the deployment key: the search finds the NUPTK.
- ``deployment key (now)``: the same search through every keyless or
  dataset-derived scheme (BLAKE2b/HMAC keyed by the hash, plain SHA-256, HMAC
  with the published demo key) finds nothing: the code is HMAC-SHA256 under a
  secret the workbook does not hold.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.ingest import load as ingest  # noqa: E402
from analysis.metrics import privacy
from analysis.samples import sample_paths  # noqa: E402


def _old(nuptk: str, ds_id: str) -> str:
    return privacy.PSEUDONYM_PREFIX + hashlib.blake2b(nuptk.encode(), key=ds_id.encode()[:64], digest_size=16).hexdigest()[:6]


def _attempts(ds_id: bytes):
    return (
        lambda n: hashlib.blake2b(n, key=ds_id, digest_size=16).hexdigest(),
        lambda n: hmac.new(ds_id, n, hashlib.sha256).hexdigest(),
        lambda n: hashlib.sha256(n).hexdigest(),
        lambda n: hmac.new(privacy.DEMO_KEY, n, hashlib.sha256).hexdigest(),
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--candidates", type=int, default=1_000_000)
    args = ap.parse_args()
    ds = ingest.combine([ingest.load_path(p, is_sample=True) for p in sample_paths(Path(__file__).resolve().parents[1] / "data")])
    nuptk = next(g for g in ds.tables["guru"]["guru_id"] if str(g).isdigit() and len(str(g)) == 16)
    base = int(nuptk) - args.candidates // 2
    candidates = [str(base + i) for i in range(args.candidates)]

    target = _old(nuptk, ds.id)
    t0 = time.perf_counter()
    found = [c for c in candidates if _old(c, ds.id) == target]
    print(f"dataset-hash key (before): {len(candidates):,} candidates in {time.perf_counter() - t0:.1f} s, NUPTK found: {nuptk in found}")

    code = privacy.pseudonym(nuptk)[2:]
    ds_key = ds.id.encode()
    t0 = time.perf_counter()
    hits = []
    for attempt in _attempts(ds_key):
        hits += [c for c in candidates if attempt(c.encode())[:6] == code and c == nuptk]
    print(
        f"deployment key (now): {len(candidates):,} candidates × {len(_attempts(ds_key))} keyless schemes in {time.perf_counter() - t0:.1f} s, NUPTK found: {bool(hits)} (key from {privacy.key_source()})"
    )


if __name__ == "__main__":
    main()
