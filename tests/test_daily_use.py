"""The daily work without hand-editing TOML: `new`, `record`, the JSON Schemas, e-mail drafts, the
settings file named, the authority check, `procedures --json` and `due` on files."""

from __future__ import annotations

import datetime as dt
import email
import json
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from email import policy
from pathlib import Path

import pytest
import tomlkit
from click.testing import CliRunner

from casepost.schema import generate, schema_file
from cli import main

from .conftest import PROCEDURE_IDS, REPO, SAMPLE_IDS, SAMPLES, minimal_case


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


# --- new ---------------------------------------------------------------------------------------


def _fill_required(case: Path) -> None:
    """What a person must type into a new case file: reference, name, address, received."""
    doc = tomlkit.parse(case.read_text())
    doc["reference"] = "CSC/2026/0142"
    doc["complainant"]["name"] = "Ms Aisha Khan"  # type: ignore[index]
    doc["complainant"]["address"] = ["12 Example Road", "Luton", "LU2 0AA"]  # type: ignore[index]
    doc["complaint"]["received"] = dt.date(2026, 11, 16)  # type: ignore[index]
    case.write_text(tomlkit.dumps(doc))


@pytest.mark.parametrize("procedure", PROCEDURE_IDS)
def test_new_writes_a_case_that_checks_once_filled(tmp_path: Path, procedure: str) -> None:
    folder = tmp_path / "cases" / "0142"
    code, out = run("new", procedure, str(folder))
    assert code == 0, out
    case = folder / "case.toml"
    text = case.read_text()
    assert text.startswith("#:schema ") and (folder / "casepost.toml").read_text().startswith("#:schema ")
    # Every date the procedure counts from or records is there to fill in, and no other.
    from casepost.newcase import used_fields
    from casepost.procedures import date_fields, load_procedure

    used = used_fields(load_procedure(procedure)) & date_fields()
    for field in used - {"letter_date"}:
        table, key = field.split(".")
        section = text.split(f"\n[{table}]\n", 1)[1].split("\n[", 1)[0]
        assert f"\n# {key} =" in "\n" + section, field
    assert ("grounds_arose" in text) == (procedure == "luton-csc")
    code, out = run("check", str(case))
    assert code == 1 and "reference: must not be empty" in out and "complaint.received: is required" in out
    _fill_required(case)
    code, out = run("check", str(case))
    assert code == 0, out
    # The settings file written is for the procedure's council: no mismatch warning.
    assert "wrong letterhead" not in out


def test_new_never_overwrites_and_uses_settings_found_above(tmp_path: Path) -> None:
    (tmp_path / "casepost.toml").write_text('[letterhead]\ncouncil = "Luton Borough Council"\n')
    code, out = run("new", "luton-csc", str(tmp_path / "a"))
    assert code == 0 and f"settings: {tmp_path / 'casepost.toml'}" in out, out
    assert not (tmp_path / "a" / "casepost.toml").exists()
    before = (tmp_path / "a" / "case.toml").read_bytes()
    code, out = run("new", "luton-csc", str(tmp_path / "a"))
    assert code == 1 and "never overwrites" in out
    assert (tmp_path / "a" / "case.toml").read_bytes() == before
    code, out = run("new", "herts_cpc", str(tmp_path / "b"))
    assert code == 1 and 'did you mean "herts-cpc"' in out and not (tmp_path / "b").exists()


# --- record ------------------------------------------------------------------------------------


def test_record_keeps_comments_and_fills_a_placeholder(tmp_path: Path) -> None:
    run("new", "luton-csc", str(tmp_path))
    case = tmp_path / "case.toml"
    _fill_required(case)
    before = case.read_text()
    code, out = run("record", str(case), "complaint.acknowledged", "18/11/2026")
    assert code == 0, out
    # Mon 16 Nov 2026 + 3 WD (Luton 13.2) = Thu 19 Nov: recorded on Wed 18 Nov, so met.
    assert "acknowledgement_due: met (due 2026-11-19)" in out
    after = case.read_text()
    # The commented-out placeholder became the value, with its comment; nothing else moved.
    assert f"\n{'acknowledged = 2026-11-18':<40}# the acknowledgement went out\n" in after, after  # same column
    assert len(after.splitlines()) == len(before.splitlines())
    assert [a for a, b in zip(after.splitlines(), before.splitlines(), strict=True) if a != b] == [
        next(line for line in after.splitlines() if line.startswith("acknowledged ="))
    ]
    code, out = run("record", str(case), "decision.director_agrees", "yes")
    assert code == 0 and tomllib.loads(case.read_text())["decision"]["director_agrees"] is True


