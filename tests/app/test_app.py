"""AppTest smoke tests: every page runs without an exception; uploads show their report.

Streamlit 1.67's AppTest drives ``st.file_uploader`` (``set_value((name, bytes, mime))``),
so uploads are tested through the page itself.
"""

import pytest
from streamlit.testing.v1 import AppTest

from analysis.i18n import t
from helpers import ROOT

pytestmark = pytest.mark.apptest

APP = str(ROOT / "app.py")
SAMPLE = ROOT / "data" / "sampel_smpn8_prabumulih.xlsx"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TIMEOUT = 120


@pytest.fixture(autouse=True, scope="module")
def _no_store(tmp_path_factory):
    """These tests open the app in demo mode: an empty data directory, whatever ``var/`` holds."""
    import os

    old = os.environ.get("DASBOR_DATA_DIR")
    os.environ["DASBOR_DATA_DIR"] = str(tmp_path_factory.mktemp("no_store"))
    yield
    if old is None:
        os.environ.pop("DASBOR_DATA_DIR", None)
    else:
        os.environ["DASBOR_DATA_DIR"] = old


def _app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at.run()


def _texts(at: AppTest) -> str:
    parts = [e.value for kind in ("title", "markdown", "caption", "info", "error", "warning", "success", "subheader") for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


PAGES = [
    "app_pages/ringkasan.py",
    "app_pages/profil_guru.py",
    "app_pages/bandingkan_sekolah.py",
    "app_pages/temuan_penelitian.py",
    "app_pages/profil_sekolah.py",
    "app_pages/luar_bidang.py",
    "app_pages/kompetensi_guru.py",
    "app_pages/kesenjangan_tik.py",
    "app_pages/dampak_pelatihan.py",
    "app_pages/unggah_data.py",
]


@pytest.fixture(scope="module")
def opened() -> AppTest:
    return _app()


def test_the_app_opens_on_sample_data_and_says_it_is_illustrative(opened):
    assert not opened.exception
    assert t("app.sample_notice", "id") in [e.value for e in opened.info]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_page_runs_without_an_exception_in_both_languages(page, lang):
    at = _app(lang=lang)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    assert t("app.sample_notice", lang) in [e.value for e in at.info]


def test_without_accounts_the_demo_banner_names_the_loopback_binding(opened):
    banner = [w.value for w in opened.sidebar.warning]
    assert t("auth.demo.banner", "id") in banner and "127.0.0.1" in banner[0]


def test_the_language_comes_from_the_url_and_stays_in_it():
    at = _app(lang="en")
    assert t("app.sample_notice", "en") in [e.value for e in at.info]
    assert at.query_params["lang"] == "en"
    at.sidebar.selectbox(key="app_lang").set_value("id").run()
    assert at.query_params["lang"] == "id"
    assert t("app.sample_notice", "id") in [e.value for e in at.info]


def _upload(name: str, data: bytes, mime: str = XLSX, lang: str = "id") -> AppTest:
    at = _app(lang=lang)
    at.switch_page("app_pages/unggah_data.py").run()
    at.file_uploader(key="upload_file").set_value((name, data, mime)).run()
    return at


def test_uploading_a_sample_workbook_shows_its_report_and_can_become_the_active_data():
    at = _upload(SAMPLE.name, SAMPLE.read_bytes())
    assert not at.exception, at.exception
    text = _texts(at)
    assert t("upload.report.header", "id", file=SAMPLE.name) in text
    assert not at.error
    metrics = {m.label: m.value for m in at.metric}
    read, acc, rej, blank = (
        int(metrics[t(k, "id")]) for k in ("upload.metric.read", "upload.metric.accepted", "upload.metric.rejected", "upload.metric.blank")
    )
    assert read == acc + rej + blank and acc > 0
    at.button(key="upload_use").click().run()
    assert not at.exception
    # The session now uses the upload: no sample notice, the source names the file.
    assert t("app.sample_notice", "id") not in [e.value for e in at.info]
    assert any(SAMPLE.name in c.value for c in at.sidebar.caption)
    at.switch_page("app_pages/profil_sekolah.py").run()
    assert not at.exception, at.exception
    at.switch_page("app_pages/unggah_data.py").run()
    at.button(key="upload_back").click().run()
    assert t("app.sample_notice", "id") in [e.value for e in at.info]


def test_uploading_a_broken_file_shows_one_clear_message_and_no_exception():
    at = _upload("rusak.xlsx", b"PK\x03\x04 this is not really a workbook")
    assert not at.exception
    assert len(at.error) == 1
    assert t("upload.unreadable", "id", file="rusak.xlsx") in at.error[0].value
    assert all(b.key != "upload_use" for b in at.button)  # nothing to use


def test_uploading_a_csv_with_problems_lists_them_by_row_and_filters_errors():
    csv = b"NPSN;Nama;NUPTK;JK;Jenis PTK\n10603812;Ani;1234567890123456;P;Guru Mapel\n10603812;Budi;1234567890123456;L;Guru Mapel\n"
    at = _upload("guru.csv", csv, "text/csv", lang="en")
    assert not at.exception, at.exception
    assert at.dataframe, "the problems table is shown"
    at.segmented_control(key="upload_severity").set_value("error").run()
    assert not at.exception
    problems = at.dataframe[-1].value  # the problems table comes last
    assert set(problems[t("col.severity", "en")]) == {t("severity.error", "en")}
    assert 3 in problems[t("col.row", "en")].tolist()  # the duplicate NUPTK on Excel row 3


def test_uploading_a_dapodik_profil_sekolah_export_reads_it_as_it_comes_and_charts_it():
    path = ROOT / "data" / "sampel_dapodik_profil_sekolah.xlsx"
    at = _upload(path.name, path.read_bytes())
    assert not at.exception, at.exception
    assert t("upload.layout", "id", layout=t("layout.dapodik_profil", "id")) in _texts(at)
    at.button(key="upload_use").click().run()
    at.switch_page("app_pages/profil_sekolah.py").run()
    assert not at.exception, at.exception
    assert at.get("plotly_chart"), "the school page charts the upload"
    assert len(at.metric) >= 6, "the headline cards show"


def test_a_dapodik_only_upload_says_no_training_data_and_which_sheet_would_add_it():
    path = ROOT / "data" / "sampel_dapodik_profil_sekolah.xlsx"
    at = _upload(path.name, path.read_bytes())
    at.button(key="upload_use").click().run()
    at.switch_page("app_pages/profil_sekolah.py").run()
    assert not at.exception, at.exception
    boxes = [i.value for i in at.info if i.value.startswith(t("coverage.box", "id").split(":")[0])]
    assert len(boxes) == 1, "one box says what the file supports"
    assert "Pelatihan" in boxes[0] and "Penilaian" in boxes[0]
    trained = [m for m in at.metric if m.label == t("metric.trained_share", "id")]
    assert trained and trained[0].value == "–", "no 0 % for a sheet the file lacks"
    assert not any(" dari 24 guru tidak mengikuti" in m.value for m in at.markdown), "no 'N of N teachers had no training'"
    assert t("coverage.no_data", "id") in [c.value for c in at.caption]


ANALYSIS_PAGES = {
    "app_pages/luar_bidang.py": "oof",
    "app_pages/kompetensi_guru.py": "komp",
    "app_pages/kesenjangan_tik.py": "tik",
    "app_pages/dampak_pelatihan.py": "dampak",
}


@pytest.mark.parametrize("page", list(ANALYSIS_PAGES))
def test_analysis_pages_chart_one_school_and_all_schools(page):
    at = _app(npsn="10603812")
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.get("plotly_chart"), "the page charts the chosen school"
    at.selectbox(key=f"{ANALYSIS_PAGES[page]}_scope").set_value("all").run()
    assert not at.exception, at.exception
    assert at.query_params["npsn"] == "all", "the scope is kept in the URL"
    assert at.get("plotly_chart")


def test_the_effects_page_reads_its_results_in_sentences():
    at = _app(npsn="10603812", lang="en")
    at.switch_page("app_pages/dampak_pelatihan.py").run()
    assert not at.exception, at.exception
    assert "(95% CI" in _texts(at)
    assert "each school's own assessor" in _texts(at), "the caveat stands under the effect tables"


def _table_text(at: AppTest) -> str:
    return " ".join(df.value.to_csv() for df in at.dataframe)


def test_teachers_names_show_only_to_the_school_head():
    at = _app(npsn="10603812")
    at.switch_page("app_pages/luar_bidang.py").run()
    assert "G-" in _table_text(at), "a district officer sees pseudonymous codes"
    at.selectbox(key="app_role").set_value("kepala_sekolah").run()
    assert not at.exception, at.exception
    assert "G-" not in _table_text(at), "the school head sees names"


def test_the_overview_filters_live_in_the_url_and_a_row_opens_the_school():
    at = _app(jenjang="MI")
    at.switch_page("app_pages/ringkasan.py").run()
    assert not at.exception, at.exception
    assert at.multiselect(key="ringkasan_jenjang").value == ["MI"]
    frame = next(d.value for d in at.dataframe if t("col.school", "id") in d.value.columns and t("ringkasan.col.rank", "id") not in d.value.columns)
    assert len(frame) == 6, "the six MI of Gantarang"
    at.multiselect(key="ringkasan_jenjang").set_value(["SMP"]).run()
    assert at.query_params["jenjang"] == "SMP"


def _visit(at: AppTest, page: str, **query) -> AppTest:
    """Open ``page`` the way a link or a drill-down does: the URL holds only ``query``."""
    at.switch_page(page)
    at.query_params.clear()
    at.query_params.update(query)
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_link_shows_what_it_asks_for_on_every_visit_not_only_the_first():
    at = _app()
    _visit(at, "app_pages/profil_sekolah.py", npsn="60304412")
    teacher = _visit(at, "app_pages/profil_guru.py", npsn="60304412").query_params["guru"]
    _visit(at, "app_pages/profil_guru.py", npsn="10603812")
    _visit(at, "app_pages/profil_sekolah.py", npsn="60304412")
    assert at.selectbox(key="profil_school").value == "60304412", "back from the teacher view to the same school"
    _visit(at, "app_pages/profil_guru.py", npsn="60304412", guru=teacher)
    assert at.selectbox(key="guru_school").value == "60304412"
    assert at.selectbox(key="guru_teacher").value == teacher, "the same teacher link twice opens the same teacher"
    _visit(at, "app_pages/ringkasan.py", jenjang="MI")
    _visit(at, "app_pages/profil_sekolah.py", npsn="60304410")
    _visit(at, "app_pages/ringkasan.py", jenjang="MI")
    assert at.multiselect(key="ringkasan_jenjang").value == ["MI"]
    schools = next(d.value for d in at.dataframe if t("col.school", "id") in d.value.columns and t("ringkasan.col.rank", "id") not in d.value.columns)
    assert len(schools) == 6


def test_a_page_left_from_the_sidebar_keeps_its_choice_when_the_user_comes_back():
    at = _app()
    _visit(at, "app_pages/ringkasan.py", jenjang="MTs")
    _visit(at, "app_pages/profil_sekolah.py")
    _visit(at, "app_pages/ringkasan.py")
    assert at.multiselect(key="ringkasan_jenjang").value == ["MTs"]
    assert at.query_params["jenjang"] == "MTs", "and the URL says so again"


def test_a_comparison_link_with_more_than_six_schools_uses_the_first_six_and_says_so():
    seven = ["60304410", "60304411", "60304412", "60304413", "60304414", "60304415", "10603812"]
    at = _app()
    _visit(at, "app_pages/bandingkan_sekolah.py", schools=",".join(seven))
    assert at.multiselect(key="banding_schools").value == seven[:6]
    assert t("common.too_many", "id", n=7, max=6) in [w.value for w in at.warning]
    assert at.query_params["schools"] == ",".join(seven[:6])


def test_a_reference_date_set_in_the_sidebar_is_the_one_every_page_counts_back_from():
    at = _app()
    at.text_input(key="app_as_of").input("31 Desember 2024").run()
    assert not at.exception, at.exception
    assert "31 Desember 2024" in [c.value for c in at.sidebar.caption], "the date read is shown back with its Indonesian month"
    assert t("profil.reference_date.set", "id", date="31/12/2024") in [c.value for c in at.caption]
    _visit(at, "app_pages/ringkasan.py")
    assert t("profil.reference_date.set", "id", date="31/12/2024") in [c.value for c in at.caption]


def test_an_unreadable_reference_date_says_so_and_the_data_keeps_its_own_date():
    at = _app()
    at.text_input(key="app_as_of").input("31/02/2024").run()
    assert not at.exception, at.exception
    assert any("31/02/2024" in w.value for w in at.sidebar.warning)
    assert not any(c.value.startswith(t("profil.reference_date.set", "id", date="").rstrip(". ")[:12]) and "31/02" in c.value for c in at.caption)


def test_two_schools_compare_side_by_side_with_their_tests():
    at = _app(schools="10603812,10505207", lang="en")
    at.switch_page("app_pages/bandingkan_sekolah.py").run()
    assert not at.exception, at.exception
    assert len(at.get("plotly_chart")) >= 3
    assert any("Kruskal" in c for df in at.dataframe for c in df.value.columns)


def test_the_studies_page_shows_all_five_studies():
    at = _app()
    at.switch_page("app_pages/temuan_penelitian.py").run()
    assert not at.exception, at.exception
    assert len(at.expander) >= 5


def test_a_teacher_opens_from_the_school_page_by_code_and_names_stay_with_the_head():
    at = _app(npsn="10603812")
    at.switch_page("app_pages/profil_guru.py").run()
    assert not at.exception, at.exception
    code = at.query_params["guru"]
    assert code.startswith("G-"), "the URL carries a code, never a NUPTK"
    assert "**NUPTK:**" not in _texts(at)
    at.selectbox(key="app_role").set_value("kepala_sekolah").run()
    assert not at.exception, at.exception
    assert "**NUPTK:**" in _texts(at)
    assert at.query_params["guru"] == code, "the same teacher stays chosen when the role changes"


@pytest.mark.parametrize(
    "upload",
    [
        ("sampel_dapodik_profil_sekolah.xlsx", None),
        ("guru.csv", b"NPSN;Nama;NUPTK;JK;Jenis PTK;Mengajar;JJM\n10603812;Ani;1234567890123456;P;Guru Mapel;IPA;24\n"),
    ],
    ids=["dapodik-profil", "guru-csv-only"],
)
def test_every_page_runs_on_an_upload_that_lacks_most_sheets(upload):
    name, data = upload
    data = data if data is not None else (ROOT / "data" / name).read_bytes()
    at = _upload(name, data, "text/csv" if name.endswith(".csv") else XLSX)
    assert not at.exception, at.exception
    at.button(key="upload_use").click().run()
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)


