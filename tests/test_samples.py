"""Every sample case runs clean end to end, and a sixth procedure needs no Python."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

from .conftest import SAMPLE_IDS, SAMPLE_PROCEDURE, SAMPLES, minimal_case

# The deadline ids of procedures.md: a contract, written out here so a renamed id fails a test.
HERTS = [
    "acknowledgement_due",
    "stage1_response_due",
    "manager_response_due",
    "panel_invitation_send_by",
    "panel_additional_papers_due",  # authority default: the seed sets no date for further papers
    "panel_papers_send_by",
    "panel_record_due",
]
CONTRACT = {
    "herts-lado": HERTS,
    "herts-cpc": HERTS,
    "sussex-cpc": [
        "complaint_window_closes",
        "acknowledgement_due",
        "stage1_meeting_due",
        "stage1_response_due",
        "stage2_request_window_closes",
        "panel_convene_by",
        "panel_invitation_send_by",
        "panel_additional_papers_due",  # authority default
        "panel_papers_send_by",
        "panel_decision_due",
    ],
    "luton-csc": [
        "complaint_time_limit",
        "acknowledgement_due",
        "stage1_meeting_due",
        "stage1_response_due",
        "stage2_request_window_closes",
        "stage2_acknowledgement_due",
        "stage2_meeting_due",
        "stage2_response_due",
        "stage3_request_window_closes",
        "stage3_acknowledgement_due",
        "panel_convene_by",
        "panel_invitation_send_by",
        "panel_additional_papers_due",
        "panel_papers_send_by",
        "panel_recommendations_due",
        "director_response_due",
    ],
    "durham-cpc": [
        "complaint_window_closes",
        "acknowledgement_due",
        "stage1_appointment_due",
        "stage2_request_window_closes",
        "stage2_meeting_due",
        "stage3_request_window_closes",
        "panel_convene_by",
        "panel_invitation_send_by",
        "panel_additional_papers_due",  # authority default
        "panel_papers_send_by",
        "panel_decision_due",
    ],
}


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_the_tests_and_the_demo_know_every_sample() -> None:
    # A sample added under samples/ without being listed in SAMPLE_PROCEDURE would be left out of
    # every test that reads the samples' letters and bundles; the demo finds them all itself.
    from .test_setup import dev_script

    folders = sorted(p.parent.name for p in SAMPLES.glob("*/case.toml"))
    assert folders == sorted(SAMPLE_IDS)
    assert [p.parent.name for p in dev_script().sample_cases()] == folders
    assert "luton-csc-young-person" in folders


@pytest.mark.parametrize("sample", SAMPLE_IDS)
def test_sample_dates_give_every_contract_id(sample: str) -> None:
    procedure = SAMPLE_PROCEDURE[sample]
    code, output = invoke("dates", str(SAMPLES / sample / "case.toml"), "--json", "--as-of", "2026-11-24")
    assert code == 0, output
    data = json.loads(output)
    assert data["procedure"] == procedure
    assert [d["id"] for d in data["deadlines"]] == CONTRACT[procedure]
    # A complete sample dates every deadline.
    assert all(d["date"] for d in data["deadlines"]), [d["id"] for d in data["deadlines"] if not d["date"]]


@pytest.mark.parametrize("procedure", SAMPLE_IDS)
def test_sample_checks_clean(procedure: str) -> None:
    code, output = invoke("check", str(SAMPLES / procedure / "case.toml"), "--as-of", "2026-11-24")
    assert code == 0, output
    warnings = [line for line in output.splitlines() if line.startswith("warning:")]
    if procedure == "durham-cpc":
        # The Durham sample records one late action on purpose: papers sent Mon 4 Jan 2027 for a panel
        # whose papers were due Thu 31 Dec 2026.
        assert len(warnings) == 1 and "panel_papers_send_by" in warnings[0]
    else:
        assert warnings == []


SIXTH = """\
schema = 1
id = "example-county"
name = "Example County: complaints about child protection conferences"
owner = "Example County Safeguarding Partnership"
meeting = "child protection conference"
meeting_chair = "Conference Chair"

[[deadlines]]
id = "acknowledgement_due"
what = "Acknowledge the complaint"
party = "authority"
from = "complaint.received"
working_days = 2
source = "Example procedure 4.1"
met_by = "complaint.acknowledged"

[[deadlines]]
id = "panel_papers_send_by"
what = "Send the panel its papers"
party = "authority"
from = "panel.date"
before = true
days = 7
source = "Example procedure 6.2"
met_by = "panel.papers_sent"

[[sections]]
id = "minutes"
title = "Conference minutes"
"""


def test_a_sixth_procedure_is_a_data_file(make_case: Callable[..., Path]) -> None:
    text = minimal_case("luton-csc", "[panel]\ndate = 2027-01-08\n").replace('"luton-csc"', '"procedures/example.toml"')
    path = make_case(text, procedures__example__toml=SIXTH)
    code, output = invoke("dates", str(path), "--json", "--as-of", "2026-11-24")
    assert code == 0, output
    dates = {d["id"]: d["date"] for d in json.loads(output)["deadlines"]}
    # Fri 20 Nov 2026 + 2 WD = Tue 24 Nov. Fri 8 Jan 2027 - 7 days = Fri 1 Jan (New Year's Day): earlier,
    # to Thu 31 Dec 2026.
    assert dates == {"acknowledgement_due": "2026-11-24", "panel_papers_send_by": "2026-12-31"}
