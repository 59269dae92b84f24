"""Benchmark of the district plan on a generated 400-school, 10,000-teacher district.

Prints the generation time, the needs table's size, the redistribution model's
build and solve times, its variables and constraints, the objective and the
district's out-of-field / uncovered hours and certified teachers below 24 JJM
before and after, the training cohorts and the overdue follow-ups. Target: the
solve under 30 s on the project's 2-core machine.

    python benchmarks/plan.py [--schools 400] [--teachers 10000] [--km 15]
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import samples  # noqa: E402
from analysis.metrics import linieritas
from analysis.plan import followup, needs, redistribution, training  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--schools", type=int, default=400)
    ap.add_argument("--teachers", type=int, default=10_000)
    ap.add_argument("--km", type=float, default=15.0, help="distance a teacher may move (km), besides the own kecamatan")
    ap.add_argument("--swasta", action="store_true", help="allow private schools as destinations")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    t = samples.district_tables(a.schools, a.teachers)
    print(f"generated: {len(t['sekolah'])} schools, {len(t['guru'])} teachers in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    judged = linieritas.judge(t["guru"], t["mengajar"], sekolah=t["sekolah"])
    table = needs.school_subject(judged, t["guru"])
    tot = needs.totals(table)
    print(
        f"judge + needs: {time.perf_counter() - t0:.1f} s; {len(table)} school × subject rows; needed {tot['jjm_needed']:.0f} JJM, out of field {tot['jjm_out']:.0f}, spare {tot['jjm_spare']:.0f}"
    )
    p = redistribution.propose(judged, t["guru"], t["sekolah"], redistribution.Options(max_km=a.km, allow_swasta=a.swasta))
    s = p.stats
    print(
        f"model: {s['variables']} variables ({s['candidates']} candidate pairs), {s['constraints']} constraints; build {s['build_s']:.1f} s, solve {s['solve_s']:.1f} s; {s['status']}"
    )
    print(f"objective: {s['objective_before']:.1f} before → {s['objective_after']:.1f} after")
    print(
        f"out-of-field JJM {s['out_before']:.0f} → {s['out_after']:.0f}; uncovered 0 → {s['uncovered_after']:.0f}; certified below 24: {s['below24_before']} → {s['below24_after']}"
    )
    print(
        f"moves: {int((p.moves['kind'] == 'take').sum())} takes ({int(((p.moves['kind'] == 'take') & p.moves['cross_school']).sum())} across schools, {s['moved_hours']:.0f} JJM)"
    )
    t0 = time.perf_counter()
    ref = date(2025, 12, 27)
    nd = training.needs(t["guru"], judged, t["pelatihan"], t["penilaian"], t["kinerja"], ref)
    co = training.cohorts(nd, t["guru"], t["sekolah"], judged)
    fu = followup.schedule(t["pelatihan"], t["penilaian"], t["kinerja"], t["guru"], ref)
    print(
        f"training: {len(nd)} needs of {nd['guru_id'].nunique()} teachers, {len(co)} cohorts (largest {int(co['size'].max()) if len(co) else 0}); follow-up {followup.counts(fu)}; {time.perf_counter() - t0:.1f} s"
    )


if __name__ == "__main__":
    main()