def test_a_cold_deep_link_to_a_page_still_runs_inside_the_app_navigation():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("app_pages/ringkasan.py")  # the very first run of the process asks for /ringkasan
    at.run()
    assert not at.exception, at.exception
    assert any(sb.key == "app_role" for sb in at.sidebar.selectbox), "app.py's sidebar ran: the page did not run on its own"
    assert at.title, "a page is shown"


def test_on_bandingkan_a_researcher_sees_a_small_schools_figures_as_under_ten():
    at = _app(schools="10603812,60304410", lang="en")
    at.switch_page("app_pages/bandingkan_sekolah.py").run()
    assert "<10" not in at.dataframe[0].value.astype(str).to_numpy(), "a district officer sees the figures"
    at.selectbox(key="app_role").set_value("peneliti").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value.astype(str)
    assert (table.iloc[1, 4:] == "<10").all() and not (table.iloc[0, 4:] == "<10").any()
    assert any("fewer than 10 teachers" in c.value for c in at.caption)


def test_text_from_an_upload_is_shown_as_written_never_as_markdown_or_html():
    import re

    from tests.helpers import patch_workbook, workbook_bytes

    image, link, tag = "![](http://example.invalid/x.png)", "[x](http://example.invalid/)", "<img src=http://example.invalid/y.png>"
    # CTRL becomes a control character (U+0001), which once crashed the page's report download
    sekolah = [["NPSN", "Nama Sekolah", "Jenjang", "Status", "Kecamatan"], ["10609991", f"SMP CTRL{image}", "SMP", "Negeri", f"{link} {tag}"]]
    guru = [
        ["NPSN", "Nama", "NUPTK", "JK", "Jenis PTK", "Jurusan/Prodi", "Mengajar", "JJM"],
        ["10609991", f"Ani {image}", "1234567890123456", "P", "Guru Mapel", f"{tag} {link}", "IPA", 24],
    ]
    name = f"{link}{image}.xlsx"
    at = _upload(name, patch_workbook(workbook_bytes({"Sekolah": sekolah, "Guru": guru}), {"CTRL": "_x0001_"}))
    at.button(key="upload_use").click().run()
    at.selectbox(key="app_role").set_value("kepala_sekolah").run()
    shown = []

    def collect() -> None:
        assert not at.exception, at.exception
        kinds = ("title", "header", "subheader", "markdown", "caption", "info", "error", "warning", "success", "exception")
        shown.extend(str(e.value) for kind in kinds for e in getattr(at, kind))
        shown.extend(
            str(e.label) for kind in ("metric", "expander", "selectbox", "multiselect", "button", "status") for e in at.get(kind) if getattr(e, "label", None)
        )

    collect()
    for page in ("app_pages/profil_sekolah.py", "app_pages/profil_guru.py", "app_pages/ringkasan.py", "app_pages/luar_bidang.py"):
        at.switch_page(page).run()
        collect()
    at.file_uploader(key="oof_ref_upload").set_value(("prodi.csv", f"jurusan_prodi,mata_pelajaran\nX,{image}\n".encode(), "text/csv")).run()
    collect()
    text = "\n".join(shown)
    assert "SMP" in text and "example.invalid" in text, "the texts were shown"
    assert not re.search(r"(?<!\\)!(?<!\\)\[", text), "an image"
    assert not re.search(r"(?<!\\)\[x(?<!\\)\]\(", text), "a link"
    assert "<img" not in text, "HTML"


