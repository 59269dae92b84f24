"""The district plan (analysis/plan): needs by subject, the redistribution model, training, follow-up, the map.

The redistribution cases are worked by hand on two schools and four teachers where
the best move is plain: a certified IPA teacher of school B, six hours short of 24,
takes the six IPA hours school A has taught out of field.
"""

from __future__ import annotations

import io
from datetime import date

import numpy as np
import openpyxl
import pandas as pd
import pytest

from analysis import samples
from analysis.charts import plan as plan_charts
from analysis.metrics import linieritas
from analysis.plan import followup, geo, needs, redistribution as rd, training, views
from analysis.reference import subjects
from helpers import ROOT

A, B = "10000001", "10000002"


def _guru(**changes) -> pd.DataFrame:
    rows = [
        {
            "guru_id": "T1",
            "npsn": A,
            "nama": "Guru Satu",
            "pendidik": True,
            "sertifikasi": "Matematika",
            "jurusan_prodi": "Pendidikan Matematika",
            "status_kepegawaian": "PNS",
            "jenis_ptk": "Guru Mapel",
        },
        {
            "guru_id": "T2",
            "npsn": A,
            "nama": "Guru Dua",
            "pendidik": True,
            "sertifikasi": None,
            "jurusan_prodi": "Pendidikan Bahasa Indonesia",
            "status_kepegawaian": "GTY/PTY",
            "jenis_ptk": "Guru Mapel",
        },
        {
            "guru_id": "T3",
            "npsn": B,
            "nama": "Guru Tiga",
            "pendidik": True,
            "sertifikasi": "IPA",
            "jurusan_prodi": "Pendidikan IPA",
            "status_kepegawaian": "PNS",
            "jenis_ptk": "Guru Mapel",
        },
        {
            "guru_id": "T4",
            "npsn": B,
            "nama": "Guru Empat",
            "pendidik": True,
            "sertifikasi": "Bahasa Inggris",
            "jurusan_prodi": "Pendidikan Bahasa Inggris",
            "status_kepegawaian": "PPPK",
            "jenis_ptk": "Guru Mapel",
        },
    ]
    for gid, values in changes.items():
        next(r for r in rows if r["guru_id"] == gid).update(values)
    return pd.DataFrame(rows)


def _mengajar(t3_ipa: float = 18.0) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"guru_id": "T1", "mata_pelajaran": "Matematika", "jjm": 24.0},
            {"guru_id": "T2", "mata_pelajaran": "IPA", "jjm": 6.0},
            {"guru_id": "T2", "mata_pelajaran": "Bahasa Indonesia", "jjm": 18.0},
            {"guru_id": "T3", "mata_pelajaran": "IPA", "jjm": t3_ipa},
            {"guru_id": "T4", "mata_pelajaran": "Bahasa Inggris", "jjm": 24.0},
        ]
    )


def _sekolah(status_a: str = "Negeri", coords: bool = False) -> pd.DataFrame:
    df = pd.DataFrame(
        [
            {"npsn": A, "nama_sekolah": "SMP A", "jenjang": "SMP", "status": status_a, "kecamatan": "K"},
            {"npsn": B, "nama_sekolah": "SMP B", "jenjang": "SMP", "status": "Negeri", "kecamatan": "K"},
        ]
    )
    if coords:
        df["lintang"], df["bujur"] = [0.0, 0.0], [100.0, 101.0]
    return df


def _case(guru=None, mengajar=None, sekolah=None):
    g = _guru() if guru is None else guru
    s = _sekolah() if sekolah is None else sekolah
    return linieritas.judge(g, _mengajar() if mengajar is None else mengajar, sekolah=s), g, s


# ------------------------------------------------------------------ needs


def test_needs_split_each_school_subject_into_linier_and_out_of_field_hours():
    judged, g, _ = _case()
    n = needs.school_subject(judged, g).set_index(["npsn", "mata_pelajaran"])
    assert n.loc[(A, "IPA"), ["jjm_needed", "jjm_linier", "jjm_out", "shortage"]].tolist() == [6.0, 0.0, 6.0, 6.0]
    # T3 is certified, linier, 18 counted hours: one teacher below 24 with 6 spare hours
    assert n.loc[(B, "IPA"), ["jjm_needed", "jjm_linier", "linier_below_24", "jjm_spare", "balance"]].tolist() == [18.0, 18.0, 1.0, 6.0, 6.0]
    assert n.loc[(A, "Matematika"), "balance"] == 0.0


