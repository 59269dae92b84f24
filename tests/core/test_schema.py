"""The schema module: one source of truth that is consistent with itself."""

import pytest

from analysis.core import schema


def test_every_sheet_has_unique_column_keys_and_headers():
    for sheet in schema.SHEETS:
        assert len(set(sheet.keys)) == len(sheet.keys), sheet.name
        schema.header_map(sheet)  # raises on a header claimed twice


def test_choice_columns_have_a_closed_list_and_aliases_point_into_it():
    for sheet in schema.SHEETS:
        for col in sheet.columns:
            if col.type == "choice":
                assert col.allowed, (sheet.name, col.key)
                assert set(col.value_aliases.values()) <= set(col.allowed), (sheet.name, col.key)


def test_examples_of_choice_columns_are_allowed_values():
    for sheet in schema.SHEETS:
        for col in sheet.columns:
            if col.type == "choice" and col.example:
                assert col.example in col.allowed, (sheet.name, col.key)


def test_id_columns_state_their_digit_count():
    assert schema.GURU.column("nuptk").digits == 16
    assert schema.GURU.column("nip").digits == 18
    assert schema.SEKOLAH.column("npsn").digits == 8


def test_pkg_items_split_into_the_four_domains():
    items = [k for ks in schema.PKG_DOMAIN_ITEMS.values() for k in ks]
    assert items == list(schema.PKG_ITEMS)
    assert len(schema.PKG_DOMAIN_ITEMS["pedagogik"]) == 7


def test_headers_fold_line_breaks_case_and_slashes():
    assert schema.normalize_header("Jam Tugas\nTambahan") == "jam tugas tambahan"
    assert schema.normalize_header(" Jurusan / Prodi ") == "jurusan/prodi"
    assert schema.normalize_header("\ufeffNPSN") == "npsn"


def test_sheet_names_and_aliases_are_found():
    assert schema.sheet_for_name("guru") is schema.GURU
    assert schema.sheet_for_name("Teachers") is schema.GURU
    assert schema.sheet_for_name("Lembar1") is None


@pytest.mark.parametrize(
    "jenis, expected",
    [("Guru Mapel", True), ("Kepala Sekolah", True), ("Guru Kelas", True), ("Tenaga Administrasi Sekolah", False), ("Laboran", False), (None, True)],
)
def test_pendidik_follows_jenis_ptk(jenis, expected):
    assert schema.is_pendidik(jenis) is expected


def test_column_lookup_names_the_sheet_on_a_bad_key():
    with pytest.raises(KeyError, match="Guru"):
        schema.GURU.column("nope")
