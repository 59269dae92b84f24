"""One number and date format per language (analysis/core/formatting.py), and the downloads that use it."""

import datetime as dt
import doctest

import numpy as np
import pandas as pd
import pytest

from analysis.core import formatting as fmt
from helpers import ROOT


def test_the_docstring_examples_hold():
    from analysis.reports import exports

    result = doctest.testmod(fmt)
    assert result.attempted > 20 and result.failed == 0
    assert doctest.testmod(exports).failed == 0


def test_indonesian_writes_a_decimal_comma_and_a_thousands_dot():
    assert fmt.number(1234567.891, "id", 2) == "1.234.567,89"
    assert fmt.count(1234567, "id") == "1.234.567"
    assert fmt.share(0.637, "id") == "63,7 %"


def test_english_writes_a_decimal_point_and_a_thousands_comma():
    assert fmt.number(1234567.891, "en", 2) == "1,234,567.89"
    assert fmt.count(1234567, "en") == "1,234,567"
    assert fmt.share(0.637, "en") == "63.7%"


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan, pd.NA, pd.NaT, np.float64("nan"), float("inf")])
def test_every_kind_of_missing_value_reads_as_a_dash_never_none_or_nan(missing):
    for kind in ("count", "share", "score", "number", "hours", "p", "effect", "date", "text"):
        assert fmt.value(missing, kind, "id") == "–"


def test_a_caller_can_name_the_missing_value_with_a_word():
    assert fmt.share(None, "en", missing="no data") == "no data"


def test_whole_jjm_jp_and_headcounts_never_read_with_a_decimal():
    assert fmt.value(6.0, "hours", "id") == "6"
    assert fmt.value(np.float64(24.0), "count", "en") == "24"
    assert fmt.hours(32.0, "id", "JP") == "32 JP"
    assert fmt.quantity(1.5, "id") == "1,5", "a half hour stays"


def test_a_change_carries_its_sign_and_a_rounded_zero_has_none():
    assert fmt.score(6.25, "en", sign=True).startswith("+6.")
    assert fmt.number(-0.01, "id") == "0,0"
    assert fmt.number(-0.0, "en") == "0.0"


def test_p_values_below_a_thousandth_are_bounded_not_zero():
    assert fmt.p_value(0.0004, "id") == "< 0,001"
    assert fmt.p_value(0.0004, "en") == "< 0.001"
    assert fmt.p_value(0.5, "id") == "0,500"


def test_dates_are_day_first_and_months_are_named_in_the_language():
    d = dt.date(2025, 8, 17)
    assert fmt.date(d, "id") == "17/08/2025"
    assert fmt.date(d, "id", "long") == "17 Agustus 2025"
    assert fmt.date(d, "en", "long") == "17 August 2025"
    assert fmt.MONTHS["id"][0] == "Januari" and fmt.MONTHS["id"][-1] == "Desember"
    with pytest.raises(ValueError):
        fmt.date(d, "id", "weekday")


def test_typed_dates_are_read_day_first_in_either_language():
    assert fmt.parse_date("03/04/2024") == dt.date(2024, 4, 3)
    assert fmt.parse_date("3 Mei 2024") == fmt.parse_date("3 May 2024") == dt.date(2024, 5, 3)
    assert fmt.parse_date("") is None
    for bad in ("31/02/2024", "tomorrow", "2024/31/12"):
        with pytest.raises(ValueError):
            fmt.parse_date(bad)


def test_column_kinds_come_from_the_name_and_the_values():
    assert fmt.column_kind("share_below", pd.Series([0.1, 0.9])) == "share"
    assert fmt.column_kind("share_pct", pd.Series([10.5, 90.0])) == "number", "a share already in percent is not multiplied again"
    assert fmt.column_kind("jjm", pd.Series([24.0, np.nan])) == "hours"
    assert fmt.column_kind("teachers", pd.Series([3, 4])) == "count"
    assert fmt.column_kind("bujur", pd.Series([104.2471])) == "coordinate"
    assert fmt.column_kind("last_training", pd.Series(pd.to_datetime(["2024-01-01", None]))) == "date"
    assert fmt.column_kind("n", pd.Series(["<10", 12, 15], dtype=object)) == "count"
    assert fmt.column_kind("nama", pd.Series(["Ani", None])) == "text"


def test_csv_cells_are_rounded_machine_numbers_without_none_or_trailing_zero():
    assert fmt.csv_value(0.6366666666666666, "share") == 63.7
    assert fmt.csv_value(6.0, "hours") == 6 and isinstance(fmt.csv_value(6.0, "hours"), int)
    assert fmt.csv_value(None, "text") == ""
    assert fmt.csv_value(71.23456, "number") == 71.235 and fmt.csv_value(71.23456, "score") == 71.2
    assert fmt.csv_header("Proporsi", "share", "id") == "Proporsi (%)"


def test_plotly_separators_follow_the_language():
    assert fmt.plotly_separators("id") == ",." and fmt.plotly_separators("en") == ".,"


