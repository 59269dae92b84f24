"""Staff counts, age bands and training participation, on small hand-made tables."""

from datetime import date

import pandas as pd
import pytest

from analysis.metrics import participation, staff

REF = date(2025, 6, 30)


def _guru(**cols) -> pd.DataFrame:
    base = {
        "guru_id": ["a", "b", "c", "d"],
        "npsn": ["10000001", "10000001", "10000001", "10000002"],
        "pendidik": [True, True, False, True],
        "jk": ["L", "P", "P", None],
        "status_kepegawaian": ["PNS", "PPPK", "Tenaga Honor Sekolah", "PNS"],
        "sertifikasi": ["Matematika", None, None, "  "],
        "tanggal_lahir": pd.to_datetime(["1995-07-01", "1995-06-30", "1970-01-01", None]),
    }
    base.update(cols)
    return pd.DataFrame(base)


def _pelatihan(rows: list[tuple[str, str, str | None, float | None, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"guru_id": g, "tanggal_mulai": pd.Timestamp(s), "tanggal_selesai": pd.Timestamp(e) if e else pd.NaT, "jp": jp, "jenis": j} for g, s, e, jp, j in rows]
    )


def test_age_counts_completed_years_so_a_birthday_tomorrow_is_not_yet_counted():
    ages = staff.age_years(_guru(), REF)
    assert ages.tolist()[:3] == [29.0, 30.0, 55.0]
    assert pd.isna(ages.iloc[3])


def test_age_band_puts_29_and_30_on_either_side_of_the_boundary_and_missing_as_unknown():
    assert staff.age_band(_guru(), REF).tolist() == ["<30", "30-39", "50+", "unknown"]


def test_pendidik_keeps_teachers_only():
    assert staff.pendidik(_guru())["guru_id"].tolist() == ["a", "b", "d"]


def test_headline_counts_certified_teachers_and_ignores_blank_certificates():
    h = staff.headline(_guru())
    assert h == {"teachers": 3, "staff": 1, "certified": 1, "certified_share": pytest.approx(1 / 3)}


def test_headline_of_a_school_without_teachers_has_no_share():
    assert staff.headline(_guru().iloc[2:3])["certified_share"] is None


def test_staff_counts_by_gender_split_teachers_and_staff_and_name_missing_values():
    c = staff.staff_counts(_guru(), "jk")
    assert c.to_dict("records") == [
        {"value": "L", "group": "pendidik", "n": 1},
        {"value": "P", "group": "pendidik", "n": 1},
        {"value": "P", "group": "tendik", "n": 1},
        {"value": "unknown", "group": "pendidik", "n": 1},
    ]


def test_staff_counts_by_age_band_need_a_reference_date():
    with pytest.raises(ValueError):
        staff.staff_counts(_guru(), "age_band")


def test_with_npsn_joins_through_guru_id_and_leaves_unknown_teachers_empty():
    out = staff.with_npsn(pd.DataFrame({"guru_id": ["d", "zz"]}), _guru())
    assert out["npsn"].iloc[0] == "10000002" and pd.isna(out["npsn"].iloc[1])


def test_a_training_ending_exactly_twelve_months_before_the_reference_date_is_outside_the_window():
    p = _pelatihan([("a", "2024-06-30", "2024-06-30", 8, "KKG"), ("a", "2024-07-01", "2024-07-01", 4, "KKG"), ("b", "2025-07-01", "2025-07-01", 4, "MGMP")])
    inwin = participation.trainings_in_window(p, REF)
    assert inwin["tanggal_mulai"].dt.strftime("%Y-%m-%d").tolist() == ["2024-07-01"]


def test_a_training_without_an_end_date_counts_by_its_start():
    p = _pelatihan([("a", "2025-01-10", None, 30, "PMM")])
    assert len(participation.trainings_in_window(p, REF)) == 1


def test_per_teacher_sums_jp_counts_trainings_and_keeps_untrained_teachers():
    p = _pelatihan(
        [("a", "2025-01-10", "2025-01-12", 24, "Diklat"), ("a", "2025-03-01", "2025-03-01", None, "MGMP"), ("b", "2023-01-01", "2023-01-02", 8, "KKG")]
    )
    pt = participation.per_teacher(_guru(), p, REF).set_index("guru_id")
    assert pt.loc["a", "trainings"] == 2 and pt.loc["a", "jp"] == 24.0 and pt.loc["a", "trained"]
    assert not pt.loc["b", "trained"] and pt.loc["b", "last_training"] == pd.Timestamp("2023-01-02")
    assert "c" not in pt.index, "support staff are not teachers"


def test_trained_share_is_per_school_over_teachers():
    p = _pelatihan([("a", "2025-01-10", "2025-01-12", 24, "Diklat")])
    s = participation.trained_share(participation.per_teacher(_guru(), p, REF)).set_index("npsn")
    assert s.loc["10000001", "trained_share"] == 0.5
    assert s.loc["10000002", "trained_share"] == 0.0
    assert s.loc["10000001", "jp_mean"] == 12.0


def test_type_counts_follow_the_schema_order_and_count_distinct_teachers():
    p = _pelatihan(
        [
            ("a", "2025-02-01", "2025-02-01", 4, "MGMP"),
            ("a", "2025-03-01", "2025-03-01", 4, "MGMP"),
            ("b", "2025-02-01", "2025-02-03", 24, "Diklat"),
            ("c", "2025-02-01", "2025-02-01", 2, "IHT"),
        ]
    )
    tc = participation.type_counts(_guru(), p, REF)
    assert tc["jenis"].tolist() == ["Diklat", "MGMP"]
    assert tc.set_index("jenis").loc["MGMP"].tolist() == [2, 1, 8.0]


def test_untrained_lists_never_trained_teachers_first():
    p = _pelatihan([("b", "2023-01-01", "2023-01-02", 8, "KKG")])
    u = participation.untrained(participation.per_teacher(_guru(), p, REF))
    assert u["guru_id"].tolist() == ["a", "d", "b"]


def test_per_teacher_without_any_training_counts_zero_for_everyone():
    from analysis.ingest.load import empty_tables

    guru = pd.DataFrame({"guru_id": ["a", "b"], "npsn": ["1", "1"], "jenis_ptk": ["Guru Mapel", "Guru Mapel"], "pendidik": [True, True]})
    pt = participation.per_teacher(guru, empty_tables()["pelatihan"].assign(guru_id=pd.Series(dtype=object)), date(2025, 1, 1))
    assert pt["trainings"].tolist() == [0, 0]
    assert pt["jp"].tolist() == [0.0, 0.0]
    assert not pt["trained"].any()


def test_a_reference_date_the_user_sets_replaces_the_latest_date_and_says_so():
    from dataclasses import replace
    from datetime import date

    from analysis.ingest.load import load_path
    from analysis.samples import sample_paths
    from analysis.views import school

    ds = load_path(sample_paths("data")[0])
    latest = school.select(ds)
    assert not latest.reference_set and latest.reference_date == ds.reference_date()
    assert "tanggal terakhir dalam data" in school.reference_caption(latest, "id")
    pinned = replace(ds, as_of=date(2024, 6, 30))
    sel = school.select(pinned)
    assert sel.reference_set and sel.reference_date == date(2024, 6, 30)
    assert "30/06/2024" in school.reference_caption(sel, "en") and "set in the sidebar" in school.reference_caption(sel, "en")
    assert pinned.id == ds.id, "pseudonymous codes do not change with the date"
    assert school.select(pinned, reference_date=date(2023, 1, 1)).reference_date == date(2023, 1, 1)
