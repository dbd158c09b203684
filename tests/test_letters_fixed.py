"""A letter is fixed at its date: rendered from the full sample and from a copy with every record
made after the letter's date removed, it is the same file, byte for byte, in both formats. And a
letter that would contradict its own date is refused with exit 1, nothing written."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cli import main

from .conftest import SAMPLE_IDS, SAMPLES, letters_pdf_text, letters_words

SENT = {
    "acknowledgement": ("complaint", "acknowledged"),
    "stage1-response": ("stage1", "response_sent"),
    "panel-invitation": ("panel", "invitations_sent"),
    "decision": ("decision", "sent"),
}
KINDS = list(SENT)
# Dates recorded in advance of the day they name: a booking, a further hearing, an authorised delay.
FORWARD = {("panel", "date"), ("decision", "further_hearing"), ("escalation", "delay_authorised_until")}


# --- an independent "every later record removed", on the TOML data itself --------------------------


def _strip(data: dict[str, Any], day: dt.date) -> dict[str, Any]:
    """The case file's data with everything recorded after `day` taken out, as a coordinator would
    have had it that day."""
    out = json.loads(json.dumps(data, default=str))  # a deep copy; dates become strings
    out = _redate(out)
    for table, fields in list(out.items()):
        if isinstance(fields, dict):
            for key, value in list(fields.items()):
                if isinstance(value, dt.date) and value > day and (table, key) not in FORWARD:
                    del fields[key]
    panel, decision = out.get("panel", {}), out.get("decision", {})
    booked = data.get("panel", {}).get("booked") or data.get("panel", {}).get("invitations_sent")
    if booked is not None and booked > day:
        out.pop("panel", None)  # booked later: not known on the day
    if "panel" not in out or panel.get("date") is None or panel["date"] > day:
        for key in ("outcomes", "reasons", "recommendations", "next_steps", "further_hearing"):
            decision.pop(key, None)  # the panel had not met
    if decision.get("sent") is None:
        decision.pop("director_agrees", None)
        decision.pop("director_response", None)
    sent = data.get("stage1", {}).get("response_sent")
    if sent is not None and sent > day:
        for point in out["complaint"].get("points", []):
            for key in ("finding", "outcome", "actions"):
                point.pop(key, None)
    if "bundle" in out:
        out["bundle"]["documents"] = [d for d in out["bundle"].get("documents", []) if d["date"] <= day]
    return out


def _redate(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _redate(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redate(v) for v in value]
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    return value


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    return "[" + ", ".join(_value(v) for v in value) + "]"


def _toml(data: dict[str, Any], prefix: str = "") -> str:
    """A small TOML writer for case files: scalars first, then tables, then arrays of tables."""
    lines, tables = [], []
    for key, value in data.items():
        is_table = isinstance(value, dict) and not prefix.startswith("officers")
        if is_table or (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)):
            tables.append((key, value))
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    text = "\n".join(lines) + "\n"
    for key, value in tables:
        name = f"{prefix}{_key(key)}"
        if isinstance(value, dict):
            if key == "officers":
                text += f"\n[{name}]\n" + "".join(f"{_key(k)} = {_value(v)}\n" for k, v in value.items())
            else:
                text += f"\n[{name}]\n" + _toml(value, f"{name}.")
        else:
            for item in value:
                text += f"\n[[{name}]]\n" + _toml(item, f"{name}.")
    return text


def _copy_sample(procedure: str, root: Path) -> Path:
    folder = root / procedure
    shutil.copytree(SAMPLES / procedure, folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    return folder / "case.toml"


def _render(case: Path, kind: str, out: Path, *args: str) -> tuple[bytes, bytes]:
    result = CliRunner().invoke(main, ["letter", kind, str(case), "--format", "both", "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    pdf, docx = (next(out.glob(f"*-{kind}.{ext}")).read_bytes() for ext in ("pdf", "docx"))
    return pdf, docx


@pytest.mark.parametrize("procedure", SAMPLE_IDS)
def test_a_letter_is_the_same_file_without_the_later_records(procedure: str, tmp_path: Path) -> None:
    # The same folder both times: the logo's address is part of the PDF, the case file is not.
    case = _copy_sample(procedure, tmp_path)
    text = case.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for kind in KINDS:
        table, field = SENT[kind]
        day = data[table][field]
        case.write_text(text, encoding="utf-8")
        before = _render(case, kind, tmp_path / "out-full" / kind)
        stripped = _toml(_strip(data, day))
        if kind != "decision":  # the last letter of each sample: nothing comes after it
            assert tomllib.loads(stripped) != data  # something later was taken out
        case.write_text(stripped, encoding="utf-8")
        after = _render(case, kind, tmp_path / "out-asat" / kind)
        assert before[0] == after[0], (kind, "pdf")
        assert before[1] == after[1], (kind, "docx")


def test_the_luton_invitation_says_nothing_learnt_after_it(tmp_path: Path) -> None:
    # Dated 15 December 2026: the recommendations (sent 19 January) and the Director's answer
    # (not agreeing: 20 working days) came later, so no date is promised for the Director's reply.
    case = _copy_sample("luton-csc", tmp_path)
    text = letters_words(letters_pdf_text(_render(case, "panel-invitation", tmp_path / "out")[0]))
    assert "Tuesday 16 February 2027" not in text
    assert "The Director will then write to you with the council's response to the recommendations." in text


def test_the_sussex_acknowledgement_does_not_change_when_the_meeting_is_recorded(tmp_path: Path) -> None:
    case = _copy_sample("sussex-cpc", tmp_path)
    first = _render(case, "acknowledgement", tmp_path / "a")
    case.write_text(case.read_text().replace("meeting = 2026-10-30", "meeting = 2026-10-27"))
    assert _render(case, "acknowledgement", tmp_path / "b") == first


# --- refusals --------------------------------------------------------------------------------------


def _refused(case: Path, kind: str, *args: str) -> str:
    out = case.parent / "refused"
    result = CliRunner().invoke(main, ["letter", kind, str(case), "-o", str(out), *args])
    assert result.exit_code == 1, result.output
    assert not out.exists() or not any(out.iterdir())  # nothing written
    assert "Traceback" not in result.output
    return letters_words(result.stderr)


def test_an_invitation_dated_on_or_after_the_panel_is_refused(tmp_path: Path) -> None:
    case = _copy_sample("herts-lado", tmp_path)
    case.write_text(re.sub(r"(?m)^invitations_sent = .*\n", "", case.read_text()))
    err = _refused(case, "panel-invitation", "--date", "2027-01-25")
    assert "Monday 25 January 2027" in err and "Thursday 21 January 2027" in err
    assert "give a --date before 2027-01-21" in err


def test_a_decision_dated_before_the_panel_met_is_refused(tmp_path: Path) -> None:
    case = _copy_sample("herts-lado", tmp_path)
    case.write_text(re.sub(r"(?m)^sent = .*\n", "", case.read_text()))
    err = _refused(case, "decision", "--date", "2026-11-18")
    assert "Wednesday 18 November 2026" in err and "Thursday 21 January 2027" in err
    assert "on or after 2027-01-21" in err


def test_a_promise_already_past_is_refused_or_told_as_done(tmp_path: Path) -> None:
    # An acknowledgement dated Tue 1 Dec 2026 of a complaint received Mon 12 Oct: the written
    # response was due Mon 26 Oct. The sample records it sent Fri 23 Oct, so the letter says so.
    case = _copy_sample("herts-lado", tmp_path)
    case.write_text(re.sub(r"(?m)^acknowledged = .*\n", "", case.read_text()))
    pdf, _ = _render(case, "acknowledgement", tmp_path / "done", "--date", "2026-12-01")
    text = letters_words(letters_pdf_text(pdf))
    assert "Date: Tuesday 1 December 2026" in text
    assert "We sent you our written response on Friday 23 October 2026." in text
    assert "We will send you a written response by" not in text
    # Without that record the letter would promise a response by a date already gone: refused.
    case.write_text(re.sub(r"(?m)^response_sent = 2026-10-23.*\n", "", case.read_text()))
    err = _refused(case, "acknowledgement", "--date", "2026-12-01")
    assert "Tuesday 1 December 2026" in err and "Monday 26 October 2026" in err
    assert "record stage1.response_sent" in err and "on or before 2026-10-26" in err


def test_letter_prints_the_check_warnings_first(tmp_path: Path) -> None:
    case = _copy_sample("durham-cpc", tmp_path)  # the papers went out late
    result = CliRunner().invoke(main, ["letter", "acknowledgement", str(case), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "warning:" in result.stderr and "panel_papers_send_by" in result.stderr