def test_record_refuses_a_change_that_makes_the_case_invalid(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("luton-csc", "# keep me\n"))
    before = case.read_bytes()
    code, out = run("record", str(case), "complaint.acknowledged", "2026-11-01")
    assert code == 1 and "not recorded: 2026-11-01 is before the complaint was received" in out, out
    code, out = run("record", str(case), "complaint.recieved", "2026-11-01")
    assert code == 1 and "did you mean complaint.received?" in out
    code, out = run("record", str(case), "stage1.extended", "maybe")
    assert code == 1 and "yes/no field" in out
    assert case.read_bytes() == before
    assert [p.name for p in case.parent.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_record_adds_a_table_and_a_key_to_an_existing_one(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("luton-csc", "\n# --- next part\n[panel]\ndate = 2027-01-20  # booked\n"))
    assert run("record", str(case), "complaint.acknowledged", "2026-11-23")[0] == 0
    assert run("record", str(case), "panel.papers_sent", "2027-01-13")[0] == 0
    assert run("record", str(case), "decision.sent", "2027-01-27")[0] == 0
    text = case.read_text()
    assert "received = 2026-11-20\nacknowledged = 2026-11-23\n\n# --- next part\n" in text
    assert "date = 2027-01-20  # booked\npapers_sent = 2027-01-13\n" in text
    assert tomllib.loads(text)["decision"]["sent"] == dt.date(2027, 1, 27)


def test_record_as_a_subprocess(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("luton-csc"))
    done = subprocess.run(
        [sys.executable, "-m", "cli", "record", str(case), "complaint.acknowledged"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert tomllib.loads(case.read_text())["complaint"]["acknowledged"] == dt.date.today()


# --- schemas -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["case", "settings"])
def test_checked_in_schemas_are_current(name: str) -> None:
    assert schema_file(name).read_text() == generate(name), "stale: run python3 bin/dev generate"


def test_samples_point_at_the_case_schema_and_validate_against_it() -> None:
    schema = json.loads(schema_file("case").read_text())
    for sample in SAMPLE_IDS:
        case = SAMPLES / sample / "case.toml"
        first = case.read_text().splitlines()[0]
        assert first.startswith("#:schema ")
        assert (case.parent / first.removeprefix("#:schema ")).resolve() == schema_file("case").resolve()
    # The schema knows every top-level table the samples use, and forbids others.
    assert schema["additionalProperties"] is False
    data = tomllib.loads((SAMPLES / "luton-csc" / "case.toml").read_text())
    assert set(data) <= set(schema["properties"])
    assert "REQUIRED" in schema["$defs"]["Complaint"]["properties"]["received"]["description"]


# --- letters, bundle and check ----------------------------------------------------------------


@pytest.fixture
def herts_case(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLES / "herts-cpc", tmp_path / "herts", ignore=shutil.ignore_patterns("out", "*.jsonl"))
    case = tmp_path / "herts" / "case.toml"
    case.write_text(re.sub(r"(?m)^acknowledged = .*$", "", case.read_text()))
    return case


def test_letter_email_writes_a_draft_and_says_what_to_record(herts_case: Path) -> None:
    code, out = run("letter", "acknowledgement", str(herts_case), "--email", "--date", "2026-10-21")
    assert code == 0, out
    assert f"settings: {herts_case.parent / 'casepost.toml'}" in out
    assert f"casepost record {herts_case} complaint.acknowledged 2026-10-21" in out
    eml = herts_case.parent / "out" / "HCS-CPC-2026-0412-acknowledgement.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    assert message["To"] == "danielle.moore@example.net"
    assert message["Subject"].startswith("OFFICIAL-SENSITIVE: HCS/CPC/2026/0412 ")
    assert message["X-Unsent"] == "1"
    body = message.get_body(("plain",))
    assert body is not None and "Dear Ms Moore" in body.get_content()
    [attachment] = list(message.iter_attachments())
    pdf = herts_case.parent / "out" / "HCS-CPC-2026-0412-acknowledgement.pdf"
    assert attachment.get_filename() == pdf.name and attachment.get_content() == pdf.read_bytes()
    log = [json.loads(line) for line in (herts_case.parent / "case.correspondence.jsonl").read_text().splitlines()]
    assert any(entry["output"] == str(eml) for entry in log)
    # Recording it makes the hint go away.
    assert run("record", str(herts_case), "complaint.acknowledged", "2026-10-21")[0] == 0
    code, out = run("letter", "acknowledgement", str(herts_case), "--force", "-o", str(herts_case.parent / "o2"))
    assert code == 0 and "casepost record" not in out and (herts_case.parent / "o2").is_dir()


def test_letter_email_refused_for_a_postal_complainant(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("luton-csc", 'summary = "x"\n'))
    shutil.copy(SAMPLES / "luton-csc" / "casepost.toml", case.parent / "casepost.toml")
    code, out = run("letter", "acknowledgement", str(case), "--email")
    assert code == 1 and "--email is for a complainant who chose e-mail" in out
    assert not (case.parent / "out").exists()


def test_check_warns_when_the_settings_are_another_councils(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("herts-cpc"), settings='[letterhead]\ncouncil = "Luton Borough Council"\n')
    code, out = run("check", str(case))
    assert code == 0 and "is for Luton Borough Council, but herts-cpc is Hertfordshire County Council's" in out


def test_procedures_json() -> None:
    code, out = run("procedures", "--json")
    assert code == 0 and [p["id"] for p in json.loads(out)] == PROCEDURE_IDS
    code, out = run("procedures", "luton-csc", "--json")
    assert code == 0 and json.loads(out)["authorities"] == ["Luton Borough Council"]


def test_due_takes_files_and_folders_and_hints_the_record(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("luton-csc"))
    code, out = run("due", str(case), str(case.parent), "--as-of", "2026-12-01", "--json")
    data = json.loads(out)
    assert code == 0 and data["cases"] == 1
    # Received Fri 20 Nov 2026 + 3 WD = Wed 25 Nov: overdue on 1 Dec, met by complaint.acknowledged.
    ack = next(i for i in data["items"] if i["id"] == "acknowledgement_due")
    assert ack["status"] == "overdue" and ack["record"] == f"casepost record {case} complaint.acknowledged DATE"


def test_every_command_has_an_example() -> None:
    for name in main.list_commands(None):  # type: ignore[arg-type]
        code, out = run(name, "--help")
        assert code == 0 and "Example" in out, name


def test_record_fills_a_new_case_one_field_at_a_time(tmp_path: Path) -> None:
    run("new", "herts-cpc", str(tmp_path))
    case = tmp_path / "case.toml"
    code, out = run("record", str(case), "complaint.received", "16/11/2026")
    # Allowed: it adds no problem and fills one in; the rest are listed, with their lines.
    assert code == 0 and "recorded complaint.received = 2026-11-16" in out, out
    assert "not complete yet" in out and "reference: must not be empty" in out
    assert "complaint.received" not in out.split("not complete yet")[1]
    before = case.read_bytes()
    code, out = run("record", str(case), "complaint.acknowledged", "2026-11-01")
    assert code == 1 and "not recorded: 2026-11-01 is before the complaint was received" in out, out
    assert case.read_bytes() == before


def test_new_with_a_procedure_file(tmp_path: Path) -> None:
    shutil.copy(REPO / "casepost" / "data" / "procedures" / "sussex-cpc.toml", tmp_path / "ours.toml")
    code, out = run("new", str(tmp_path / "ours.toml"), str(tmp_path / "cases" / "a"))
    assert code == 0, out
    case = tmp_path / "cases" / "a" / "case.toml"
    assert 'procedure = "../../ours.toml"' in case.read_text()
    _fill_required(case)
    assert run("check", str(case))[0] == 0


def test_decision_letter_after_a_hold_that_began_later(tmp_path: Path) -> None:
    # Durham sample: panel Wed 6 Jan 2027, decision sent Tue 12 Jan. A hold opened on 13 January
    # cannot pause a deadline already met: the decision letter states its dates and renders.
    shutil.copytree(SAMPLES / "durham-cpc", tmp_path / "d", ignore=shutil.ignore_patterns("out", "*.jsonl"))
    case = tmp_path / "d" / "case.toml"
    case.write_text(case.read_text() + '\n[[holds]]\nfrom = 2027-01-13\nreason = "court proceedings"\n')
    code, out = run("dates", str(case), "--json", "--as-of", "2027-01-12")
    assert {d["id"]: d["status"] for d in json.loads(out)["deadlines"]}["panel_decision_due"] == "met"
    code, out = run("letter", "decision", str(case))
    assert code == 0 and (tmp_path / "d" / "out").is_dir(), out


def test_record_ends_an_open_hold(make_case: Callable[..., Path]) -> None:
    extra = '[[holds]]\nfrom = 2026-11-23\nreason = "court proceedings"  # open\n'
    case = make_case(minimal_case("luton-csc", extra))
    code, out = run("record", str(case), "holds[0].to", "2026-11-27")
    assert code == 0, out
    assert 'reason = "court proceedings"  # open\nto = 2026-11-27\n' in case.read_text()
    code, out = run("record", str(case), "holds[1].to", "2026-11-27")
    assert code == 1 and "the case file has 1 hold(s)" in out
    code, out = run("record", str(case), "holds[0].to", "2026-11-20")
    assert code == 1 and "not recorded" in out and "ends (2026-11-20) before it starts" in out, out


def test_every_case_field_new_can_write_has_a_comment() -> None:
    # A field added to the case model must come with the words `casepost new` writes beside it,
    # or an admin filling in a new case meets a bare `within_procedure =` and has to guess.
    import typing

    from casepost.case import Case
    from casepost.records import is_record, record_fields
    from casepost.resources import templates_root

    notes = tomllib.loads((templates_root() / "new" / "fields.toml").read_text(encoding="utf-8"))["fields"]
    missing = []
    for field in record_fields(Case):
        annotation = field.annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        model = next((a for a in [annotation, *args] if is_record(a)), None)
        if model is None or typing.get_origin(annotation) in (list, dict):
            continue  # a plain value, a list of tables shown by example, or a table of the user's own keys
        for subfield in record_fields(model):
            path = f"{field.key}.{subfield.key}"
            sub_args = typing.get_args(subfield.annotation)
            if typing.get_origin(subfield.annotation) is list and any(is_record(a) for a in sub_args):
                continue  # [[complaint.points]] and the like: shown by an example table
            if path not in notes:
                missing.append(path)
    assert not missing, f"templates/new/fields.toml has no words for {missing}"
