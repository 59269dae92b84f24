"""The single source of truth for the project's workbook format.

Every sheet, column, header alias, type and allowed value lives here. The
template workbook (:mod:`analysis.ingest.template`), the validator
(:mod:`analysis.ingest.validate`) and ``docs/workbook-format.md`` are generated from,
or checked against, these definitions.

Column keys (``Column.key``) are the names used inside the program: every
validated table in a :class:`analysis.core.dataset.Dataset` has exactly these
columns (plus the bookkeeping columns listed in :data:`ROW_COLUMN` and
:data:`SUSPECT_SUFFIX`). Headers (``Column.header``) are what a user sees in
the workbook; Indonesian headers are canonical, English headers and common
spellings are accepted as aliases.

Sources of the allowed values: Dapodik's own value lists (Jenis PTK, Status Kepegawaian, jenjang), the PKG
instrument (Permenpan-RB 16/2009 and its Pedoman PK Guru), PMM kinerja
(Permenpan-RB 6/2022), training forms named in the field studies (data/studies.yaml).
"""

from __future__ import annotations

from analysis.core.schema.model import (
    EXAMPLE_NPSN as EXAMPLE_NPSN,
    EXAMPLE_NUPTK as EXAMPLE_NUPTK,
    ROW_COLUMN as ROW_COLUMN,
    SUSPECT_SUFFIX as SUSPECT_SUFFIX,
    Column as Column,
    ColumnType as ColumnType,
    Sheet as Sheet,
    normalize_header as normalize_header,
)
from analysis.core.schema.sheets import (
    GURU as GURU,
    KENDALA as KENDALA,
    KINERJA as KINERJA,
    MENGAJAR as MENGAJAR,
    PELATIHAN as PELATIHAN,
    PENILAIAN as PENILAIAN,
    SEKOLAH as SEKOLAH,
    SHEETS as SHEETS,
    SHEETS_BY_KEY as SHEETS_BY_KEY,
    header_map as header_map,
    is_pendidik as is_pendidik,
    sheet_for_name as sheet_for_name,
)
from analysis.core.schema.vocabularies import (
    DOMAINS as DOMAINS,
    FOKUS as FOKUS,
    ICT_LEVELS as ICT_LEVELS,
    ICT_SKILLS as ICT_SKILLS,
    JENIS_PELATIHAN as JENIS_PELATIHAN,
    JENIS_PTK as JENIS_PTK,
    JENIS_PTK_BK as JENIS_PTK_BK,
    JENIS_PTK_PENDIDIK as JENIS_PTK_PENDIDIK,
    JENIS_PTK_TENDIK as JENIS_PTK_TENDIK,
    JENJANG_PENDIDIKAN as JENJANG_PENDIDIKAN,
    JENJANG_SEKOLAH as JENJANG_SEKOLAH,
    JK as JK,
    KATEGORI_KENDALA as KATEGORI_KENDALA,
    MODA as MODA,
    NAUNGAN as NAUNGAN,
    PERAN as PERAN,
    PKG_DOMAIN_ITEMS as PKG_DOMAIN_ITEMS,
    PKG_DOMAIN_ITEMS_BK as PKG_DOMAIN_ITEMS_BK,
    PKG_ITEMS as PKG_ITEMS,
    PKG_ITEMS_BK as PKG_ITEMS_BK,
    PREDIKAT_KINERJA as PREDIKAT_KINERJA,
    RATING_KINERJA as RATING_KINERJA,
    STATUS_KEPEGAWAIAN as STATUS_KEPEGAWAIAN,
    STATUS_SEKOLAH as STATUS_SEKOLAH,
    SUMBER_PENILAIAN as SUMBER_PENILAIAN,
    UKG_DOMAINS as UKG_DOMAINS,
)
