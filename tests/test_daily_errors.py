"""Daily use: holds that start after an action, bundle paths leaving the case folder, procedure
references that are wrong, dates written day first, and command-line dates in either form."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from casepost.cliparams import parse_day
from cli import main

from .conftest import minimal_case

D = dt.date


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


DURHAM_HELD = """
[panel]
date = 2026-12-14
[decision]
sent = 2026-12-18
[[holds]]
from = {hold}
reason = "court proceedings"
"""


def _statuses(case: Path, as_of: str) -> dict[str, tuple[str | None, str]]:
    code, out = run("dates", str(case), "--json", "--as-of", as_of)
    assert code == 0, out
    return {d["id"]: (d["date"], d["status"]) for d in json.loads(out)["deadlines"]}


def test_a_hold_after_the_action_does_not_pause_the_deadline_it_met(make_case: Callable[..., Path]) -> None:
    # Panel Mon 14 Dec 2026 + 5 WD: 15, 16, 17, 18, Mon 21 Dec. The decision went on Fri 18 Dec;
    # the open hold from Mon 21 Dec started after that, so the deadline is met, not paused.
    case = make_case(minimal_case("durham-cpc", DURHAM_HELD.format(hold="2026-12-21")))
    assert _statuses(case, "2026-12-20")["panel_decision_due"] == ("2026-12-21", "met")


def test_a_hold_before_the_action_still_pauses(make_case: Callable[..., Path]) -> None:
    # The same hold from Wed 16 Dec began before the decision was recorded: the clock stopped then.
    case = make_case(minimal_case("durham-cpc", DURHAM_HELD.format(hold="2026-12-16")))
    assert _statuses(case, "2026-12-20")["panel_decision_due"] == (None, "paused")


@pytest.mark.parametrize("path", ["/etc/passwd", "../../etc/passwd", "docs/../../x.pdf"])
def test_check_refuses_a_bundle_path_outside_the_case_folder(make_case: Callable[..., Path], path: str) -> None:
    extra = f'[[bundle.documents]]\ntitle = "Minutes"\nsection = "other"\ndate = 2026-11-01\npath = "{path}"\n'
    case = make_case(minimal_case("durham-cpc", extra))
    code, out = run("check", str(case))
    # MINIMAL is 11 lines; the document's path is the 5th line of the table.
    assert code == 1 and "case.toml:16: bundle.documents[0].path" in out and "outside the case's folder" in out, out


def test_an_unknown_procedure_id_gets_did_you_mean(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("herts_cpc"))
    code, out = run("check", str(case))
    assert code == 1 and "case.toml:2: procedure" in out and 'did you mean "herts-cpc"' in out, out
    assert "durham-cpc, herts-cpc, herts-lado, luton-csc, sussex-cpc" in out


@pytest.mark.parametrize("content", ["just some notes\n", 'title = "not a procedure"\n'])
def test_a_procedure_path_that_is_not_a_procedure_names_the_field(
    make_case: Callable[..., Path], tmp_path: Path, content: str
) -> None:
    (tmp_path / "notes.toml").write_text(content)
    case = make_case(minimal_case("notes.toml"))
    code, out = run("check", str(case))
    assert code == 1 and "case.toml:2: procedure: 'notes.toml' is not a usable procedure file" in out, out


@pytest.mark.parametrize("written", ["16/11/2026", '"16/11/2026"'])
def test_a_day_first_date_in_a_case_file_says_how_to_write_it(make_case: Callable[..., Path], written: str) -> None:
    case = make_case(minimal_case("luton-csc").replace("received = 2026-11-20", f"received = {written}"))
    code, out = run("check", str(case))
    assert code == 1 and "case.toml:11: complaint.received: write dates as 2026-11-16" in out, out


def test_command_line_dates_accept_both_forms(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("luton-csc"))
    _, iso = run("dates", str(case), "--json", "--as-of", "2026-12-01")
    _, uk = run("dates", str(case), "--json", "--as-of", "01/12/2026")
    assert json.loads(iso)["as_of"] == json.loads(uk)["as_of"] == "2026-12-01"
    code, out = run("dates", str(case), "--as-of", "31/02/2026")
    assert code == 2 and "write 2026-12-01 or 01/12/2026" in out


def test_parse_day() -> None:
    assert parse_day("1/2/2027") == D(2027, 2, 1)  # day first: 1 February
    assert parse_day("2027-02-01") == D(2027, 2, 1)
    with pytest.raises(ValueError):
        parse_day("2027/02/01")
