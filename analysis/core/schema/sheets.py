"""The seven sheets of the workbook, column by column: headers, aliases, types, ranges, allowed values, examples."""

from __future__ import annotations

from analysis.core.schema.model import EXAMPLE_NPSN, EXAMPLE_NUPTK, Column, Sheet, normalize_header
from analysis.core.schema.vocabularies import (
    FOKUS,
    ICT_SKILLS,
    JENIS_PELATIHAN,
    JENIS_PTK,
    JENIS_PTK_PENDIDIK,
    JENJANG_PENDIDIKAN,
    JENJANG_SEKOLAH,
    JK,
    KATEGORI_KENDALA,
    MODA,
    NAUNGAN,
    PERAN,
    PKG_ITEMS,
    PKG_ITEMS_BK,
    PREDIKAT_KINERJA,
    RATING_KINERJA,
    STATUS_KEPEGAWAIAN,
    STATUS_SEKOLAH,
    SUMBER_PENILAIAN,
)

# ---------------------------------------------------------------------------
# Reusable column builders
# ---------------------------------------------------------------------------


def _npsn(required: bool = True) -> Column:
    return Column(
        "npsn",
        "NPSN",
        "id",
        "Nomor Pokok Sekolah Nasional, 8 digit, ditulis sebagai teks.",
        "National school number, 8 digits, written as text.",
        aliases=("NPSN Sekolah", "School ID"),
        required=required,
        digits=8,
        example=EXAMPLE_NPSN,
    )


def _nuptk(required: bool = False) -> Column:
    return Column(
        "nuptk",
        "NUPTK",
        "id",
        "Nomor Unik Pendidik dan Tenaga Kependidikan, 16 digit, ditulis sebagai teks. Menghubungkan guru dengan sheet lain.",
        "Unique teacher and staff number, 16 digits, written as text. Links a teacher to the other sheets.",
        aliases=("No NUPTK", "Teacher ID"),
        required=required,
        digits=16,
        example=EXAMPLE_NUPTK,
    )


def _level(key: str, header: str, desc_id: str, desc_en: str, aliases: tuple[str, ...] = ()) -> Column:
    return Column(key, header, "level", desc_id, desc_en, aliases=aliases, min=1, max=4, example="3")


def _score(key: str, header: str, desc_id: str, desc_en: str, aliases: tuple[str, ...] = ()) -> Column:
    return Column(key, header, "score", desc_id, desc_en, aliases=aliases, min=0, max=100, example="78")


_YA_TIDAK = ("Ya", "Tidak")

# ---------------------------------------------------------------------------
# Sheets
# ---------------------------------------------------------------------------

