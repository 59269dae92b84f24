"""Typed results: the view functions return frozen dataclasses whose parts are named, typed and documented."""

from __future__ import annotations

import dataclasses
import typing

import pandas as pd
import pytest

from analysis.metrics.effects import Effects
from analysis.views import district, school, summary


@pytest.fixture(scope="module")
def sel(sample_dataset):
    return school.select(sample_dataset, None)


BUILDERS = {
    "training_tables": school.TrainingTables,
    "staff_tables": school.StaffTables,
    "competency_tables": school.CompetencyTables,
    "out_of_field_tables": school.OutOfFieldTables,
    "ict_tables": school.IctTables,
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_each_school_view_returns_its_frozen_dataclass_with_every_field_filled(sel, name):
    result = getattr(school, name)(sel)
    assert type(result) is BUILDERS[name]
    hints = typing.get_type_hints(type(result))
    for field in dataclasses.fields(result):
        value = getattr(result, field.name)
        assert value is not None, field.name
        if hints[field.name] is pd.DataFrame:
            assert isinstance(value, pd.DataFrame), field.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(result, dataclasses.fields(result)[0].name, None)


def test_a_result_reads_by_name_as_before_and_a_misspelt_part_fails_at_once(sel):
    t = school.training_tables(sel)
    assert t["jp_bins"] is t.jp_bins and "untrained" in t and list(t.keys()) == ["per_teacher", "types", "jp_bins", "untrained"]
    with pytest.raises(KeyError):
        t["jp_bin"]
    with pytest.raises(AttributeError):
        t.jp_bin  # noqa: B018


def test_the_effect_view_returns_the_effects_dataclass(sel):
    assert isinstance(school.effect_tables(sel), Effects)


def test_a_teacher_profile_is_a_typed_result(sample_dataset):
    guru_id = sample_dataset.tables["guru"]["guru_id"].iloc[0]
    p = district.teacher_profile(sample_dataset, guru_id)
    assert isinstance(p, district.TeacherProfile) and isinstance(p.trained_last_12_months, bool) and isinstance(p.profile, dict)


def test_the_summary_is_typed_as_the_json_document_it_is():
    assert set(summary.Summary.__annotations__) == {"reference_date", "ict_target", "schools"}
    assert "training_effects" in summary.SchoolSummary.__annotations__
