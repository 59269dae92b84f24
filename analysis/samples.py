"""The one seeded generator of sample workbooks and test fixtures.

The bundled sample workbooks in ``data/`` and every test fixture come from
here, deterministically (``numpy.random.default_rng`` with a fixed seed per
site). The data is **illustrative, not measured**: none of the field studies
publishes a teacher-level table, so each site is built to agree with what its
study found (the studies are coded, with their references, in data/studies.yaml):

- SMPN 8 Prabumulih (study 002): 62 teachers and staff, all pendidik S1 or
  higher, most certified, each certified teacher at 24 JJM; the out-of-field
  teachers are the uncertified ones given the subjects short of a teacher: an
  English-trained teacher teaching Seni Budaya and an IPS-trained teacher
  teaching Prakarya (the only cases); monthly MGMP, a computer course, diklat,
  penataran, a workshop lifting pedagogik and profesional a little, post
  scores mostly below 100; assessment mostly with technology, digital media
  and ICT mastery still weak for part of the staff.
- SMPN 7 Muaro Jambi (study 001): Pembelajaran Mendalam and Koding dan
  Kecerdasan Artifisial trainings of 1–3 days that teachers do not yet apply
  (no gain); part of the staff weak in IT.
- MTs-SA Miftahul Karomah (study 000): on-the-job training (IHT) lifting
  pedagogik (methods, classroom management, digital media) and profesional
  (material mastery).
- Six MI of Kecamatan Gantarang (study 003): class teachers, KKG lifting
  pedagogik and sosial most; some class teachers with a PAI, Bahasa Arab,
  Ekonomi or Syariah degree (out of field: the class teacher needs
  PGSD/PGMI or psikologi); some teachers weak with a laptop.
- Four pesantren-based MTs (study 004): qualification upgrades, certification,
  integrated training, supervision; all four competencies rise.

Each site's builder says which lines of its study it follows; the tests in
``tests/test_studies.py`` check the generated data against those claims.

Command line (also a fixtures CLI, in the manner of Datasette's fixtures)::

    python -m analysis.samples data        # write every sample workbook and the template
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font

from analysis.core import paths, schema
from analysis.core.dataset import Dataset, ValidationReport
from analysis.ingest.load import empty_tables
from analysis.ingest.template import build_template
from analysis.metrics import pkg
from analysis.metrics.kinerja import ASN_STATUS, predikat_from_ratings
from analysis.views.studies import load_studies

ILLUSTRATIVE_ID = "DATA CONTOH ILUSTRATIF, BUKAN HASIL PENGUKURAN. Dibuat agar sejalan dengan temuan penelitian; bukan data guru sebenarnya."
ILLUSTRATIVE_EN = "ILLUSTRATIVE SAMPLE DATA, NOT MEASURED. Built to agree with the field studies' findings; not real teachers."

FIRST_L = [
    "Ahmad",
    "Budi",
    "Dedi",
    "Eko",
    "Fajar",
    "Hendra",
    "Irfan",
    "Joko",
    "Kurniawan",
    "Muhammad",
    "Rahmat",
    "Syamsul",
    "Taufik",
    "Yusuf",
    "Andi",
    "Arif",
    "Hasan",
    "Ridwan",
    "Agus",
    "Bambang",
]
FIRST_P = [
    "Aminah",
    "Dewi",
    "Fitri",
    "Hartati",
    "Indah",
    "Kartini",
    "Lestari",
    "Marlina",
    "Nurhayati",
    "Putri",
    "Rina",
    "Sari",
    "Siti",
    "Wahyuni",
    "Yuliana",
    "Nur",
    "Rosmawati",
    "Herlina",
    "Suryani",
    "Fatimah",
]
LAST = [
    "Saputra",
    "Hidayat",
    "Lubis",
    "Siregar",
    "Nasution",
    "Rahman",
    "Hasibuan",
    "Pratama",
    "Wijaya",
    "Santoso",
    "Kurniasih",
    "Syahputra",
    "Halim",
    "Ramadhani",
    "Daeng",
    "Baso",
    "Mappa",
    "Rusdi",
    "Anwar",
    "Harahap",
]

SMP_SUBJECTS = {
    "Pendidikan Agama Islam dan Budi Pekerti": "Pendidikan Agama Islam",
    "Pendidikan Pancasila": "Pendidikan Pancasila dan Kewarganegaraan",
    "Bahasa Indonesia": "Pendidikan Bahasa Indonesia",
    "Matematika": "Pendidikan Matematika",
    "IPA": "Pendidikan IPA",
    "IPS": "Pendidikan IPS",
    "Bahasa Inggris": "Pendidikan Bahasa Inggris",
    "Pendidikan Jasmani, Olahraga, dan Kesehatan": "Pendidikan Jasmani Kesehatan dan Rekreasi",
    "Informatika": "Pendidikan Teknologi Informasi",
    "Seni Budaya": "Pendidikan Seni Rupa",
    "Prakarya": "Pendidikan Teknik Mesin",
    "Muatan Lokal": "Pendidikan Bahasa Daerah",
}
#: Weekly hours a school needs per subject, roughly (drives the staffing mix).
SMP_WEIGHTS = [3, 2, 6, 5, 5, 4, 4, 3, 2, 2, 2, 1]
MTS_EXTRA = {
    "Al-Qur'an Hadis": "Pendidikan Agama Islam",
    "Akidah Akhlak": "Pendidikan Agama Islam",
    "Fikih": "Pendidikan Agama Islam",
    "Sejarah Kebudayaan Islam": "Pendidikan Agama Islam",
    "Bahasa Arab": "Pendidikan Bahasa Arab",
}


@dataclass(frozen=True)
class Site:
    """One studied site: a school or a group of schools.

    Attributes
    ----------
    key : str
        File stem suffix (``"smpn8_prabumulih"``).
    study : str
        Id of the study it follows (``id`` in ``data/studies.yaml``, which carries its reference).
    """

    key: str
    study: str
    seed: int


#: Illustrative coordinates of the sample schools (decimal degrees, near the town each sits in; not surveyed).
SAMPLE_COORDINATES: dict[str, tuple[float, float]] = {
    "10603812": (-3.4310, 104.2290),
    "10603802": (-3.4406, 104.2470),
    "10505207": (-1.5020, 103.4510),
    "20583110": (-6.4480, 107.8010),
    "60304410": (-5.5120, 120.2010),
    "60304411": (-5.4980, 120.2180),
    "60304412": (-5.5250, 120.1890),
    "60304413": (-5.4860, 120.2310),
    "60304414": (-5.5360, 120.2120),
    "60304415": (-5.5050, 120.1750),
    "20572710": (-7.5480, 112.2330),
    "20572711": (-7.4520, 112.2010),
    "20572712": (-7.7230, 113.5010),
    "20572713": (-7.7610, 113.4030),
}


SITES = (
    Site("smpn8_prabumulih", "002_9a25c0761d987950", 8),
    Site("smpn7_muaro_jambi", "001_3e99ec7f507ba269", 7),
    Site("mts_miftahul_karomah", "000_abd58a99c1a4d8ce", 10),
    Site("mi_gantarang", "003_81dc6fbc27978915", 3),
    Site("mts_pesantren", "004_e5df26d4826b8f11", 4),
)
SITES_BY_KEY = {s.key: s for s in SITES}


def file_name(site_key: str) -> str:
    """Sample workbook file name of a site (``sampel_<key>.xlsx``)."""
    return f"sampel_{site_key}.xlsx"


DAPODIK_FILE = "sampel_dapodik_profil_sekolah.xlsx"
TEMPLATE_FILE = "template_kompetensi_guru.xlsx"


# ---------------------------------------------------------------------------
# Building the tables
# ---------------------------------------------------------------------------


class _Builder:
    """Accumulates the rows of one site's tables."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.sekolah: list[dict] = []
        self.guru: list[dict] = []
        self.mengajar: list[dict] = []
        self.pelatihan: list[dict] = []
        self.penilaian: list[dict] = []
        self.kendala: list[dict] = []
        self.kinerja: list[dict] = []
        self._used_ids: set[str] = set()

    def digits(self, n: int, first: str = "") -> str:
        while True:
            s = first + "".join(str(d) for d in self.rng.integers(0, 10, n - len(first)))
            if s[0] != "0" and s not in self._used_ids:
                self._used_ids.add(s)
                return s

    def name(self, jk: str) -> str:
        first = self.rng.choice(FIRST_L if jk == "L" else FIRST_P)
        return f"{first} {self.rng.choice(LAST)}"

    def school(self, npsn: str, nama: str, jenjang: str, status: str, naungan: str, kec: str, kab: str, prov: str, pesantren: bool) -> str:
        lat, lon = SAMPLE_COORDINATES.get(npsn, (None, None))
        self.sekolah.append(
            {
                "npsn": npsn,
                "nama_sekolah": nama,
                "jenjang": jenjang,
                "status": status,
                "naungan": naungan,
                "kecamatan": kec,
                "kabupaten_kota": kab,
                "provinsi": prov,
                "lintang": lat,
                "bujur": lon,
                "berbasis_pesantren": "Ya" if pesantren else "Tidak",
            }
        )
        return npsn

    def person(
        self,
        npsn: str,
        *,
        jenis_ptk: str,
        status: str,
        jenjang_pend: str,
        prodi: str | None,
        kependidikan: bool | None,
        sertifikasi: str | None,
        subjects: list[tuple[str, float]],
        ict_base: float,
        has_nuptk: bool = True,
        age_range: tuple[int, int] = (24, 58),
    ) -> dict:
        rng = self.rng
        jk = "L" if rng.random() < 0.42 else "P"
        age = int(rng.integers(*age_range))
        born = date(2025 - age, int(rng.integers(1, 13)), int(rng.integers(1, 29)))
        tmt = date(max(born.year + 23, 1990) + int(rng.integers(0, 8)), int(rng.choice([1, 7])), 1)
        tmt = min(tmt, date(2024, 7, 1))
        pns = status in ("PNS", "PNS Depag", "PNS Diperbantukan", "CPNS")
        nip = None
        if pns:
            nip = f"{born:%Y%m%d}{tmt:%Y%m}{1 if jk == 'L' else 2}{self.digits(3, '0')[1:] if False else str(int(rng.integers(100, 999)))}"
        ict = {}
        age_penalty = (age - 40) / 25
        for i, skill in enumerate(schema.ICT_SKILLS):
            level = ict_base - 0.35 * i * (i > 2) - 0.8 * age_penalty + rng.normal(0, 0.6)
            ict[skill] = int(np.clip(round(level), 1, 4))
        total = float(sum(h for _, h in subjects))
        rec = {
            "npsn": npsn,
            "nama": self.name(jk),
            "nuptk": self.digits(16) if has_nuptk else None,
            "nip": nip,
            "jk": jk,
            "tanggal_lahir": born,
            "status_kepegawaian": status,
            "jenis_ptk": jenis_ptk,
            "jenjang_pendidikan": jenjang_pend,
            "jurusan_prodi": prodi,
            "kependidikan": None if kependidikan is None else ("Ya" if kependidikan else "Tidak"),
            "sertifikasi": sertifikasi,
            "tahun_sertifikasi": int(rng.integers(2008, 2024)) if sertifikasi else None,
            "mengajar": "; ".join(s for s, _ in subjects) if subjects else None,
            "jjm": total if subjects else None,
            "tmt_kerja": tmt,
            **ict,
            "_subjects": subjects,
            "_ability": float(rng.normal(0, 1)),
        }
        self.guru.append(rec)
        return rec

    # --- trainings and assessments -------------------------------------------------

    def training(self, g: dict, nama: str, jenis: str, start: date, days: int, jp: float, fokus: str, penyelenggara: str, moda: str = "Luring") -> None:
        if not g["nuptk"]:
            return
        self.pelatihan.append(
            {
                "nuptk": g["nuptk"],
                "nama_pelatihan": nama,
                "jenis": jenis,
                "penyelenggara": penyelenggara,
                "tanggal_mulai": start,
                "tanggal_selesai": start + timedelta(days=days - 1),
                "jp": jp,
                "moda": moda,
                "fokus": fokus,
                "peran": "Peserta",
                "sertifikat": "Ya" if jenis not in ("KKG", "MGMP") else "Tidak",
            }
        )

    def pkg(self, g: dict, when: date, boost: dict[str, float]) -> None:
        """One PKG assessment: K1–K14 values 1–4 from the teacher's ability plus boosts."""
        if not g["nuptk"]:
            return
        rec = {"nuptk": g["nuptk"], "tanggal_penilaian": when, "sumber": "PKG"}
        for dom, items in schema.PKG_DOMAIN_ITEMS.items():
            for k in items:
                v = 3.05 + 0.45 * g["_ability"] + boost.get(dom, 0.0) + self.rng.normal(0, 0.45)
                rec[k] = int(np.clip(round(v), 1, 4))
        self.penilaian.append(rec)

    def scores(self, g: dict, when: date, sumber: str, boost: dict[str, float]) -> None:
        """A Supervisi/UKG/Mandiri assessment with domain scores 0–100."""
        if not g["nuptk"]:
            return
        rec = {"nuptk": g["nuptk"], "tanggal_penilaian": when, "sumber": sumber}
        base = 62 if sumber == "UKG" else 74
        for dom in schema.DOMAINS:
            if sumber == "UKG" and dom not in schema.UKG_DOMAINS:
                continue
            v = base + 7 * g["_ability"] + boost.get(dom, 0.0) + self.rng.normal(0, 4)
            rec[dom] = round(float(np.clip(v, 0, 100)), 1)
        self.penilaian.append(rec)

    def tables(self) -> dict[str, pd.DataFrame]:
        guru = pd.DataFrame([{k: v for k, v in g.items() if not k.startswith("_")} for g in self.guru])
        out = {
            "sekolah": pd.DataFrame(self.sekolah),
            "guru": guru,
            "mengajar": pd.DataFrame(self.mengajar),
            "pelatihan": pd.DataFrame(self.pelatihan),
            "penilaian": pd.DataFrame(self.penilaian),
            "kendala": pd.DataFrame(self.kendala),
            "kinerja": pd.DataFrame(self.kinerja),
        }
        for key, df in out.items():
            sheet = schema.SHEETS_BY_KEY[key]
            out[key] = df.reindex(columns=sheet.keys) if not df.empty else pd.DataFrame(columns=sheet.keys)
        return out