# ---------------------------------------------------------------- downloads


def _table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Guru": [3.0, 1234.0],
            "Proporsi di luar bidang": [0.6366666666666666, None],
            "JJM": [6.0, np.nan],
            "Rata-rata": [71.23456, 80.0],
            "Nama": ["=x", None],
            "Terakhir": pd.to_datetime(["2024-01-02", None]),
        }
    )


KINDS = {"Guru": "count", "Proporsi di luar bidang": "share", "JJM": "hours", "Rata-rata": "score"}


def test_a_csv_download_holds_rounded_machine_numbers_and_no_none():
    from analysis.reports import exports

    text = exports.table_csv(_table(), KINDS, "id").decode("utf-8-sig")
    assert text.splitlines() == [
        "Guru,Proporsi di luar bidang (%),JJM,Rata-rata,Nama,Terakhir",
        "3,63.7,6,71.2,'=x,2024-01-02",
        "1234,,,80,,",
    ]
    assert "None" not in text and "nan" not in text and "6.0" not in text


def test_an_xlsx_download_holds_real_numbers_with_number_formats():
    import io

    import openpyxl

    from analysis.reports import exports

    ws = openpyxl.load_workbook(io.BytesIO(exports.table_xlsx(_table(), kinds=KINDS))).active
    guru, share, jjm, mean, name, last = (ws.cell(2, j) for j in range(1, 7))
    assert (guru.value, guru.number_format) == (3, "#,##0") and isinstance(guru.value, int)
    assert share.value == pytest.approx(0.63667, abs=1e-4) and share.number_format == "0.0%"
    assert jjm.value == 6 and isinstance(jjm.value, int), "a whole JJM is an integer, Excel never shows 6.0"
    assert mean.number_format == "0.0" and name.value == "'=x"
    assert last.value == dt.datetime(2024, 1, 2) and last.number_format == "DD/MM/YYYY"
    assert ws.cell(3, 2).value is None and ws.cell(3, 5).value is None


def test_a_table_download_is_named_in_the_ui_language():
    from analysis.reports import exports

    assert exports.download_name("profil_untrained", "csv", "id") == "guru_tanpa_pelatihan.csv"
    assert exports.download_name("profil_untrained", "xlsx", "en") == "untrained_teachers.xlsx"
    assert exports.download_name("ringkasan_trend_table", "csv", "en") == "trends.csv", "a shared section is found by its name"
    assert exports.download_name("nowhere_x", "csv", "id") == "tabel_nowhere_x.csv"


def _table_keys(text: str) -> list[tuple[str, str]]:
    """(first argument of state.key, name) of every table a file shows: widgets.table, banded_school_table, the Dampak page's show()."""
    import ast

    out = []
    for node in ast.walk(ast.parse(text)):
        if not isinstance(node, ast.Call):
            continue
        fname = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if fname not in ("table", "banded_school_table", "show"):
            continue
        args = [kw.value for kw in node.keywords if kw.arg == "key"] + [a for a in node.args if isinstance(a, ast.Call)]
        if fname == "show" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
            out.append(("PAGE", node.args[1].value))
        for a in args:
            if isinstance(a, ast.Call) and getattr(a.func, "attr", "") == "key" and len(a.args) == 2:
                name = a.args[1]
                if isinstance(name, ast.Constant):
                    out.append((a.args[0].id, name.value))
                elif isinstance(name, ast.JoinedStr):  # f"needs_{level}"
                    out += [
                        (a.args[0].id, "".join(p.value if isinstance(p, ast.Constant) else lv for p in name.values)) for lv in ("npsn", "kecamatan", "district")
                    ]
    return out


def test_every_table_a_page_shows_has_a_download_name_in_both_languages():
    import re

    from analysis.i18n import STRINGS

    root = ROOT
    missing, found = [], 0
    for page in [*root.glob("app_pages/*.py"), *root.glob("ui/*_section.py")]:
        text = page.read_text(encoding="utf-8")
        prefix = re.search(r'^PAGE = "([a-z_]+)"', text, re.MULTILINE)
        for owner, name in _table_keys(text):
            found += 1
            full = f"{prefix.group(1)}_{name}" if prefix and owner == "PAGE" else name
            if f"filename.table.{full}" not in STRINGS and f"filename.table.{name}" not in STRINGS:
                missing.append(f"{page.name}: {full}")
    assert found > 30 and not missing, missing


def test_reports_are_named_in_the_ui_language():
    from analysis.i18n import t

    assert t("filename.school_report", "id", npsn="10603812") == "laporan_sekolah_10603812"
    assert t("filename.school_report", "en", npsn="10603812") == "school_report_10603812"
    assert t("filename.district_report", "en") == "district_report"


def test_cards_and_html_reports_write_a_figure_the_same_way():
    from analysis.reports import exports
    from analysis.views import studies
    from ui import widgets

    for kind, v in (("count", 1234), ("share", 0.6366), ("score", 85.14)):
        assert widgets.format_value(v, kind, "id") == exports._fmt(v, kind, "id") == fmt.value(v, kind, "id")
    assert widgets.format_value(1234, "count", "id") == "1.234" and exports._fmt(1234, "count", "en") == "1,234"
    assert studies.format_figure(studies.SHARE, 0.6366, "id") == "63,7 %"


