"""Bad case files: a clear message naming the file, line and field; exit code 1; never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

from .conftest import minimal_case


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert "instance of" not in result.output and "Input should be" not in result.output  # pydantic's words
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        # A typo is caught with a suggestion, and the line it is on (the [complaint] table is on line 10).
        (
            lambda t: t.replace("received = 2026-11-20", "recieved = 2026-11-20"),
            ["case.toml:11", "complaint.recieved", "did you mean `received`?"],
        ),
        # A date in quotes is a string, not a TOML date.
        (
            lambda t: t.replace("received = 2026-11-20", 'received = "2026-11-20"'),
            ["case.toml:11", "complaint.received", "TOML date"],
        ),
        # An impossible date is a TOML syntax error, with line and column.
        (lambda t: t.replace("2026-11-20", "2026-02-30"), ["case.toml:11", "TOML syntax error"]),
        (
            lambda t: t.replace('delivery = "post"', 'delivery = "pigeon"'),
            ["case.toml:8", "complainant.delivery", "'post' or 'email'"],
        ),
        (lambda t: t.replace('address = ["12 Example Road", "Luton", "LU2 0AA"]\n', ""), ["complainant", "no address"]),
        (lambda t: t.replace('reference = "CSC/2026/0142"\n', ""), ["reference", "is required"]),
        (lambda t: t.replace("schema = 1", "schema = 2"), ["case.toml:1", "schema", "1"]),
        (lambda t: t.replace('"luton-csc"', '"luton"'), ["case.toml:2", "procedure", "not a known procedure"]),
        # Contradictions: an event before the complaint was received; a response before its request.
        (
            lambda t: t + "acknowledged = 2026-11-19\n",
            ["case.toml:12", "complaint.acknowledged", "before the complaint"],
        ),
        (
            lambda t: t + "[stage2]\nrequested = 2026-12-10\nresponse_sent = 2026-12-01\n",
            ["case.toml:14", "stage2.response_sent", "before stage2.requested"],
        ),
        (lambda t: t + "[panel]\ndate = 2026-10-01\n", ["case.toml:13", "panel.date", "before the complaint"]),
        (
            lambda t: t + '[[holds]]\nfrom = 2026-12-10\nto = 2026-12-01\nreason = "court"\n',
            ["case.toml:12", "holds[0]", "ends"],
        ),
        (
            lambda t: (
                t + '[[bundle.documents]]\ntitle = "Minutes"\nsection = "minutes"\ndate = 2026-11-01\npath = "m.pdf"\n'
            ),
            ["case.toml:14", "bundle.documents[0].section", "'minutes' is not a section of luton-csc"],
        ),
        (lambda t: t.replace("[complaint]", "[complaint\n"), ["TOML syntax error"]),
        # A value of the wrong TOML type, said in the file's terms, not Python's ("an instance of ...").
        (
            lambda t: t.replace('reference = "CSC/2026/0142"', "reference = 142"),
            ["case.toml:3", "reference: must be text in quotes"],
        ),
        (
            lambda t: t.replace('address = ["12 Example Road", "Luton", "LU2 0AA"]', 'address = "12 Example Road"'),
            ["case.toml:7", "complainant.address: must be a list in square brackets"],
        ),
        (lambda t: 'panel = "soon"\n' + t, ["case.toml:1", "panel: must be a table"]),
        (lambda t: 'holds = "none"\n' + t, ["case.toml:1", "holds: must be tables, each headed [[holds]]"]),
        (
            lambda t: t + "within_procedure = 1\n",
            ["case.toml:12", "complaint.within_procedure: must be true or false"],
        ),
    ],
)
def test_bad_case_file(make_case: Callable[..., Path], mutate: Callable[[str], str], expected: list[str]) -> None:
    path = make_case(mutate(minimal_case("luton-csc")))
    for command in ("check", "dates"):
        code, output = run(command, str(path))
        assert code == 1, output
        for text in expected:
            assert text in output, (text, output)


def test_every_problem_is_reported_at_once(make_case: Callable[..., Path]) -> None:
    text = minimal_case("luton-csc").replace("received", "recieved").replace("Ms Aisha Khan", "")
    code, output = run("check", str(make_case(text)))
    assert code == 1
    assert "2 problem(s)" in output and "complainant.name: must not be empty" in output
    # The typo is reported once, as a suggestion, not also as a missing `received`.
    assert "complaint.recieved" in output and "is required" not in output


def test_oversized_case_file_is_refused(make_case: Callable[..., Path]) -> None:
    path = make_case(minimal_case("luton-csc") + "# " + "x" * 1_000_100 + "\n")
    code, output = run("check", str(path))
    assert code == 1 and "limit is 1,000,000 bytes" in output


def test_missing_case_file(tmp_path: Path) -> None:
    code, output = run("dates", str(tmp_path / "nope.toml"))
    assert code == 1 and "nope.toml" in output and "cannot be read" in output


def test_bad_settings_file_is_named(make_case: Callable[..., Path]) -> None:
    path = make_case(minimal_case("luton-csc"), settings="[defaults]\nacknowledgement_workingdays = 5\n")
    code, output = run("dates", str(path))
    assert code == 1
    assert "casepost.toml:2" in output and "did you mean `acknowledgement_working_days`?" in output


def test_bad_procedure_file_is_named(make_case: Callable[..., Path]) -> None:
    proc = (
        'schema = 1\nid = "x"\nname = "X"\nowner = "Y"\nsections = []\n[[deadlines]]\nid = "a"\nwhat = "A"\n'
        'party = "authority"\nfrom = "complaint.recieved"\nworking_days = 3\nsource = "s"\n'
    )
    text = minimal_case("luton-csc").replace('"luton-csc"', '"proc.toml"')
    path = make_case(text, proc__toml="")
    (path.parent / "proc.toml").write_text(proc)
    code, output = run("dates", str(path))
    assert code == 1 and "proc.toml:6" in output and "complaint.recieved" in output


def test_a_field_another_procedure_uses_is_a_warning(make_case: Callable[..., Path]) -> None:
    # minutes_received belongs to sussex-cpc; on a luton case it is a warning, not an error.
    path = make_case(minimal_case("luton-csc", "minutes_received = 2026-11-20\n"))
    code, output = run("check", str(path), "--as-of", "2026-11-24")
    assert code == 0
    assert "complaint.minutes_received is set but luton-csc does not use it" in output