def _subject_staff(b: _Builder, npsn: str, n: int, subjects: dict[str, str], weights: list[float], cert_share: float, madrasah: bool) -> list[dict]:
    """Subject teachers with matching prodi, most at 24 JJM."""
    rng = b.rng
    names = list(subjects)
    p = np.array(weights[: len(names)] + [2] * (len(names) - len(weights)), dtype=float)
    p /= p.sum()
    staff = []
    for i in range(n):
        subj = names[i] if i < len(names) else str(rng.choice(names, p=p))
        prodi = subjects[subj]
        if madrasah and prodi.startswith("Pendidikan ") and rng.random() < 0.5:
            prodi = "Tadris " + prodi.removeprefix("Pendidikan ")
        certified = rng.random() < cert_share
        status = (
            rng.choice(["PNS", "PPPK", "GTY/PTY", "Guru Honor Sekolah"], p=[0.55, 0.15, 0.1, 0.2])
            if not madrasah
            else rng.choice(["PNS Depag", "GTY/PTY", "Guru Honor Sekolah"], p=[0.3, 0.45, 0.25])
        )
        if certified and status == "Guru Honor Sekolah":
            status = "GTY/PTY" if madrasah else "PNS"
        jjm = 24.0 if certified and rng.random() < 0.8 else float(rng.choice([12, 16, 18, 20, 24]))
        g = b.person(
            npsn,
            jenis_ptk="Guru Mapel",
            status=str(status),
            jenjang_pend="S2" if rng.random() < 0.12 else "S1",
            prodi=prodi,
            kependidikan=True,
            sertifikasi=subj if certified else None,
            subjects=[(subj, jjm)],
            ict_base=2.9,
            has_nuptk=status != "Guru Honor Sekolah" or rng.random() < 0.7,
        )
        staff.append(g)
    return staff


def _tendik(b: _Builder, npsn: str, n: int, madrasah: bool) -> None:
    jobs = ["Tenaga Administrasi Sekolah", "Tenaga Administrasi Sekolah", "Tenaga Perpustakaan", "Laboran", "Penjaga Sekolah", "Petugas Keamanan"]
    for i in range(n):
        b.person(
            npsn,
            jenis_ptk=jobs[i % len(jobs)],
            status="Tenaga Honor Sekolah" if i % 3 else ("PNS Depag" if madrasah else "PNS"),
            jenjang_pend=str(b.rng.choice(["SMA", "D3", "S1"])),
            prodi=str(b.rng.choice(["Administrasi Perkantoran", "Akuntansi", "Ilmu Perpustakaan", "Manajemen"])),
            kependidikan=False,
            sertifikasi=None,
            subjects=[],
            ict_base=2.6,
        )


def _head(b: _Builder, npsn: str, madrasah: bool, subject: str, prodi: str) -> dict:
    return b.person(
        npsn,
        jenis_ptk="Kepala Sekolah",
        status="PNS Depag" if madrasah else "PNS",
        jenjang_pend="S2",
        prodi=prodi,
        kependidikan=True,
        sertifikasi=subject,
        subjects=[(subject, 6.0)],
        ict_base=3.0,
        age_range=(45, 57),
    )


#: The four domains at no offset: a site's default level and a training's default gain.
NO_OFFSET: dict[str, float] = {d: 0.0 for d in schema.DOMAINS}


def _assess_and_train(
    b: _Builder,
    teachers: list[dict],
    plan: list[tuple],
    *,
    share_trained: float,
    pkg_dates: tuple[date, ...],
    gains: dict[str, float] | None = None,
    level: dict[str, float] | None = None,
    extra: str | None = None,
) -> None:
    """Give each teacher PKG assessments and, for a share, the trainings in ``plan``.

    Parameters
    ----------
    plan : list of tuple
        One row per training: (nama, jenis, start, days, jp, fokus, penyelenggara, moda).
        A trained teacher attends each with probability 0.85.
    share_trained : float
        Share of ``teachers`` (0–1) who attend the plan's trainings.
    pkg_dates : tuple of date
        Nominal assessment dates; each teacher's falls 0–19 days later.
    gains : dict, optional
        Domain → rise of the K values (1–4 scale; 0.25 ≈ 6 points on 0–100) of a
        trained teacher's assessment for every interval between assessments in
        which they attended a training: the site's study says which domains
        training lifts (default: none).
    level : dict, optional
        Domain → offset of every assessment of the site (K-value units).
    extra : {"supervisi"}, optional
        Also one Supervisi (domain scores 0–100) 60 days before the last assessment.
    """
    rng = b.rng
    gains = {**NO_OFFSET, **(gains or {})}
    level = {**NO_OFFSET, **(level or {})}
    for g in teachers:
        trained = rng.random() < share_trained
        attended: list[date] = []
        if trained:
            for nama, jenis, start, days, jp, fokus, org, moda in plan:
                if rng.random() < 0.85:
                    b.training(g, nama, jenis, start, days, jp, fokus, org, moda)
                    attended.append(start)
        when = [d + timedelta(days=int(rng.integers(0, 20))) for d in pkg_dates]
        # Intervals (previous assessment, this one] in which the teacher attended a training.
        stages = [sum(any(lo < a < hi for a in attended) for lo, hi in zip(when[:i], when[1 : i + 1])) for i in range(len(when))]
        for w, k in zip(when, stages):
            b.pkg(g, w, {d: level[d] + k * gains[d] for d in schema.DOMAINS})
        if extra == "supervisi":
            sup = pkg_dates[-1] - timedelta(days=60)
            points = [*(w for w in when if w < sup), sup]
            k = sum(any(lo < a < hi for a in attended) for lo, hi in zip(points[:-1], points[1:]))
            b.scores(g, sup, "Supervisi", {d: 25 * (level[d] + k * gains[d]) for d in schema.DOMAINS})


def _ict_profile(teachers: list[dict], means: dict[str, float], seed: int, year: int = 2025) -> None:
    """Redraw the six ICT self-ratings (1–4) of ``teachers`` around a site's mean per skill.

    Each teacher keeps one own tendency across skills; older teachers rate lower
    (0.8 of a level per 25 years from age 40). A separate generator keeps the
    rest of the site's data as it was.
    """
    rng = np.random.default_rng(seed)
    for g in teachers:
        age_penalty = (year - g["tanggal_lahir"].year - 40) / 25
        own = rng.normal(0, 0.5)
        for skill, m in means.items():
            g[skill] = int(np.clip(round(m - 0.8 * age_penalty + own + rng.normal(0, 0.45)), 1, 4))


#: Indicators a teacher may choose in PMM Pengelolaan Kinerja (illustrative wording).
INDIKATOR_KINERJA = (
    "Kualitas pembelajaran murid",
    "Pembelajaran yang berpusat pada murid",
    "Lingkungan belajar yang aman dan nyaman",
    "Refleksi dan pengembangan diri",
)
#: Praktik kinerja items observed in a classroom observation (illustrative count).
PRAKTIK_ITEMS = 8
#: Appraisal years of PMM kinerja in the SMP samples (PMM since 2023).
KINERJA_YEARS = (2023, 2024, 2025)


def _kinerja(b: _Builder, teachers: list[dict], seed: int, years: tuple[int, ...] = KINERJA_YEARS) -> None:
    """PMM kinerja rows (one per ASN teacher × year) for SMP teachers, 2023–2025.

    Only ASN teachers (PNS / PPPK) are appraised in PMM kinerja (Permenpan-RB
    6/2022). Ratings follow the teacher's ability; the predikat is the
    Permenpan-RB 6/2022 matrix's (:func:`analysis.metrics.kinerja.predikat_from_ratings`);
    every fifth row leaves the predikat empty, as a head typing only the two
    ratings would, so the dashboard derives it. A separate generator keeps the
    rest of the site's data as it was.
    """

    rng = np.random.default_rng(seed)
    atas, sesuai, bawah = schema.RATING_KINERJA
    i = 0
    for g in teachers:
        if not g["nuptk"] or g["status_kepegawaian"] not in ASN_STATUS:
            continue
        for year in years:
            h = 0.9 * g["_ability"] + 0.15 * (year - years[0]) + rng.normal(0, 0.6)
            pv = 0.4 * g["_ability"] + rng.normal(0, 0.8)
            hasil = atas if h > 1.0 else bawah if h < -1.2 else sesuai
            perilaku = atas if pv > 1.3 else bawah if pv < -1.7 else sesuai
            effective = int(np.clip(round(PRAKTIK_ITEMS * (0.55 + 0.15 * g["_ability"] + rng.normal(0, 0.1))), 0, PRAKTIK_ITEMS))
            not_done = int(rng.integers(0, max(1, PRAKTIK_ITEMS - effective) + 1)) if effective < PRAKTIK_ITEMS else 0
            not_done = min(not_done, PRAKTIK_ITEMS - effective)
            b.kinerja.append(
                {
                    "npsn": g["npsn"],
                    "nuptk": g["nuptk"],
                    "tahun": year,
                    "predikat": None if i % 5 == 4 else predikat_from_ratings(hasil, perilaku),
                    "rating_hasil_kerja": hasil,
                    "rating_perilaku_kerja": perilaku,
                    "indikator": str(rng.choice(INDIKATOR_KINERJA)),
                    "praktik_belum": not_done,
                    "praktik_belum_efektif": PRAKTIK_ITEMS - effective - not_done,
                    "praktik_efektif": effective,
                }
            )
            i += 1


def _bk_instrument(b: _Builder, counsellors: list[dict], seed: int) -> None:
    """Complete the Guru BK rows' PKG with K15–K17: their instrument has 17 competencies
    (Permenneg PAN-RB 16/2009). A separate generator keeps the rest of the data as it was."""
    rng = np.random.default_rng(seed)
    ability = {g["nuptk"]: g["_ability"] for g in counsellors if g["nuptk"]}
    for rec in b.penilaian:
        if rec["sumber"] == "PKG" and rec["nuptk"] in ability:
            for k in schema.PKG_ITEMS_BK[len(schema.PKG_ITEMS) :]:
                rec[k] = int(np.clip(round(3.05 + 0.45 * ability[rec["nuptk"]] + rng.normal(0, 0.45)), 1, 4))


#: The first appraisal year of PMM kinerja: from it on, an ASN teacher's rating is the predikat, not K1–K14.
PMM_KINERJA_FROM = 2023
#: Date of the legacy PKG (K1–K14) the SMP samples' ASN teachers get: November of the instrument's last year.
LEGACY_PKG_DATE = date(2022, 11, 21)


