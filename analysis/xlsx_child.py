"""Parse an .xlsx workbook with calamine in a child process under memory and time limits.

Run as a script (``python analysis/xlsx_child.py LIMIT_BYTES CPU_SECONDS``): the
workbook's bytes come on standard input and the cells go back pickled on
standard output as ``[(name, rows, merged), ...]`` (names as in the file, even
when two sheets share one). It imports neither pandas
nor the ``analysis`` package, so it starts in a fraction of a second.

Why a child: calamine is Rust, and a workbook built to make it allocate more
than the machine has (a cell at XFD1048576 in a form the static checks of
:func:`analysis.reader.inspect_xlsx` miss, a shared string repeated a
thousand times) makes it *abort the whole process*, not raise. In a child the
abort, the memory limit (``RLIMIT_AS``) or the CPU limit (``RLIMIT_CPU``) ends
only the child, and the app goes on serving. Exit status 3 means calamine
refused the file as damaged (its message on standard error).
"""

from __future__ import annotations

import gc
import io
import pickle
import re
import resource
import sys
import zipfile

_SHEET_NAME = re.compile(rb'(<(?:\w+:)?sheet\b[^>]*?\bname=")([^"]*)(")')


def unique_sheet_names(data: bytes) -> bytes:
    """The workbook with every repeated sheet name made unique (``"Guru"`` → ``"Guru [2]"``).

    calamine finds a sheet by its name, so of two sheets named alike it reads
    the first twice and never the second. Excel never writes such a file;
    another program can. The names are changed only in ``xl/workbook.xml``;
    the caller gets the original names back with the rows.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    seen: dict[bytes, int] = {}

    def rename(m: re.Match) -> bytes:
        name = m.group(2)
        seen[name] = seen.get(name, 0) + 1
        return m.group(1) + (name if seen[name] == 1 else name + b" [%d]" % seen[name]) + m.group(3)

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename.lower() == "xl/workbook.xml":
                body = _SHEET_NAME.sub(rename, body)
            out.writestr(item, body)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    limit, cpu = int(argv[1]), int(argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    data = sys.stdin.buffer.read()
    import python_calamine

    gc.disable()  # millions of short-lived cell tuples; nothing here is cyclic
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(wb.sheet_names)
        if len(set(names)) < len(names):  # read each sheet, not the first of a name twice
            wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(unique_sheet_names(data)))
        sheets = []
        for i, name in enumerate(names):
            sh = wb.get_sheet_by_index(i)
            # skip_empty_area=False: rows[0] is Excel row 1 and cells[0] column A
            rows = [[None if v == "" else v for v in row] for row in sh.to_python(skip_empty_area=False)]
            merged = [(a[0], a[1], b[0], b[1]) for a, b in (sh.merged_cell_ranges or [])]
            sheets.append((name, rows, merged))
    except Exception as exc:  # calamine raises its own error types
        sys.stderr.write(str(exc)[:300])
        return 3
    pickle.dump(sheets, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
