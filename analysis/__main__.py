"""Command line for scripts and batch checks (issue 2 §4).

``python -m analysis check FILE [--json] [--lang id|en] [--npsn NPSN]``
    The validation report. Exit 0 when no row was rejected, 1 when some
    were, 2 when the file cannot be read (the JSON shape is still printed,
    with ``sheets: []`` and one file-level problem whose row and column are null).

``python -m analysis summary FILE --json [--lang id|en]``
    Per-school figures: ``json.dumps(analysis.views.summary.summarize(ds))``.

``--npsn NPSN`` (both commands) gives the school's NPSN to a Dapodik export
that carries none (Daftar PTK, Daftar Guru, Daftar Tenaga Kependidikan); a
file's own NPSN wins (:func:`analysis.ingest.load.load_file`).

The shared store (:mod:`analysis.store`; ``DASBOR_DATABASE_URL``, default a
SQLite file in ``DASBOR_DATA_DIR``):

``python -m analysis import FILE|DIR --as USER [--npsn N] [--json]``
    Store a file, or every school file of a folder, as submissions of USER;
    one line per file: stored / duplicate / refused with the reason. Exit 0
    when none was refused, 1 when some were, 2 for an unknown user or path.

``python -m analysis users add NAME --role ROLE [--npsn N ...] [--kabupaten K] [--email E]``
    The password is read from standard input (first line). ``users list
    [--json]``, ``users disable NAME``. Exit 2 when refused.

``summary --db --as USER`` / ``check --db --as USER`` (``[--npsn N] [--kabupaten K]``)
    Instead of FILE, the current submissions USER may see
    (:func:`analysis.store.datasets_for`: a peneliti gets the de-identified
    data, an admin none: exit 2); ``check`` prints their stored validation reports.
    The command line acts with USER's scope but takes no password: whoever
    runs it can read the database file or URL anyway.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from analysis import store as st
from analysis.core import schema
from analysis.core.dataset import Problem, ValidationReport
from analysis.i18n import t
from analysis.ingest.load import _unreadable, load_file
from analysis.store import AccessDenied, datasets_for, get_user, import_path, open_store
from analysis.views.summary import summarize


def _load(path: str, npsn: str | None = None):

    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        return _unreadable(p.name, "file.cannot_open", {"detail": exc.strerror or type(exc).__name__}, False)
    return load_file(data, p.name, npsn=npsn)


def check_json(report: ValidationReport, lang: str = "id") -> dict:
    """The JSON of ``check --json``: ``{"file", "sheets", "dropped_columns", "problems"}``.

    An unreadable file gives ``sheets: []`` and its one file-level problem.
    """
    out = report.as_dict(lang)
    if not report.readable:
        out["sheets"] = []
        file_level = [p.as_dict(lang) for p in report.problems if p.code.startswith("file.")]
        out["problems"] = file_level[-1:] or out["problems"]
    return out


def format_report(report: ValidationReport, lang: str = "id") -> str:
    """The validation report as readable text (one line per sheet, one per problem)."""
    lines = [f"{t('report.file', lang)}: {report.file}  ({t('report.layout', lang)}: {report.layout})"]
    for s in report.sheets if report.readable else []:
        table = schema.SHEETS_BY_KEY[s.table].name if s.table in schema.SHEETS_BY_KEY else "–"
        lines.append("  " + t("cli.counts", lang, **s.as_dict(), table=table))
    if report.dropped_columns:
        lines.append(f"{t('report.dropped', lang)}: {', '.join(report.dropped_columns)}")
    lines.append(t("report.problems", lang, n=len(report.problems)) if report.problems else t("report.problems.none", lang))
    for p in report.problems:
        lines.append(f"  [{t(f'severity.{p.severity}', lang)}] {_where(p)}{p.message(lang)}")
    status = "report.status.unreadable" if not report.readable else ("report.status.rejected" if report.rows_rejected else "report.status.ok")
    lines.append(t(status, lang))
    return "\n".join(lines)


def _where(p: Problem) -> str:
    # messages of cell problems already name sheet, row and column; prefix the others with the sheet
    return "" if p.row is not None else f"{p.sheet}: "


def _open_store():

    return open_store()


def _as_user(args, action, *errors):
    """Open the store, find ``--as USER`` and return ``action(store, user)``; exit code 2 (message on stderr)
    for a missing or unknown user or any of ``errors``."""

    if not args.as_user:
        print(t("store.cli.needs_as", args.lang), file=sys.stderr)
        return 2
    store = _open_store()
    try:
        try:
            user = get_user(store, args.as_user)
        except KeyError:
            print(t("store.cli.no_user", args.lang, name=args.as_user), file=sys.stderr)
            return 2
        try:
            return action(store, user)
        except errors as exc:
            key = "file.cannot_open" if isinstance(exc, FileNotFoundError) else "store.cli.denied"
            print(t(key, args.lang, detail=str(exc)), file=sys.stderr)
            return 2
    finally:
        store.close()


def _stored_dataset(args):
    """The dataset ``--db --as USER`` may see, or an exit code."""

    return _as_user(args, lambda store, user: datasets_for(store, user, npsn=args.npsn, kabupaten=args.kabupaten), AccessDenied)


def _import(args) -> int:

    results = _as_user(args, lambda store, user: import_path(store, user, args.path, npsn=args.npsn), FileNotFoundError, AccessDenied)
    if isinstance(results, int):
        return results
    if args.json:
        rows = [
            {
                "file": r.file,
                "status": r.status,
                "submission_id": r.submission_id,
                "npsn": list(r.npsn),
                "rows_rejected": r.rows_rejected,
                "reason": r.message(args.lang) if r.status == "refused" else None,
            }
            for r in results
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in results:
            print(r.message(args.lang))
    return 1 if any(r.status == "refused" for r in results) else 0


def _users(args) -> int:

    store = _open_store()
    try:
        if args.users_command == "add":
            if sys.stdin.isatty():
                import getpass

                password = getpass.getpass()
            else:
                password = sys.stdin.readline().rstrip("\r\n")
            try:
                user = st.add_user(store, args.name, args.role, password, npsn=args.npsn or (), kabupaten=args.kabupaten, email=args.email)
            except ValueError as exc:
                print(str(exc), file=sys.stderr)
                return 2
            print(t("store.cli.user_added", args.lang, name=user.name, role=user.role))
        elif args.users_command == "disable":
            try:
                st.disable_user(store, args.name)
            except KeyError:
                print(t("store.cli.no_user", args.lang, name=args.name), file=sys.stderr)
                return 2
            print(t("store.cli.user_disabled", args.lang, name=args.name))
        else:
            rows = [
                {
                    "name": u.name,
                    "role": u.role,
                    "npsn": list(u.npsn or []),
                    "kabupaten": u.kabupaten,
                    "email": u.email,
                    "disabled": u.disabled,
                    "locked_until": u.locked_until.isoformat() if u.locked_until else None,
                }
                for u in st.list_users(store)
            ]
            if args.json:
                print(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                for r in rows:
                    print(
                        "\t".join(
                            str(r[k]) if not isinstance(r[k], list) else ",".join(r[k])
                            for k in ("name", "role", "npsn", "kabupaten", "email", "disabled", "locked_until")
                        )
                    )
        return 0
    finally:
        store.close()


def _db_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", action="store_true", help="read the stored current submissions instead of FILE")
    p.add_argument("--as", dest="as_user", default=None, metavar="USER", help="with --db: the account whose scope applies")
    p.add_argument("--kabupaten", default=None, help="with --db: only the schools of this kabupaten/kota")


def main(argv: list[str] | None = None) -> int:
    """Run the command line.

    Parameters
    ----------
    argv : list of str, optional
        Arguments without the program name (default ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit code: ``check`` 0 / 1 / 2 as above; ``summary`` 0, or 2 when the
        file cannot be read.
    """
    parser = argparse.ArgumentParser(prog="python -m analysis", description="Dasbor Kompetensi Guru: check a workbook or summarise it.")
    sub = parser.add_subparsers(dest="command", required=True)
    pc = sub.add_parser("check", help="validation report of FILE (.xlsx, .csv, Dapodik export)")
    pc.add_argument("file", nargs="?")
    pc.add_argument("--json", action="store_true", help="print the report as JSON")
    pc.add_argument("--lang", choices=("id", "en"), default="id", help="language of the messages")
    pc.add_argument("--npsn", default=None, help="the school's NPSN, for a Dapodik Daftar Guru / Tenaga Kependidikan / PTK file that has none")
    ps = sub.add_parser("summary", help="per-school figures of FILE")
    ps.add_argument("file", nargs="?")
    ps.add_argument("--json", action="store_true", help="print as JSON (the only output form)")
    ps.add_argument("--lang", choices=("id", "en"), default="id")
    ps.add_argument("--npsn", default=None, help="the school's NPSN, for a Dapodik Daftar Guru / Tenaga Kependidikan / PTK file that has none")
    ps.add_argument(
        "--reference-date",
        type=date.fromisoformat,
        default=None,
        metavar="YYYY-MM-DD",
        help="count 'last 12 months' and ages back from this date (default: the latest date in the data)",
    )
    ps.add_argument("--ict-target", type=int, choices=(1, 2, 3, 4), default=3, help="ICT target level 1-4 (default 3)")
    _db_arguments(pc)
    _db_arguments(ps)
    pi = sub.add_parser("import", help="store FILE, or every school file of a folder, as submissions")
    pi.add_argument("path", metavar="FILE|DIR")
    pi.add_argument("--as", dest="as_user", required=True, metavar="USER", help="the uploading account")
    pi.add_argument("--npsn", default=None, help="the school's NPSN, for a Dapodik export that has none")
    pi.add_argument("--json", action="store_true")
    pi.add_argument("--lang", choices=("id", "en"), default="id")
    pu = sub.add_parser("users", help="accounts of the store")
    pu.add_argument("--lang", choices=("id", "en"), default="id")
    us = pu.add_subparsers(dest="users_command", required=True)
    ua = us.add_parser("add", help="add an account; the password is read from standard input")
    ua.add_argument("name")
    ua.add_argument("--role", required=True, choices=("kepala_sekolah", "dinas", "peneliti", "admin"))
    ua.add_argument("--npsn", nargs="+", default=None, metavar="N", help="the school(s) of a kepala_sekolah, or of a dinas account limited to a list")
    ua.add_argument("--kabupaten", default=None, help="the kabupaten/kota of a dinas account")
    ua.add_argument("--email", default=None)
    ul = us.add_parser("list", help="every account")
    ul.add_argument("--json", action="store_true")
    ud = us.add_parser("disable", help="disable an account")
    ud.add_argument("name")
    args = parser.parse_args(argv)

    if args.command == "import":
        return _import(args)
    if args.command == "users":
        return _users(args)
    if args.db:
        ds = _stored_dataset(args)
        if isinstance(ds, int):
            return ds
    elif args.file is None:
        print(t("store.cli.needs_file", args.lang), file=sys.stderr)
        return 2
    else:
        ds = _load(args.file, args.npsn)
    report = ds.report
    if args.command == "check":
        if args.json:
            print(json.dumps(check_json(report, args.lang), ensure_ascii=False, indent=2))
        else:
            print(format_report(report, args.lang))
        return report.exit_code()

    if not report.readable:
        print(json.dumps({"schools": [], "problems": [p.as_dict(args.lang) for p in report.problems]}, ensure_ascii=False, indent=2))
        return 2
    print(json.dumps(summarize(ds, reference_date=args.reference_date, ict_target=args.ict_target), ensure_ascii=False, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
