"""Dasbor Kompetensi Guru: the Streamlit entry point (``streamlit run app.py``).

First who is using it (:mod:`ui.auth`): a login form or ``st.login`` when
accounts exist, else demo mode on the sample data. Then registers the pages the
account's role may open with ``st.navigation`` (an administrator: accounts and
the audit log only; a researcher: no upload), draws the sidebar (language kept
in the URL, the account or the demo role selector, the data's source) and
runs the chosen page. Pages live in ``app_pages/`` and are thin: they read
widgets, call ``analysis`` and render.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from analysis.i18n import STRINGS, t
from ui import auth, state, widgets

ROOT = Path(__file__).resolve().parent

#: (section key, page file, title key, URL path, icon, default). Pages of later
#: issues are listed here and appear as soon as their file and title exist.
PAGES = (
    ("nav.section.school", "app_pages/ringkasan.py", "page.ringkasan.title", "ringkasan", ":material/dashboard:", False),
    ("nav.section.school", "app_pages/profil_sekolah.py", "page.profil.title", "profil-sekolah", ":material/school:", True),
    ("nav.section.school", "app_pages/profil_guru.py", "page.guru.title", "profil-guru", ":material/person:", False),
    ("nav.section.school", "app_pages/luar_bidang.py", "page.luar_bidang.title", "luar-bidang", ":material/swap_horiz:", False),
    ("nav.section.school", "app_pages/kompetensi_guru.py", "page.kompetensi.title", "kompetensi-guru", ":material/insights:", False),
    ("nav.section.school", "app_pages/kesenjangan_tik.py", "page.tik.title", "kesenjangan-tik", ":material/computer:", False),
    ("nav.section.school", "app_pages/dampak_pelatihan.py", "page.dampak.title", "dampak-pelatihan", ":material/trending_up:", False),
    ("nav.section.school", "app_pages/bandingkan_sekolah.py", "page.bandingkan.title", "bandingkan-sekolah", ":material/compare:", False),
    ("nav.section.school", "app_pages/temuan_penelitian.py", "page.temuan.title", "temuan-penelitian", ":material/menu_book:", False),
    ("nav.section.school", "app_pages/kebutuhan_guru.py", "page.kebutuhan.title", "kebutuhan-guru", ":material/assignment:", False),
    ("nav.section.school", "app_pages/peta_sekolah.py", "page.peta.title", "peta-sekolah", ":material/map:", False),
    ("nav.section.data", "app_pages/unggah_data.py", "page.upload.title", "unggah-data", ":material/upload_file:", False),
    ("nav.section.admin", "app_pages/admin.py", "page.admin.title", "admin", ":material/admin_panel_settings:", False),
)
ADMIN_PAGE = "app_pages/admin.py"
UPLOAD_PAGE = "app_pages/unggah_data.py"


def allowed(path: str, role: str, demo: bool) -> bool:
    """Whether ``role`` may open the page at ``path``: an administrator only the admin page (no teacher data);
    no one else the admin page; a researcher not the upload page; in demo mode every page but the admin page."""
    if role == "*":  # before login: every URL path known, none run (app.py)
        return True
    if path == ADMIN_PAGE:
        return role == "admin" and not demo
    if role == "admin":
        return False
    return not (path == UPLOAD_PAGE and role == "peneliti" and not demo)


def build_navigation(lang: str, role: str = "", demo: bool = True) -> dict[str, list]:
    """Section title → pages, for the pages whose file and title string exist and that ``role`` may open."""
    sections: dict[str, list] = {}
    for section, path, title_key, url_path, icon, default in PAGES:
        if not (ROOT / path).is_file() or title_key not in STRINGS or not allowed(path, role, demo):
            continue
        default = default or (role == "admin" and path == ADMIN_PAGE)
        page = st.Page(path, title=t(title_key, lang), icon=icon, url_path=url_path, default=default)
        sections.setdefault(t(section, lang), []).append(page)
    return sections


auth.new_run()  # the login mode is read once per run (ui.auth.mode)
st.set_page_config(page_title=t("app.title", state.get_lang()), page_icon=":material/school:", layout="wide")
lang = state.get_lang()
if not auth.is_demo() and auth.current_user() is None:
    st.navigation(build_navigation(lang, "*", False), position="hidden")  # a link's page opens after login; nothing runs
user = auth.gate(lang)  # stops here with a login form until someone is logged in (not in demo mode)
nav = st.navigation(build_navigation(lang, state.get_role(), user is None), position="sidebar")
state.keep_lang_in_url()
st.sidebar.markdown(f"**{t('app.title', lang)}**")
widgets.sidebar(lang, state.get_dataset())
nav.run()
