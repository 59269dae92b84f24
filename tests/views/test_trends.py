"""Trend figures per school × reference year, and over the district weighted by teachers."""

import pandas as pd
import pytest

from analysis.ingest.load import load_path
from analysis.views import school, trends
from helpers import ROOT

SAMPLE = ROOT / "data" / "sampel_smpn8_prabumulih.xlsx"


@pytest.fixture(scope="module")
def ds():
    return load_path(SAMPLE)


def test_there_is_one_row_per_school_and_year_in_order(ds):
    npsn = ds.tables["sekolah"]["npsn"].iloc[0]
    out = trends.school_trends({(npsn, 2025): ds, (npsn, 2024): ds})
    assert list(out.columns) == list(trends.COLUMNS)
    assert list(out["year"]) == [2024, 2025]
    assert set(out["npsn"]) == {npsn}


def test_a_years_figures_are_the_pages_figures_of_that_data(ds):
    npsn = ds.tables["sekolah"]["npsn"].iloc[0]
    row = trends.school_trends({(npsn, 2025): ds}).iloc[0]
    head = school.headline(school.select(ds, npsn))
    cats = school.competency_tables(school.select(ds, npsn))["categories"]
    assert row["teachers"] == head["teachers"]
    assert row["out_of_field_share"] == pytest.approx(head["out_of_field_share_headcount"])
    assert row["trained_share"] == pytest.approx(head["trained_last_12_months_share"])
    assert row["assessed"] == int(cats["n"].sum())
    assert row["pkg_amat_baik"] == int(cats.set_index("kategori").loc["amat_baik", "n"])


def test_no_input_gives_the_columns_and_no_row():
    out = trends.school_trends({})
    assert out.empty and list(out.columns) == list(trends.COLUMNS)
    assert trends.district_trends(out).empty


def test_district_shares_are_weighted_by_teachers_worked_by_hand():
    # 2024: school 1 has 10 teachers, 20 % out of field; school 2 has 30 teachers, 40 %:
    # (10*0.2 + 30*0.4) / 40 = 14/40 = 0.35. School 2 has no ICT figure: school 1's 0.5 alone.
    per_school = pd.DataFrame(
        [
            {
                "npsn": "1",
                "year": 2024,
                "teachers": 10,
                "out_of_field_share": 0.2,
                "trained_share": 1.0,
                "ict_below_target_share": 0.5,
                "assessed": 4,
                **{f"pkg_{c}": 1 for c in trends.CATEGORIES},
            },
            {
                "npsn": "2",
                "year": 2024,
                "teachers": 30,
                "out_of_field_share": 0.4,
                "trained_share": 0.0,
                "ict_below_target_share": float("nan"),
                "assessed": 6,
                **{f"pkg_{c}": 2 for c in trends.CATEGORIES},
            },
            {
                "npsn": "1",
                "year": 2025,
                "teachers": 0,
                "out_of_field_share": float("nan"),
                "trained_share": float("nan"),
                "ict_below_target_share": float("nan"),
                "assessed": 0,
                **{f"pkg_{c}": 0 for c in trends.CATEGORIES},
            },
        ]
    )
    out = trends.district_trends(per_school).set_index("year")
    assert out.loc[2024, "out_of_field_share"] == pytest.approx(0.35)
    assert out.loc[2024, "trained_share"] == pytest.approx(0.25)
    assert out.loc[2024, "ict_below_target_share"] == pytest.approx(0.5)
    assert out.loc[2024, "schools"] == 2 and out.loc[2024, "teachers"] == 40 and out.loc[2024, "pkg_baik"] == 3
    assert pd.isna(out.loc[2025, "out_of_field_share"]), "no teacher that year: no share"


def test_the_long_form_keeps_only_figures_with_a_value():
    trend = pd.DataFrame(
        {"year": [2024, 2025], "out_of_field_share": [0.1, float("nan")], "trained_share": [0.5, 0.6], "ict_below_target_share": [float("nan")] * 2}
    )
    long = trends.long_shares(trend)
    assert len(long) == 3
    assert set(long["figure"]) == {"out_of_field_share", "trained_share"}