def test_needs_add_up_per_kecamatan_and_district():
    judged, g, s = _case()
    n = needs.school_subject(judged, g)
    d = needs.aggregate(n, s, "district").set_index("mata_pelajaran")
    assert d.loc["IPA", ["jjm_needed", "jjm_out", "jjm_spare", "balance"]].tolist() == [24.0, 6.0, 6.0, 0.0]
    k = needs.aggregate(n, s, "kecamatan")
    assert set(k["kecamatan"]) == {"K"} and k["jjm_needed"].sum() == 90.0
    with pytest.raises(ValueError):
        needs.aggregate(n, s, "provinsi")


def test_the_heatmap_matrix_is_schools_by_subjects():
    judged, g, _ = _case()
    m = needs.heatmap_matrix(needs.school_subject(judged, g))
    assert m.loc[A, "IPA"] == -6.0 and m.loc[B, "IPA"] == 6.0
    assert np.isnan(m.loc[B, "Matematika"])


# ------------------------------------------------------------------ redistribution


def _takes(p):
    return p.moves[p.moves["kind"] == "take"]


def test_the_short_ipa_teacher_takes_the_out_of_field_ipa_hours_of_the_other_school():
    judged, g, s = _case()
    p = rd.propose(judged, g, s)
    takes = _takes(p)
    assert takes[["guru_id", "from_npsn", "to_npsn", "mata_pelajaran", "hours", "reason"]].values.tolist() == [
        ["T3", B, A, "IPA", 6.0, "plan.reason.replaces_out"]
    ]
    assert p.moves.loc[p.moves["kind"] == "release_out", ["guru_id", "hours"]].values.tolist() == [["T2", -6.0]]
    assert p.stats["out_before"] == 6.0 and p.stats["out_after"] == 0.0 and p.stats["uncovered_after"] == 0.0
    assert (p.stats["below24_before"], p.stats["below24_after"]) == (1, 0)
    # before: 6 out-of-field hours × 4 + 6 hours short × 1 = 30; after: 6 hours moved × 0.5 = 3
    assert p.stats["objective_before"] == pytest.approx(30.0)
    assert p.stats["objective_after"] == pytest.approx(3.0)
    per = p.schools.set_index("npsn")
    assert per.loc[A, ["out_before", "out_after"]].tolist() == [6.0, 0.0]
    assert per.loc[B, ["below24_before", "below24_after"]].tolist() == [1, 0]


def test_a_move_across_schools_costs_its_distance():
    judged, g, s = _case(sekolah=_sekolah(coords=True))
    km = float(geo.haversine_km(0.0, 100.0, 0.0, 101.0))
    p = rd.propose(judged, g, s, rd.Options(same_kecamatan=False, max_km=120))
    assert len(_takes(p)) == 1
    assert p.stats["objective_after"] == pytest.approx(6 * (rd.W_CROSS + rd.W_KM * km))
    assert len(_takes(rd.propose(judged, g, s, rd.Options(same_kecamatan=False, max_km=100)))) == 0  # 111 km is too far


def test_only_asn_teachers_move_across_schools():
    judged, g, s = _case(guru=_guru(T3={"status_kepegawaian": "GTY/PTY"}))
    p = rd.propose(judged, g, s)
    assert _takes(p).empty and p.stats["out_after"] == 6.0


def test_a_private_school_receives_teachers_only_when_allowed():
    judged, g, s = _case(sekolah=_sekolah(status_a="Swasta"))
    assert _takes(rd.propose(judged, g, s)).empty
    assert len(_takes(rd.propose(judged, g, s, rd.Options(allow_swasta=True)))) == 1


def test_a_fixed_teacher_is_never_moved_and_a_dropped_move_is_forbidden():
    judged, g, s = _case()
    assert _takes(rd.propose(judged, g, s, rd.Options(fixed={"T3"}))).empty
    assert _takes(rd.propose(judged, g, s, rd.Options(dropped={("T3", A, "IPA")}))).empty