SEKOLAH = Sheet(
    key="sekolah",
    name="Sekolah",
    grain_id="satu baris per sekolah",
    grain_en="one row per school",
    aliases=("Schools", "School", "Satuan Pendidikan"),
    columns=(
        _npsn(),
        Column(
            "nama_sekolah",
            "Nama Sekolah",
            "text",
            "Nama resmi sekolah atau madrasah.",
            "Official name of the school or madrasah.",
            aliases=("School Name", "Nama Satuan Pendidikan", "Nama"),
            required=True,
            example="SMP Negeri 8 Prabumulih",
        ),
        Column(
            "jenjang",
            "Jenjang",
            "choice",
            "Jenjang sekolah.",
            "School level.",
            aliases=("Bentuk Pendidikan", "BP", "Level", "School Level", "Jenjang Sekolah", "Jenjang Pendidikan"),
            allowed=JENJANG_SEKOLAH,
            value_aliases={
                "MTS": "MTs",
                "Mts": "MTs",
                "SDLB": "SLB",
                "SMPLB": "SLB",
                "SMALB": "SLB",
                "SMLB": "SLB",
                "TKLB": "SLB",
                "Kelompok Bermain": "KB",
                "Taman Kanak-kanak": "TK",
                "Taman Penitipan Anak": "TPA",
                "Satuan PAUD Sejenis": "SPS",
            },
            example="SMP",
        ),
        Column(
            "status",
            "Status",
            "choice",
            "Status sekolah.",
            "School status (public/private).",
            aliases=("Status Sekolah", "School Status"),
            allowed=STATUS_SEKOLAH,
            value_aliases={"N": "Negeri", "S": "Swasta", "Public": "Negeri", "Private": "Swasta"},
            example="Negeri",
        ),
        Column(
            "naungan",
            "Naungan",
            "choice",
            "Kementerian yang membina sekolah.",
            "Ministry the school answers to.",
            aliases=("Kementerian", "Ministry"),
            allowed=NAUNGAN,
            value_aliases={
                "Kemendikbud": "Kemendikdasmen",
                "Kemendikbudristek": "Kemendikdasmen",
                "Dinas Pendidikan": "Kemendikdasmen",
                "Kementerian Agama": "Kemenag",
            },
            example="Kemendikdasmen",
        ),
        Column(
            "kecamatan",
            "Kecamatan",
            "text",
            'Kecamatan, tanpa awalan: "Kec. Gantarang", "Kecamatan Gantarang" dan "GANTARANG" dibaca sebagai satu kecamatan "Gantarang".',
            'Sub-district, without prefix: "Kec. Gantarang", "Kecamatan Gantarang" and "GANTARANG" are read as one sub-district "Gantarang".',
            aliases=("Sub-district", "Subdistrict", "Kec"),
            example="Prabumulih Barat",
        ),
        Column(
            "kabupaten_kota",
            "Kabupaten/Kota",
            "text",
            'Kabupaten atau kota: "Kab. X" dibaca "Kabupaten X"; "Kota X" tetap kota, terpisah dari "Kabupaten X".',
            'Regency or city: "Kab. X" is read as "Kabupaten X"; "Kota X" stays a city, apart from "Kabupaten X".',
            aliases=("Kabupaten", "Kota", "Kab/Kota", "Regency", "District"),
            example="Kota Prabumulih",
        ),
        Column(
            "provinsi",
            "Provinsi",
            "text",
            'Provinsi, tanpa awalan "Prov." / "Provinsi".',
            'Province, without the "Prov." / "Provinsi" prefix.',
            aliases=("Province", "Prov"),
            example="Sumatera Selatan",
        ),
        Column(
            "lintang",
            "Lintang",
            "float",
            "Lintang lokasi sekolah (derajat desimal, negatif di selatan khatulistiwa), seperti di formulir sekolah Dapodik; opsional, untuk peta dan jarak antarsekolah.",
            "Latitude of the school (decimal degrees, negative south of the equator), as on Dapodik's school form; optional, for the map and distances between schools.",
            aliases=("Latitude", "Lat"),
            min=-11.5,
            max=6.5,
            example="-3.4321",
        ),
        Column(
            "bujur",
            "Bujur",
            "float",
            "Bujur lokasi sekolah (derajat desimal, bujur timur), seperti di formulir sekolah Dapodik; opsional.",
            "Longitude of the school (decimal degrees east), as on Dapodik's school form; optional.",
            aliases=("Longitude", "Lon", "Lng"),
            min=94.5,
            max=141.5,
            example="104.2345",
        ),
        Column(
            "berbasis_pesantren",
            "Berbasis Pesantren",
            "bool",
            "Ya bila sekolah berada dalam lingkungan pondok pesantren.",
            "Yes when the school belongs to a pesantren (Islamic boarding school).",
            aliases=("Pesantren", "Pesantren-based"),
            allowed=_YA_TIDAK,
            example="Tidak",
        ),
        Column(
            "tahun",
            "Tahun",
            "int",
            "Tahun data (opsional). Daftar sekolah dengan kolom Tahun memuat satu baris per sekolah × tahun: baris tahun terbaru "
            "menjadi data sekolah saat ini, baris tahun sebelumnya disimpan untuk tren.",
            "Year of the data (optional). A school list with a Tahun column holds one row per school × year: the latest year's row "
            "is the school's current row, earlier years are kept for trends.",
            aliases=("Year", "Tahun Data"),
            min=2000,
            max=2100,
            example="2025",
        ),
        Column(
            "tanggal_data",
            "Tanggal Unduh",
            "date",
            "Tanggal data diunduh dari Dapodik (dd/mm/yyyy); menjadi tanggal acuan bila tidak ada tanggal yang lebih baru.",
            "Date the data was downloaded from Dapodik (dd/mm/yyyy); the reference date when no later date is found.",
            aliases=("Tanggal Data", "Download Date", "Tanggal"),
            example="20/11/2025",
        ),
    ),
)