def _pmm_era(b: _Builder, teachers: list[dict], seed: int) -> None:
    """From 2023 an SMP ASN teacher's rating comes from PMM kinerja, not K1–K14.

    Their PKG rows dated 2023 or later become the head's classroom observation
    (Sumber ``Supervisi``) carrying the four domain scores the K values gave
    (mean / 4 × 100, the Guru BK grouping for a Guru BK), so the domain-score
    and training-effect figures keep their numbers; the K1–K14 record is one
    legacy PKG of November 2022 per teacher (Guru BK: K1–K17). Non-ASN
    teachers keep their rows. A separate generator keeps the rest of the data
    as it was.
    """

    rng = np.random.default_rng(seed)
    asn = {g["nuptk"]: g for g in teachers if g["nuptk"] and g["status_kepegawaian"] in ASN_STATUS}
    moved = [rec for rec in b.penilaian if rec["nuptk"] in asn and rec["sumber"] == "PKG" and rec["tanggal_penilaian"].year >= PMM_KINERJA_FROM]
    if moved:
        # The domain scores exactly as the dashboard computes them from the K values.
        frame = (
            pd.DataFrame(moved)
            .reindex(columns=["nuptk", "tanggal_penilaian", "sumber", *schema.PKG_ITEMS_BK, *schema.DOMAINS])
            .rename(columns={"nuptk": "guru_id"})
        )
        guru = pd.DataFrame({"guru_id": list(asn), "jenis_ptk": [g["jenis_ptk"] for g in asn.values()]})
        scores = pkg.assessment_scores(frame, guru)
        for rec, row in zip(moved, scores[list(schema.DOMAINS)].to_dict("records")):
            for k in schema.PKG_ITEMS_BK:
                rec.pop(k, None)
            rec.update(row)
            rec["sumber"] = "Supervisi"
    for g in asn.values():
        items = schema.PKG_ITEMS_BK if g["jenis_ptk"] == schema.JENIS_PTK_BK else schema.PKG_ITEMS
        rec = {"nuptk": g["nuptk"], "tanggal_penilaian": LEGACY_PKG_DATE + timedelta(days=int(rng.integers(0, 20))), "sumber": "PKG"}
        rec.update({k: int(np.clip(round(3.0 + 0.45 * g["_ability"] + rng.normal(0, 0.45)), 1, 4)) for k in items})
        b.penilaian.append(rec)


#: Month names as Indonesian training records write them (not the machine's locale).
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember")


#: SMPN 8's ICT self-ratings (study 002): a computer course, laptops used as
#: media and assessment mostly done with technology (Google Classroom), but
#: technology-based media still scarce and weak ICT mastery an obstacle for some.
ICT_SMPN8 = {"tik_laptop": 3.15, "tik_office": 3.05, "tik_lms": 2.85, "tik_media": 2.4, "tik_asesmen": 3.0, "tik_kka": 1.9}
#: MI Gantarang's (study 003): some teachers not yet fluent with a laptop, so
#: their lesson plans (RPP) come late; other digital skills lower still.
ICT_MI_GANTARANG = {"tik_laptop": 2.6, "tik_office": 2.55, "tik_lms": 1.9, "tik_media": 2.0, "tik_asesmen": 1.9, "tik_kka": 1.5}


def _site_smpn8(b: _Builder) -> None:
    """SMPN 8 Prabumulih (study 002).

    All pendidik S1 or higher, most certified, competence relatively good but
    much lecturing; the certified teachers keep their 24 JJM, so the school's
    hours are short and *uncertified* teachers fill the subjects that lack a
    teacher: an English-trained teacher teaches Seni Budaya, an IPS-trained
    teacher Prakarya (the only out-of-field cases). Training (monthly MGMP, a
    computer course, diklat, penataran, a workshop) lifts pedagogik and
    profesional a little, with post scores mostly below the ceiling.
    """
    npsn = b.school("10603812", "SMP Negeri 8 Prabumulih", "SMP", "Negeri", "Kemendikdasmen", "Prabumulih Barat", "Kota Prabumulih", "Sumatera Selatan", False)
    head = _head(b, npsn, False, "Matematika", "Pendidikan Matematika")
    teachers = _subject_staff(b, npsn, 44, SMP_SUBJECTS, SMP_WEIGHTS, cert_share=0.85, madrasah=False)
    for g in teachers:  # study 002: all S1; certified teachers keep their 24 JJM
        g["jenjang_pendidikan"] = "S2" if g["jenjang_pendidikan"] == "S2" else "S1"
        if g["sertifikasi"]:
            g["_subjects"] = [(g["_subjects"][0][0], 24.0)]
            g["jjm"] = 24.0
    # Out of field (study 002): uncertified teachers given the subjects short of
    # a teacher, while certified colleagues take the hours of their own subject.
    eng = b.person(
        npsn,
        jenis_ptk="Guru Mapel",
        status="PPPK",
        jenjang_pend="S1",
        prodi="Pendidikan Bahasa Inggris",
        kependidikan=True,
        sertifikasi=None,
        subjects=[("Bahasa Inggris", 8.0), ("Seni Budaya", 12.0)],
        ict_base=2.6,
    )
    ips = b.person(
        npsn,
        jenis_ptk="Guru Mapel",
        status="PPPK",
        jenjang_pend="S1",
        prodi="Pendidikan IPS",
        kependidikan=True,
        sertifikasi=None,
        subjects=[("IPS", 8.0), ("Prakarya", 12.0)],
        ict_base=2.5,
    )
    tik = b.person(
        npsn,
        jenis_ptk="Guru Mapel",
        status="GTY/PTY",
        jenjang_pend="S1",
        prodi="Pendidikan Teknologi Informasi",
        kependidikan=True,
        sertifikasi=None,
        subjects=[("Informatika", 20.0)],
        ict_base=3.2,
    )
    bk = [
        b.person(
            npsn,
            jenis_ptk="Guru BK",
            status="PNS",
            jenjang_pend="S1",
            prodi="Bimbingan dan Konseling",
            kependidikan=True,
            sertifikasi="Bimbingan dan Konseling",
            subjects=[],
            ict_base=2.5,
        )
        for _ in range(2)
    ]
    _tendik(b, npsn, 12, False)
    all_teachers = [head, *teachers, eng, ips, tik, *bk]
    _ict_profile(all_teachers, ICT_SMPN8, seed=8031)
    for g in all_teachers:
        for subj, jjm in g["_subjects"]:
            if g["nuptk"]:
                b.mengajar.append({"nuptk": g["nuptk"], "mata_pelajaran": subj, "jjm": jjm})
    # Monthly MGMP for subject teachers (study 002), a computer course, diklat, penataran, workshop.
    mgmp = [
        (f"MGMP {BULAN[m.month - 1]} {m.year}", "MGMP", m, 1, 4.0, "Pedagogik", "MGMP Kota Prabumulih", "Luring")
        for m in (date(2024, mth, 15) for mth in range(1, 13))
    ]
    plan = [
        *mgmp,
        ("Kursus Komputer untuk Guru", "Kursus", date(2024, 3, 4), 5, 32.0, "TIK", "Lembaga Kursus Komputer Prabumulih", "Luring"),
        ("Diklat Kurikulum Merdeka", "Diklat", date(2024, 7, 8), 3, 24.0, "Pedagogik", "Dinas Pendidikan Kota Prabumulih", "Luring"),
        ("Penataran Penelitian Tindakan Kelas", "Penataran", date(2024, 9, 9), 2, 16.0, "Profesional", "Dinas Pendidikan Kota Prabumulih", "Luring"),
        ("Workshop Pembelajaran Kooperatif", "Workshop", date(2025, 2, 10), 2, 16.0, "Pedagogik", "SMP Negeri 8 Prabumulih", "Luring"),
    ]
    subject_teachers = [g for g in all_teachers if g["jenis_ptk"] in ("Guru Mapel", "Kepala Sekolah")]
    dates = (date(2023, 11, 20), date(2024, 11, 18), date(2025, 11, 17))
    # Relatively good competence, much lecturing (pedagogik lowest); training lifts
    # pedagogik and profesional a little.
    level = {"pedagogik": 0.0, "kepribadian": 0.15, "sosial": 0.1, "profesional": 0.0}
    _assess_and_train(b, subject_teachers, plan, share_trained=0.7, pkg_dates=dates, gains={"pedagogik": 0.12, "profesional": 0.1}, level=level)
    _assess_and_train(b, bk, [], share_trained=0, pkg_dates=dates, level=level)
    for g in all_teachers[:20]:  # UKG results kept apart
        b.scores(g, date(2024, 6, 3), "UKG", {})
    b.kendala += [
        {
            "npsn": npsn,
            "nama_pelatihan": "Kursus Komputer untuk Guru",
            "tanggal": date(2024, 3, 4),
            "kategori": "Kemampuan TI",
            "keterangan": "Sebagian guru belum menguasai komputer",
        },
        {"npsn": npsn, "nama_pelatihan": "Diklat Kurikulum Merdeka", "tanggal": date(2024, 7, 8), "kategori": "Dana", "keterangan": "Biaya mandiri"},
        {
            "npsn": npsn,
            "nama_pelatihan": "Workshop Pembelajaran Kooperatif",
            "tanggal": date(2025, 2, 10),
            "kategori": "Motivasi",
            "keterangan": "Motivasi sebagian guru rendah",
        },
        {
            "npsn": npsn,
            "nama_pelatihan": "MGMP Februari 2024",
            "tanggal": date(2024, 2, 15),
            "kategori": "Guru bukan bidangnya",
            "keterangan": "Guru belum sertifikasi mengajar Seni Budaya dan Prakarya",
        },
    ]
    _bk_instrument(b, bk, seed=8017)
    _pmm_era(b, all_teachers, seed=8029)
    _kinerja(b, all_teachers, seed=8023)


def _site_smpn7(b: _Builder) -> None:
    """SMPN 7 Muaro Jambi (study 001): Pembelajaran Mendalam and KKA trainings of
    1–3 days that teachers do not yet apply (no gain in any domain); part of the
    staff weak with laptops and digital applications."""
    npsn = b.school("10505207", "SMP Negeri 7 Muaro Jambi", "SMP", "Negeri", "Kemendikdasmen", "Sekernan", "Kabupaten Muaro Jambi", "Jambi", False)
    head = _head(b, npsn, False, "IPA", "Pendidikan Biologi")
    teachers = _subject_staff(b, npsn, 32, SMP_SUBJECTS, SMP_WEIGHTS, cert_share=0.6, madrasah=False)
    _tendik(b, npsn, 8, False)
    weak = teachers[::2]  # part of the staff weak in IT (study 001)
    for g in weak:
        for skill in schema.ICT_SKILLS:
            g[skill] = max(1, g[skill] - 1)
    plan = [
        ("Pembelajaran Mendalam", "Workshop", date(2025, 1, 13), 3, 24.0, "Pedagogik", "SMP Negeri 7 Muaro Jambi", "Luring"),
        ("Koding dan Kecerdasan Artifisial (KKA)", "Bimtek", date(2025, 6, 16), 2, 16.0, "TIK", "BGP Provinsi Jambi", "Kombinasi"),
        ("Pembelajaran Mendalam lanjutan", "IHT", date(2025, 3, 3), 1, 8.0, "Pedagogik", "SMP Negeri 7 Muaro Jambi", "Luring"),
    ]
    # Teachers do not yet apply what they learned (study 001): no gain.
    _assess_and_train(b, [head, *teachers], plan, share_trained=0.75, pkg_dates=(date(2024, 11, 25), date(2025, 11, 24)))
    b.kendala += [
        {
            "npsn": npsn,
            "nama_pelatihan": "Koding dan Kecerdasan Artifisial (KKA)",
            "tanggal": date(2025, 6, 16),
            "kategori": "Teknis (listrik, jaringan)",
            "keterangan": "Listrik padam, jaringan terputus",
        },
        {
            "npsn": npsn,
            "nama_pelatihan": "Koding dan Kecerdasan Artifisial (KKA)",
            "tanggal": date(2025, 6, 16),
            "kategori": "Kemampuan TI",
            "keterangan": "Sebagian guru lemah TI",
        },
        {
            "npsn": npsn,
            "nama_pelatihan": "Pembelajaran Mendalam",
            "tanggal": date(2025, 1, 13),
            "kategori": "Sarana dan prasarana",
            "keterangan": "Tidak ada ruang pelatihan khusus",
        },
        {
            "npsn": npsn,
            "nama_pelatihan": "Pembelajaran Mendalam",
            "tanggal": date(2025, 1, 13),
            "kategori": "Waktu / jadwal bentrok",
            "keterangan": "Bentrok dengan jam mengajar",
        },
    ]
    _pmm_era(b, [head, *teachers], seed=7029)
    _kinerja(b, [head, *teachers], seed=7023)