def test_a_locked_move_is_kept_even_when_it_is_not_the_best():
    # T5, a second certified IPA teacher of B at 24 hours: the solver prefers T3 (6 short); locked, T5 takes A's hours
    g = pd.concat(
        [
            _guru(),
            pd.DataFrame(
                [
                    {
                        "guru_id": "T5",
                        "npsn": B,
                        "nama": "Guru Lima",
                        "pendidik": True,
                        "sertifikasi": "IPA",
                        "jurusan_prodi": "Pendidikan IPA",
                        "status_kepegawaian": "PNS",
                        "jenis_ptk": "Guru Mapel",
                    }
                ]
            ),
        ],
        ignore_index=True,
    )
    m = pd.concat([_mengajar(), pd.DataFrame([{"guru_id": "T5", "mata_pelajaran": "IPA", "jjm": 24.0}])], ignore_index=True)
    judged, g, s = _case(guru=g, mengajar=m)
    free = _takes(rd.propose(judged, g, s))
    assert free.loc[free["to_npsn"] == A, "guru_id"].tolist() == ["T3"]
    p = rd.propose(judged, g, s, rd.Options(locked=[("T5", A, "IPA", 6.0)]))
    taken = _takes(p)
    assert taken.loc[taken["to_npsn"] == A, ["guru_id", "hours"]].values.tolist() == [["T5", 6.0]]
    assert p.stats["out_after"] == 0.0


def test_nobody_is_given_more_than_40_hours():
    # T3 already teaches 36 linier hours at B: only 4 more fit under 40 (PP 74/2008 Pasal 52)
    judged, g, s = _case(mengajar=_mengajar(t3_ipa=36.0))
    p = rd.propose(judged, g, s)
    assert _takes(p)["hours"].tolist() == [4.0]
    assert p.stats["out_after"] == 2.0


def test_a_generated_district_gets_fewer_out_of_field_hours():
    t = samples.district_tables(n_schools=20, n_teachers=400, seed=5, n_kecamatan=3)
    judged = linieritas.judge(t["guru"], t["mengajar"], sekolah=t["sekolah"])
    p = rd.propose(judged, t["guru"], t["sekolah"], rd.Options(max_km=10))
    assert p.stats["optimal"]
    assert p.stats["out_after"] < p.stats["out_before"]
    assert p.stats["uncovered_after"] == 0.0


# ------------------------------------------------------------------ training and follow-up


def _training_case():
    judged, g, s = _case()
    g = g.assign(tik_laptop=[4, 2, 4, 4], tik_office=4, tik_lms=4, tik_media=4, tik_asesmen=4, tik_kka=4)
    pel = pd.DataFrame(
        [
            {
                "guru_id": gid,
                "nama_pelatihan": "Bimtek",
                "jenis": "Bimtek",
                "fokus": "Pedagogik",
                "tanggal_mulai": pd.Timestamp("2025-05-01"),
                "tanggal_selesai": pd.Timestamp("2025-05-01"),
                "peran": "Peserta",
            }
            for gid in ("T1", "T3", "T4")
        ]
    )
    pen = pd.DataFrame(
        [
            {
                "guru_id": "T1",
                "tanggal_penilaian": pd.Timestamp("2025-06-10"),
                "sumber": "Supervisi",
                "pedagogik": 60.0,
                "kepribadian": 80.0,
                "sosial": 80.0,
                "profesional": 80.0,
            }
        ]
    )
    return judged, g, s, pel, pen


def test_training_needs_name_each_reason_once():
    judged, g, s, pel, pen = _training_case()
    rows = training.needs(g, judged, pel, pen, None, date(2025, 12, 27))
    got = sorted(map(tuple, rows[["guru_id", "kind", "topic"]].values.tolist()))
    assert got == [("T1", "domain", "pedagogik"), ("T2", "ict", "tik_laptop"), ("T2", "no_training", "umum"), ("T2", "out_of_field", "IPA")]
    r = training.ranked(rows)
    assert r.iloc[0]["guru_id"] == "T2" and r.iloc[0]["score"] == 5 + 2 + 1


