"""The upload queue (at most two uploads parsed at once, the others wait and say so) and how text from a file is shown."""

import threading
import tomllib

from analysis.ingest.load import PHASES, load_file
from tests.helpers import GURU_HEADER, ROOT, SEKOLAH, guru_row, workbook_bytes
from ui.state import PARSE_SLOTS, UploadSlots, upload_slots


def test_no_more_than_two_uploads_are_parsed_at_once_and_the_others_wait_their_turn():
    slots = UploadSlots(2, poll=0.01)
    release = threading.Event()
    lock = threading.Lock()
    running, most, waited, done = [0], [0], [], []

    def upload(i: int) -> None:
        with slots.hold(lambda s: waited.append(i)):
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            release.wait(5)
            with lock:
                running[0] -= 1
        done.append(i)

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(6)]
    for th in threads:
        th.start()
    while len(set(waited)) < 4:  # two hold a slot; the four others are told they wait
        threading.Event().wait(0.01)
    assert running[0] == 2
    release.set()
    for th in threads:
        th.join(5)
    assert most[0] == 2 and sorted(done) == list(range(6))


def test_a_slot_is_given_back_when_the_upload_fails():
    slots = UploadSlots(1, poll=0.01)
    try:
        with slots.hold():
            raise ValueError("broken file")
    except ValueError:
        pass
    waited = []
    with slots.hold(waited.append):
        pass
    assert waited == [], "the failed upload's slot was given back"


def test_the_app_parses_two_uploads_at_once_in_one_queue_for_every_session():
    assert upload_slots() is upload_slots()
    assert upload_slots().n == PARSE_SLOTS == 2


def test_load_file_reports_its_phases_in_order():
    seen = []
    load_file(workbook_bytes({"Sekolah": SEKOLAH, "Guru": [GURU_HEADER, guru_row()]}), "x.xlsx", progress=lambda phase, f: seen.append((phase, f)))
    phases = [p for p, _ in seen]
    assert phases[0] == "reading" and phases[-1] == "done" and "validating" in phases and "cross_checks" in phases
    assert [p for p in PHASES if p in phases] == sorted(set(phases), key=phases.index)
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and 0 <= fractions[0] and fractions[-1] == 1


def test_a_failing_progress_callback_never_stops_a_load():
    def broken(phase, fraction):
        raise RuntimeError("display gone")

    ds = load_file(workbook_bytes({"Sekolah": SEKOLAH, "Guru": [GURU_HEADER, guru_row()]}), "x.xlsx", progress=broken)
    assert len(ds.tables["guru"]) == 1 and ds.report.readable


def test_no_user_ever_sees_a_traceback():
    from streamlit.config import ShowErrorDetailsConfigOptions

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == ShowErrorDetailsConfigOptions.NONE.value


def test_text_from_a_file_is_escaped_so_markdown_shows_it_as_written():
    from ui.widgets import plain

    assert plain("![](http://x.invalid/a.png)") == "\\!\\[\\](http\\://x.invalid/a.png)"
    assert plain("<img src=x> & co") == "&lt;img src=x&gt; &amp; co"
    assert plain("1. Ani\n# Budi") == "1\\. Ani \\# Budi"
    assert plain("$x$ :red[a] **b** _c_") == "\\$x\\$ \\:red\\[a\\] \\*\\*b\\*\\* \\_c\\_"
    assert plain("sampel_smpn8_prabumulih.xlsx") == "sampel_smpn8_prabumulih.xlsx", "underscores inside a word are not emphasis"
    assert plain(None) == ""
