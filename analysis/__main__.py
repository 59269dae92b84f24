"""Command line for scripts and batch checks (issue 2 §4).

``python -m analysis check FILE [--json] [--lang id|en] [--npsn NPSN]``
    The validation report. Exit 0 when no row was rejected, 1 when some
    were, 2 when the file cannot be read (the JSON shape is still printed,
    with ``sheets: []`` and one file-level problem whose row and column are null).

``python -m analysis summary FILE --json [--lang id|en]``
    Per-school figures: ``json.dumps(analysis.summary.summarize(ds))``.

``--npsn NPSN`` (both commands) gives the school's NPSN to a Dapodik export
that carries none (Daftar PTK, Daftar Guru, Daftar Tenaga Kependidikan); a
file's own NPSN wins (:func:`analysis.ingest.load_file`).
"""

from __future__ import annotations

import argparse
from datetime import date
import json
import sys
from pathlib import Path

from analysis import schema
from analysis.dataset import Problem, ValidationReport
from analysis.i18n import t


def _load(path: str, npsn: str | None = None):
    from analysis.ingest import load_file

    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        from analysis.ingest import _unreadable  # same shape as any unreadable file

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
    pc.add_argument("file")
    pc.add_argument("--json", action="store_true", help="print the report as JSON")
    pc.add_argument("--lang", choices=("id", "en"), default="id", help="language of the messages")
    pc.add_argument("--npsn", default=None, help="the school's NPSN, for a Dapodik Daftar Guru / Tenaga Kependidikan / PTK file that has none")
    ps = sub.add_parser("summary", help="per-school figures of FILE")
    ps.add_argument("file")
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
    args = parser.parse_args(argv)

    ds = _load(args.file, args.npsn)
    report = ds.report
    if args.command == "check":
        if args.json:
            print(json.dumps(check_json(report, args.lang), ensure_ascii=False, indent=2))
        else:
            print(format_report(report, args.lang))
        return report.exit_code()

    from analysis.summary import summarize

    if not report.readable:
        print(json.dumps({"schools": [], "problems": [p.as_dict(args.lang) for p in report.problems]}, ensure_ascii=False, indent=2))
        return 2
    print(json.dumps(summarize(ds, reference_date=args.reference_date, ict_target=args.ict_target), ensure_ascii=False, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