GURU = Sheet(
    key="guru",
    name="Guru",
    grain_id="satu baris per guru atau tenaga kependidikan",
    grain_en="one row per teacher or staff member",
    aliases=("Teachers", "Teacher", "PTK", "Daftar PTK", "Staff"),
    columns=(
        _npsn(required=False),
        Column(
            "nama",
            "Nama",
            "text",
            "Nama lengkap. Hanya ditampilkan kepada kepala sekolahnya sendiri.",
            "Full name. Shown only to the school's own head.",
            aliases=("Nama Lengkap", "Name", "Nama PTK", "Nama Guru", "Full Name"),
            required=True,
            example="Siti Aminah",
        ),
        _nuptk(),
        Column(
            "nip",
            "NIP",
            "id",
            "Nomor Induk Pegawai (ASN), 18 digit, ditulis sebagai teks; kosong bila bukan ASN.",
            "Civil servant number, 18 digits, written as text; empty for non-civil-servants.",
            aliases=("No NIP", "Civil Servant ID"),
            digits=18,
            example="198001012005012001",
        ),
        Column(
            "jk",
            "JK",
            "choice",
            "Jenis kelamin: L atau P.",
            "Sex: L (male) or P (female).",
            aliases=("Jenis Kelamin", "Gender", "Sex", "L/P"),
            allowed=JK,
            value_aliases={
                "Laki-laki": "L",
                "Laki-Laki": "L",
                "Perempuan": "P",
                "M": "L",
                "Male": "L",
                "F": "P",
                "Female": "P",
            },
            example="P",
        ),
        Column(
            "tanggal_lahir",
            "Tanggal Lahir",
            "date",
            "Tanggal lahir (dd/mm/yyyy); hanya dipakai untuk kelompok umur.",
            "Date of birth (dd/mm/yyyy); used only for age bands.",
            aliases=("Tgl Lahir", "Date of Birth", "Birth Date", "DOB"),
            example="12/05/1980",
        ),
        Column(
            "status_kepegawaian",
            "Status Kepegawaian",
            "choice",
            "Status kepegawaian sesuai Dapodik.",
            "Employment status as in Dapodik.",
            aliases=("Kepegawaian", "Employment Status", "Status Pegawai"),
            allowed=STATUS_KEPEGAWAIAN,
            value_aliases={"GTY": "GTY/PTY", "GTT": "Guru Honor Sekolah", "Honorer": "Guru Honor Sekolah"},
            example="PNS",
        ),
        Column(
            "jenis_ptk",
            "Jenis PTK",
            "choice",
            "Jenis PTK sesuai Dapodik; menentukan pendidik atau tenaga kependidikan.",
            "Dapodik staff type; decides teacher or support staff.",
            aliases=("Jenis Guru", "Staff Type", "Tugas", "Position"),
            allowed=JENIS_PTK,
            value_aliases={"Guru Mata Pelajaran": "Guru Mapel", "Kepala Madrasah": "Kepala Sekolah", "Guru BP/BK": "Guru BK"},
            example="Guru Mapel",
        ),
        Column(
            "jenjang_pendidikan",
            "Jenjang Pendidikan",
            "choice",
            "Pendidikan terakhir: D1–S3.",
            "Highest qualification: D1–S3.",
            aliases=("Pendidikan Terakhir", "Jenjang", "Qualification", "Ijazah Terakhir"),
            allowed=JENJANG_PENDIDIKAN,
            value_aliases={"D-IV": "D4", "DIV": "D4", "D-III": "D3", "DIII": "D3", "SMA/sederajat": "SMA", "SLTA": "SMA"},
            example="S1",
        ),
        Column(
            "jurusan_prodi",
            "Jurusan/Prodi",
            "text",
            "Jurusan atau program studi ijazah terakhir, mis. Pendidikan Bahasa Inggris.",
            "Study programme of the last degree, e.g. Pendidikan Bahasa Inggris.",
            aliases=("Jurusan", "Prodi", "Program Studi", "Study Programme", "Study Program", "Major"),
            example="Pendidikan Matematika",
        ),
        Column(
            "kependidikan",
            "Kependidikan",
            "bool",
            "Ya bila program studi adalah program kependidikan (LPTK).",
            "Yes when the study programme is a teacher-education programme.",
            aliases=("Lulusan Kependidikan", "LPTK", "Teacher Education"),
            allowed=_YA_TIDAK,
            example="Ya",
        ),
        Column(
            "sertifikasi",
            "Sertifikasi",
            "text",
            "Bidang studi sertifikat pendidik; kosong bila belum bersertifikat.",
            "Field of the teaching certificate; empty if not certified.",
            aliases=("Bidang Sertifikasi", "Bidang Studi Sertifikasi", "Certificate Field", "Certification"),
            example="Matematika",
        ),
        Column(
            "tahun_sertifikasi",
            "Tahun Sertifikasi",
            "int",
            "Tahun sertifikat pendidik terbit.",
            "Year the teaching certificate was issued.",
            aliases=("Certification Year",),
            min=2006,
            max=2100,
            example="2012",
        ),
        Column(
            "mengajar",
            "Mengajar",
            "multi",
            "Mata pelajaran yang diampu; pisahkan dengan titik koma (;).",
            "Subjects taught; separate them with semicolons (;).",
            aliases=("Mata Pelajaran", "Mapel", "Mapel Diampu", "Subjects Taught", "Subjects"),
            example="Matematika; Informatika",
        ),
        Column(
            "jjm",
            "JJM",
            "float",
            "Jumlah jam mengajar tatap muka per minggu (JP).",
            "Face-to-face teaching hours per week (JP).",
            aliases=("Jumlah Jam Mengajar", "Jam Mengajar", "Teaching Hours", "JTM"),
            min=0,
            max=60,
            example="24",
        ),
        Column(
            "tugas_tambahan",
            "Tugas Tambahan",
            "text",
            "Tugas tambahan guru, mis. Wakil Kepala Sekolah, Kepala Perpustakaan, Wali Kelas; kosong bila tidak ada.",
            "The teacher's additional duty, e.g. Wakil Kepala Sekolah (deputy head), Kepala Perpustakaan, Wali Kelas; empty if none.",
            aliases=("Additional Duty", "Additional Task"),
            example="Wali Kelas",
        ),
        Column(
            "jam_tugas_tambahan",
            "Jam Tugas Tambahan",
            "float",
            "Jam per minggu (JP) yang diakui untuk tugas tambahan, dihitung ke beban 24 JJM (PP 74/2008 Pasal 52 dan 54), mis. 12 untuk wakil kepala sekolah.",
            "Weekly hours (JP) recognised for the additional duty, counted towards the 24-JJM load (PP 74/2008 Article 52 and 54), e.g. 12 for a deputy head.",
            aliases=("Jam Tambahan", "JJM Tugas Tambahan", "Additional Duty Hours"),
            min=0,
            max=60,
            example="0",
        ),
        Column(
            "total_jjm",
            "Total JJM",
            "float",
            "Jumlah JJM tatap muka ditambah jam tugas tambahan per minggu (JP), seperti di sheet PTK Profil Sekolah Dapodik.",
            "Face-to-face JJM plus additional-duty hours per week (JP), as in the PTK sheet of Dapodik's Profil Sekolah.",
            aliases=("Jumlah JJM", "Total Jam", "Total Teaching Load"),
            min=0,
            max=80,
            example="24",
        ),
        Column(
            "tmt_kerja",
            "TMT Kerja",
            "date",
            "Tanggal mulai bertugas di sekolah ini.",
            "Date the teacher started at this school.",
            aliases=("TMT", "TMT Tugas", "Start Date"),
            example="01/07/2010",
        ),
        *(
            _level(
                key,
                f"TIK {label_id}",
                f"Penguasaan TIK, 1–4 (1 belum mampu, 2 dasar, 3 mahir, 4 mampu mengajarkan): {label_id.lower()}.",
                f"ICT mastery, 1–4 (1 not yet able, 2 basic, 3 proficient, 4 able to teach others): {label_en.lower()}.",
                aliases=(f"ICT {label_en}", label_id, key),
            )
            for key, (label_id, label_en) in ICT_SKILLS.items()
        ),
    ),
)