def test_multiselects_hide_the_english_only_select_all_in_indonesian():
    from ui import widgets

    assert widgets.multiselect_words("id") == {"placeholder": "Pilih…", "select_all": False}
    assert widgets.multiselect_words("en")["select_all"] is True


def test_chart_labels_are_written_in_the_ui_language():
    from analysis import charts

    by_subject = pd.DataFrame(
        {
            "mata_pelajaran": ["Seni Budaya", "IPA"],
            "teachers": [4, 9],
            "linier": [3, 9],
            "tidak_linier": [1, 0],
            "unknown": [0, 0],
            "share_out": [0.25, 0.0],
            "jjm": [80.0, 216.0],
            "jjm_out": [8.0, 0.0],
        }
    )
    assert list(charts.out_of_field_by_subject_figure(by_subject, "id").data[-1].text) == ["25 %", "0 %"]
    table = pd.DataFrame({"group": ["a", "b"], "domain": ["x", "x"], "mean": [85.14, 70.0]})
    fig = charts.matrix_figure(table, "group", "domain", "mean", "id", "report.district.chart.domains")
    assert [r[0] for r in fig.data[0].text] == ["85,1", "70,0"]


def test_an_html_report_uses_the_languages_separators_on_its_charts():
    import plotly.graph_objects as go

    from analysis.reports import exports

    fig = go.Figure(go.Bar(x=[1], y=[1234.5]))
    html = exports.html_report("T", [], [("S", [fig])], lang="id")
    assert '"separators":",."' in html.replace(" ", "")


def test_a_shown_table_writes_a_dash_for_missing_text_and_formats_numbers_in_the_language():
    from ui import widgets

    shown = pd.DataFrame({"Guru": ["G-1", "G-2"], "Tugas": [None, None], "JJM": [6.0, 1.5], "Proporsi": [0.25, np.nan]})
    styled = widgets._styled(shown, {"Guru": "text", "Tugas": "text", "JJM": "hours", "Proporsi": "share"}, "id")
    assert list(styled.data["Tugas"]) == ["–", "–"], "a column of only None would show 'None'"
    html = styled.to_html()
    assert ">6<" in html and ">1,5<" in html and ">25,0 %<" in html and ">–<" in html


def test_years_and_row_numbers_never_get_a_thousands_separator():
    assert fmt.cell(2024, fmt.column_kind("year", pd.Series([2023, 2024])), "id") == "2024"
    assert fmt.column_kind("row", pd.Series([1234])) == "text"


def test_an_html_report_prints_a_table_in_the_language():
    from analysis.reports import exports

    html = exports.html_report(
        "T", [], [("S", [pd.DataFrame({"teachers": [1234], "share_out": [0.6366666666666666], "jjm": [6.0], "nama": [None]})])], lang="id"
    )
    assert "1.234" in html and "63,7 %" in html and ">6<" in html
    assert "0.63666" not in html and "None" not in html and "6.0" not in html


def test_the_plan_workbook_keeps_numbers_with_formats():
    import io

    import openpyxl

    from analysis.plan import views

    ws = openpyxl.load_workbook(io.BytesIO(views.plan_xlsx({"S": pd.DataFrame({"npsn": ["10603812"], "hours": [6.0], "share_out": [0.25]})}))).active
    assert ws.cell(2, 1).value == "10603812" and ws.cell(2, 2).value == 6 and isinstance(ws.cell(2, 2).value, int)
    assert ws.cell(2, 3).number_format == "0.0%"


def test_the_jjm_table_of_a_sample_school_downloads_without_none_or_trailing_zero():

    from analysis import samples
    from analysis.ingest import load as ingest
    from analysis.reports import exports
    from analysis.views import school

    ds = ingest.load_path(ROOT / "data" / samples.file_name("mts_pesantren"), is_sample=True)
    link = school.out_of_field_tables(school.select(ds))["jjm_link"]
    assert len(link) > 5, "teachers below 24 JJM to list"
    headers = {
        "guru_id": "Guru",
        "jjm_in": "JJM linier",
        "duty_jjm": "Tugas tambahan",
        "jjm_total": "JJM total",
        "gap": "Kurang dari 24",
        "band": "Kelompok",
        "duty_unknown": "Tugas belum dikenal",
    }
    shown, kinds = exports.labelled(link, {c: h for c, h in headers.items() if c in link})
    assert kinds["JJM total"] == "hours"
    text = exports.table_csv(shown, kinds, "id").decode("utf-8-sig")
    body = "\n".join(text.splitlines()[1:])
    assert ",12," in body or ",16," in body, body
    assert "None" not in body and "nan" not in body and not any(cell.endswith(".0") for line in text.splitlines()[1:] for cell in line.split(","))