def _site_miftahul(b: _Builder) -> None:
    """MTs-SA Miftahul Karomah (study 000): on-the-job training (IHT) on digital
    media, classroom management and material mastery lifts pedagogik (methods,
    classroom management, digital media) and profesional (material mastery)."""
    npsn = b.school("20583110", "MTs-SA Miftahul Karomah", "MTs", "Swasta", "Kemenag", "Pagaden", "Kabupaten Subang", "Jawa Barat", False)
    subjects = {**SMP_SUBJECTS, **MTS_EXTRA}
    del subjects["Pendidikan Agama Islam dan Budi Pekerti"]
    head = _head(b, npsn, True, "Fikih", "Pendidikan Agama Islam")
    teachers = _subject_staff(b, npsn, 18, subjects, SMP_WEIGHTS[1:] + [2, 2, 2, 2, 3], cert_share=0.45, madrasah=True)
    _tendik(b, npsn, 4, True)
    plan = [
        ("Pelatihan di tempat kerja: media pembelajaran digital", "IHT", date(2025, 1, 13), 2, 12.0, "TIK", "MTs-SA Miftahul Karomah", "Luring"),
        ("Pelatihan di tempat kerja: pengelolaan kelas", "IHT", date(2025, 3, 10), 1, 6.0, "Pedagogik", "MTs-SA Miftahul Karomah", "Luring"),
        ("Pelatihan di tempat kerja: penguasaan materi", "IHT", date(2025, 6, 16), 2, 12.0, "Profesional", "MTs-SA Miftahul Karomah", "Luring"),
    ]
    _assess_and_train(
        b, [head, *teachers], plan, share_trained=0.8, pkg_dates=(date(2024, 12, 9), date(2025, 11, 24)), gains={"pedagogik": 0.35, "profesional": 0.4}
    )
    b.kendala += [
        {
            "npsn": npsn,
            "nama_pelatihan": "Pelatihan di tempat kerja: media pembelajaran digital",
            "tanggal": date(2025, 1, 13),
            "kategori": "Sarana dan prasarana",
            "keterangan": "Fasilitas pendukung terbatas",
        },
        {
            "npsn": npsn,
            "nama_pelatihan": "Pelatihan di tempat kerja: penguasaan materi",
            "tanggal": date(2025, 6, 16),
            "kategori": "Kesinambungan program",
            "keterangan": "Program kurang berkesinambungan",
        },
        {
            "npsn": npsn,
            "nama_pelatihan": "Pelatihan di tempat kerja: pengelolaan kelas",
            "tanggal": date(2025, 3, 10),
            "kategori": "Monitoring pascapelatihan",
            "keterangan": "Tidak ada pemantauan setelah pelatihan",
        },
    ]


#: Study programmes of the MI class teachers (study 003): most PGMI/PGSD; "not all
#: teachers' qualification matches their task": PAI and Bahasa Arab graduates,
#: now and then an Ekonomi or Syariah graduate, teach a class (programmes the
#: reference table knows, so they are judged, not "unknown").
MI_KELAS_PRODI = (("PGMI", 0.56), ("PGSD", 0.2), ("Pendidikan Agama Islam", 0.12), ("Pendidikan Bahasa Arab", 0.07), ("Ekonomi", 0.03), ("Syariah", 0.02))


def _site_mi_gantarang(b: _Builder) -> None:
    """Six MI of Kecamatan Gantarang (study 003): class teachers meeting in KKG,
    which lifts pedagogik and sosial most (kepribadian a little, profesional
    hardly: not every teacher writes an RPP, supervision lax); not every class
    teacher's programme matches the task; some teachers weak with a laptop."""
    names = [
        "MI Muhammadiyah Bontomasila",
        "MIS Nurul Huda Gantarang",
        "MIN 2 Bulukumba",
        "MIS Al-Ikhlas Palambarae",
        "MIS Darul Istiqamah Bialo",
        "MIS Guppi Taccorong",
    ]
    plan = [
        ("KKG Penyusunan RPP", "KKG", date(2025, 2, 10), 1, 6.0, "Pedagogik", "KKG MI Kecamatan Gantarang", "Luring"),
        ("KKG Asesmen dan Pengelolaan Kelas", "KKG", date(2025, 5, 12), 1, 6.0, "Pedagogik", "KKG MI Kecamatan Gantarang", "Luring"),
        ("KKG Komunikasi dengan Orang Tua", "KKG", date(2025, 8, 11), 1, 6.0, "Sosial", "KKG MI Kecamatan Gantarang", "Luring"),
        ("KKG Pemanfaatan Laptop untuk RPP", "KKG", date(2025, 10, 13), 1, 6.0, "TIK", "KKG MI Kecamatan Gantarang", "Luring"),
    ]
    kelas_prodi, kelas_p = zip(*MI_KELAS_PRODI)
    mapel = [  # the MI's subject teachers, in their own field
        ("Pendidikan Agama Islam", [("Al-Qur'an Hadis", 6.0), ("Akidah Akhlak", 6.0), ("Fikih", 6.0)]),
        ("Pendidikan Bahasa Arab", [("Bahasa Arab", 12.0)]),
        ("Pendidikan Jasmani Kesehatan dan Rekreasi", [("Pendidikan Jasmani, Olahraga, dan Kesehatan", 18.0)]),
    ]
    everyone = []
    for i, nama in enumerate(names):
        status = "Negeri" if nama.startswith("MIN") else "Swasta"
        npsn = b.school(f"6030{4410 + i}", nama, "MI", status, "Kemenag", "Gantarang", "Kabupaten Bulukumba", "Sulawesi Selatan", False)
        head = _head(b, npsn, True, "Guru Kelas MI", "PGMI")
        teachers = [head]
        for j in range(8):
            if j < 6:
                prodi = str(b.rng.choice(kelas_prodi, p=np.array(kelas_p) / sum(kelas_p)))
                subjects = [("Guru Kelas", 24.0)]
                cert = "Guru Kelas MI" if prodi in ("PGMI", "PGSD") and b.rng.random() < 0.5 else None
            else:
                prodi, subjects = mapel[(i + j) % len(mapel)]
                cert = None
            status_k = "PNS Depag" if cert else str(b.rng.choice(["PNS Depag", "GTY/PTY", "Guru Honor Sekolah"], p=[0.3, 0.35, 0.35]))
            g = b.person(
                npsn,
                jenis_ptk="Guru Kelas" if j < 6 else "Guru Mapel",
                status=status_k,
                jenjang_pend="S1",
                prodi=prodi,
                kependidikan=prodi not in ("Ekonomi", "Syariah"),
                sertifikasi=cert,
                subjects=subjects,
                ict_base=2.0,
                has_nuptk=status_k != "Guru Honor Sekolah" or b.rng.random() < 0.6,
            )
            teachers.append(g)
        _tendik(b, npsn, 2, True)
        everyone += teachers
        # KKG lifts pedagogik and sosial most (study 003, conclusion).
        _assess_and_train(
            b,
            teachers,
            plan,
            share_trained=0.8,
            pkg_dates=(date(2024, 12, 2), date(2025, 12, 1)),
            gains={"pedagogik": 0.3, "sosial": 0.3, "kepribadian": 0.06, "profesional": 0.02},
            level={"profesional": -0.1},
        )
    _ict_profile(everyone, ICT_MI_GANTARANG, seed=3031)
    b.kendala.append(
        {
            "npsn": b.sekolah[0]["npsn"],
            "nama_pelatihan": "KKG Pemanfaatan Laptop untuk RPP",
            "tanggal": date(2025, 10, 13),
            "kategori": "Kemampuan TI",
            "keterangan": "RPP terlambat karena belum terampil memakai laptop",
        }
    )
    b.kendala.append(
        {
            "npsn": b.sekolah[1]["npsn"],
            "nama_pelatihan": "KKG Penyusunan RPP",
            "tanggal": date(2025, 2, 10),
            "kategori": "Monitoring pascapelatihan",
            "keterangan": "Supervisi RPP kurang ketat",
        }
    )


def _site_pesantren(b: _Builder) -> None:
    """Four pesantren-based MTs (study 004): qualification upgrades (S2),
    certification, integrated training and supervision; all four competencies improve."""
    names = [
        ("MTs Pondok Pesantren Darul Ulum", "Jombang", "Kabupaten Jombang", "Jawa Timur"),
        ("MTs Pesantren Al-Falah", "Ploso", "Kabupaten Jombang", "Jawa Timur"),
        ("MTs Pondok Pesantren Nurul Jadid", "Paiton", "Kabupaten Probolinggo", "Jawa Timur"),
        ("MTs Pesantren Miftahul Ulum", "Kraksaan", "Kabupaten Probolinggo", "Jawa Timur"),
    ]
    subjects = {**SMP_SUBJECTS, **MTS_EXTRA}
    del subjects["Pendidikan Agama Islam dan Budi Pekerti"]
    plan = [
        ("Pelatihan Terpadu Kompetensi Guru Madrasah", "Diklat", date(2025, 4, 21), 5, 40.0, "Pedagogik", "Kemenag Kabupaten", "Luring"),
        ("Pembinaan Kepribadian Guru Berbasis Nilai Pesantren", "Workshop", date(2025, 7, 14), 2, 12.0, "Kepribadian", "Pondok Pesantren", "Luring"),
        ("Pelatihan Mandiri PMM: Asesmen", "PMM", date(2025, 9, 1), 30, 30.0, "Pedagogik", "Kemendikdasmen (PMM)", "Daring"),
    ]
    for i, (nama, kec, kab, prov) in enumerate(names):
        npsn = b.school(f"2057{2710 + i}", nama, "MTs", "Swasta", "Kemenag", kec, kab, prov, True)
        head = _head(b, npsn, True, "Akidah Akhlak", "Pendidikan Agama Islam")
        teachers = _subject_staff(b, npsn, 16, subjects, SMP_WEIGHTS[1:] + [3, 3, 3, 3, 3], cert_share=0.55, madrasah=True)
        for g in teachers[:3]:  # academic qualification upgrade (study 004)
            g["jenjang_pendidikan"] = "S2"
        _tendik(b, npsn, 3, True)
        _assess_and_train(
            b,
            [head, *teachers],
            plan,
            share_trained=0.65,
            pkg_dates=(date(2025, 1, 13), date(2025, 12, 8)),
            gains={"pedagogik": 0.25, "kepribadian": 0.2, "sosial": 0.2, "profesional": 0.2},
            extra="supervisi",
        )


_SITE_BUILDERS = {
    "smpn8_prabumulih": _site_smpn8,
    "smpn7_muaro_jambi": _site_smpn7,
    "mts_miftahul_karomah": _site_miftahul,
    "mi_gantarang": _site_mi_gantarang,
    "mts_pesantren": _site_pesantren,
}


def sample_tables(site_key: str) -> dict[str, pd.DataFrame]:
    """The tables of one sample site, deterministic.

    Parameters
    ----------
    site_key : str
        One of :data:`SITES` keys.

    Returns
    -------
    dict of str to DataFrame
        Keys ``sekolah``, ``guru``, ``mengajar``, ``pelatihan``, ``penilaian``,
        ``kendala``, ``kinerja`` (PMM kinerja of the SMP sites' ASN teachers, 2023–2025); columns are schema keys, values as a user would type them
        (IDs as text, dates as ``datetime.date``, Ya/Tidak as text).

    Raises
    ------
    KeyError
        For an unknown site.
    """
    site = SITES_BY_KEY[site_key]
    b = _Builder(site.seed)
    _SITE_BUILDERS[site_key](b)
    return b.tables()


# ---------------------------------------------------------------------------
# Writing workbooks
# ---------------------------------------------------------------------------


def _write_cell(ws, row: int, col: int, value: object, kind: str) -> None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return
    cell = ws.cell(row=row, column=col)
    if kind == "id":
        cell.value = str(value)
        cell.number_format = "@"
    elif kind == "date":
        cell.value = value if isinstance(value, date) else pd.Timestamp(value).date()
        cell.number_format = "DD/MM/YYYY"
    elif isinstance(value, (np.integer,)):
        cell.value = int(value)
    elif isinstance(value, (np.floating,)):
        cell.value = float(value)
    else:
        cell.value = value


