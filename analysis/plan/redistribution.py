"""A redistribution proposal: moves of teaching hours found by a mixed-integer programme.

The model (solved by ``scipy.optimize.milp``, HiGHS) works on aggregated
variables, one per *candidate* teacher × (school, subject) pair:

- ``x`` hours a teacher teaches linier at a school in a subject: the teacher's
  own school (every subject with hours there that the teacher is linier in), and,
  for ASN teachers (PNS/PPPK) who are not fixed, the nearest other schools of the
  same jenjang group in the same kecamatan or within the distance the officer
  sets, in subjects taught out of field there;
- ``y`` out-of-field hours kept (at most what is taught today, never new ones);
- ``u`` hours left uncovered in a school × subject;
- ``s`` a certified teacher's shortfall below 24 counted hours.

Constraints: every school × subject keeps the hours taught today
(``x + y + u = need``); nobody teaches more than 40 JJM a week (hard: PP 74/2008
Pasal 52 as amended by PP 19/2017); a certified teacher's linier hours plus the
tugas tambahan credit plus ``s`` are at least 24 (soft: ``s`` is penalised;
Permendikdasmen 11/2025); fixed teachers keep what they teach; a locked move is
a lower bound, a dropped one an upper bound. Teachers of private schools stay
there; private schools (Swasta) may receive ASN teachers only when allowed
(Permendikdasmen 1/2025). Heads and Guru BK are never moved.

The objective (per JJM a week) weighs uncovered hours most, then out-of-field
hours, then shortfalls below 24, then hours moved to another school, then new
teaching pairs within a school: a move within the school comes before one across
schools.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from analysis.metrics import kinerja, linieritas
from analysis.plan import geo

#: Most JJM a week a teacher may teach (PP 74/2008 Pasal 52 as amended by PP 19/2017).
JJM_MAXIMUM = 40.0
#: Objective weights per JJM a week.
W_UNCOVERED = 10.0
W_OUT = 4.0
W_SHORT = 1.0
W_CROSS = 0.5
W_NEW = 0.05
#: Per km of a move to another school, on top of :data:`W_CROSS`.
W_KM = 0.002
#: Jenjang groups: a teacher may move only within the group.
JENJANG_GROUP = {
    "SD": "dasar",
    "MI": "dasar",
    "SDLB": "dasar",
    "SMP": "menengah_pertama",
    "MTs": "menengah_pertama",
    "SMA": "menengah_atas",
    "MA": "menengah_atas",
    "SMK": "menengah_atas",
    "MAK": "menengah_atas",
}
#: Status kepegawaian that may be placed in another school (ASN).
ASN_STATUS = frozenset(kinerja.ASN_STATUS)
SWASTA = "Swasta"


@dataclass
class Options:
    """What the officer sets.

    Attributes
    ----------
    max_km : float or None
        Another school within this many km may receive a teacher (needs both
        schools' coordinates); ``None`` or 0: only schools of the same kecamatan.
    same_kecamatan : bool
        Schools of the teacher's own kecamatan may receive the teacher.
    allow_swasta : bool
        Private schools may receive ASN teachers (Permendikdasmen 1/2025).
    fixed : set of str
        ``guru_id`` of teachers never moved (they keep every hour they teach).
    locked : list of (guru_id, to_npsn, subject, hours)
        Moves kept as they were proposed (lower bounds).
    dropped : set of (guru_id, to_npsn, subject)
        Moves forbidden (the teacher teaches no more there than today).
    max_destinations : int
        Nearest other schools considered per teacher (pruning).
    time_limit : float
        Seconds the solver may take.
    """

    max_km: float | None = None
    same_kecamatan: bool = True
    allow_swasta: bool = False
    fixed: set = field(default_factory=set)
    locked: list = field(default_factory=list)
    dropped: set = field(default_factory=set)
    max_destinations: int = 8
    time_limit: float = 30.0


@dataclass
class Proposal:
    """The solver's answer.

    Attributes
    ----------
    moves : DataFrame
        One row per change: ``guru_id``, ``from_npsn`` (the teacher's school),
        ``to_npsn``, ``mata_pelajaran``, ``hours`` (JJM a week; negative when
        given up), ``kind`` (``"take"``, ``"release_out"``, ``"hand_over"``),
        ``reason`` (a string key ``plan.reason.*``), ``cross_school`` (bool).
    schools : DataFrame
        One row per school: ``npsn``, ``out_before``, ``out_after``,
        ``uncovered_before``, ``uncovered_after`` (JJM a week),
        ``below24_before``, ``below24_after`` (certified teachers of the school
        whose counted hours are below 24).
    stats : dict
        ``variables``, ``constraints``, ``build_s``, ``solve_s``, ``status``
        (solver message), ``objective_before``, ``objective_after``, and the
        district's ``out_before`` / ``out_after`` / ``uncovered_after`` /
        ``below24_before`` / ``below24_after``.
    """

    moves: pd.DataFrame
    schools: pd.DataFrame
    stats: dict


MOVE_COLUMNS = ["guru_id", "from_npsn", "to_npsn", "mata_pelajaran", "hours", "kind", "reason", "cross_school"]


def _teachers(guru: pd.DataFrame, options: Options) -> pd.DataFrame:
    g = guru[guru["pendidik"].fillna(False).astype(bool).to_numpy()].drop_duplicates("guru_id").copy()
    cert = g["sertifikasi"] if "sertifikasi" in g else pd.Series(None, index=g.index, dtype=object)
    g["certified"] = (cert.notna() & cert.astype(str).str.strip().ne("")).to_numpy()
    jenis = g["jenis_ptk"] if "jenis_ptk" in g else pd.Series(None, index=g.index, dtype=object)
    g["head_or_bk"] = jenis.isin([linieritas.KEPALA_SEKOLAH, linieritas.GURU_BK]).to_numpy()
    status = g["status_kepegawaian"] if "status_kepegawaian" in g else pd.Series(None, index=g.index, dtype=object)
    g["asn"] = status.isin(ASN_STATUS).to_numpy()
    g["fixed"] = g["guru_id"].isin(options.fixed).to_numpy() | g["head_or_bk"].to_numpy()
    g["duty_jjm"] = linieritas.duty_credit(g)["duty_jjm"].to_numpy()
    return g[["guru_id", "npsn", "sertifikasi", "jurusan_prodi", "certified", "head_or_bk", "asn", "fixed", "duty_jjm"]].rename(columns={"npsn": "home"})


def _linier(pairs: pd.DataFrame) -> np.ndarray:
    """Whether each row (``sertifikasi``, ``jurusan_prodi``, ``mata_pelajaran``, ``jenjang``) is linier; judged once per distinct key."""
    cache: dict = {}
    out = np.zeros(len(pairs), dtype=bool)
    for k, key in enumerate(zip(pairs["sertifikasi"], pairs["jurusan_prodi"], pairs["mata_pelajaran"], pairs["jenjang"])):
        key = tuple(v if isinstance(v, str) else None for v in key)
        if key not in cache:
            cache[key] = linieritas.judge_one(key[2], key[0], key[1], jenjang=key[3])[0] == linieritas.LINIER
        out[k] = cache[key]
    return out


def _destinations(teachers: pd.DataFrame, schools: pd.DataFrame, options: Options) -> pd.DataFrame:
    """Teacher × other school pairs allowed by the officer's rules, nearest first, at most ``max_destinations`` each."""
    movers = teachers[teachers["asn"] & ~teachers["fixed"]][["guru_id", "home"]]
    home = movers.merge(
        schools[["npsn", "kecamatan", "group"]].rename(columns={"npsn": "home", "kecamatan": "kec_home", "group": "group_home"}), on="home", how="inner"
    )
    home = home[home["group_home"].notna()]
    dest = schools[schools["group"].notna()]
    if not options.allow_swasta:
        dest = dest[dest["status"].ne(SWASTA)]
    pairs = home.merge(dest[["npsn", "kecamatan", "group"]], left_on="group_home", right_on="group")
    pairs = pairs[pairs["npsn"] != pairs["home"]]
    dist = geo.distance_matrix(schools)
    if len(dist) and len(pairs):
        idx = {n: i for i, n in enumerate(dist.index)}
        a = pairs["home"].map(idx)
        b = pairs["npsn"].map(idx)
        ok = a.notna() & b.notna()
        km = np.full(len(pairs), np.nan)
        km[ok.to_numpy()] = dist.to_numpy()[a[ok].astype(int).to_numpy(), b[ok].astype(int).to_numpy()]
        pairs = pairs.assign(km=km)
    else:
        pairs = pairs.assign(km=np.nan)
    allowed = np.zeros(len(pairs), dtype=bool)
    if options.same_kecamatan:
        allowed |= (pairs["kecamatan"].notna() & pairs["kecamatan"].eq(pairs["kec_home"])).to_numpy()
    if options.max_km:
        allowed |= (pairs["km"] <= options.max_km).fillna(False).to_numpy()
    pairs = pairs[allowed]
    pairs = pairs.assign(_km=pairs["km"].fillna(1e6)).sort_values(["guru_id", "_km", "npsn"])
    return pairs[["guru_id", "npsn", "km"]]


def current_assignments(judged: pd.DataFrame) -> pd.DataFrame:
    """Today's teaching: one row per teacher × school × subject with ``hours`` (JJM a week, missing as 0) and ``status``."""
    d = judged.assign(hours=judged["jjm"].fillna(0.0))
    return d.groupby(["guru_id", "npsn", "mata_pelajaran", "status"], as_index=False)["hours"].sum()


def propose(judged: pd.DataFrame, guru: pd.DataFrame, sekolah: pd.DataFrame, options: Options | None = None) -> Proposal:
    """Propose moves of teaching hours that lower out-of-field and uncovered hours.

    Parameters
    ----------
    judged : DataFrame
        :func:`analysis.metrics.linieritas.judge` output (one row per teacher × subject).
    guru : DataFrame
        One row per PTK (``guru_id``, ``npsn``, ``pendidik``, ``sertifikasi``,
        ``jurusan_prodi``, ``status_kepegawaian``, ``jenis_ptk``, tugas tambahan columns).
    sekolah : DataFrame
        One row per school (``npsn``, ``jenjang``, ``status``, ``kecamatan``;
        ``lintang`` / ``bujur`` for distances).
    options : Options, optional

    Returns
    -------
    Proposal
        Moves, before/after figures per school and the model's statistics
        (see :class:`Proposal`). Hours are JJM (JP) per week.
    """
    opt = options or Options()
    t0 = time.perf_counter()
    cur = current_assignments(judged)
    teachers = _teachers(guru, opt)
    cur = cur[cur["guru_id"].isin(teachers["guru_id"])]
    sk = sekolah.drop_duplicates("npsn").copy()
    for c in ("jenjang", "status", "kecamatan"):
        if c not in sk:
            sk[c] = None
    sk["group"] = sk["jenjang"].map(JENJANG_GROUP)
    jen = dict(zip(sk["npsn"], sk["jenjang"]))
    need = cur.groupby(["npsn", "mata_pelajaran"], as_index=False)["hours"].sum().rename(columns={"hours": "need"})
    out_need = cur[cur["status"] == linieritas.TIDAK_LINIER].groupby(["npsn", "mata_pelajaran"], as_index=False)["hours"].sum().rename(columns={"hours": "out"})
    unknown = cur[cur["status"] == linieritas.UNKNOWN]

    # ---- candidate linier pairs: own school
    tq = teachers[~teachers["fixed"]]
    own = tq.merge(need[["npsn", "mata_pelajaran"]], left_on="home", right_on="npsn")
    own["jenjang"] = own["npsn"].map(jen)
    own = own[_linier(own)] if len(own) else own
    # ---- candidate pairs: other schools, in subjects taught out of field there, in the teacher's fields
    dest = _destinations(teachers, sk, opt)
    far = dest.merge(out_need[["npsn", "mata_pelajaran"]], on="npsn").merge(teachers, on="guru_id")
    if len(far):
        far["jenjang"] = far["npsn"].map(jen)
        far = far[_linier(far)]
        far = far.assign(_k=far.groupby("guru_id")["km"].rank(method="dense", na_option="bottom"))
        far = far[far["_k"] <= opt.max_destinations]
    lin_cur = cur[cur["status"] == linieritas.LINIER]
    fixed_ids = set(teachers.loc[teachers["fixed"], "guru_id"])
    fixed_lin = lin_cur[lin_cur["guru_id"].isin(fixed_ids)][["guru_id", "npsn", "mata_pelajaran"]]
    cand = pd.concat(
        [
            own[["guru_id", "npsn", "mata_pelajaran"]].assign(km=np.nan),
            far[["guru_id", "npsn", "mata_pelajaran", "km"]] if len(far) else None,
            fixed_lin.assign(km=np.nan),
        ],
        ignore_index=True,
    )
    cand = cand.drop_duplicates(["guru_id", "npsn", "mata_pelajaran"]).reset_index(drop=True)
    cand = cand.merge(
        lin_cur[["guru_id", "npsn", "mata_pelajaran", "hours"]].rename(columns={"hours": "current"}), on=["guru_id", "npsn", "mata_pelajaran"], how="left"
    )
    cand["current"] = cand["current"].fillna(0.0)
    cand = cand.merge(teachers[["guru_id", "home", "fixed"]], on="guru_id")
    cand["cross"] = (cand["npsn"] != cand["home"]).to_numpy()
    # out-of-field assignments (y) and constants (unknown judgements)
    oof = cur[cur["status"] == linieritas.TIDAK_LINIER].reset_index(drop=True).merge(teachers[["guru_id", "fixed"]], on="guru_id")
    # each pair is split into the hours kept from today (free) and extra hours (cost): no churn among equal solutions
    parts = pd.concat([cand[cand["current"] > 0].assign(part="keep"), cand.assign(part="extra")], ignore_index=True)
    parts["pair"] = np.concatenate([np.flatnonzero(cand["current"].to_numpy() > 0), np.arange(len(cand))])

    nx, ny = len(parts), len(oof)
    rows = need.reset_index(drop=True)
    nu = len(rows)
    cert = teachers[teachers["certified"] & ~teachers["head_or_bk"]].reset_index(drop=True)
    ns = len(cert)
    n = nx + ny + nu + ns

    # bounds
    lb = np.zeros(n)
    ub = np.full(n, np.inf)
    keep = parts["part"].eq("keep").to_numpy()
    fx = parts["fixed"].to_numpy(dtype=bool)
    locked = {(g, s, j): h for g, s, j, h in opt.locked}
    key = list(zip(parts["guru_id"], parts["npsn"], parts["mata_pelajaran"]))
    lock_h = np.array([locked.get(kk, 0.0) for kk in key])
    drop = np.array([kk in opt.dropped for kk in key], dtype=bool)
    ub[:nx] = np.where(keep, parts["current"].to_numpy(), np.where(drop | fx, 0.0, JJM_MAXIMUM))
    lb[:nx] = np.where(keep, np.where(fx | (lock_h > 0), parts["current"].to_numpy(), 0.0), np.where(fx, 0.0, lock_h))
    ub[:nx] = np.maximum(ub[:nx], lb[:nx])
    ub[nx : nx + ny] = oof["hours"].to_numpy()
    lb[nx : nx + ny] = np.where(oof["fixed"].to_numpy(dtype=bool), oof["hours"].to_numpy(), 0.0)

    # objective
    c = np.zeros(n)
    c[:nx] = np.where(keep, 0.0, np.where(parts["cross"], W_CROSS + W_KM * parts["km"].fillna(0.0), W_NEW))
    c[nx : nx + ny] = W_OUT
    c[nx + ny : nx + ny + nu] = W_UNCOVERED
    c[nx + ny + nu :] = W_SHORT

    # demand rows: x + y + u = need − unknown
    ridx = {k: i for i, k in enumerate(zip(rows["npsn"], rows["mata_pelajaran"]))}
    unk = unknown.groupby(["npsn", "mata_pelajaran"])["hours"].sum()
    rhs = rows["need"].to_numpy() - np.array([unk.get(k, 0.0) for k in ridx])
    dx = np.array([ridx[(s, j)] for s, j in zip(parts["npsn"], parts["mata_pelajaran"])], dtype=int) if nx else np.zeros(0, dtype=int)
    dy = np.array([ridx[(s, j)] for s, j in zip(oof["npsn"], oof["mata_pelajaran"])], dtype=int) if ny else np.zeros(0, dtype=int)
    A_dem = sparse.coo_matrix((np.ones(nx + ny + nu), (np.concatenate([dx, dy, np.arange(nu)]), np.arange(nx + ny + nu))), shape=(nu, n))
    # load rows: x + y + unknown ≤ 40 (fixed teachers: at most what they teach today, if more)
    tid = {g: i for i, g in enumerate(teachers["guru_id"])}
    nt = len(teachers)
    tx = parts["guru_id"].map(tid).to_numpy(dtype=int)
    ty = oof["guru_id"].map(tid).to_numpy(dtype=int)
    A_load = sparse.coo_matrix((np.ones(nx + ny), (np.concatenate([tx, ty]), np.arange(nx + ny))), shape=(nt, n))
    unk_t = unknown.groupby("guru_id")["hours"].sum().reindex(teachers["guru_id"]).fillna(0.0).to_numpy()
    today = cur.groupby("guru_id")["hours"].sum().reindex(teachers["guru_id"]).fillna(0.0).to_numpy()
    cap = np.where(teachers["fixed"].to_numpy(dtype=bool), np.maximum(JJM_MAXIMUM, today), JJM_MAXIMUM) - unk_t
    # 24 rows: linier x + s ≥ 24 − duty (certified, not head or BK)
    cid = {g: i for i, g in enumerate(cert["guru_id"])}
    cx = parts["guru_id"].map(cid)
    sel = cx.notna().to_numpy()
    A_24 = sparse.coo_matrix(
        (
            np.ones(int(sel.sum()) + ns),
            (np.concatenate([cx[sel].astype(int).to_numpy(), np.arange(ns)]), np.concatenate([np.flatnonzero(sel), nx + ny + nu + np.arange(ns)])),
        ),
        shape=(ns, n),
    )
    need24 = linieritas.JJM_MINIMUM - cert["duty_jjm"].to_numpy()
    constraints = [LinearConstraint(A_dem.tocsr(), rhs, rhs), LinearConstraint(A_load.tocsr(), -np.inf, cap), LinearConstraint(A_24.tocsr(), need24, np.inf)]
    integrality = np.concatenate([np.ones(nx + ny), np.zeros(nu + ns)])
    build_s = time.perf_counter() - t0

    t1 = time.perf_counter()
    res = milp(c, constraints=constraints, bounds=Bounds(lb, ub), integrality=integrality, options={"time_limit": opt.time_limit, "mip_rel_gap": 1e-4})
    solve_s = time.perf_counter() - t1
    if res.x is None:
        x = np.concatenate([np.where(keep, parts["current"].to_numpy(), 0.0), oof["hours"].to_numpy(), np.zeros(nu + ns)])
    else:
        x = np.round(res.x, 6)
    xv = np.bincount(parts["pair"].to_numpy(), weights=x[:nx], minlength=len(cand))  # hours per candidate pair
    yv, uv = x[nx : nx + ny], x[nx + ny : nx + ny + nu]

    # objective of today's assignment, for comparison
    lin_t = lin_cur.groupby("guru_id")["hours"].sum()
    short_before = np.maximum(0.0, need24 - cert["guru_id"].map(lin_t).fillna(0.0).to_numpy())
    obj_before = W_OUT * float(oof["hours"].sum()) + W_SHORT * float(short_before.sum())
    moves = _moves(cand, xv, oof, yv, teachers, cert, need24, lin_t)
    schools = _school_figures(sk, teachers, cert, need24, cand, xv, oof, yv, rows, uv, lin_t)
    stats = {
        "variables": int(n),
        "constraints": int(nu + nt + ns),
        "candidates": int(len(cand)),
        "build_s": build_s,
        "solve_s": solve_s,
        "status": str(res.message),
        "optimal": bool(res.status == 0),
        "objective_before": obj_before,
        "objective_after": float(res.fun) if res.x is not None else obj_before,
        "out_before": float(oof["hours"].sum()),
        "out_after": float(yv.sum()),
        "uncovered_after": float(uv.sum()),
        "below24_before": int(schools["below24_before"].sum()),
        "below24_after": int(schools["below24_after"].sum()),
        "moved_hours": float(moves.loc[moves["kind"].eq("take") & moves["cross_school"], "hours"].sum()) if len(moves) else 0.0,
    }
    return Proposal(moves, schools, stats)


def _moves(cand, xv, oof, yv, teachers, cert, need24, lin_t) -> pd.DataFrame:
    """The changes from today, each with its reason key."""
    rows = []
    short_ids = set(cert.loc[cert["guru_id"].map(lin_t).fillna(0.0).to_numpy() < need24, "guru_id"])
    oof_sites = set(zip(oof["npsn"], oof["mata_pelajaran"]))
    delta = xv - cand["current"].to_numpy()
    for k in np.flatnonzero(np.abs(delta) > 0.5):
        r = cand.iloc[k]
        if delta[k] > 0:
            reason = (
                "plan.reason.replaces_out"
                if (r["npsn"], r["mata_pelajaran"]) in oof_sites
                else ("plan.reason.reaches_24" if r["guru_id"] in short_ids else "plan.reason.rebalance")
            )
            rows.append((r["guru_id"], r["home"], r["npsn"], r["mata_pelajaran"], float(delta[k]), "take", reason, bool(r["cross"])))
        else:
            rows.append((r["guru_id"], r["home"], r["npsn"], r["mata_pelajaran"], float(delta[k]), "hand_over", "plan.reason.hand_over", bool(r["cross"])))
    dy = yv - oof["hours"].to_numpy()
    for k in np.flatnonzero(dy < -0.5):
        r = oof.iloc[k]
        rows.append((r["guru_id"], r["npsn"], r["npsn"], r["mata_pelajaran"], float(dy[k]), "release_out", "plan.reason.release_out", False))
    out = pd.DataFrame(rows, columns=MOVE_COLUMNS)
    order = {"take": 0, "hand_over": 1, "release_out": 2}
    return out.assign(_o=out["kind"].map(order)).sort_values(["to_npsn", "mata_pelajaran", "_o", "guru_id"]).drop(columns="_o").reset_index(drop=True)


def _school_figures(sk, teachers, cert, need24, cand, xv, oof, yv, rows, uv, lin_t) -> pd.DataFrame:
    npsns = list(dict.fromkeys([*sk["npsn"], *teachers["home"].dropna()]))
    out_b = oof.groupby("npsn")["hours"].sum()
    out_a = pd.Series(yv, index=oof.index).groupby(oof["npsn"]).sum() if len(oof) else pd.Series(dtype=float)
    unc = pd.Series(uv, index=rows.index).groupby(rows["npsn"]).sum() if len(rows) else pd.Series(dtype=float)
    lin_after = pd.Series(xv, index=cand.index).groupby(cand["guru_id"]).sum() if len(cand) else pd.Series(dtype=float)
    before = cert["guru_id"].map(lin_t).fillna(0.0).to_numpy() < need24 - 1e-9
    after = cert["guru_id"].map(lin_after).fillna(0.0).to_numpy() < need24 - 1e-9
    home = cert["home"].to_numpy()
    b24 = pd.Series(before, index=home).groupby(level=0).sum()
    a24 = pd.Series(after, index=home).groupby(level=0).sum()
    df = pd.DataFrame({"npsn": npsns})
    df["out_before"] = df["npsn"].map(out_b).fillna(0.0)
    df["out_after"] = df["npsn"].map(out_a).fillna(0.0)
    df["uncovered_before"] = 0.0
    df["uncovered_after"] = df["npsn"].map(unc).fillna(0.0)
    df["below24_before"] = df["npsn"].map(b24).fillna(0).astype(int)
    df["below24_after"] = df["npsn"].map(a24).fillna(0).astype(int)
    return df
