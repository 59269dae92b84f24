"""Linieritas and the 24-JJM load as the rules stand in 2026, each rule worked out by hand with its source."""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
import pytest

from analysis.metrics import linieritas
from analysis.reference import subjects

PJOK = "Pendidikan Jasmani, Olahraga, dan Kesehatan"
COLS = ["guru_id", "npsn", "pendidik", "jenis_ptk", "jenjang_pendidikan", "sertifikasi", "jurusan_prodi", "tugas_tambahan", "jam_tugas_tambahan"]


def _guru(*rows):
    return pd.DataFrame(rows, columns=COLS)


def _teacher(gid, cert=None, prodi=None, jenis="Guru Mapel", jenjang="S1", duty=None, duty_hours=np.nan, npsn="1", pendidik=True):
    return (gid, npsn, pendidik, jenis, jenjang, cert, prodi, duty, duty_hours)


def _mengajar(*rows):
    return pd.DataFrame(rows, columns=["guru_id", "mata_pelajaran", "jjm"])


def _sekolah(jenjang, npsn="1"):
    return pd.DataFrame({"npsn": [npsn], "jenjang": [jenjang]})


CLASS_DAY = (("Matematika", 6.0), ("IPAS", 5.0), ("Bahasa Indonesia", 7.0), ("Pendidikan Pancasila", 3.0), ("Seni Rupa", 3.0))


# ------------------------------------------------------------------ guru kelas


def test_a_pgsd_class_teacher_recorded_subject_by_subject_is_one_linier_guru_kelas_assignment():
    """Permendiknas 16/2007 (guru kelas SD/MI: S1/D-IV PGSD/PGMI); Permendikbudristek 12/2024 (the class teacher teaches the class subjects).

    Dapodik records 6 + 5 + 7 + 3 + 3 = 24 JJM subject by subject. Judged one by one, a PGSD
    graduate is out of field in every one of them: 100 % of 24 JJM, a 24-JJM gap of 24 (what
    the dashboard said before). With Jenis PTK Guru Kelas they are one assignment, Guru Kelas, 24 JJM, linier.
    """
    mengajar = _mengajar(*(("a", s, h) for s, h in CLASS_DAY))
    as_mapel = linieritas.judge(_guru(_teacher("a", "Guru Kelas SD", "PGSD", jenis="Guru Mapel")), mengajar)
    assert linieritas.totals(as_mapel)["out_of_field_share_jjm"] == pytest.approx(1.0)
    guru_mapel = _guru(_teacher("a", "Guru Kelas SD", "PGSD", jenis="Guru Mapel"))
    assert linieritas.jjm_link(as_mapel, guru_mapel)["gap"].tolist() == [24.0]

    guru = _guru(_teacher("a", "Guru Kelas SD", "PGSD", jenis="Guru Kelas"))
    judged = linieritas.judge(guru, mengajar)
    assert judged[["mata_pelajaran", "jjm", "status"]].values.tolist() == [["Guru Kelas", 24.0, "linier"]]
    assert linieritas.totals(judged)["out_of_field_share_jjm"] == 0.0
    assert linieritas.jjm_link(judged, guru).empty


def test_religion_pjok_and_the_madrasah_subjects_stay_separate_for_a_class_teacher():
    """Permendikbudristek 12/2024 (Pendidikan Agama and PJOK have their own teachers); KMA 347/2022 (the MI's PAI subjects and Bahasa Arab).

    An uncertified PGMI class teacher in an MI: Matematika 6 + IPAS 4 = 10 JJM become Guru Kelas (linier);
    Akidah Akhlak 2, Fikih 2, Bahasa Arab 2, PJOK 3 stay, each judged by PGMI: not linier.
    Out of field by JJM: 9 / 19.
    """
    guru = _guru(_teacher("a", None, "PGMI", jenis="Guru Kelas"))
    mengajar = _mengajar(
        ("a", "Matematika", 6.0), ("a", "Akidah Akhlak", 2.0), ("a", "IPAS", 4.0), ("a", "Fiqih", 2.0), ("a", "Bahasa Arab", 2.0), ("a", "PJOK", 3.0)
    )
    judged = linieritas.judge(guru, mengajar, sekolah=_sekolah("MI"))
    got = dict(zip(judged["mata_pelajaran"], zip(judged["jjm"], judged["status"])))
    assert got == {
        "Guru Kelas": (10.0, "linier"),
        "Akidah Akhlak": (2.0, "tidak_linier"),
        "Fikih": (2.0, "tidak_linier"),
        "Bahasa Arab": (2.0, "tidak_linier"),
        PJOK: (3.0, "tidak_linier"),
    }
    assert linieritas.totals(judged)["out_of_field_share_jjm"] == pytest.approx(9 / 19)


