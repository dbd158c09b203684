"""Every right, offer, step and copy a letter states comes from its own procedure: read back out of
each sample letter, PDF (pypdf) and DOCX (python-docx), present where the procedure gives it and
absent where it does not. The seed paragraph behind each fact is named beside it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

from .conftest import (
    PROCEDURE_IDS,
    SAMPLE_IDS,
    SAMPLE_PROCEDURE,
    SAMPLES,
    LettersRendered,
    letters_body_words,
    letters_pdf_text,
    letters_words,
)

CHILD_ADVOCATE = "Children and young people who make a complaint have the right to an advocate, free of charge."
# The same right, told to a child who is the complainant (5.2; Children Act 1989 s26A).
OWN_ADVOCATE = (
    "Because you are a child or young person making a complaint, you have the right to an advocate, free of charge."
)
QUESTION = "each of you may also ask questions of the other"
JUDICIAL = "judicial review"
JR_LIMIT = "A claim must be made promptly, and in any event within three months of the grounds for it arising."
JR_ADVICE = "You should get independent legal advice quickly"
OMBUDSMAN = "Local Government and Social Care Ombudsman"
LAST = "This is the last stage of our complaints procedure."
STANDS = "The panel cannot itself change the decision of the"

# (procedure, kind) -> (must appear, must not appear), in both formats.
FACTS: dict[tuple[str, str], tuple[list[str], list[str]]] = {
    # Hertfordshire LADO (seed 000).
    ("herts-lado", "acknowledgement"): (
        [
            # "will initially write to confirm whether the complaint falls within these procedures"
            'It falls within our procedure "Complaints about Designated Officer (LADO) strategy meetings"',
            "You may have a supporter or advocate to help you.",  # "At all stages ... a supporter/advocate"
            "cannot itself change the decision of the strategy meeting. That decision stands",
            "We will send you a written response by Monday 26 October 2026.",  # "within ten working days"
        ],
        [CHILD_ADVOCATE],  # not a Children Act 1989 s26 complaint
    ),
    ("herts-lado", "stage1-response"): (
        [
            # "write to the Children's Services Complaints Manager setting out the specific grounds"
            "Please write to the Children's Services Complaints Manager and set out the specific grounds",
            "within 10 working days, unless a delay is authorised",  # "unless delay is authorised"
            # "ask the Service Manager (Child Protection) to consider whether the case should proceed to a
            # Complaints Panel"
            "ask the Service Manager (Child Protection) to consider whether your complaint should go to a Complaints "
            "Panel",
            "The Complaints Panel is the last stage of this complaints procedure.",
        ],
        [CHILD_ADVOCATE],
    ),
    ("herts-lado", "panel-invitation"): (
        [
            "You may bring a supporter or advocate.",  # "together with a supporter/advocate"
            QUESTION,  # "each party may ask questions of the other party"
            "Tuesday 12 January 2027",  # further papers: authority default, before the papers go out
        ],
        [CHILD_ADVOCATE, "Friday 15 January 2027"],
    ),
    ("herts-lado", "decision"): (
        [STANDS + " strategy meeting", OMBUDSMAN, JUDICIAL, JR_LIMIT, JR_ADVICE, LAST],  # last paragraph of the seed
        ["has not yet reached its decision"],
    ),
    # Hertfordshire CPC (seed 003).
    ("herts-cpc", "acknowledgement"): (
        [
            'It falls within our procedure "Complaints about Child Protection Conferences (Hertfordshire)"',
            "You may have a supporter or advocate to help you.",
        ],
        [CHILD_ADVOCATE],
    ),
    ("herts-cpc", "stage1-response"): (
        [
            "Please write to the Children's Services Complaints Manager and set out the specific grounds",
            "ask the Head of Child Protection to consider whether your complaint should go to a Complaints Panel",
            "The Complaints Panel is the last stage of this complaints procedure.",
        ],
        [CHILD_ADVOCATE],
    ),
    ("herts-cpc", "panel-invitation"): (["You may bring a supporter or advocate.", QUESTION], [CHILD_ADVOCATE]),
    # The Panel adjourned for more information: not decided, why, when it meets again; no route out yet.
    ("herts-cpc", "decision"): (
        [
            "The panel has not yet reached its decision.",
            "The panel will meet again on Thursday 4 March 2027.",
            "neither record was in the papers",
            STANDS + " child protection conference",
        ],
        [OMBUDSMAN, "Ombudsman", JUDICIAL, LAST, "This letter tells you what the panel decided"],
    ),
    # Sussex (seed 001).
    ("sussex-cpc", "acknowledgement"): (
        [
            "You may have a supporter (a friend or relative) to help you.",  # 7.1.9
            "We will offer you a meeting to talk about your complaint by Tuesday 3 November 2026.",  # 7.1.9
            "A colleague will come to the meeting to take notes.",  # 7.1.10
        ],
        [CHILD_ADVOCATE, "falls within our procedure"],
    ),
    ("sussex-cpc", "stage1-response"): (
        [
            "With this letter I enclose: the notes of our meeting",  # 7.1.11
            "Please write to the Children's Social Care complaints manager and explain why",  # 7.1.13
            "You need to do this by Monday 14 December 2026.",  # 7.1.13
            "Stage 2 is the last stage of this complaints procedure.",  # 7.1.26
        ],
        [CHILD_ADVOCATE],
    ),
    ("sussex-cpc", "panel-invitation"): (
        ["give your views in writing", "Tuesday 8 December 2026"],  # 7.1.19 "directly or in writing"
        [QUESTION, CHILD_ADVOCATE, "Friday 11 December 2026"],
    ),
    ("sussex-cpc", "decision"): (
        [
            "whether the same panel can meet again",  # 7.1.28
            STANDS + " child protection conference",  # 7.1.2
            OMBUDSMAN,
            JUDICIAL,  # 7.1.27
            JR_LIMIT,
            JR_ADVICE,
        ],
        [LAST],  # after a reconvened conference the same panel may meet again (7.1.28)
    ),
    # Luton (seed 002).
    ("luton-csc", "acknowledgement"): (
        [
            CHILD_ADVOCATE,  # 5.2; Children Act 1989 s26A
            "You may have an advocate or a friend to help you.",  # 13.4
            "We will send you a written response by Monday 28 September 2026.",  # 13.2
            "we may need up to 10 more working days",  # 13.9
        ],
        ["cannot itself change the decision"],
    ),
    ("luton-csc", "stage1-response"): (
        [
            CHILD_ADVOCATE,
            "ask for Stage 2",
            "Please write to the Complaints team",  # 13.10
            "You need to do this by Friday 23 October 2026.",  # summary: 20 working days
            "ask for Stage 3, where a Review Panel will consider your complaint",  # 14.8
            "within 20 working days of receiving the Stage 2 response",  # 14.8
            "Stage 3 is the last stage of our complaints procedure.",
        ],
        [],
    ),
    ("luton-csc", "panel-invitation"): (
        [
            "You may bring one person to act as your advocate and one support person of your choice.",  # 18.8
            "It will not investigate your complaint again.",  # 19.2
            "Everyone attending the panel will get copies of all the papers it will consider.",  # 18.6
            "the panel will consider your complaint only if you agree in writing",  # 19.8
            "Monday 4 January 2027",  # 18.6: 10 days before the panel
        ],
        [QUESTION, "Tuesday 16 February 2027"],  # the Director's answer came after this letter
    ),
    ("luton-csc", "decision"): (
        [
            "you have the right to contact the Ombudsman or to seek advice",  # 20.9
            OMBUDSMAN,
            LAST,
        ],
        [JUDICIAL],  # the procedure names the Ombudsman only
    ),
    # Luton, a young person's own complaint (seed 002): the right is told to her, with her advocate.
    ("luton-csc-young-person", "acknowledgement"): (
        [OWN_ADVOCATE, "We have noted that Ms Hannah Price is your advocate."],
        [CHILD_ADVOCATE, "If Maya Okoro wants to make a complaint"],
    ),
    ("luton-csc-young-person", "stage1-response"): (
        [OWN_ADVOCATE, "You need to do this by Tuesday 3 November 2026."],
        [CHILD_ADVOCATE, "If Maya Okoro wants to make a complaint"],
    ),
    # Durham (seed 004).
    ("durham-cpc", "acknowledgement"): (
        [
            "You may have an advocate (someone who can speak for you) or a friend to help you.",
            "We will offer you an appointment to try to resolve your concerns by Monday 9 November 2026.",
        ],
        [CHILD_ADVOCATE],
    ),
    ("durham-cpc", "stage1-response"): (
        [
            "move to Stage 2, a Complaint Resolution meeting",
            "You need to do this by Monday 23 November 2026.",  # within 28 days of making us aware
            "move to Stage 3, where an independent panel will hear your appeal",
            "within 28 days of our letter after the Stage 2 meeting",
            "Stage 3 is the last stage of this process.",
        ],
        [CHILD_ADVOCATE],
    ),
    ("durham-cpc", "panel-invitation"): (
        ["Wednesday 23 December 2026", "by a majority"],
        [QUESTION, "Thursday 31 December 2026"],
    ),
    ("durham-cpc", "decision"): (
        [STANDS + " child protection conference", OMBUDSMAN, JUDICIAL, JR_LIMIT, JR_ADVICE, LAST],
        [],
    ),
}

CASES = sorted(FACTS)


@pytest.fixture(params=CASES, ids=[f"{p}-{k}" for p, k in CASES])
def rendered(
    request: pytest.FixtureRequest, letters_rendered: dict[tuple[str, str], LettersRendered]
) -> LettersRendered:
    return letters_rendered[request.param]


def test_each_fact_present_or_absent_as_the_procedure_gives_it(rendered: LettersRendered) -> None:
    present, absent = FACTS[(rendered.procedure, rendered.kind)]
    for fmt, text in (
        ("pdf", rendered.pdf_body),
        ("docx", rendered.docx_body),
    ):  # a sentence may run onto the next page
        words = letters_body_words(text)
        for fact in present:
            assert letters_words(fact) in words, (fmt, fact)
        for fact in absent:
            assert letters_words(fact) not in words, (fmt, fact)


def test_only_the_statutory_procedure_offers_a_child_an_advocate() -> None:
    from casepost.procedures import load_procedure

    assert {p for p in PROCEDURE_IDS if load_procedure(p).rights.child_advocate} == {"luton-csc"}  # type: ignore[union-attr]
    assert {p for p in PROCEDURE_IDS if load_procedure(p).rights.question_each_other} == {"herts-lado", "herts-cpc"}  # type: ignore[union-attr]


@pytest.mark.parametrize("sample", SAMPLE_IDS)
def test_further_papers_are_due_before_the_papers_go_out(sample: str) -> None:
    procedure = SAMPLE_PROCEDURE[sample]
    result = CliRunner().invoke(main, ["dates", str(SAMPLES / sample / "case.toml"), "--json"])
    assert result.exit_code == 0, result.output
    deadlines = {d["id"]: d for d in json.loads(result.stdout)["deadlines"]}
    further, papers = deadlines["panel_additional_papers_due"], deadlines["panel_papers_send_by"]
    assert further["date"] < papers["date"]
    assert further["party"] == "complainant"
    if procedure == "luton-csc":
        assert "18.6" in further["source"]
    else:
        assert further["source"] == "authority default"


def test_an_adjourned_panel_without_a_new_date(tmp_path: Path) -> None:
    # Durham's panel may "decide they don't have enough information ... and rearrange the panel".
    folder = tmp_path / "durham"
    shutil.copytree(SAMPLES / "durham-cpc", folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    case = folder / "case.toml"
    case.write_text(
        case.read_text().replace(
            'outcomes = ["procedures-not-followed", "decision-supported", "learning"]',
            'outcomes = ["insufficient-information"]',
        )
    )
    result = CliRunner().invoke(main, ["letter", "decision", str(case), "-o", str(folder / "o")])
    assert result.exit_code == 0, result.output
    text = letters_words(letters_pdf_text(next((folder / "o").glob("*.pdf")).read_bytes()))
    assert "Complaint resolution and appeal panel: the panel will meet again" in text
    assert "The panel has not yet reached its decision." in text
    assert "We will write to you with the date the panel will meet again." in text
    for absent in ("Ombudsman", "judicial review", "last stage"):
        assert absent not in text


def test_the_herts_acknowledgement_needs_to_know_whether_the_complaint_is_within(tmp_path: Path) -> None:
    folder = tmp_path / "lado"
    shutil.copytree(SAMPLES / "herts-lado", folder, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    case = folder / "case.toml"
    case.write_text(re.sub(r"(?m)^within_procedure = .*\n", "", case.read_text()))
    result = CliRunner().invoke(main, ["letter", "acknowledgement", str(case), "-o", str(folder / "o")])
    assert result.exit_code == 1 and "complaint.within_procedure" in result.stderr
    # Outside the procedure: it says so, and the seed's copies (sent only once accepted) go to no one.
    case.write_text(case.read_text().replace("[complaint]\n", "[complaint]\nwithin_procedure = false\n", 1))
    result = CliRunner().invoke(main, ["letter", "acknowledgement", str(case), "-o", str(folder / "o")])
    assert result.exit_code == 0, result.output
    text = letters_words(letters_pdf_text(next((folder / "o").glob("*.pdf")).read_bytes()))
    assert "It does not fall within our procedure" in text
    assert "Copies to:" not in text and "We will send you a written response" not in text
