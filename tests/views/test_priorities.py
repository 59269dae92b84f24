"""Where training goes next (analysis.views.priorities), the bands in words, the indicator chart and the filters written into the district reports."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from analysis.charts import overview
from analysis.ingest import load as ingest
from analysis.reports import exports
from analysis.samples import sample_paths
from analysis.views import district, priorities


def _table(rows):
    """A school table with one indicator: (npsn, name, out-of-field share, domain mean)."""
    return pd.DataFrame(
        [{"npsn": n, "nama_sekolah": name, "teachers": 10, "out_of_field_share_headcount": oof, "domain_mean_pedagogik": mean} for n, name, oof, mean in rows]
    )


def test_red_schools_come_before_yellow_and_more_untrained_teachers_before_fewer():
    table = _table([("1", "A", 0.30, 80), ("2", "B", 0.40, 80), ("3", "C", 0.15, 80), ("4", "D", 0.05, 80), ("5", "E", float("nan"), 80), ("6", "F", 0.20, 80)])
    untrained = pd.DataFrame({"npsn": ["1", "2", "3", "4", "6"], "untrained": pd.array([5, 2, 9, 9, 9], dtype="Int64")})
    ranked = priorities.rank_schools(table, untrained, "out_of_field_share_headcount")

    assert ranked["npsn"].tolist()[:2] == ["1", "2"], "red first, the one with more untrained teachers ahead"
    assert ranked["npsn"].tolist()[2:] == ["6", "3"], "within yellow a tie on untrained goes to the larger gap"
    assert ranked["rank"].tolist() == [1, 2, 3, 4]
    assert ranked.attrs["not_listed"] == {"baik": 1, "none": 1}


def test_a_low_domain_mean_is_the_gap_and_an_unknown_untrained_count_goes_last_in_its_band():
    table = _table([("1", "A", 0.0, 55), ("2", "B", 0.0, 50), ("3", "C", 0.0, 58), ("4", "D", 0.0, 90)])
    untrained = pd.DataFrame({"npsn": ["1", "2", "3"], "untrained": pd.array([3, pd.NA, 3], dtype="Int64")})
    ranked = priorities.rank_schools(table, untrained, "domain_mean_pedagogik", limit=2)
    assert ranked["npsn"].tolist() == ["1", "3"], "A before C (lower mean), B's count unknown: last"
    assert ranked.attrs["listed"] == 3
    assert pd.isna(priorities.rank_schools(table, untrained, "domain_mean_pedagogik")["untrained"].iloc[-1])
    with pytest.raises(KeyError):
        priorities.rank_schools(table, untrained, "teachers")


def test_untrained_teachers_are_counted_only_where_the_file_recorded_trainings():
    guru = pd.DataFrame(
        {
            "guru_id": ["a", "b", "c", "d"],
            "npsn": ["1", "1", "1", "2"],
            "pendidik": True,
            "jenis_ptk": "Guru Mapel",
            "pelatihan_recorded": [True, True, True, False],
        }
    )
    pel = pd.DataFrame(
        {
            "guru_id": ["a"],
            "nama_pelatihan": ["x"],
            "jenis": ["KKG"],
            "tanggal_mulai": [pd.Timestamp("2024-05-01")],
            "tanggal_selesai": [pd.Timestamp("2024-05-02")],
            "jp": [10],
            "peran": [None],
        }
    )
    out = priorities.untrained_per_school(guru, pel, date(2024, 12, 31))
    counts = dict(zip(out["npsn"], out["untrained"]))
    assert counts["1"] == 2
    assert pd.isna(counts["2"]), "a Dapodik-only school cannot say who was trained"


def test_the_indicator_chart_has_one_bar_per_school_worst_on_top_and_counts_the_rest():
    table = _table([(str(i), f"S{i}", i / 40, 70) for i in range(30)])
    bars = priorities.indicator_bars(table, "out_of_field_share_headcount", limit=25)
    assert len(bars) == 25 and bars.attrs["left_out"] == 5 and bars["nama_sekolah"].iloc[0] == "S29"
    fig = overview.indicator_bars_figure(bars, "out_of_field_share_headcount", "id")
    assert len(fig.data) == 1 and fig.data[0].orientation == "h" and len(fig.data[0].y) == 25
    assert fig.layout.yaxis.autorange == "reversed" and list(fig.layout.xaxis.range) == [0, 1.12]
    assert fig.data[0].text[0] == "72 %", "Indonesian writes a share with a space before the sign (analysis.core.formatting)"
    assert fig.layout.height >= 25 * 26


def test_the_colour_bands_are_explained_with_their_cut_offs_and_source():
    en = priorities.explain_bands("en")
    row = en[en["figure"] == "Pedagogical"].iloc[0]
    assert (row["baik"], row["kurang"]) == ("> 75", "≤ 60") and "Pedoman PK Guru" in row["source"]
    oof = en[en["figure"] == "Out of field"].iloc[0]
    assert (oof["baik"], oof["kurang"]) == ("≤ 10%", "> 25%") and "Inferred" in oof["source"]


@pytest.fixture(scope="module")
def district_ds():
    return ingest.combine([ingest.load_path(p, is_sample=True) for p in sample_paths("data")])


def test_a_report_filtered_to_mi_says_so_in_its_header_and_filter_sheet(district_ds):
    filters = {"jenjang": ["MI"], "kecamatan": []}
    npsns = district.filtered_npsn(district_ds, filters)
    wb = openpyxl.load_workbook(io.BytesIO(exports.district_report_xlsx(district_ds, npsns, "id", 3, filters)))
    summary = [r for r in wb.worksheets[0].iter_rows(values_only=True)]
    assert ("Jenjang", "MI") in [r[:2] for r in summary]
    assert ("Kecamatan", "Semua") in [r[:2] for r in summary]
    sheet = wb["Saringan"]
    rows = [r[:2] for r in sheet.iter_rows(values_only=True)]
    assert ("Jenjang", "MI") in rows and ("Target level TIK", "3") in rows
    assert any(r[0] == "Tanggal acuan" for r in rows)
    html = exports.district_report_html(district_ds, npsns, "en", 3, filters)
    assert "Jenjang (level): MI" in html and "Filters applied" in html


def test_filter_lines_name_every_filter_in_the_users_language():
    lines = district.filter_lines({"status": ["Swasta"]}, "en", date(2024, 7, 1), 2, schools=["MIN 2"])
    assert lines == [
        ("Jenjang (level)", "All"),
        ("Kecamatan (sub-district)", "All"),
        ("Naungan (ministry)", "All"),
        ("Status", "Swasta"),
        ("Schools chosen", "MIN 2"),
        ("Reference date", "01/07/2024"),
        ("ICT target level", "2"),
    ]