def test_a_class_assignment_with_a_subject_lacking_its_jjm_has_no_total():
    """A sum over a missing JJM is not known: the merged row's JJM is empty, never the sum of the others."""
    merged = linieritas.merge_class_subjects(_guru(_teacher("a", jenis="Guru Kelas")), _mengajar(("a", "Matematika", 6.0), ("a", "IPAS", np.nan)))
    assert merged["mata_pelajaran"].tolist() == ["Guru Kelas"] and merged["jjm"].isna().all()


@pytest.mark.parametrize(
    ("cert", "prodi", "expected"),
    [
        (None, "PGSD", "linier"),
        (None, "S1 Pendidikan Guru Madrasah Ibtidaiyah", "linier"),
        (None, "Psikologi", "linier"),
        (None, "Pendidikan Matematika", "tidak_linier"),
        (None, "PG-PAUD", "tidak_linier"),
        (None, "Pendidikan Islam Anak Usia Dini", "tidak_linier"),
        ("Guru Kelas SD/MI/SLB", "Pendidikan Bahasa Inggris", "linier"),
        ("Guru Kelas TK", "PG-PAUD", "tidak_linier"),
    ],
)
def test_who_qualifies_as_an_sd_mi_class_teacher(cert, prodi, expected):
    """Permendiknas 16/2007: the SD/MI class teacher holds S1/D-IV PGSD/PGMI or psikologi; not any
    education programme, not PG-PAUD or PIAUD (a PAUD certificate or degree is not linier above PAUD)."""
    assert linieritas.judge_one("Guru Kelas", cert, prodi)[0] == expected


# ---------------------------------------------------------------- programmes


@pytest.mark.parametrize(
    ("subject", "prodi", "expected"),
    [
        ("Bimbingan dan Konseling", "Psikologi", "tidak_linier"),
        ("Bimbingan dan Konseling", "Psikologi Pendidikan dan Bimbingan", "linier"),
        ("Bimbingan dan Konseling", "Bimbingan dan Konseling", "linier"),
    ],
)
def test_psikologi_is_not_linier_for_bk_but_the_bk_programmes_old_name_is(subject, prodi, expected):
    """Permendiknas 27/2008 (konselor: S1 Bimbingan dan Konseling, formerly Psikologi Pendidikan dan Bimbingan)."""
    assert linieritas.judge_one(subject, None, prodi)[0] == expected


@pytest.mark.parametrize("prodi", ["Rekayasa Perangkat Lunak", "Teknik Komputer", "Pendidikan Ilmu Komputer"])
def test_informatika_is_linier_for_rpl_teknik_komputer_and_pendidikan_ilmu_komputer_on_inferred_rows(prodi):
    """Permendikbudristek 7/2024 and its Kepmendikbudristek 449/P/2024 tables: the pairings could not be
    confirmed from a primary source, so the rows say "inferred" and the judgement carries it."""
    status, basis, source = linieritas.judge_one("Informatika", None, prodi, with_source=True)
    assert (status, basis, subjects.is_inferred(source)) == ("linier", "prodi", True)