MENGAJAR = Sheet(
    key="mengajar",
    name="Mengajar",
    grain_id="satu baris per guru × mata pelajaran",
    grain_en="one row per teacher × subject",
    aliases=("Teaching", "Pembelajaran", "Subjects"),
    optional=True,
    columns=(
        _nuptk(required=True),
        Column(
            "mata_pelajaran",
            "Mata Pelajaran",
            "text",
            "Satu mata pelajaran yang diampu guru ini.",
            "One subject this teacher teaches.",
            aliases=("Mapel", "Nama Matpel", "Subject"),
            required=True,
            example="Matematika",
        ),
        Column(
            "jjm",
            "JJM",
            "float",
            "Jam tatap muka per minggu untuk mata pelajaran ini (JP).",
            "Weekly face-to-face hours for this subject (JP).",
            aliases=("Jam", "Teaching Hours", "JP"),
            min=0,
            max=60,
            example="12",
        ),
    ),
)

PELATIHAN = Sheet(
    key="pelatihan",
    name="Pelatihan",
    grain_id="satu baris per guru × pelatihan",
    grain_en="one row per teacher × training",
    aliases=("Training", "Trainings", "Diklat", "Pengembangan Diri"),
    optional=True,
    columns=(
        _nuptk(required=True),
        Column(
            "nama_pelatihan",
            "Nama Pelatihan",
            "text",
            "Judul pelatihan.",
            "Title of the training.",
            aliases=("Nama Diklat", "Training Name", "Judul", "Nama Kegiatan"),
            required=True,
            example="Pembelajaran Mendalam",
        ),
        Column(
            "jenis",
            "Jenis",
            "choice",
            "Bentuk pelatihan.",
            "Form of training.",
            aliases=("Jenis Diklat", "Jenis Pelatihan", "Type"),
            allowed=JENIS_PELATIHAN,
            value_aliases={"In House Training": "IHT", "In-House Training": "IHT", "Platform Merdeka Mengajar": "PMM", "Pelatihan Mandiri PMM": "PMM"},
            example="Workshop",
        ),
        Column(
            "penyelenggara",
            "Penyelenggara",
            "text",
            "Penyelenggara: Dinas Pendidikan, Kemenag, BBGP/BGP, universitas, sekolah, mandiri.",
            "Organiser: Dinas Pendidikan, Kemenag, BBGP/BGP, university, the school, self-funded.",
            aliases=("Organiser", "Organizer"),
            example="Dinas Pendidikan",
        ),
        Column(
            "tanggal_mulai",
            "Tanggal Mulai",
            "date",
            "Hari pertama pelatihan (dd/mm/yyyy).",
            "First day of the training (dd/mm/yyyy).",
            aliases=("Mulai", "Start Date", "Tgl Mulai"),
            example="14/08/2024",
        ),
        Column(
            "tanggal_selesai",
            "Tanggal Selesai",
            "date",
            "Hari terakhir pelatihan (dd/mm/yyyy).",
            "Last day of the training (dd/mm/yyyy).",
            aliases=("Selesai", "End Date", "Tgl Selesai"),
            example="16/08/2024",
        ),
        Column(
            "jp",
            "JP",
            "float",
            "Jam pelajaran pelatihan (JP).",
            "Training hours (JP).",
            aliases=("Jumlah JP", "Berapa Jam", "Hours", "Jam"),
            min=0,
            max=1000,
            example="24",
        ),
        Column(
            "moda",
            "Moda",
            "choice",
            "Luring, Daring atau Kombinasi.",
            "In person, online or blended.",
            aliases=("Mode", "Modus"),
            allowed=MODA,
            value_aliases={"Offline": "Luring", "Online": "Daring", "Blended": "Kombinasi", "Hybrid": "Kombinasi"},
            example="Luring",
        ),
        Column(
            "fokus",
            "Fokus",
            "choice",
            "Kompetensi yang dituju: Pedagogik, Kepribadian, Sosial, Profesional atau TIK.",
            "Competency aimed at: Pedagogik, Kepribadian, Sosial, Profesional or TIK (ICT).",
            aliases=("Focus", "Kompetensi"),
            allowed=FOKUS,
            value_aliases={"ICT": "TIK", "Pedagogic": "Pedagogik", "Professional": "Profesional", "Personal": "Kepribadian", "Social": "Sosial"},
            example="Pedagogik",
        ),
        Column(
            "peran",
            "Peran",
            "choice",
            "Peran guru dalam pelatihan.",
            "The teacher's role in the training.",
            aliases=("Role",),
            allowed=PERAN,
            value_aliases={"Participant": "Peserta", "Speaker": "Narasumber", "Trainer": "Pemateri", "Committee": "Panitia"},
            example="Peserta",
        ),
        Column(
            "sertifikat",
            "Sertifikat",
            "bool",
            "Ya bila peserta menerima sertifikat.",
            "Yes when the teacher received a certificate.",
            aliases=("Certificate", "Bersertifikat"),
            allowed=_YA_TIDAK,
            example="Ya",
        ),
    ),
)