def notes_sheet(wb: openpyxl.Workbook, lines: list[str], title: str = "Petunjuk") -> None:
    """Add a first sheet with notes (the illustrative-data notice and what the file is)."""
    ws = wb.create_sheet(title, 0)
    for i, line in enumerate(lines, start=1):
        ws.cell(row=i, column=1, value=line).alignment = Alignment(wrap_text=False)
    ws.cell(row=1, column=1).font = Font(bold=True, color="9C0006")
    ws.column_dimensions["A"].width = 120


def write_workbook(tables: dict[str, pd.DataFrame], target: str | Path | io.BytesIO, notes: list[str] | None = None) -> None:
    """Write tables in the project's workbook format (canonical headers, IDs as text).

    Parameters
    ----------
    tables : dict of str to DataFrame
        As returned by :func:`sample_tables`; empty optional tables are left out.
    target : path or file-like
    notes : list of str, optional
        Lines for a first ``Petunjuk`` sheet (the loader skips it silently).
    """
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in schema.SHEETS:
        df = tables.get(sheet.key)
        if df is None or (df.empty and sheet.optional):
            continue
        ws = wb.create_sheet(sheet.name)
        for j, col in enumerate(sheet.columns, start=1):
            ws.cell(row=1, column=j, value=col.header).font = Font(bold=True)
        for i, rec in enumerate(df.to_dict("records"), start=2):
            for j, col in enumerate(sheet.columns, start=1):
                _write_cell(ws, i, j, rec.get(col.key), col.type)
        ws.freeze_panes = "A2"
    if notes:
        notes_sheet(wb, notes)
    wb.save(target)


def sample_notes(site_key: str) -> list[str]:
    """The notice lines of a sample workbook: illustrative, which study it follows."""

    study = {s.id: s for s in load_studies()}[SITES_BY_KEY[site_key].study]
    return [
        ILLUSTRATIVE_ID,
        ILLUSTRATIVE_EN,
        f"Mengikuti temuan penelitian / follows the findings of: {study.citation}",
        "Dibuat oleh / generated by: python -m analysis.samples data",
    ]


def workbook_bytes(site_key: str) -> bytes:
    """One sample workbook as bytes (for tests and the app)."""
    buf = io.BytesIO()
    write_workbook(sample_tables(site_key), buf, sample_notes(site_key))
    return buf.getvalue()


# --- Dapodik-shaped files, laid out as Dapodik writes them --------------------------------------------

DAFTAR_PTK_COLUMNS = [
    "No",
    "Nama",
    "NUPTK",
    "JK",
    "Tempat Lahir",
    "Tanggal Lahir",
    "NIP",
    "Status Kepegawaian",
    "Jenis PTK",
    "Agama",
    "Alamat Jalan",
    "RT",
    "RW",
    "Nama Dusun",
    "Desa/Kelurahan",
    "Kecamatan",
    "Kode Pos",
    "Telepon",
    "HP",
    "Email",
    "Tugas Tambahan",
    "SK CPNS",
    "Tanggal CPNS",
    "SK Pengangkatan",
    "TMT Pengangkatan",
    "Lembaga Pengangkatan",
    "Pangkat Golongan",
    "Sumber Gaji",
    "Nama Ibu Kandung",
    "Status Perkawinan",
    "Nama Suami/Istri",
    "NIP Suami/Istri",
    "Pekerjaan Suami/Istri",
    "TMT PNS",
    "Sudah Lisensi Kepala Sekolah",
    "Pernah Diklat Kepengawasan",
    "Keahlian Braille",
    "Keahlian Bahasa Isyarat",
    "NPWP",
    "Nama Wajib Pajak",
    "Kewarganegaraan",
    "Bank",
    "Nomor Rekening Bank",
    "Rekening Atas Nama",
    "NIK",
    "No KK",
    "Karpeg",
    "Karis/Karsu",
    "Lintang",
    "Bujur",
    "NUKS",
]
PROFIL_PTK_MAIN = ["No", "Nama", "NUPTK", "JK", "Tempat Lahir", "Tanggal Lahir", "NIP", "Status Kepegawaian", "Jenis PTK"]
PROFIL_PTK_KETERANGAN = [
    "Gelar Depan",
    "Gelar Belakang",
    "Jenjang",
    "Jurusan/Prodi",
    "Sertifikasi",
    "TMT Kerja",
    "Tugas Tambahan",
    "Mengajar",
    "Jam Tugas\nTambahan",
    "JJM",
    "Total JJM",
    "Siswa",
    "Kompetensi",
]
REKAP_COLUMNS = [
    "No",
    "Jenis Rombel",
    "Tingkat",
    "Nama Rombel",
    "Kurikulum",
    "Program/Kompetensi Keahlian",
    "Nama PTK",
    "NUPTK",
    "PTK Induk",
    "Kepegawaian",
    "Nama Matpel",
    "Kode Matpel",
    "JJM",
    "Jml Siswa",
    "Tgl SK Mengajar",
    "SK Mengajar",
    "Status di Kurikulum",
]
FAKE_PERSONAL = {
    "Tempat Lahir": "Kota Contoh",
    "Agama": "Islam",
    "Alamat Jalan": "Jl. Contoh No. 1",
    "RT": "001",
    "RW": "002",
    "Nama Dusun": "Dusun Contoh",
    "Desa/Kelurahan": "Kelurahan Contoh",
    "Kode Pos": "31111",
    "Telepon": "0711-000000",
    "HP": "0800-0000-0000",
    "Email": "contoh@example.invalid",
    "Nama Ibu Kandung": "IBU CONTOH",
    "Status Perkawinan": "Kawin",
    "Nama Suami/Istri": "PASANGAN CONTOH",
    "NIP Suami/Istri": "",
    "Pekerjaan Suami/Istri": "Wiraswasta",
    "NPWP": "00.000.000.0-000.000",
    "Nama Wajib Pajak": "WAJIB PAJAK CONTOH",
    "Kewarganegaraan": "ID",
    "Bank": "BANK CONTOH",
    "Nomor Rekening Bank": "0000000000",
    "Rekening Atas Nama": "REKENING CONTOH",
    "NIK": "0000000000000000",
    "No KK": "0000000000000000",
    "Karpeg": "X000000",
    "Karis/Karsu": "K000000",
    "Lintang": "-3.4300",
    "Bujur": "104.2300",
}
DAPODIK_SCHOOL = {
    "npsn": "10603802",
    "nama_sekolah": "SMP Negeri 2 Prabumulih (contoh)",
    "jenjang": "SMP",
    "status": "Negeri",
    "naungan": "Kemendikdasmen",
    "kecamatan": "Prabumulih Timur",
    "kabupaten_kota": "Kota Prabumulih",
    "provinsi": "Sumatera Selatan",
    "berbasis_pesantren": "Tidak",
}


def dapodik_people(seed: int = 21, n_teachers: int = 24, n_staff: int = 5) -> pd.DataFrame:
    """Teachers and staff of the Dapodik-shaped sample school (one row per PTK)."""
    b = _Builder(seed)
    npsn = DAPODIK_SCHOOL["npsn"]
    staff = _subject_staff(b, npsn, n_teachers, SMP_SUBJECTS, SMP_WEIGHTS, cert_share=0.7, madrasah=False)
    staff[0]["mengajar"] = "Bahasa Inggris; Seni Budaya"
    staff[0]["jurusan_prodi"], staff[0]["sertifikasi"], staff[0]["_subjects"] = (
        "Pendidikan Bahasa Inggris",
        "Bahasa Inggris",
        [("Bahasa Inggris", 18.0), ("Seni Budaya", 6.0)],
    )
    staff[0]["jjm"] = 24.0
    _tendik(b, npsn, n_staff, False)
    return pd.DataFrame(b.guru)


def _title_rows(ws, title: str, school: dict) -> None:
    ws["A1"] = title
    ws["A2"] = school["nama_sekolah"]
    ws["A3"] = f"Kecamatan {school['kecamatan']}, {school['kabupaten_kota']}, Provinsi {school['provinsi']}"
    ws["A4"] = "Tanggal Unduh: 2025-11-20 10:15:00    Pengunduh: operator@contoh.invalid"


def write_dapodik_profil(
    target: str | Path | io.BytesIO, people: pd.DataFrame | None = None, school: dict | None = None, hours_in_mengajar: bool = True
) -> None:
    """Write a Dapodik "Profil Sekolah" workbook: the form sheet and the PTK sheet (two-row header).

    Layout as Dapodik writes it: sheet ``Profil Sekolah`` with labels in column B,
    ":" in C, values in D on rows 4–14 and item numbers as formulas in column A
    (no cached values); sheet ``PTK`` with title rows 1–4, header rows 5–6
    (A–I merged over both rows, J5:V5 merged "Keterangan"), data from row 7.
    The Mengajar cell lists the subjects with their hours ("Bahasa Inggris (18 jam),
    Seni Budaya (6 jam)"), or, with ``hours_in_mengajar=False``, the subjects
    alone separated by ", ".
    """
    people = dapodik_people() if people is None else people
    school = school or DAPODIK_SCHOOL
    wb = openpyxl.Workbook()
    form = wb.active
    form.title = "Profil Sekolah"
    form["B2"] = "PROFIL SEKOLAH"
    labels = [
        ("Nama Sekolah", school["nama_sekolah"]),
        ("NPSN", school["npsn"]),
        ("Jenjang Pendidikan", school["jenjang"]),
        ("Status Sekolah", school["status"]),
        ("Alamat Sekolah", "Jl. Contoh No. 2"),
        ("RT / RW", "1 / 2"),
        ("Kode Pos", "31111"),
        ("Kelurahan", "Kelurahan Contoh"),
        ("Kecamatan", school["kecamatan"]),
        ("Kabupaten/Kota", school["kabupaten_kota"]),
        ("Provinsi", school["provinsi"]),
    ]
    if school["npsn"] in SAMPLE_COORDINATES:  # the school's location, as the form gives it
        labels += [(k, f"{v:.4f}") for k, v in zip(("Lintang", "Bujur"), SAMPLE_COORDINATES[school["npsn"]])]  # 4 decimals: "104.247" would read as thousands
    for i, (label, value) in enumerate(labels):
        r = 4 + i
        form.cell(row=r, column=1, value=1 if i == 0 else f"=(A{r - 1}+1)")
        form.cell(row=r, column=2, value=label)
        form.cell(row=r, column=3, value=":")
        c = form.cell(row=r, column=4, value=str(value))
        c.number_format = "@"
    ws = wb.create_sheet("PTK")
    _title_rows(ws, "Daftar Pendidik dan Tenaga Kependidikan", school)
    for j, h in enumerate(PROFIL_PTK_MAIN, start=1):
        ws.cell(row=5, column=j, value=h)
        ws.merge_cells(start_row=5, start_column=j, end_row=6, end_column=j)
    ws.cell(row=5, column=10, value="Keterangan")
    ws.merge_cells(start_row=5, start_column=10, end_row=5, end_column=9 + len(PROFIL_PTK_KETERANGAN))
    for j, h in enumerate(PROFIL_PTK_KETERANGAN, start=10):
        ws.cell(row=6, column=j, value=h)
    for i, p in enumerate(people.to_dict("records"), start=1):
        subjects = p.get("_subjects") or []
        values = {
            "No": i,
            "Nama": p["nama"],
            "NUPTK": p["nuptk"],
            "JK": p["jk"],
            "Tempat Lahir": FAKE_PERSONAL["Tempat Lahir"],
            "Tanggal Lahir": p["tanggal_lahir"].strftime("%Y-%m-%d"),
            "NIP": p["nip"],
            "Status Kepegawaian": p["status_kepegawaian"],
            "Jenis PTK": p["jenis_ptk"],
            "Gelar Depan": None,
            "Gelar Belakang": "S.Pd." if p["kependidikan"] == "Ya" else None,
            "Jenjang": p["jenjang_pendidikan"],
            "Jurusan/Prodi": p["jurusan_prodi"],
            "Sertifikasi": p["sertifikasi"],
            "TMT Kerja": p["tmt_kerja"].strftime("%Y-%m-%d"),
            "Tugas Tambahan": p.get("tugas_tambahan"),
            "Mengajar": (", ".join(f"{s} ({int(h)} jam)" if hours_in_mengajar else s for s, h in subjects)) if subjects else None,
            "Jam Tugas\nTambahan": p.get("jam_tugas_tambahan", 0),
            "JJM": p["jjm"],
            "Total JJM": p.get("total_jjm", p["jjm"]),
            "Siswa": 32 * len(subjects),
            "Kompetensi": None,
        }
        for j, h in enumerate(PROFIL_PTK_MAIN + PROFIL_PTK_KETERANGAN, start=1):
            v = values.get(h)
            if v is not None and not (isinstance(v, float) and np.isnan(v)):
                cell = ws.cell(row=6 + i, column=j, value=v)
                if h in ("NUPTK", "NIP"):
                    cell.number_format = "@"
    wb.save(target)