@pytest.mark.parametrize(
    ("subject", "expected", "inferred"),
    [("Seni Rupa", "linier", False), ("Seni Musik", "tidak_linier", False), ("Seni Tari", "tidak_linier", False), ("Seni Budaya", "linier", True)],
)
def test_seni_budaya_keeps_its_branches(subject, expected, inferred):
    """Kepmendikbudristek 56/M/2022 and Permendikbudristek 12/2024 list Seni Musik, Seni Rupa, Seni Tari and
    Seni Teater as subjects; a Seni Rupa graduate is linier in Seni Rupa only (Permendiknas 16/2007).
    "Seni Budaya" written without a branch cannot be checked against one: any art programme counts, on
    a row marked inferred."""
    status, _, source = linieritas.judge_one(subject, None, "Pendidikan Seni Rupa", with_source=True)
    assert (status, subjects.is_inferred(source)) == (expected, inferred)


@pytest.mark.parametrize(
    ("subject", "prodi", "expected"),
    [
        ("Prakarya Pengolahan", "Pendidikan Tata Boga", "linier"),
        ("Prakarya Rekayasa", "Pendidikan Tata Boga", "tidak_linier"),
        ("Prakarya Rekayasa", "Pendidikan Teknik Otomotif", "linier"),
        ("Prakarya Budi Daya", "Agribisnis", "linier"),
        ("Prakarya", "Pendidikan IPS", "tidak_linier"),
        ("IPS", "Pendidikan Akuntansi", "linier"),
        ("IPS", "Pendidikan Ekonomi", "linier"),
    ],
)
def test_prakarya_aspects_and_the_ips_programmes(subject, prodi, expected):
    """Kepmendikbudristek 56/M/2022: Prakarya has four aspects (Budi Daya, Kerajinan, Rekayasa, Pengolahan),
    each matched to its SMK-type programmes; Pendidikan Akuntansi and Pendidikan Ekonomi qualify for IPS
    (rows marked inferred: Kepmendikbudristek 449/P/2024 not confirmed)."""
    assert linieritas.judge_one(subject, None, prodi)[0] == expected


def test_a_pai_certificate_covers_its_madrasah_rumpun_and_not_bahasa_arab():
    """KMA 347/2022: Al-Qur'an Hadis, Akidah Akhlak, Fikih and SKI are the PAI group of the madrasah; Bahasa Arab is not in it."""
    for subject in ("Al-Qur'an Hadis", "Akidah Akhlak", "Fikih", "SKI", "PAI"):
        assert linieritas.judge_one(subject, "Pendidikan Agama Islam", None) == ("linier", "sertifikasi")
    assert linieritas.judge_one("Bahasa Arab", "Pendidikan Agama Islam", None) == ("tidak_linier", "sertifikasi")


def test_an_mi_subject_certificate_covers_guru_kelas_in_an_mi_only():
    """KMA 303/2016 (konversi guru MI): an MI teacher certified in a subject may teach as class teacher in
    the MI. Not in an SD; a PAI certificate is not named by it and is not converted."""
    assert linieritas.judge_one("Guru Kelas", "Matematika", "Pendidikan Matematika", jenjang="MI", with_source=True) == (
        "linier",
        "sertifikasi_kma303",
        "KMA 303/2016",
    )
    assert linieritas.judge_one("Guru Kelas", "Matematika", "Pendidikan Matematika", jenjang="SD")[0] == "tidak_linier"
    assert linieritas.judge_one("Guru Kelas", "Pendidikan Agama Islam", None, jenjang="MI")[0] == "tidak_linier"


def test_every_programme_row_names_its_source():
    """Each pairing of prodi_mapel.csv names the regulation it rests on, or says "inferred"."""
    with open(subjects.PRODI_FILE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["sumber"].strip() for r in rows)
    assert any(subjects.is_inferred(r["sumber"]) for r in rows) and not all(subjects.is_inferred(r["sumber"]) for r in rows)


