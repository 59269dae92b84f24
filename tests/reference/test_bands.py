"""Colour bands of the overview figures."""

import math

import pytest

from analysis.reference.bands import BANDS, RULES, band


@pytest.mark.parametrize(
    "figure, value, expected",
    [
        ("certified_share", 0.80, "baik"),
        ("certified_share", 0.7999, "sedang"),
        ("certified_share", 0.50, "sedang"),
        ("certified_share", 0.49, "kurang"),
        ("out_of_field_share_headcount", 0.10, "baik"),
        ("out_of_field_share_headcount", 0.11, "sedang"),
        ("out_of_field_share_headcount", 0.25, "sedang"),
        ("out_of_field_share_headcount", 0.26, "kurang"),
        ("domain_mean_pedagogik", 75.0, "sedang"),
        ("domain_mean_pedagogik", 75.01, "baik"),
        ("domain_mean_pedagogik", 60.0, "kurang"),
        ("domain_mean_pedagogik", 60.5, "sedang"),
    ],
)
def test_each_value_falls_in_the_band_its_rule_gives(figure, value, expected):
    assert band(figure, value) == expected


def test_a_missing_value_has_no_band():
    assert band("certified_share", None) == "none"
    assert band("trained_last_12_months_share", math.nan) == "none"


def test_an_unknown_figure_is_a_key_error():
    with pytest.raises(KeyError):
        band("nonsense", 0.5)


def test_every_rule_orders_its_cut_offs_in_the_direction_of_better():
    for rule in RULES.values():
        assert (rule.good > rule.fair) if rule.higher_is_better else (rule.good < rule.fair)
    assert BANDS == ("baik", "sedang", "kurang")