def test_cohorts_group_the_same_topic_in_one_kecamatan_by_mgmp_subject():
    judged, g, s, pel, pen = _training_case()
    g = g.assign(tik_laptop=[2, 2, 4, 4])
    rows = training.needs(g, judged, pel, pen, None, date(2025, 12, 27))
    c = training.cohorts(rows, g, s, judged)
    ict = c[c["kind"] == "ict"]
    # T1 (Matematika) and T2 (main subject Bahasa Indonesia) meet in different MGMPs
    assert sorted(ict["mgmp_subject"]) == ["Bahasa Indonesia", "Matematika"] and set(ict["forum"]) == {"MGMP"}
    sd = s.assign(jenjang="SD")
    c2 = training.cohorts(rows, g, sd, judged)
    kkg = c2[c2["kind"] == "ict"]
    assert kkg[["forum", "size", "schools"]].values.tolist() == [["KKG", 2, 1]]
    big = training.cohorts(
        pd.DataFrame({"guru_id": [f"g{i}" for i in range(7)], "npsn": A, "kind": "ict", "topic": "tik_lms", "detail": 1}), g, sd, judged, max_size=3
    )
    assert sorted(big["size"]) == [2, 2, 3]


def test_a_training_without_a_later_assessment_is_overdue_three_months_after_it_ended():
    judged, g, s, pel, pen = _training_case()
    f = followup.schedule(pel, pen, None, g, date(2025, 12, 27)).set_index("guru_id")
    assert f.loc["T1", "state"] == "done" and f.loc["T1", "followup"] == pd.Timestamp("2025-06-10")
    assert f.loc["T3", "due"] == pd.Timestamp("2025-08-01")
    assert f.loc["T3", "state"] == "overdue" and f.loc["T3", "days_overdue"] == 148  # 1 Aug → 27 Dec 2025
    assert followup.schedule(pel, pen, None, g, date(2025, 7, 1)).set_index("guru_id").loc["T3", "state"] == "pending"


def test_a_pmm_year_counts_as_follow_up_only_for_a_training_of_its_first_half():
    judged, g, s, pel, pen = _training_case()
    kin = pd.DataFrame([{"guru_id": "T3", "tahun": 2025}, {"guru_id": "T4", "tahun": 2025}])
    late = pel.assign(tanggal_selesai=np.where(pel["guru_id"] == "T4", pd.Timestamp("2025-08-15"), pel["tanggal_selesai"]))
    f = followup.schedule(late, pen.iloc[0:0], kin, g, date(2025, 12, 27)).set_index("guru_id")
    assert f.loc["T3", "state"] == "done"
    assert f.loc["T4", "state"] == "overdue" and f.loc["T4", "days_overdue"] == 42  # due 15 Nov 2025
    with pytest.raises(ValueError):
        followup.schedule(pel, pen, None, g, date(2025, 12, 27), months=0)


# ------------------------------------------------------------------ geo, charts, exports, privacy


def test_haversine_gives_a_degree_of_the_equator_as_111_km():
    assert float(geo.haversine_km(0.0, 100.0, 0.0, 101.0)) == pytest.approx(111.195, abs=0.01)
    c = geo.coordinates(pd.DataFrame({"npsn": ["1", "2", "3"], "lintang": [-3.4, 50.0, None], "bujur": [104.2, 104.0, 104.0]}))
    assert c["npsn"].tolist() == ["1"]


def test_the_outline_is_indonesia_from_the_committed_file():
    rings = geo.outline_rings()
    lons = [x for r, _ in rings for x in r]
    lats = [y for _, r in rings for y in r]
    assert len(rings) > 50 and 94 < min(lons) and max(lons) < 142 and -12 < min(lats) and max(lats) < 7


def test_the_map_carries_each_school_npsn_for_a_click():
    pts = pd.DataFrame(
        {
            "npsn": [A, B, "x"],
            "nama_sekolah": ["SMP A", "SMP B", "C"],
            "lintang": [-3.4, -3.5, np.nan],
            "bujur": [104.2, 104.3, np.nan],
            "value": [0.1, 0.5, 0.2],
        }
    )
    fig = plan_charts.school_map(pts, geo.outline_rings(), "id", "metric.out_of_field_share", percent=True)
    assert len(fig.data) == 2 and fig.data[0].mode == "lines"
    assert list(fig.data[1].customdata) == [A, B] and list(fig.data[1].marker.color) == [10.0, 50.0]
    assert plan_charts.school_map(pts.iloc[2:], [], "en", "metric.teachers").data == ()


def test_the_needs_heatmap_and_before_after_bars_show_their_data():
    judged, g, s = _case()
    m = needs.heatmap_matrix(needs.school_subject(judged, g))
    fig = plan_charts.needs_heatmap(m, "en", {A: "SMP A"})
    assert fig.data[0].zmid == 0 and "SMP A" in fig.data[0].y
    p = rd.propose(judged, g, s)
    bars = plan_charts.before_after_figure(p.stats, "id")
    assert list(bars.data[0].y) == [6.0, 0.0, 1] and list(bars.data[1].y) == [0.0, 0.0, 0]