def write_dapodik_daftar_ptk(target: str | Path | io.BytesIO, people: pd.DataFrame | None = None, school: dict | None = None) -> None:
    """Write a Dapodik "Daftar PTK" export: title rows 1–4, header row 5, 51 columns, data from row 6.

    The personal columns carry obviously fake values so tests can check they are dropped.
    """
    people = dapodik_people() if people is None else people
    school = school or DAPODIK_SCHOOL
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Daftar PTK"
    _title_rows(ws, "Daftar Pendidik dan Tenaga Kependidikan", school)
    for j, h in enumerate(DAFTAR_PTK_COLUMNS, start=1):
        ws.cell(row=5, column=j, value=h)
    for i, p in enumerate(people.to_dict("records"), start=1):
        values = dict(FAKE_PERSONAL)
        values.update(
            {
                "No": i,
                "Nama": p["nama"],
                "NUPTK": p["nuptk"],
                "JK": p["jk"],
                "Tanggal Lahir": p["tanggal_lahir"].strftime("%d/%m/%Y"),
                "NIP": p["nip"],
                "Status Kepegawaian": p["status_kepegawaian"],
                "Jenis PTK": p["jenis_ptk"],
                "Kecamatan": school["kecamatan"],
                "Sumber Gaji": "APBD",
            }
        )
        for j, h in enumerate(DAFTAR_PTK_COLUMNS, start=1):
            v = values.get(h)
            if v is not None and v != "":
                ws.cell(row=5 + i, column=j, value=v)
    wb.save(target)


def _rekap_workbook(school: dict) -> tuple[openpyxl.Workbook, object]:
    """A workbook whose sheet "Rekap Pembelajaran" has the label rows 2–6 and the header on row 8."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap Pembelajaran"
    ws["A1"] = "Rekap Pembelajaran"
    for r, (label, value) in enumerate(
        [
            ("Nama Sekolah", school["nama_sekolah"]),
            ("NPSN", school["npsn"]),
            ("Semester", "2025/2026 Ganjil"),
            ("Tanggal", "20/11/2025"),
            ("Pengunduh", "operator@contoh.invalid"),
        ],
        start=2,
    ):
        ws.cell(row=r, column=1, value=label)
        ws.cell(row=r, column=2, value=f": {value}")
    for j, h in enumerate(REKAP_COLUMNS, start=1):
        ws.cell(row=8, column=j, value=h)
    return wb, ws


def write_dapodik_rekap(target: str | Path | io.BytesIO, people: pd.DataFrame | None = None, school: dict | None = None) -> None:
    """Write a Dapodik "Rekap Pembelajaran" export: label rows 2–6, empty row 7, header row 8.

    One row per teacher × class (rombel) × subject; a teacher's JJM per subject
    is split across three classes.
    """
    people = dapodik_people() if people is None else people
    school = school or DAPODIK_SCHOOL
    wb, ws = _rekap_workbook(school)
    row, no = 9, 1
    for p in people.to_dict("records"):
        for subj, jjm in p.get("_subjects") or []:
            per_class = [jjm / 3] * 3
            for k, h in enumerate(per_class):
                tingkat = 7 + k
                values = {
                    "No": no,
                    "Jenis Rombel": "Kelas",
                    "Tingkat": tingkat,
                    "Nama Rombel": f"{tingkat}A",
                    "Kurikulum": "Kurikulum Merdeka",
                    "Nama PTK": p["nama"],
                    "NUPTK": p["nuptk"],
                    "PTK Induk": "Ya",
                    "Kepegawaian": p["status_kepegawaian"],
                    "Nama Matpel": subj,
                    "Kode Matpel": "",
                    "JJM": h,
                    "Jml Siswa": 32,
                    "Status di Kurikulum": "Wajib",
                }
                for j, col in enumerate(REKAP_COLUMNS, start=1):
                    v = values.get(col)
                    if v not in (None, ""):
                        ws.cell(row=row, column=j, value=v)
                row += 1
                no += 1
    wb.save(target)


# --- The 2026 Dapodik downloads and district school lists ------------------------------

#: Header row (row 5) of the 2026 "Daftar Guru" / "Daftar Tenaga Kependidikan"
#: downloads: the Daftar PTK columns; the last column of the sheet has no header.
DAFTAR_2026_COLUMNS = DAFTAR_PTK_COLUMNS + [None]
#: What the sample writes in the unlabelled last column.
UNLABELLED_VALUE = "Aktif"
DAFTAR_STAMP = "Tanggal Unduh: 2026-01-12 08:30:05"
DAFTAR_DATE = date(2026, 1, 12)


def dapodik_people_with_duties(seed: int = 21) -> pd.DataFrame:
    """:func:`dapodik_people` with additional duties: the second teacher a deputy head
    (12 JP, PP 74/2008 Pasal 54), the third a wali kelas (0 JP recognised here)."""
    people = dapodik_people(seed).copy()
    people["tugas_tambahan"] = None
    people["jam_tugas_tambahan"] = 0.0
    people.loc[1, ["tugas_tambahan", "jam_tugas_tambahan"]] = ["Wakil Kepala Sekolah", 12.0]
    people.loc[2, "tugas_tambahan"] = "Wali Kelas"
    people["total_jjm"] = people["jjm"].fillna(0) + people["jam_tugas_tambahan"]
    return people


def dapodik_head(seed: int = 22) -> dict:
    """The Dapodik sample school's head (one PTK record, Jenis PTK "Kepala Sekolah")."""
    b = _Builder(seed)
    return _head(b, DAPODIK_SCHOOL["npsn"], False, "Matematika", "Pendidikan Matematika")


def _write_daftar_2026(target, title: str, people: list[dict], school: dict) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    ws["A1"] = title
    ws["A2"] = school["nama_sekolah"]
    ws["A3"] = f"Kecamatan {school['kecamatan']}, {school['kabupaten_kota']}, Provinsi {school['provinsi']}"
    ws["A4"] = DAFTAR_STAMP
    ws["E4"] = "Pengunduh: operator@contoh.invalid"
    for j, h in enumerate(DAFTAR_2026_COLUMNS, start=1):
        if h is not None:
            ws.cell(row=5, column=j, value=h)
    for i, p in enumerate(people, start=1):
        values = dict(FAKE_PERSONAL)
        values.update(
            {
                "No": i,
                "Nama": p["nama"],
                "NUPTK": p.get("nuptk"),
                "JK": p["jk"],
                "Tanggal Lahir": p["tanggal_lahir"].strftime("%d/%m/%Y"),
                "NIP": p.get("nip"),
                "Status Kepegawaian": p["status_kepegawaian"],
                "Jenis PTK": p.get("jenis_ptk"),
                "Kecamatan": school["kecamatan"],
                "Sumber Gaji": "APBD",
                "Tugas Tambahan": p.get("tugas_tambahan"),
            }
        )
        for j, h in enumerate(DAFTAR_2026_COLUMNS, start=1):
            v = UNLABELLED_VALUE if h is None else values.get(h)
            if v is not None and v != "" and not (isinstance(v, float) and np.isnan(v)):
                cell = ws.cell(row=5 + i, column=j, value=v)
                if h in ("NUPTK", "NIP"):
                    cell.number_format = "@"
    wb.save(target)


def write_dapodik_daftar_guru(target: str | Path | io.BytesIO, people: pd.DataFrame | None = None, school: dict | None = None) -> None:
    """Write a 2026 Dapodik "Daftar Guru" download: the school's pendidik, no NPSN anywhere.

    A1 "Daftar Guru"; row 2 the school's name; row 3 "Kecamatan …, Kabupaten/Kota …,
    Provinsi …"; row 4 :data:`DAFTAR_STAMP` in A4 and "Pengunduh: …" in E4; header
    on row 5 (:data:`DAFTAR_2026_COLUMNS`, the last column without a header and
    :data:`UNLABELLED_VALUE` in every data row); data from row 6.
    """
    people = dapodik_people_with_duties() if people is None else people
    rows = [p for p in people.to_dict("records") if schema.is_pendidik(p["jenis_ptk"])]
    _write_daftar_2026(target, "Daftar Guru", rows, school or DAPODIK_SCHOOL)


def write_dapodik_daftar_tendik(target: str | Path | io.BytesIO, people: pd.DataFrame | None = None, school: dict | None = None) -> None:
    """Write a 2026 Dapodik "Daftar Tenaga Kependidikan" download (layout as :func:`write_dapodik_daftar_guru`).

    Rows: the school's head (:func:`dapodik_head`, Jenis PTK "Kepala Sekolah")
    first, then the tenaga kependidikan; the first of those has no NUPTK and
    the last an empty Jenis PTK, as staff records often do.
    """
    people = dapodik_people_with_duties() if people is None else people
    staff = [dict(p) for p in people.to_dict("records") if not schema.is_pendidik(p["jenis_ptk"])]
    if staff:
        staff[0]["nuptk"] = None
        staff[-1]["jenis_ptk"] = None
    _write_daftar_2026(target, "Daftar Tenaga Kependidikan", [dapodik_head(), *staff], school or DAPODIK_SCHOOL)


#: Header of a district school list as Dapodik's public progress pages show it.
DAFTAR_SEKOLAH_COLUMNS = ["No", "Nama Sekolah", "NPSN", "BP", "Status", "Last Sync", "Jml Sync", "Sinkron Terakhir", "Tahun", "Kecamatan"]
#: Schools of the sample list: (name, NPSN, BP, status, kecamatan as written, years listed).
DAFTAR_SEKOLAH_ROWS = [
    ("SD Negeri 1 Gantarang (contoh)", "40301201", "SD", "Negeri", "Kec. Gantarang", (2024, 2025)),
    ("SD Negeri 7 Gantarang (contoh)", "40301207", "SD", "Negeri", "Kecamatan Gantarang", (2025,)),
    ("SMP Negeri 3 Gantarang (contoh)", "40301303", "SMP", "Negeri", "GANTARANG", (2024, 2025)),
    ("TK Pertiwi Gantarang (contoh)", "69901201", "TK", "Swasta", "Kec. Gantarang", (2025,)),
    ("KB Melati (contoh)", "69901202", "KB", "Swasta", "Kec. Ujung Bulu", (2025,)),
    ("SLB Negeri Bulukumba (contoh)", "40301901", "SDLB", "Negeri", "Kec. Ujung Bulu", (2025,)),
    ("PKBM Harapan (contoh)", "P9908517", "PKBM", "Swasta", "Kec. Ujung Bulu", (2025,)),
]


