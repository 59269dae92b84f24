"""One number and date format per language (analysis/formatting.py), and the downloads that use it."""

import datetime as dt
import doctest

import numpy as np
import pandas as pd
import pytest

from analysis import formatting as fmt


def test_the_docstring_examples_hold():
    result = doctest.testmod(fmt)
    assert result.attempted > 20 and result.failed == 0


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