PENILAIAN = Sheet(
    key="penilaian",
    name="Penilaian",
    grain_id="satu baris per guru × penilaian",
    grain_en="one row per teacher × assessment",
    aliases=("Assessment", "Assessments", "Penilaian Kinerja", "PKG"),
    optional=True,
    columns=(
        _nuptk(required=True),
        Column(
            "tanggal_penilaian",
            "Tanggal Penilaian",
            "date",
            "Tanggal penilaian (dd/mm/yyyy).",
            "Date of the assessment (dd/mm/yyyy).",
            aliases=("Tanggal", "Assessment Date", "Tgl Penilaian"),
            required=True,
            example="20/11/2024",
        ),
        Column(
            "sumber",
            "Sumber",
            "choice",
            "PKG 2009–2022 (K1–K14; Guru BK K1–K17), Supervisi, UKG (pedagogik dan profesional) atau Mandiri. "
            "Predikat kinerja PMM sejak 2023 ditulis di sheet Kinerja.",
            "PKG 2009–2022 (K1–K14; Guru BK K1–K17), Supervisi, UKG (pedagogik and profesional) or Mandiri (self-assessment). "
            "The PMM predikat kinerja since 2023 goes in the Kinerja sheet.",
            aliases=("Source", "Instrumen", "Jenis Penilaian"),
            required=True,
            allowed=SUMBER_PENILAIAN,
            value_aliases={"Self": "Mandiri", "Supervision": "Supervisi"},
            example="PKG",
        ),
        *(
            _level(
                k,
                k.upper(),
                f"Nilai kompetensi PKG {k.upper()}, 1–4 (instrumen PKG 2009–2022, Permenneg PAN-RB 16/2009).",
                f"PKG competency value {k.upper()}, 1–4 (the 2009–2022 PKG instrument, Permenneg PAN-RB 16/2009).",
            )
            for k in PKG_ITEMS
        ),
        *(
            _level(
                k,
                k.upper(),
                f"Nilai kompetensi PKG {k.upper()}, 1–4; hanya untuk Guru BK (instrumen 17 kompetensi).",
                f"PKG competency value {k.upper()}, 1–4; Guru BK only (the 17-competency instrument).",
            )
            for k in PKG_ITEMS_BK[len(PKG_ITEMS) :]
        ),
        _score(
            "pedagogik",
            "Pedagogik",
            "Skor kompetensi pedagogik, 0–100 (dari nilai K 1–4: 25–100).",
            "Pedagogical competency score, 0–100 (from K values 1–4: 25–100).",
            ("Pedagogical", "Nilai Pedagogik"),
        ),
        _score(
            "kepribadian",
            "Kepribadian",
            "Skor kompetensi kepribadian, 0–100 (bukan untuk UKG).",
            "Personal competency score, 0–100 (not for UKG).",
            ("Personal", "Nilai Kepribadian"),
        ),
        _score(
            "sosial", "Sosial", "Skor kompetensi sosial, 0–100 (bukan untuk UKG).", "Social competency score, 0–100 (not for UKG).", ("Social", "Nilai Sosial")
        ),
        _score(
            "profesional",
            "Profesional",
            "Skor kompetensi profesional, 0–100 (dari nilai K 1–4: 25–100).",
            "Professional competency score, 0–100 (from K values 1–4: 25–100).",
            ("Professional", "Nilai Profesional"),
        ),
    ),
)

