"""PMM predikat kinerja: the Permenpan-RB 6/2022 matrix, the Kinerja sheet, the distribution and the attention list."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import samples
from analysis.charts import kinerja as kinerja_charts
from analysis.core import schema
from analysis.i18n import t
from analysis.ingest.load import load_file
from analysis.metrics import kinerja
from analysis.views import school
from tests.helpers import GURU_HEADER, ROOT, SEKOLAH, guru_row, problem_codes, sheet_report, workbook_bytes

ATAS, SESUAI, BAWAH = schema.RATING_KINERJA


# --------------------------------------------------------------------- the matrix


@pytest.mark.parametrize(
    "hasil, perilaku, predikat",
    [
        # Permenpan-RB 6/2022, Lampiran (rating hasil kerja × rating perilaku kerja).
        (ATAS, ATAS, "Sangat Baik"),
        (ATAS, SESUAI, "Baik"),
        (SESUAI, ATAS, "Baik"),
        (SESUAI, SESUAI, "Baik"),
        (BAWAH, ATAS, "Butuh Perbaikan"),
        (BAWAH, SESUAI, "Butuh Perbaikan"),
        (ATAS, BAWAH, "Kurang"),
        (SESUAI, BAWAH, "Kurang"),
        (BAWAH, BAWAH, "Sangat Kurang"),
    ],
)
def test_the_two_ratings_give_the_predikat_of_the_permenpan_rb_6_2022_matrix(hasil, perilaku, predikat):
    assert kinerja.predikat_from_ratings(hasil, perilaku) == predikat


def test_the_matrix_covers_every_pair_of_ratings_and_only_the_five_predikat():
    assert set(kinerja.PREDIKAT_MATRIX) == {(h, p) for h in schema.RATING_KINERJA for p in schema.RATING_KINERJA}
    assert set(kinerja.PREDIKAT_MATRIX.values()) == set(schema.PREDIKAT_KINERJA)


def test_a_missing_or_unknown_rating_gives_no_predikat():
    assert kinerja.predikat_from_ratings(SESUAI, None) is None
    assert kinerja.predikat_from_ratings("Luar Biasa", SESUAI) is None


def _rows(*rows):
    cols = ["_row", "guru_id", "tahun", "predikat", "rating_hasil_kerja", "rating_perilaku_kerja"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows], columns=cols)


def test_an_empty_predikat_is_derived_and_a_given_one_kept_even_when_it_disagrees():
    r = kinerja.ratings_table(_rows((2, "a", 2024, None, BAWAH, SESUAI), (3, "b", 2024, "Baik", BAWAH, BAWAH), (4, "c", 2024, "Baik", None, None)))
    assert r["predikat_final"].tolist() == ["Butuh Perbaikan", "Baik", "Baik"]
    assert r["predikat_sumber"].tolist() == ["matriks", "diberikan", "diberikan"]
    assert r["tidak_sesuai"].tolist() == [False, True, False]


def test_check_rows_warns_on_a_disagreeing_predikat_and_rejects_a_row_with_nothing_to_go_on():
    found, bad = kinerja.check_rows(_rows((2, "a", 2024, "Baik", BAWAH, BAWAH), (3, "b", 2024, None, SESUAI, None), (4, "c", 2024, "Baik", SESUAI, SESUAI)))
    assert [(sheet, row, col, sev, code) for sheet, row, col, _, sev, code, _ in found] == [
        ("Kinerja", 2, "predikat", "warning", "problem.kinerja_predikat_mismatch"),
        ("Kinerja", 3, None, "error", "problem.kinerja_no_predikat"),
    ]
    assert found[0][6]["expected"] == "Sangat Kurang"
    assert bad == {("Kinerja", 3)}


# ------------------------------------------------------------------------ the schema


def test_the_kinerja_sheet_comes_last_and_closes_its_lists():
    assert [sh.key for sh in schema.SHEETS] == ["sekolah", "guru", "mengajar", "pelatihan", "penilaian", "kendala", "kinerja"]
    sheet = schema.SHEETS_BY_KEY["kinerja"]
    assert sheet.optional and [c.key for c in sheet.columns if c.required] == ["nuptk", "tahun"]
    assert sheet.column("predikat").allowed == ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang")
    assert (
        sheet.column("rating_hasil_kerja").allowed
        == sheet.column("rating_perilaku_kerja").allowed
        == ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi")
    )
    assert schema.sheet_for_name("Predikat Kinerja") is sheet and schema.sheet_for_name("Penilaian Kinerja") is schema.PENILAIAN


def test_penilaian_takes_k15_to_k17_for_the_guru_bk_instrument():
    keys = schema.PENILAIAN.keys
    assert [k for k in keys if k[1:].isdigit()] == list(schema.PKG_ITEMS_BK)
    assert [k for ks in schema.PKG_DOMAIN_ITEMS_BK.values() for k in ks] == list(schema.PKG_ITEMS_BK)
    assert [len(v) for v in schema.PKG_DOMAIN_ITEMS_BK.values()] == [3, 4, 3, 7]


# ---------------------------------------------------------------- the sheet on ingest

KINERJA_HEADER = ["NPSN", "NUPTK", "Tahun", "Predikat Kinerja", "Rating Hasil Kerja", "Rating Perilaku Kerja", "Indikator Kinerja"]


def _workbook(kinerja_rows):
    guru = [GURU_HEADER, guru_row("1234567890123456", Nama="Ani"), guru_row("1234567890123457", Nama="Budi")]
    return workbook_bytes({"Sekolah": SEKOLAH, "Guru": guru, "Kinerja": [KINERJA_HEADER, *kinerja_rows]})


def test_a_kinerja_sheet_loads_with_every_row_accounted_for_and_names_its_problems():
    data = _workbook(
        [
            ["10603456", "1234567890123456", 2024, "Baik", "Sesuai Ekspektasi", "Sesuai Ekspektasi", "Kualitas pembelajaran murid"],
            ["10603456", "1234567890123457", 2024, None, "dibawah ekspektasi", "Sesuai", None],  # spellings folded; predikat derived
            ["10603456", "1234567890123457", 2025, "Sangat Baik", "Sesuai Ekspektasi", "Di Bawah Ekspektasi", None],  # disagrees: warning
            ["10603456", "9999999999999999", 2025, "Baik", None, None, None],  # not in Guru: rejected
            ["10603456", "1234567890123456", 2025, None, "Sesuai Ekspektasi", None, None],  # nothing to go on: rejected
        ]
    )
    ds = load_file(data, "k.xlsx")
    rep = sheet_report(ds, "kinerja")
    assert (rep.rows_read, rep.rows_accepted, rep.rows_rejected, rep.rows_blank) == (5, 3, 2, 0)
    codes = [c for c in problem_codes(ds) if c[0] == "Kinerja"]
    assert ("Kinerja", 4, "Predikat Kinerja", "warning", "problem.kinerja_predikat_mismatch") in codes
    assert ("Kinerja", 5, "NUPTK", "error", "problem.unknown_teacher") in codes
    assert ("Kinerja", 6, None, "error", "problem.kinerja_no_predikat") in codes
    k = ds.tables["kinerja"]
    assert k["guru_id"].tolist() == ["1234567890123456", "1234567890123457", "1234567890123457"]
    assert k["rating_hasil_kerja"].tolist()[1] == BAWAH and k["rating_perilaku_kerja"].tolist()[1] == SESUAI
    msg = next(p for p in ds.report.problems if p.code == "problem.kinerja_predikat_mismatch").message("en")
    assert "Sheet Kinerja, row 4, column Predikat Kinerja" in msg and "Kurang" in msg


def test_kurang_misconduct_as_pmm_writes_it_is_read_as_kurang():
    ds = load_file(_workbook([["10603456", "1234567890123456", 2024, "Kurang/Misconduct", None, None, None]]), "k.xlsx")
    assert ds.tables["kinerja"]["predikat"].tolist() == ["Kurang"]
    assert not [c for c in problem_codes(ds) if c[0] == "Kinerja"]


# --------------------------------------------------------- distribution and attention


def _guru():
    return pd.DataFrame(
        {
            "guru_id": ["a", "b", "c", "d"],
            "nama": ["Ani", "Budi", "Citra", "Dedi"],
            "npsn": ["1", "1", "1", "2"],
            "status_kepegawaian": ["PNS", "PPPK", "PNS", "PNS"],
        }
    )


def _kin():
    return _rows(
        (2, "a", 2024, "Baik", None, None),
        (3, "b", 2024, None, BAWAH, SESUAI),  # Butuh Perbaikan by the matrix
        (4, "a", 2025, "Sangat Baik", None, None),
        (5, "b", 2025, "Baik", None, None),
        (6, "c", 2025, None, SESUAI, BAWAH),  # Kurang by the matrix
        (7, "d", 2025, "Sangat Kurang", None, None),
    )


def test_the_distribution_counts_teachers_per_predikat_per_school_and_year_with_zeros_kept():
    dist = kinerja.predikat_distribution(_kin(), _guru())
    s1_2024 = dist[(dist["npsn"] == "1") & (dist["tahun"] == 2024)]
    assert s1_2024["predikat"].tolist() == list(schema.PREDIKAT_KINERJA)
    assert s1_2024["n"].tolist() == [0, 1, 1, 0, 0]
    assert s1_2024["share"].tolist() == [0, 0.5, 0.5, 0, 0]
    s1_2025 = dist[(dist["npsn"] == "1") & (dist["tahun"] == 2025)]
    assert s1_2025["n"].tolist() == [1, 1, 0, 1, 0]
    wide = kinerja.distribution_wide(dist)
    assert wide[["npsn", "tahun", "total"]].values.tolist() == [["1", 2024, 2], ["1", 2025, 3], ["2", 2025, 1]]


def test_a_repeated_year_counts_the_teacher_once_the_last_row_winning():
    kin = _rows((2, "a", 2024, "Baik", None, None), (3, "a", 2024, "Butuh Perbaikan", None, None))
    dist = kinerja.predikat_distribution(kin, _guru())
    assert dict(zip(dist["predikat"], dist["n"])) == {"Sangat Baik": 0, "Baik": 0, "Butuh Perbaikan": 1, "Kurang": 0, "Sangat Kurang": 0}


def test_the_attention_list_holds_butuh_perbaikan_or_below_of_the_latest_year_worst_first():
    low = kinerja.needs_attention(_kin(), _guru())
    assert low[["guru_id", "predikat", "tahun"]].values.tolist() == [["d", "Sangat Kurang", 2025], ["c", "Kurang", 2025]]
    assert kinerja.needs_attention(_kin(), _guru(), year=2024)["guru_id"].tolist() == ["b"]


def test_praktik_totals_add_the_observed_items_per_level():
    df = pd.DataFrame({"praktik_belum": [1, 0], "praktik_belum_efektif": [2, 1], "praktik_efektif": [5, 7]})
    tot = kinerja.praktik_totals(df)
    assert tot["n"].tolist() == [1, 3, 12] and tot["share"].tolist() == pytest.approx([1 / 16, 3 / 16, 12 / 16])


def test_the_predikat_chart_stacks_all_five_predikat_per_school_and_year():
    dist = kinerja.predikat_distribution(_kin(), _guru())
    fig = kinerja_charts.predikat_figure(dist, "en", {"1": "SMP Satu", "2": "SMP Dua"})
    assert [tr.name for tr in fig.data] == [t(f"kinerja.predikat.{k}", "en") for k in kinerja.PREDIKAT_KEYS.values()]
    assert list(fig.data[0].y) == ["SMP Satu · 2024", "SMP Satu · 2025", "SMP Dua · 2025"]
    assert fig.layout.barmode == "stack"
    assert kinerja_charts.predikat_figure(dist.iloc[0:0], "id").layout.title.text == t("chart.kinerja.title", "id")


# ------------------------------------------------------------------------ the samples


def test_sample_kinerja_rows_are_smp_asn_teachers_2023_to_2025_only():
    for key in ("smpn8_prabumulih", "smpn7_muaro_jambi"):
        tables = samples.sample_tables(key)
        k, g = tables["kinerja"], tables["guru"]
        assert len(k) and set(k["tahun"]) == {2023, 2024, 2025}
        status = k.merge(g[["nuptk", "status_kepegawaian"]], on="nuptk")["status_kepegawaian"]
        assert len(status) == len(k) and set(status) <= {"PNS", "PPPK"}
    for key in ("mts_miftahul_karomah", "mi_gantarang", "mts_pesantren"):
        assert samples.sample_tables(key)["kinerja"].empty


def test_smp_asn_teachers_have_no_k1_k14_after_2022_and_one_legacy_pkg_of_2022():
    from analysis.metrics.kinerja import ASN_STATUS

    for key in ("smpn8_prabumulih", "smpn7_muaro_jambi"):
        tables = samples.sample_tables(key)
        g, pen = tables["guru"], tables["penilaian"]
        asn = set(g.loc[g["status_kepegawaian"].isin(ASN_STATUS) & g["nuptk"].notna(), "nuptk"])
        mine = pen[pen["nuptk"].isin(asn)]
        years = pd.to_datetime(mine["tanggal_penilaian"]).dt.year
        with_k = mine[list(schema.PKG_ITEMS)].notna().any(axis=1)
        assert set(years[with_k]) == {2022}, "K1–K14 only in the legacy year"
        assert (mine.loc[with_k, "sumber"] == "PKG").all() and mine.loc[with_k, "nuptk"].is_unique
        assert set(mine.loc[years >= 2023, "sumber"]) <= {"Supervisi", "UKG"}
        others = pen[~pen["nuptk"].isin(asn) & (pen["sumber"] == "PKG")]
        assert len(others) and (pd.to_datetime(others["tanggal_penilaian"]).dt.year >= 2023).all(), "non-ASN teachers keep their rows"


def test_the_guru_bk_sample_rows_carry_the_17_competencies():
    tables = samples.sample_tables("smpn8_prabumulih")
    bk = set(tables["guru"].loc[tables["guru"]["jenis_ptk"] == "Guru BK", "nuptk"])
    pen = tables["penilaian"]
    assert pen.loc[pen["nuptk"].isin(bk) & (pen["sumber"] == "PKG"), list(schema.PKG_ITEMS_BK)].notna().all().all()
    assert pen.loc[~pen["nuptk"].isin(bk), ["k15", "k16", "k17"]].isna().all().all()


def test_smpn8_predikat_distribution_on_the_bundled_sample():
    ds = load_file((ROOT / "data" / "sampel_smpn8_prabumulih.xlsx").read_bytes(), "s.xlsx", is_sample=True)
    sel = school.select(ds, "10603812")
    wide = kinerja.school_tables(sel.tables["kinerja"], sel.guru)["wide"]
    assert wide["tahun"].tolist() == [2023, 2024, 2025]
    assert set(wide["total"]) == {42}, "every ASN teacher with a NUPTK, once a year"
    assert not [p for p in ds.report.problems if p.code.startswith("problem.kinerja")]


# ------------------------------------------------------------------------- the pages


def _page(page: str, role: str | None = None, **query):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params.update({"npsn": "10603812", **query})
    at.run()
    if role:
        at.selectbox(key="app_role").set_value(role).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _shown(at) -> set:
    return {str(v) for df in at.dataframe for col in df.value.columns for v in df.value[col]}


def _attention(at) -> list:
    """The teachers of the attention list as shown (the table with a Predikat column)."""
    tables = [df.value for df in at.dataframe if t("col.predikat", "id") in df.value.columns]
    assert len(tables) == 1
    return tables[0][t("col.teacher", "id")].tolist()


@pytest.mark.apptest
@pytest.mark.parametrize("page", ["app_pages/kompetensi_guru.py", "app_pages/profil_sekolah.py"])
def test_kompetensi_and_profil_sekolah_show_the_predikat_and_names_only_to_the_head(page):
    tables = samples.sample_tables("smpn8_prabumulih")
    ds = load_file((ROOT / "data" / "sampel_smpn8_prabumulih.xlsx").read_bytes(), "s.xlsx")
    sel = school.select(ds, "10603812")
    low = kinerja.school_tables(sel.tables["kinerja"], sel.guru)["attention"]
    assert len(low), "the sample has teachers to list"
    at = _page(page)
    assert t("kinerja.section", "id") in [h.value for h in at.header]
    assert not set(low["nama"]) & _shown(at), "a district officer sees codes, not names"
    assert all(c.startswith("G-") for c in _attention(at))
    head = _page(page, role="kepala_sekolah")
    assert sorted(_attention(head)) == sorted(low["nama"])
    assert len(tables["kinerja"])
    key = ("komp" if "kompetensi" in page else "profil") + "_kinerja_year"
    head.selectbox(key=key).set_value(2023).run()
    assert not head.exception
    earlier = kinerja.school_tables(sel.tables["kinerja"], sel.guru, 2023)["attention"]
    assert len(earlier) and sorted(_attention(head)) == sorted(earlier["nama"])
    assert f"**{t('kinerja.attention.title', 'id', year=2023)}**" in [m.value for m in head.markdown]