def test_judgements_resting_on_inferred_rows_are_counted():
    """Two teachers: Pendidikan Akuntansi teaching IPS (an inferred row) and Pendidikan IPS teaching IPS
    (Permendiknas 16/2007): one judgement, one teacher rests on an inferred row."""
    guru = _guru(_teacher("a", None, "Pendidikan Akuntansi"), _teacher("b", None, "Pendidikan IPS"))
    judged = linieritas.judge(guru, _mengajar(("a", "IPS", 12.0), ("b", "IPS", 12.0)))
    tot = linieritas.totals(judged)
    assert (tot["judgements_inferred"], tot["teachers_inferred"]) == (1, 1)
    assert judged.set_index("guru_id").loc["b", "sumber"] == "Permendiknas 16/2007"


# ------------------------------------------------------------- qualification


def test_a_teacher_below_s1_is_flagged_whatever_the_programme():
    """UU 14/2005 Pasal 9; PP 74/2008 Pasal 2: a teacher needs S1 or D-IV. A D2 PGSD class teacher is linier by
    programme and still flagged; SMA, D1, D3 are flagged; D4, S1, S2 are not; support staff are not teachers."""
    guru = _guru(
        _teacher("d2", None, "PGSD", jenis="Guru Kelas", jenjang="D2"),
        _teacher("sma", None, "IPA", jenjang="SMA"),
        _teacher("d1", None, "Pendidikan IPA", jenjang="D1"),
        _teacher("d3", None, "Pendidikan IPA", jenjang="D3"),
        _teacher("d4", None, "Pendidikan IPA", jenjang="D4"),
        _teacher("s1", None, "Pendidikan IPA", jenjang="S1"),
        _teacher("s2", None, "Pendidikan IPA", jenjang="S2"),
        _teacher("tu", None, "Akuntansi", jenis="Tenaga Administrasi Sekolah", jenjang="SMA", pendidik=False),
    )
    assert linieritas.below_s1(guru)["guru_id"].tolist() == ["d2", "sma", "d1", "d3"]
    assert linieritas.judge_one("Guru Kelas", None, "PGSD")[0] == "linier"


# ------------------------------------------------------------------- 24 JJM


def test_duties_are_worth_12_jtm_or_their_value_with_the_others_capped_at_6():
    """Permendikdasmen 11/2025 Pasal 10 (wakil kepala sekolah, ketua program keahlian, kepala perpustakaan,
    kepala laboratorium/bengkel: 12 JTM) and Pasal 11 with its Lampiran (wali kelas, pembina OSIS, pembina
    ekstrakurikuler 2 each, guru piket 1; together at most 6)."""
    assert linieritas.duty_hours("Wakil Kepala Sekolah Bidang Kurikulum")[0] == 12.0
    assert linieritas.duty_hours("Kepala Perpustakaan; Kepala Laboratorium")[0] == 12.0, "two Pasal 10 duties are still 12"
    assert linieritas.duty_hours("Wali Kelas, Pembina OSIS")[0] == 4.0
    assert linieritas.duty_hours("Wali Kelas; Pembina OSIS; Pembina Ekstrakurikuler; Guru Piket")[0] == 6.0, "2 + 2 + 2 + 1 = 7, capped at 6"
    assert linieritas.duty_hours("Wakasek; Wali Kelas")[0] == 14.0
    assert linieritas.duty_hours("Ketua Panitia Lomba") == (0.0, [], ["Ketua Panitia Lomba"])
    assert linieritas.duty_hours(None) == (0.0, [], [])