KENDALA = Sheet(
    key="kendala",
    name="Kendala",
    grain_id="satu baris per kegiatan pelatihan × kendala",
    grain_en="one row per training event × obstacle",
    aliases=("Obstacles", "Hambatan"),
    optional=True,
    columns=(
        _npsn(),
        Column(
            "nama_pelatihan",
            "Nama Pelatihan",
            "text",
            "Kegiatan pelatihan yang terkendala.",
            "The training event concerned.",
            aliases=("Nama Diklat", "Training Name"),
            required=True,
            example="Koding dan Kecerdasan Artifisial",
        ),
        Column("tanggal", "Tanggal", "date", "Tanggal kegiatan (dd/mm/yyyy).", "Date of the event (dd/mm/yyyy).", aliases=("Date",), example="05/02/2025"),
        Column(
            "kategori",
            "Kategori",
            "choice",
            "Kategori kendala, dari temuan penelitian.",
            "Obstacle category, coded from the field studies.",
            aliases=("Kategori Kendala", "Category"),
            required=True,
            allowed=KATEGORI_KENDALA,
            example="Teknis (listrik, jaringan)",
        ),
        Column(
            "keterangan",
            "Keterangan",
            "text",
            "Uraian singkat kendala.",
            "Short description of the obstacle.",
            aliases=("Description", "Catatan"),
            example="Listrik padam, jaringan terputus",
        ),
    ),
)