def write_dapodik_daftar_sekolah(target: str | Path | io.BytesIO) -> None:
    """Write a district school list as scraped from Dapodik's public pages: sheet ``Sheet1``.

    Header on row 1 (:data:`DAFTAR_SEKOLAH_COLUMNS`); one row per school × year
    (:data:`DAFTAR_SEKOLAH_ROWS`, a later year with more synchronisations);
    kecamatan written three ways; BP includes TK, KB, SDLB and PKBM.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for j, h in enumerate(DAFTAR_SEKOLAH_COLUMNS, start=1):
        ws.cell(row=1, column=j, value=h)
    r = 2
    for nama, npsn, bp, status, kec, years in DAFTAR_SEKOLAH_ROWS:
        for k, year in enumerate(years):
            values = [r - 1, nama, npsn, bp, status, f"{year}-12-0{k + 1} 10:00:00", 3 + k, f"{year}-12-0{k + 1}", year, kec]
            for j, v in enumerate(values, start=1):
                c = ws.cell(row=r, column=j, value=v)
                if j == 3:
                    c.number_format = "@"
            r += 1
    wb.save(target)


#: Teacher columns of Rekap Pembelajaran that Dapodik merges over a teacher's class rows.
REKAP_TEACHER_COLUMNS = ("Nama PTK", "NUPTK", "PTK Induk", "Kepegawaian")


def write_dapodik_rekap_merged(
    target: str | Path | io.BytesIO,
    people: pd.DataFrame | None = None,
    school: dict | None = None,
    n_teachers: int = 5,
    classes: tuple[str, ...] = ("7A", "7B", "8A", "8B"),
    jjm_per_class: float = 3.0,
) -> None:
    """Write a Rekap Pembelajaran whose teacher cells are merged over each teacher's rows.

    Layout as :func:`write_dapodik_rekap` (label rows 2–6, header row 8), one
    row per teacher × class × subject, but Nama PTK, NUPTK, PTK Induk and
    Kepegawaian are written once per teacher in a cell merged down over all
    her rows (``ws.merge_cells``), as Dapodik's own export does; the
    continuation rows are blank under the merge. Defaults: the first 5
    teaching PTK of :func:`dapodik_people`, each teaching her first subject in
    4 classes at 3 JJM, so 60 JJM in all.
    """
    people = dapodik_people() if people is None else people
    school = school or DAPODIK_SCHOOL
    teachers = [p for p in people.to_dict("records") if p.get("_subjects")][:n_teachers]
    wb, ws = _rekap_workbook(school)
    row, no = 9, 1
    for p in teachers:
        subj = p["_subjects"][0][0]
        first = row
        for rombel in classes:
            values = {
                "No": no,
                "Jenis Rombel": "Kelas",
                "Tingkat": int(rombel[:-1]),
                "Nama Rombel": rombel,
                "Kurikulum": "Kurikulum Merdeka",
                "Nama Matpel": subj,
                "JJM": jjm_per_class,
                "Jml Siswa": 32,
                "Status di Kurikulum": "Wajib",
            }
            if row == first:
                values.update({"Nama PTK": p["nama"], "NUPTK": p["nuptk"], "PTK Induk": "Ya", "Kepegawaian": p["status_kepegawaian"]})
            for j, col in enumerate(REKAP_COLUMNS, start=1):
                v = values.get(col)
                if v not in (None, ""):
                    cell = ws.cell(row=row, column=j, value=v)
                    if col == "NUPTK":
                        cell.number_format = "@"
            row += 1
            no += 1
        for col in REKAP_TEACHER_COLUMNS:
            j = REKAP_COLUMNS.index(col) + 1
            ws.merge_cells(start_row=first, start_column=j, end_row=row - 1, end_column=j)
    wb.save(target)


# --- The same people under Dapodik's own names (issue "Real files as they come" §1) ----------

#: Dapodik's mata pelajaran names (ref.mata_pelajaran) for the project's subjects.
DAPODIK_SUBJECT_NAMES = {
    "Pendidikan Pancasila": "Pendidikan Pancasila dan Kewarganegaraan",
    "Matematika": "Matematika (Umum)",
    "IPA": "Ilmu Pengetahuan Alam (IPA)",
    "IPS": "Ilmu Pengetahuan Sosial (IPS)",
    "Pendidikan Jasmani, Olahraga, dan Kesehatan": "Pendidikan Jasmani, Olahraga dan Kesehatan",  # one comma: the splitter must not cut it
    "Informatika": "Teknologi Informasi dan Komunikasi",
    "Seni Budaya": "Seni dan Budaya",
    "Prakarya": "Prakarya dan Kewirausahaan",
    "Muatan Lokal": "Muatan Lokal Bahasa Daerah",
    "Bimbingan dan Konseling": "Bimbingan dan Konseling/Konselor (BP/BK)",
}
#: Dapodik's bidang studi names (getGtk ``bidang_studi_terakhir``) for the project's programmes.
DAPODIK_PRODI_NAMES = {
    "Pendidikan Bahasa Inggris": "Pendidikan Bahasa dan Sastra Inggris",
    "Pendidikan Pancasila dan Kewarganegaraan": "Pendidikan Pancasila dan Kewarganegaraan (PPKn)",
    "Pendidikan Bahasa Indonesia": "Pendidikan Bahasa dan Sastra Indonesia",
    "Pendidikan IPA": "Pendidikan Ilmu Pengetahuan Alam (IPA)",
    "Pendidikan IPS": "Pendidikan Ilmu Pengetahuan Sosial (IPS)",
    "Pendidikan Jasmani Kesehatan dan Rekreasi": "Pendidikan Jasmani Kesehatan dan Rekreasi (PJKR)",
    "Pendidikan Agama Islam": "Pendidikan Agama Islam (PAI)",
    "Bimbingan dan Konseling": "Bimbingan dan Konseling (BK)",
}
#: Dapodik's certificate field names (``bidang_studi_sertifikasi``) for the project's subjects.
DAPODIK_CERT_NAMES = {
    "Pendidikan Pancasila": "PPKn",
    "Pendidikan Jasmani, Olahraga, dan Kesehatan": "Pendidikan Jasmani dan Kesehatan",
    "IPA": "Ilmu Pengetahuan Alam (IPA)",
    "IPS": "Ilmu Pengetahuan Sosial (IPS)",
    "Informatika": "Teknologi Informasi dan Komunikasi",
    "Muatan Lokal": "Muatan Lokal Bahasa Daerah",
    "Prakarya": "Prakarya dan Kewirausahaan",
}
#: Extra subjects some teachers of :func:`dapodik_people` also teach (row → subject, JJM), most out of field,
#: as the field studies found (an English teacher on Seni Budaya, an IPS teacher on Prakarya).
_EXTRA_TEACHING = {
    3: ("Informatika", 4.0),
    5: ("Prakarya", 4.0),
    7: ("IPA", 6.0),
    13: ("Muatan Lokal", 4.0),
    15: ("Seni Budaya", 6.0),
    22: ("Pendidikan Jasmani, Olahraga, dan Kesehatan", 4.0),
}


def dapodik_mixed_people(seed: int = 21) -> pd.DataFrame:
    """The Dapodik sample school's PTK (:func:`dapodik_people`) with more out-of-field teaching and a BK teacher.

    One row per PTK, the project's own subject, programme and certificate names.
    """
    people = dapodik_people(seed)
    rows = people.to_dict("records")
    for i, (subj, jjm) in _EXTRA_TEACHING.items():
        p = rows[i]
        p["_subjects"] = [*p["_subjects"], (subj, jjm)]
        p["mengajar"] = "; ".join(s for s, _ in p["_subjects"])
        p["jjm"] = float(sum(h for _, h in p["_subjects"]))
    bk = dict(
        rows[2],
        nama="Guru BK Contoh",
        nuptk=_Builder(seed + 1).digits(16),
        nip=None,
        jenis_ptk="Guru BK",
        jurusan_prodi="Bimbingan dan Konseling",
        sertifikasi=None,
        _subjects=[("Bimbingan dan Konseling", 24.0)],
        mengajar="Bimbingan dan Konseling",
        jjm=24.0,
    )
    rows.insert(24, bk)
    return pd.DataFrame(rows)


def with_dapodik_names(people: pd.DataFrame) -> pd.DataFrame:
    """The same PTK with Dapodik's names for subjects, programmes and certificate fields.

    Parameters
    ----------
    people : DataFrame
        One row per PTK as :func:`dapodik_people` gives (``_subjects``,
        ``mengajar``, ``jurusan_prodi``, ``sertifikasi`` in the project's names).

    Returns
    -------
    DataFrame
        A copy, names replaced through :data:`DAPODIK_SUBJECT_NAMES`,
        :data:`DAPODIK_PRODI_NAMES` and :data:`DAPODIK_CERT_NAMES` (a name not
        in them is Dapodik's name too).
    """
    out = people.copy()
    out["_subjects"] = [[(DAPODIK_SUBJECT_NAMES.get(s, s), h) for s, h in subj] for subj in out["_subjects"]]
    out["mengajar"] = ["; ".join(s for s, _ in subj) if subj else None for subj in out["_subjects"]]
    out["jurusan_prodi"] = [DAPODIK_PRODI_NAMES.get(v, v) if isinstance(v, str) else v for v in out["jurusan_prodi"]]
    out["sertifikasi"] = [DAPODIK_CERT_NAMES.get(v, v) if isinstance(v, str) else v for v in out["sertifikasi"]]
    return out


def write_dapodik_profil_dapodik_names(target: str | Path | io.BytesIO, people: pd.DataFrame | None = None) -> None:
    """A Profil Sekolah workbook whose subjects, programmes and certificate fields carry Dapodik's own names.

    The people of :func:`dapodik_mixed_people` by default, their Mengajar cells
    listing subjects separated by ", " without hours. Written by
    :func:`write_dapodik_profil`; the same people under the project's names are
    ``write_dapodik_profil(target, dapodik_mixed_people())``.
    """
    people = dapodik_mixed_people() if people is None else people
    write_dapodik_profil(target, with_dapodik_names(people), hours_in_mengajar=False)


# --- Dapodik's web-service JSON (getGtk, getRombonganBelajar, getSekolah) ---------------------

#: Obviously fake personal fields a getGtk record carries, so tests can check they are dropped.
FAKE_PERSONAL_JSON = {
    "nik": "0000000000000000",
    "tempat_lahir": "Kota Contoh",
    "agama_id_str": "Islam",
    "alamat_jalan": "Jl. Contoh No. 1",
    "no_hp": "0800-0000-0000",
    "email": "contoh@example.invalid",
    "nama_ibu_kandung": "IBU CONTOH",
    "npwp": "00.000.000.0-000.000",
}
#: Classes of the sample school; each subject of a teacher is taught in two of them, its JJM split evenly.
JSON_ROMBEL = ("7A", "7B", "8A", "8B", "9A", "9B")


def _answer(rows: object, id_field: str) -> dict:
    """One web-service answer: ``{"results", "id" (the rows' id field), "start", "limit", "rows"}``."""
    n = len(rows) if isinstance(rows, list) else 1
    return {"results": n, "id": id_field, "start": 0, "limit": n, "rows": rows}


def dapodik_json_payload(people: pd.DataFrame | None = None, school: dict | None = None) -> dict:
    """The web-service answers of the Dapodik sample school, as one bundle.

    Parameters
    ----------
    people : DataFrame, optional
        One row per PTK in the project's names (default :func:`dapodik_mixed_people`);
        they are written under Dapodik's names (:func:`with_dapodik_names`).
    school : dict, optional
        Default :data:`DAPODIK_SCHOOL`.

    Returns
    -------
    dict
        ``{"WebService/getSekolah": ..., "WebService/getGtk": ..., "WebService/getRombonganBelajar": ...}``:
        one getGtk record per PTK (``ptk_id`` ``ptk-001``…, fake personal
        fields :data:`FAKE_PERSONAL_JSON`, ``rwy_pend_formal`` with
        ``kependidikan``), one rombel per class of :data:`JSON_ROMBEL` with its
        ``pembelajaran`` (each subject of a teacher in two classes, half its JJM in each).
    """
    people = with_dapodik_names(dapodik_mixed_people() if people is None else people)
    school = school or DAPODIK_SCHOOL
    gtk, lessons = [], {r: [] for r in JSON_ROMBEL}
    k = 0
    for i, p in enumerate(people.to_dict("records"), start=1):
        ptk_id = f"ptk-{i:03d}"
        gtk.append(
            {
                "ptk_id": ptk_id,
                "ptk_terdaftar_id": f"terdaftar-{i:03d}",
                "nama": p["nama"],
                "nuptk": p["nuptk"],
                "nip": p["nip"],
                "jenis_kelamin": p["jk"],
                "tanggal_lahir": p["tanggal_lahir"].isoformat(),
                "status_kepegawaian_id_str": p["status_kepegawaian"],
                "jenis_ptk_id_str": p["jenis_ptk"],
                "pendidikan_terakhir": p["jenjang_pendidikan"],
                "bidang_studi_terakhir": p["jurusan_prodi"] or "-",
                "bidang_studi_sertifikasi": p["sertifikasi"] if isinstance(p["sertifikasi"], str) else None,
                "pangkat_golongan_terakhir": "III/a",
                "rwy_pend_formal": [
                    {"satuan_pendidikan_formal": "Universitas Contoh", "kependidikan": "1" if p["kependidikan"] == "Ya" else "0", "tahun_lulus": "2010"}
                ],
                **FAKE_PERSONAL_JSON,
            }
        )
        for subj, jjm in p["_subjects"] or []:
            for _ in range(2):
                lessons[JSON_ROMBEL[k % len(JSON_ROMBEL)]].append(
                    {
                        "pembelajaran_id": f"pb-{k:04d}",
                        "ptk_id": ptk_id,
                        "mata_pelajaran_id": 100000 + k,
                        "nama_mata_pelajaran": subj,
                        "jam_mengajar_per_minggu": jjm / 2,
                        "status_di_kurikulum_str": "Wajib",
                    }
                )
                k += 1
    rombel = [
        {
            "rombongan_belajar_id": f"rb-{r}",
            "nama": r,
            "tingkat_pendidikan_id": r[0],
            "jenis_rombel_str": "Kelas",
            "kurikulum_id_str": "Kurikulum Merdeka",
            "pembelajaran": lessons[r],
        }
        for r in JSON_ROMBEL
    ]
    sekolah = {
        "sekolah_id": "sek-001",
        "npsn": school["npsn"],
        "nama": school["nama_sekolah"],
        "bentuk_pendidikan_id_str": school["jenjang"],
        "status_sekolah_str": school["status"],
        "kecamatan": school["kecamatan"],
        "kabupaten_kota": school["kabupaten_kota"],
        "provinsi": school["provinsi"],
    }
    return {
        "WebService/getSekolah": _answer(sekolah, "sekolah_id"),
        "WebService/getGtk": _answer(gtk, "ptk_id"),
        "WebService/getRombonganBelajar": _answer(rombel, "rombongan_belajar_id"),
    }


def write_dapodik_json(target: str | Path | io.BytesIO, payload: dict | None = None) -> None:
    """Write :func:`dapodik_json_payload` (or ``payload``) as UTF-8 JSON, as an operator saves the web service's answers."""
    data = json.dumps(dapodik_json_payload() if payload is None else payload, ensure_ascii=False, indent=1).encode("utf-8")
    if isinstance(target, io.BytesIO):
        target.write(data)
    else:
        Path(target).write_bytes(data)


def write_all(outdir: str | Path) -> list[Path]:
    """Write every sample workbook, the Dapodik-shaped sample and the template into ``outdir``.

    Returns
    -------
    list of Path
        The files written.
    """
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for site in SITES:
        path = out / file_name(site.key)
        write_workbook(sample_tables(site.key), path, sample_notes(site.key))
        written.append(path)
    path = out / DAPODIK_FILE
    write_dapodik_profil(path)
    written.append(path)
    path = out / TEMPLATE_FILE
    path.write_bytes(build_template())
    written.append(path)
    for path in written:
        path.write_bytes(reproducible_xlsx(path.read_bytes()))
    return written


#: The date every bundled workbook carries in its zip entries and document properties.
_FIXED_STAMP = (2026, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def reproducible_xlsx(data: bytes) -> bytes:
    """The same workbook with fixed zip timestamps and document dates, so that one seed gives one file.

    openpyxl stamps every zip entry and ``docProps/core.xml`` with the time of
    writing; the bundled samples are rewritten with :data:`_FIXED_STAMP` so a
    regenerated ``data/`` differs from the committed one only where the data
    does.

    Parameters
    ----------
    data : bytes
        An .xlsx file.

    Returns
    -------
    bytes
        The same members in the same order, byte-identical across runs.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATES.sub(rb"\g<1>2026-01-01T00:00:00Z\g<2>", body)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=_FIXED_STAMP), body, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def sample_paths(datadir: str | Path | None = None) -> list[Path]:
    """Paths of the bundled sample files the app opens on, in display order."""
    d = Path(datadir) if datadir else paths.DATA_DIR
    return [d / file_name(s.key) for s in SITES] + [d / DAPODIK_FILE]


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.samples OUTDIR``: write the sample workbooks."""
    args = sys.argv[1:] if argv is None else argv
    outdir = args[0] if args else "data"
    for p in write_all(outdir):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# ------------------------------------------------- a generated district (plan benchmark and tests)

#: Centre of the generated district (decimal degrees; an illustrative place in Sumatera Selatan).
DISTRICT_CENTRE = (-3.45, 104.25)
SD_SUBJECTS = {
    "Guru Kelas": ("PGSD", 24.0),
    "Pendidikan Agama Islam dan Budi Pekerti": ("Pendidikan Agama Islam", 4.0),
    "Pendidikan Jasmani, Olahraga, dan Kesehatan": ("Pendidikan Jasmani Kesehatan dan Rekreasi", 4.0),
}


def district_tables(n_schools: int = 400, n_teachers: int = 10_000, seed: int = 400, n_kecamatan: int = 20) -> dict[str, pd.DataFrame]:
    """A generated district as program tables (illustrative, not measured), for the plan's benchmark and tests.

    About 60 % SD and 40 % SMP schools in ``n_kecamatan`` kecamatan, with
    coordinates; teachers fill each school's weekly hours (rombel × JP per
    subject), about one in eight of them out of field, some linier teachers
    below 24 JJM; trainings, assessments and PMM predikat kinerja.

    Returns
    -------
    dict of str to DataFrame
        ``sekolah`` (one row per school, with ``lintang`` / ``bujur``), ``guru``
        (one row per teacher, ``guru_id`` = NUPTK, ``pendidik`` True),
        ``mengajar`` (teacher × subject, JJM), ``pelatihan``, ``penilaian``,
        ``kinerja``, ``kendala`` (empty): the columns the analyses read, the
        same for a given seed. ``n_teachers`` is approximate (±5 %).
    """
    rng = np.random.default_rng(seed)
    smp_subjects = list(SMP_SUBJECTS)
    prodi_of = dict(SMP_SUBJECTS)
    weights = np.array(SMP_WEIGHTS, dtype=float)
    kec_centres = [(DISTRICT_CENTRE[0] + rng.uniform(-0.45, 0.45), DISTRICT_CENTRE[1] + rng.uniform(-0.45, 0.45)) for _ in range(n_kecamatan)]
    # rombel per school scaled so that the teachers add up to about n_teachers
    per_school = n_teachers / n_schools
    sd_rombel = max(6, int(round(per_school * 0.69)))
    smp_rombel = max(3, int(round(per_school * 0.8)))
    schools, guru, mengajar, pelatihan, penilaian, kin = [], [], [], [], [], []
    nuptk = 10**15 + seed * 10**9
    for i in range(n_schools):
        smp = i % 5 in (1, 3)  # 40 %
        k = i % n_kecamatan
        lat, lon = kec_centres[k]
        npsn = f"{(20 if smp else 10) * 10**6 + 500000 + i:08d}"
        status = "Swasta" if rng.random() < 0.15 else "Negeri"
        schools.append(
            {
                "npsn": npsn,
                "nama_sekolah": f"{'SMP' if smp else 'SD'} {'Negeri' if status == 'Negeri' else 'Swasta'} {i + 1} (contoh)",
                "jenjang": "SMP" if smp else "SD",
                "status": status,
                "naungan": "Kemendikdasmen",
                "kecamatan": f"Kecamatan {k + 1:02d}",
                "kabupaten_kota": "Kabupaten Contoh",
                "provinsi": "Sumatera Selatan",
                "berbasis_pesantren": "Tidak",
                "lintang": round(lat + rng.normal(0, 0.03), 5),
                "bujur": round(lon + rng.normal(0, 0.03), 5),
            }
        )
        rombel = int(max(3, rng.normal(smp_rombel if smp else sd_rombel, 1.5)))
        if smp:
            demand = {s: float(rombel * w) for s, w in zip(smp_subjects, weights * 32 / weights.sum())}
            demand = {s: float(max(2, round(h))) for s, h in demand.items()}
        else:
            demand = {s: rombel * jp for s, (_, jp) in SD_SUBJECTS.items()}
        staff = []
        for subj, hours in demand.items():
            left = hours
            while left > 0:
                load = float(min(left, rng.choice([18, 20, 22, 24, 24, 24, 24, 26, 30]) if subj != "Guru Kelas" else 24 + 4 * rng.integers(0, 2)))
                if left - load < 6:
                    load = left
                left -= load
                pr = prodi_of.get(subj) or SD_SUBJECTS[subj][0]
                off = rng.random() < 0.12
                if off:
                    pool = [
                        p
                        for p in ([prodi_of[s] for s in smp_subjects] if smp else ["Pendidikan Agama Islam", "Ekonomi", "Pendidikan Bahasa Indonesia"])
                        if p != pr
                    ]
                    pr = str(rng.choice(pool))
                staff.append((subj, load, pr, off))
        for subj, load, pr, off in staff:
            nuptk += 1
            st = (
                str(rng.choice(["PNS", "PPPK", "GTY/PTY", "Guru Honor Sekolah"], p=[0.45, 0.15, 0.2, 0.2]))
                if status == "Negeri"
                else str(rng.choice(["GTY/PTY", "Guru Honor Sekolah"]))
            )
            certified = not off and rng.random() < (0.6 if st in ("PNS", "PPPK") else 0.15)
            gid = str(nuptk)
            row = {
                "guru_id": gid,
                "nuptk": gid,
                "npsn": npsn,
                "nama": f"Guru {gid[-6:]} (contoh)",
                "status_kepegawaian": st,
                "jenis_ptk": "Guru Kelas" if subj == "Guru Kelas" else "Guru Mapel",
                "jenjang_pendidikan": "S1",
                "jurusan_prodi": pr,
                "sertifikasi": (subj if subj != "Guru Kelas" else "Guru Kelas SD") if certified else None,
                "pendidik": True,
                "kependidikan": True,
                "tugas_tambahan": None,
                "jam_tugas_tambahan": np.nan,
                "jjm": load,
                "mengajar": subj,
            }
            for s_key in ICT_SKILLS_KEYS:
                row[s_key] = int(rng.choice([1, 2, 3, 4], p=[0.15, 0.35, 0.35, 0.15]))
            guru.append(row)
            mengajar.append({"guru_id": gid, "nuptk": gid, "mata_pelajaran": subj, "jjm": load})
            for _ in range(int(rng.integers(0, 3))):
                end = date(2024, 1, 15) + timedelta(days=int(rng.integers(0, 700)))
                pelatihan.append(
                    {
                        "guru_id": gid,
                        "nuptk": gid,
                        "nama_pelatihan": str(rng.choice(["Bimtek Kurikulum Merdeka", "Pelatihan TIK Dasar", "Workshop Asesmen", "MGMP/KKG Rutin"])),
                        "jenis": str(rng.choice(["Bimtek", "Workshop", "KKG" if not smp else "MGMP", "Diklat"])),
                        "fokus": str(rng.choice(["Pedagogik", "Profesional", "TIK"])),
                        "tanggal_mulai": pd.Timestamp(end - timedelta(days=3)),
                        "tanggal_selesai": pd.Timestamp(end),
                        "jp": 32.0,
                        "peran": "Peserta",
                    }
                )
            if rng.random() < 0.6:
                when = date(2025, 1, 10) + timedelta(days=int(rng.integers(0, 330)))
                penilaian.append(
                    {
                        "guru_id": gid,
                        "nuptk": gid,
                        "tanggal_penilaian": pd.Timestamp(when),
                        "sumber": "Supervisi",
                        **{d: float(np.clip(rng.normal(74, 9), 30, 100)) for d in ("pedagogik", "kepribadian", "sosial", "profesional")},
                    }
                )
            if st in ("PNS", "PPPK"):
                kin.append(
                    {
                        "guru_id": gid,
                        "nuptk": gid,
                        "npsn": npsn,
                        "tahun": 2024,
                        "predikat": str(rng.choice(["Sangat Baik", "Baik", "Butuh Perbaikan"], p=[0.2, 0.72, 0.08])),
                        "rating_hasil_kerja": None,
                        "rating_perilaku_kerja": None,
                    }
                )
    tables = {
        "sekolah": pd.DataFrame(schools),
        "guru": pd.DataFrame(guru),
        "mengajar": pd.DataFrame(mengajar),
        "pelatihan": pd.DataFrame(pelatihan),
        "penilaian": pd.DataFrame(penilaian),
        "kinerja": pd.DataFrame(kin),
        "kendala": pd.DataFrame(columns=["npsn", "nama_pelatihan", "tanggal", "kategori"]),
    }
    return tables


def district_dataset(n_schools: int = 400, n_teachers: int = 10_000, seed: int = 400):
    """:func:`district_tables` as a :class:`analysis.core.dataset.Dataset` (marked sample), every table with all its schema columns.

    For the plan's tests and benchmark: pages and :mod:`analysis.views.district` read
    a ``Dataset``. Columns the generator does not fill are empty.
    """

    generated = district_tables(n_schools, n_teachers, seed)
    tables = {}
    for key, empty in empty_tables().items():
        df = generated.get(key, empty)
        missing = {c: pd.Series([None] * len(df), index=df.index, dtype=empty[c].dtype) for c in empty.columns if c not in df.columns}
        tables[key] = df.assign(**missing) if missing else df
    return Dataset(tables=tables, report=ValidationReport(file="district_tables"), source=f"district_tables({n_schools}, {n_teachers}, {seed})", is_sample=True)


ICT_SKILLS_KEYS = ("tik_laptop", "tik_office", "tik_lms", "tik_media", "tik_asesmen", "tik_kka")