def test_moves_show_codes_and_a_name_only_to_the_head_of_that_teachers_school():
    judged, g, s = _case()
    p = rd.propose(judged, g, s)
    codes = views.moves_table(p.moves, g, "salt", {A: "SMP A", B: "SMP B"}, "id")
    assert not codes["teacher"].str.contains("Guru").any()
    head_b = views.moves_table(p.moves, g, "salt", {}, "en", name_school=B)
    assert "Guru Tiga" in set(head_b["teacher"]) and "Guru Dua" not in set(head_b["teacher"])


def test_the_plan_workbook_neutralises_formulas_and_fixes_sheet_names():
    data = views.plan_xlsx({"Kebutuhan/mapel": pd.DataFrame({"a": ['=HYPERLINK("x")', "ok"]})}, notice="contoh")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Kebutuhan mapel"]
    values = [c.value for c in ws["A"]]
    assert '=HYPERLINK("x")' not in values and "ok" in values


# ------------------------------------------------------------------ pages


@pytest.mark.apptest
@pytest.mark.parametrize("page", ["app_pages/kebutuhan_guru.py", "app_pages/peta_sekolah.py"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_pages_run_on_the_sample_district_in_both_languages(page, lang):
    from streamlit.testing.v1 import AppTest

    from analysis.i18n import t

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params.update(lang=lang)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title[0].value == t("page.kebutuhan.title" if "kebutuhan" in page else "page.peta.title", lang)


def test_curriculum_hours_are_rombel_times_the_weekly_jp():
    sk = pd.DataFrame({"npsn": [A], "jenjang": ["SMP"]})
    rombel = pd.DataFrame({"npsn": [A, A], "tingkat": [7, 9], "rombel": [3, 2]})
    h = needs.curriculum_hours(rombel, sk).set_index("mata_pelajaran")
    # Matematika: 4 JP intrakurikuler + 1 JP projek a week (Kepmendikbudristek 56/M/2022), 5 classes
    assert h.loc["Matematika", "jjm_curriculum"] == 25.0 and not h.loc["Matematika", "inferred"]
    assert needs.curriculum_hours(rombel, sk, kokurikuler=False).set_index("mata_pelajaran").loc["Bahasa Indonesia", "jjm_curriculum"] == 25.0
    st = needs.curriculum_structure()
    assert set(st["status"]) <= {"", "inferred"} and st["mata_pelajaran"].isin(subjects.subject_names()).all()


@pytest.mark.apptest
def test_the_officer_locks_a_move_and_the_proposal_is_computed_again_with_it():
    from streamlit.testing.v1 import AppTest

    from analysis.i18n import t

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    at.switch_page("app_pages/kebutuhan_guru.py").run()
    lock = next(w for w in at.multiselect if w.key == "plan_lock_rows")
    assert lock.options, "the sample district has moves to lock"
    lock.select(lock.options[0]).run()
    next(b for b in at.button if b.key == "plan_rerun").click().run()
    assert not at.exception, at.exception
    assert t("plan.redis.kept", "id", locked=1, dropped=0) in [c.value for c in at.caption]


def test_a_generated_district_is_mapped_school_by_school():
    ds = samples.district_dataset(n_schools=10, n_teachers=200, seed=3)
    pts = views.map_points(ds, "out_of_field_share_headcount")
    assert len(pts) == 10 and pts["lintang"].notna().all()
    fig = plan_charts.school_map(pts, geo.outline_rings(), "en", "metric.out_of_field_share", percent=True)
    assert sorted(fig.data[1].customdata) == sorted(ds.tables["sekolah"]["npsn"])
    with pytest.raises(ValueError):
        views.map_points(ds, "nama_sekolah")


def test_a_training_topic_reads_as_its_label_never_as_a_key():
    from analysis.core import schema
    from analysis.plan import views

    assert views.topic_label("tik_kka", "id") == schema.ICT_SKILLS["tik_kka"][0]
    assert views.topic_label("pedagogik; tik_laptop", "en") == f"Pedagogical; {schema.ICT_SKILLS['tik_laptop'][1]}"
    assert views.topic_label(None, "id") == "–" and views.topic_label("IPA", "id") == "IPA"