def _rating(key: str, header: str, what_id: str, what_en: str, aliases: tuple[str, ...]) -> Column:
    return Column(
        key,
        header,
        "choice",
        f"Rating {what_id} dari PMM Pengelolaan Kinerja: Di Atas, Sesuai atau Di Bawah Ekspektasi (Permenpan-RB 6/2022).",
        f"Rating of {what_en} from PMM Pengelolaan Kinerja: above, meeting or below expectations (Permenpan-RB 6/2022).",
        aliases=aliases,
        allowed=RATING_KINERJA,
        value_aliases={
            "Diatas Ekspektasi": "Di Atas Ekspektasi",
            "Dibawah Ekspektasi": "Di Bawah Ekspektasi",
            "Di Atas": "Di Atas Ekspektasi",
            "Sesuai": "Sesuai Ekspektasi",
            "Di Bawah": "Di Bawah Ekspektasi",
            "Above Expectations": "Di Atas Ekspektasi",
            "Meets Expectations": "Sesuai Ekspektasi",
            "Below Expectations": "Di Bawah Ekspektasi",
        },
        example="Sesuai Ekspektasi",
    )


def _praktik(key: str, header: str, level_id: str, level_en: str, aliases: tuple[str, ...]) -> Column:
    return Column(
        key,
        header,
        "int",
        f'Jumlah butir praktik kinerja pada observasi kelas yang dinilai "{level_id}" (opsional).',
        f'Number of observed praktik kinerja items rated "{level_id}" ({level_en}; optional).',
        aliases=aliases,
        min=0,
        max=100,
        example="",
    )