def test_the_overview_says_where_training_goes_next_and_explains_its_colours_in_the_app():
    at = _app(lang="en")
    at.switch_page("app_pages/ringkasan.py").run()
    assert not at.exception, at.exception
    ranked = next(d.value for d in at.dataframe if t("ringkasan.col.rank", "en") in d.value.columns)
    assert list(ranked[t("ringkasan.col.rank", "en")])[:3] == [1, 2, 3]
    assert t("ringkasan.col.untrained", "en") in ranked.columns
    assert at.get("plotly_chart"), "the schools charted on the chosen indicator"
    assert "docs/" not in _texts(at) and ".md" not in _texts(at), "no note sends the user to a repository file"
    bands = next(d.value for d in at.dataframe if t("bands.col.baik", "en") in d.value.columns)
    assert "> 75" in bands.to_csv(), "the domain-mean cut-off is shown in the app"
    at.selectbox(key="ringkasan_indicator").set_value("domain_mean_profesional").run()
    assert not at.exception, at.exception
    school_table = next(d.value for d in at.dataframe if t("col.school", "en") in d.value.columns and t("ringkasan.col.rank", "en") not in d.value.columns)
    assert len(school_table.columns) <= 7, "the school table opens narrow (name, NPSN and five figures); the picker adds the rest"