def test_the_24_jjm_counts_only_linier_hours_plus_tugas_tambahan():
    """PP 74/2008 Pasal 52 as amended by PP 19/2017 and Permendikdasmen 11/2025: at least 24 JTM, of which
    only linier hours count; tugas tambahan add their equivalent. Guru BK are judged by pupils served
    (PP 74/2008 Pasal 54), the head by the head's rule: neither is in the list.

    a: Matematika 12 linier + IPA 6 out of field + wakil kepala 12 → counted 24: not short.
    b: Bahasa Inggris 16 + Seni Budaya 4 out of field + 2+2+2+1 = 7 capped at 6 → 22: gap 2, 4 hours do not count.
    c: IPA 18 + Jam Tugas Tambahan 2 as written (the text "Wakil Kepala Sekolah" is not used) → 20: gap 4.
    f: IPA 20 + "Ketua Panitia Lomba" (not in the table, 0) → 20: gap 4.
    bk: Guru BK; h: Kepala Sekolah with 6 JJM: neither listed.
    List: b, c, f; total gap 2 + 4 + 4 = 10 JJM.
    """
    guru = _guru(
        _teacher("a", "Matematika", duty="Wakil Kepala Sekolah Bidang Kurikulum"),
        _teacher("b", "Bahasa Inggris", duty="Wali Kelas; Pembina OSIS; Pembina Ekstrakurikuler; Guru Piket"),
        _teacher("c", "IPA", duty="Wakil Kepala Sekolah", duty_hours=2.0),
        _teacher("f", "IPA", duty="Ketua Panitia Lomba"),
        _teacher("bk", "Bimbingan dan Konseling", jenis="Guru BK"),
        _teacher("h", "IPA", jenis="Kepala Sekolah"),
    )
    mengajar = _mengajar(
        ("a", "Matematika", 12.0),
        ("a", "IPA", 6.0),
        ("b", "Bahasa Inggris", 16.0),
        ("b", "Seni Budaya", 4.0),
        ("c", "IPA", 18.0),
        ("f", "IPA", 20.0),
        ("bk", "BK", 0.0),
        ("h", "IPA", 6.0),
    )
    judged = linieritas.judge(guru, mengajar)
    link = linieritas.jjm_link(judged, guru).set_index("guru_id")
    assert link.index.tolist() == ["c", "f", "b"]
    assert link.loc["b", ["jjm_in", "duty_jjm", "jjm_counted", "jjm_not_counted", "gap"]].tolist() == [16.0, 6.0, 22.0, 4.0, 2.0]
    assert link.loc["c", ["duty_jjm", "gap"]].tolist() == [2.0, 4.0]
    assert link.loc["f", "duty_unknown"] == "Ketua Panitia Lomba"
    tot = linieritas.jjm_link_totals(judged, guru)
    assert {k: tot[k] for k in ("certified", "jjm_short", "jjm_gap_total", "jjm_not_counted_total", "bk_not_judged", "heads", "duty_unknown")} == {
        "certified": 6,
        "jjm_short": 3,
        "jjm_gap_total": 10.0,
        "jjm_not_counted_total": 4.0,
        "bk_not_judged": 1,
        "heads": 1,
        "duty_unknown": 1,
    }


def test_a_teacher_with_an_unjudged_subject_has_no_gap_that_can_be_told():
    """Only linier hours count, and an unknown subject may be linier: the gap is not told, the teacher is counted apart."""
    guru = _guru(_teacher("a", "IPA"))
    judged = linieritas.judge(guru, _mengajar(("a", "IPA", 12.0), ("a", "Tari Kreasi", 6.0)))
    assert linieritas.jjm_link(judged, guru).empty
    assert linieritas.jjm_link_totals(judged, guru)["jjm_undetermined"] == 1


# slow: summarize() runs scipy's exact Wilcoxon test per school and domain (seconds); make test runs it, make test-fast leaves it out
@pytest.mark.slow
def test_summary_carries_the_qualification_inferred_and_24_jjm_figures():
    """The command line gives, per school, what the Guru di Luar Bidang page shows."""
    from analysis.ingest import load as ingest
    from analysis.views.summary import summarize

    s = summarize(ingest.load_path("data/sampel_mi_gantarang.xlsx", is_sample=True))["schools"][0]
    for key in ("below_s1", "out_of_field_inferred", "jjm_short", "bk_not_judged_by_jjm"):
        assert isinstance(s[key], int)
    assert isinstance(s["jjm_gap_total"], float) and isinstance(s["jjm_not_counted_total"], float)