KINERJA = Sheet(
    key="kinerja",
    name="Kinerja",
    grain_id="satu baris per guru ASN × tahun penilaian kinerja (PMM / Ruang GTK)",
    grain_en="one row per ASN teacher × appraisal year (PMM / Ruang GTK)",
    aliases=("Predikat Kinerja", "Pengelolaan Kinerja", "Kinerja PMM", "Performance", "Performance Rating"),
    optional=True,
    columns=(
        _npsn(required=False),
        _nuptk(required=True),
        Column(
            "tahun",
            "Tahun",
            "int",
            "Tahun periode penilaian kinerja (PMM Pengelolaan Kinerja sejak 2023).",
            "Year of the appraisal period (PMM Pengelolaan Kinerja since 2023).",
            aliases=("Periode", "Tahun Penilaian", "Tahun Periode", "Year", "Period"),
            required=True,
            min=2022,
            max=2100,
            example="2024",
        ),
        Column(
            "predikat",
            "Predikat Kinerja",
            "choice",
            "Predikat kinerja tahunan: Sangat Baik, Baik, Butuh Perbaikan, Kurang (Kurang/Misconduct) atau Sangat Kurang. "
            "Boleh kosong bila kedua rating diisi: predikat dihitung dari matriks Permenpan-RB 6/2022.",
            "Yearly performance predikat: Sangat Baik, Baik, Butuh Perbaikan, Kurang (Kurang/Misconduct) or Sangat Kurang. "
            "May be empty when both ratings are given: it is derived from the Permenpan-RB 6/2022 matrix.",
            aliases=("Predikat", "Performance Predicate", "Hasil Penilaian Kinerja"),
            allowed=PREDIKAT_KINERJA,
            value_aliases={
                "Kurang/Misconduct": "Kurang",
                "Kurang/misconduct": "Kurang",
                "Misconduct": "Kurang",
                "Very Good": "Sangat Baik",
                "Good": "Baik",
                "Needs Improvement": "Butuh Perbaikan",
                "Poor": "Kurang",
                "Very Poor": "Sangat Kurang",
            },
            example="Baik",
        ),
        _rating("rating_hasil_kerja", "Rating Hasil Kerja", "hasil kerja", "work results", ("Hasil Kerja", "Rating Hasil", "Work Result Rating")),
        _rating(
            "rating_perilaku_kerja",
            "Rating Perilaku Kerja",
            "perilaku kerja",
            "work behaviour",
            ("Perilaku Kerja", "Rating Perilaku", "Behaviour Rating", "Behavior Rating"),
        ),
        Column(
            "indikator",
            "Indikator Kinerja",
            "text",
            'Indikator kinerja yang dipilih guru di PMM (teks), mis. "Kualitas pembelajaran murid".',
            'The performance indicator the teacher chose in PMM (text), e.g. "Kualitas pembelajaran murid".',
            aliases=("Indikator", "Indicator", "Performance Indicator"),
            example="Kualitas pembelajaran murid",
        ),
        _praktik("praktik_belum", "Praktik Belum Dilakukan", "Belum dilakukan", "not yet done", ("Belum Dilakukan", "Practices Not Done")),
        _praktik(
            "praktik_belum_efektif",
            "Praktik Belum Efektif",
            "Dilakukan tapi belum efektif",
            "done but not yet effective",
            ("Dilakukan tapi Belum Efektif", "Dilakukan Tapi Belum Efektif", "Practices Not Yet Effective"),
        ),
        _praktik("praktik_efektif", "Praktik Efektif", "Dilakukan dan efektif", "done and effective", ("Dilakukan dan Efektif", "Practices Effective")),
    ),
)

#: All sheets of the workbook, in template order.
SHEETS: tuple[Sheet, ...] = (SEKOLAH, GURU, MENGAJAR, PELATIHAN, PENILAIAN, KENDALA, KINERJA)
SHEETS_BY_KEY: dict[str, Sheet] = {s.key: s for s in SHEETS}


def sheet_for_name(name: str) -> Sheet | None:
    """Find the sheet whose canonical name or alias matches ``name``.

    Parameters
    ----------
    name : str
        A sheet name as found in a workbook (case and spacing ignored).

    Returns
    -------
    Sheet or None
        ``None`` when no sheet of the format has that name.
    """
    folded = normalize_header(name)
    for sheet in SHEETS:
        if folded in {normalize_header(n) for n in (sheet.name, *sheet.aliases)}:
            return sheet
    return None


def header_map(sheet: Sheet) -> dict[str, str]:
    """Map every folded header and alias of ``sheet`` to its column key.

    Returns
    -------
    dict
        ``normalize_header(alias) -> Column.key``.

    Raises
    ------
    ValueError
        If two columns of the sheet claim the same folded header (a schema bug).
    """
    mapping: dict[str, str] = {}
    for col in sheet.columns:
        for h in col.all_headers:
            folded = normalize_header(h)
            if folded in mapping and mapping[folded] != col.key:
                raise ValueError(f"{sheet.name}: header {h!r} claimed by {mapping[folded]} and {col.key}")
            mapping[folded] = col.key
    return mapping


def is_pendidik(jenis_ptk: str | None) -> bool:
    """Whether a Jenis PTK counts as pendidik (teacher) for teacher figures.

    An empty Jenis PTK counts as a teacher: the project's own workbook lists
    teachers in the ``Guru`` sheet. Source: Dapodik's Jenis PTK list; UU 20/2003 Pasal 39.

    Parameters
    ----------
    jenis_ptk : str or None

    Returns
    -------
    bool
    """
    if jenis_ptk is None or (isinstance(jenis_ptk, float)) or str(jenis_ptk).strip() == "":
        return True
    value = str(jenis_ptk).strip()
    if value in JENIS_PTK_PENDIDIK or value.lower().startswith("guru"):
        return True
    return False