def test_the_effects_page_opens_on_one_answer_per_training_type_and_domain():
    at = _app(npsn="all", lang="en")
    at.switch_page("app_pages/dampak_pelatihan.py").run()
    assert not at.exception, at.exception
    first = at.dataframe[0].value
    assert list(first.columns) == [
        t("effects.col.training", "en"),
        t("col.teachers", "en"),
        *(t(f"domain.{d}", "en") for d in ("pedagogik", "kepribadian", "sosial", "profesional")),
    ]
    assert first.iloc[0, 0] == t("chart.effects.all", "en")
    assert "▲" in first.to_csv()
    assert at.header[0].value == t("dampak.section.answer", "en"), "the answer comes first, the details are folded"
    assert len(at.header) == 1
    jp = [e.label for e in at.expander]
    assert t("dampak.more.by_jp", "en") in jp


@pytest.mark.parametrize(
    "page",
    ["app_pages/luar_bidang.py", "app_pages/profil_guru.py", "app_pages/kebutuhan_guru.py", "app_pages/temuan_penelitian.py", "app_pages/kompetensi_guru.py"],
)
def test_after_a_dapodik_only_upload_each_page_says_in_one_box_what_the_file_supports(page):
    path = ROOT / "data" / "sampel_dapodik_profil_sekolah.xlsx"
    at = _upload(path.name, path.read_bytes())
    at.button(key="upload_use").click().run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    boxes = [i.value for i in at.info if i.value.startswith(t("coverage.box", "id").split(":")[0])]
    assert len(boxes) == 1, boxes
