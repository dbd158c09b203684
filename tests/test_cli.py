"""The check, dates, due and procedures commands, through CliRunner and as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from icalendar import Calendar

from cli import main

from .conftest import PROCEDURE_IDS, REPO, minimal_case

AS_OF = "2026-11-24"


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_dates_json_contract(make_case: Callable[..., Path]) -> None:
    code, output = invoke("dates", str(make_case(minimal_case("luton-csc"))), "--json", "--as-of", AS_OF)
    assert code == 0
    data = json.loads(output)
    assert set(data) == {"reference", "procedure", "as_of", "deadlines"}
    assert (data["reference"], data["procedure"], data["as_of"]) == ("CSC/2026/0142", "luton-csc", AS_OF)
    first = data["deadlines"][0]
    assert set(first) == {"id", "date", "rule", "source", "party", "status"}
    ack = next(d for d in data["deadlines"] if d["id"] == "acknowledgement_due")
    # Received Fri 20 Nov 2026 + 3 WD = Wed 25 Nov.
    assert ack == {
        "id": "acknowledgement_due",
        "date": "2026-11-25",
        "rule": ack["rule"],
        "source": ack["source"],
        "party": "authority",
        "status": "due",
    }
    assert "3 working days after the complaint was received" in ack["rule"]
    # No panel date: counts back from the panel are provisional, with no date.
    papers = next(d for d in data["deadlines"] if d["id"] == "panel_papers_send_by")
    assert papers["status"] == "provisional"


def test_dates_table(make_case: Callable[..., Path]) -> None:
    code, output = invoke("dates", str(make_case(minimal_case("durham-cpc"))), "--as-of", AS_OF)
    assert code == 0
    assert "Wed 25 Nov 2026" in output and "authority default" in output and "provisional" in output


def test_dates_ics(make_case: Callable[..., Path], tmp_path: Path) -> None:
    ics = tmp_path / "deadlines.ics"
    path = make_case(minimal_case("herts-lado"))
    code, _ = invoke("dates", str(path), "--ics", str(ics), "--as-of", AS_OF)
    assert code == 0
    cal = Calendar.from_ical(ics.read_bytes())
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    ack = events["CSC-2026-0142-acknowledgement_due@casepost"]
    assert ack.decoded("dtstart").isoformat() == "2026-11-25"
    assert "Ms Aisha Khan" not in ics.read_text()  # no personal data in the calendar
    # Not overwritten without --force.
    code, output = invoke("dates", str(path), "--ics", str(ics))
    assert code == 1 and "--force" in output
    assert invoke("dates", str(path), "--ics", str(ics), "--force")[0] == 0


def test_check_warnings(make_case: Callable[..., Path]) -> None:
    extra = """
    [panel]
    date = 2027-02-01
    [[panel.members]]
    name = "A"
    line_management = true
    [[panel.members]]
    name = "B"
    conflict = true
    [[bundle.documents]]
    title = "Complaint"
    section = "complaint"
    date = 2026-11-20
    path = "docs/missing.pdf"
    """
    code, output = invoke("check", str(make_case(minimal_case("luton-csc", extra))), "--as-of", AS_OF)
    assert code == 0
    assert "2 member(s); a panel needs three" in output
    assert "line-management responsibility" in output and "declared a conflict" in output
    assert "docs/missing.pdf' is missing" in output


def test_check_out_of_time(make_case: Callable[..., Path]) -> None:
    # Grounds arose 1 Nov 2025: the limit is Mon 2 Nov 2026 (1 Nov 2026 is a Sunday: later, for the
    # complainant); received 20 Nov 2026 is out of time.
    path = make_case(minimal_case("luton-csc", "grounds_arose = 2025-11-01\n"))
    code, output = invoke("check", str(path), "--as-of", AS_OF)
    assert code == 0 and "out of time" in output and "complaint_time_limit" in output


def test_due_across_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "case.toml").write_text(minimal_case("luton-csc"))
    (tmp_path / "b.toml").write_text(
        minimal_case("herts-lado").replace("2026-11-20", "2026-11-02").replace("CSC/2026/0142", "HERTS/1")
    )
    (tmp_path / "broken.toml").write_text("schema = 1\nprocedure = \n")
    (tmp_path / "casepost.toml").write_text('marking = "OFFICIAL"\n')
    code, output = invoke("due", str(tmp_path), "--as-of", AS_OF, "--within", "7", "--json")
    assert code == 1  # a case could not be read: reported and skipped, the rest still listed
    data = json.loads(output[: output.rindex("}") + 1])
    items = [(i["reference"], i["id"], i["date"], i["status"]) for i in data["items"]]
    # HERTS/1: received Mon 2 Nov 2026; ack + 3 WD = Thu 5 Nov (overdue); Stage 1 + 10 WD = Mon 16 Nov (overdue).
    # CSC/2026/0142: received Fri 20 Nov; ack Wed 25 Nov (due within 7 days); Stage 1 meeting + 5 WD = Fri 27 Nov.
    assert items[:4] == [
        ("HERTS/1", "acknowledgement_due", "2026-11-05", "overdue"),
        ("HERTS/1", "stage1_response_due", "2026-11-16", "overdue"),
        ("CSC/2026/0142", "acknowledgement_due", "2026-11-25", "due"),
        ("CSC/2026/0142", "stage1_meeting_due", "2026-11-27", "due"),
    ]
    assert data["cases"] == 2 and len(data["skipped"]) == 1 and "broken.toml" in data["skipped"][0]


def test_due_leaves_out_closed_complaints(tmp_path: Path) -> None:
    # Received Mon 2 Nov 2026: its acknowledgement (Thu 5 Nov) would be overdue on 24 Nov, but the
    # complaint was resolved and closed on 20 Nov, so nothing is due.
    text = minimal_case("herts-lado", "closed = 2026-11-20\n").replace("2026-11-20\n", "2026-11-02\n", 1)
    (tmp_path / "case.toml").write_text(text)
    code, output = invoke("due", str(tmp_path), "--as-of", AS_OF, "--json")
    assert code == 0
    assert json.loads(output)["items"] == []
    # Before it was closed, the same case had its acknowledgement overdue.
    code, output = invoke("due", str(tmp_path), "--as-of", "2026-11-19", "--json")
    assert json.loads(output)["items"][0]["id"] == "acknowledgement_due"


def test_procedures_list_and_show() -> None:
    code, output = invoke("procedures")
    assert code == 0
    for pid in PROCEDURE_IDS:
        assert pid in output
    code, output = invoke("procedures", "luton-csc")
    assert code == 0 and "director_response_due" in output and "13.9" in output
    code, output = invoke("procedures", "nope")
    assert code == 1 and "not a known procedure" in output


def test_subprocess_dates_does_not_import_weasyprint_or_pydantic(make_case: Callable[..., Path]) -> None:
    path = make_case(minimal_case("sussex-cpc"))
    probe = (
        "import sys, runpy; sys.argv = ['casepost', 'dates', sys.argv[1], '--json']\n"
        "try:\n    runpy.run_module('cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('weasyprint', 'docxtpl', 'pypdf', 'docx', 'pydantic') if m in sys.modules]\n"
        "print('HEAVY', heavy, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True)
    # pydantic (the Python half) is not imported either: the stored schemas are validated with
    # pydantic-core alone (casepost/prebuilt.py), which is what makes `dates` start quickly.
    assert "HEAVY []" in result.stderr
    assert json.loads(result.stdout)["procedure"] == "sussex-cpc"


def test_subprocess_bad_input_exit_code(make_case: Callable[..., Path]) -> None:
    path = make_case(minimal_case("luton-csc").replace("received", "recieved"))
    exe = Path(sys.executable).parent / "casepost"
    result = subprocess.run([str(exe), "check", str(path)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "did you mean `received`?" in result.stderr


def test_tables_print_brackets_as_written(make_case: Callable[..., Path]) -> None:
    # rich reads "[...]" as markup: data from a case file must print as written.
    text = minimal_case("luton-csc").replace("CSC/2026/0142", "[bold]CSC/2026/0142[/bold]")
    code, output = invoke("dates", str(make_case(text)), "--as-of", AS_OF)
    assert code == 0 and "[bold]CSC/2026/0142[/bold]" in output
