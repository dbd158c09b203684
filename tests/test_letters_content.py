"""What every letter of every procedure says, read back out of the PDF (pypdf) and the DOCX
(python-docx): reference, names, each computed date, outcomes, copies, the Ombudsman paragraph.

Each sample letter is dated the day its sample case records it as sent. The dates below are
worked out by hand from procedures.md's rules and the 2026-27 England bank holidays
(Christmas Day Fri 25 Dec 2026, Boxing Day substitute Mon 28 Dec, New Year's Day Fri 1 Jan 2027).
"""

from __future__ import annotations

import re

import pytest

from casepost.loaded import open_case

from .conftest import SAMPLE_IDS, SAMPLE_PROCEDURE, LettersRendered, letters_body_words, letters_words

KINDS = ["acknowledgement", "stage1-response", "panel-invitation", "decision"]

# (sample, kind) -> (letter date, dates the letter must state), all worked by hand.
EXPECTED: dict[tuple[str, str], tuple[str, list[str]]] = {
    # herts-lado. Received Mon 12 Oct 2026; the Stage 1 response is due 10 WD later:
    # Tue 13 .. Fri 16 (4), Mon 19 .. Fri 23 (9), Mon 26 Oct (10).
    ("herts-lado", "acknowledgement"): ("Wednesday 14 October 2026", ["Monday 26 October 2026"]),
    # The seed sets no time limit for writing to the Complaints Manager: no date to state.
    ("herts-lado", "stage1-response"): ("Friday 23 October 2026", []),
    # Panel Thu 21 Jan 2027. Further papers (authority default, 7 WD before): Wed 20, Tue 19, Mon 18,
    # Fri 15, Thu 14, Wed 13, Tue 12 Jan, before the papers go out (Fri 15 Jan).
    # Record of the panel: + 5 WD = Fri 22 (1), Mon 25 (2), Tue 26 (3), Wed 27 (4), Thu 28 Jan (5).
    ("herts-lado", "panel-invitation"): (
        "Friday 18 December 2026",
        ["Thursday 21 January 2027", "10am", "Tuesday 12 January 2027", "Thursday 28 January 2027"],
    ),
    ("herts-lado", "decision"): ("Wednesday 27 January 2027", ["Thursday 21 January 2027"]),
    # herts-cpc. Received Mon 19 Oct 2026 + 10 WD: Tue 20 .. Fri 23 (4), Mon 26 .. Fri 30 (9), Mon 2 Nov (10).
    ("herts-cpc", "acknowledgement"): ("Wednesday 21 October 2026", ["Monday 2 November 2026"]),
    ("herts-cpc", "stage1-response"): ("Friday 30 October 2026", []),
    # Panel Thu 4 Feb 2027 at 10:30. Further papers 7 WD before: Wed 3, Tue 2, Mon 1, Fri 29, Thu 28,
    # Wed 27, Tue 26 Jan (papers go out Fri 29 Jan: 4 Feb - 5 = Sat 30 Jan, moved earlier).
    # Record: Fri 5 (1), Mon 8 (2), Tue 9 (3), Wed 10 (4), Thu 11 Feb (5).
    ("herts-cpc", "panel-invitation"): (
        "Thursday 14 January 2027",
        ["Thursday 4 February 2027", "10.30am", "Tuesday 26 January 2027", "Thursday 11 February 2027"],
    ),
    # Not enough information: the further hearing the case records.
    ("herts-cpc", "decision"): ("Wednesday 10 February 2027", ["Thursday 4 February 2027", "Thursday 4 March 2027"]),
    # sussex-cpc. Received Tue 20 Oct 2026; meeting within 10 WD: Wed 21 .. Fri 23 (3),
    # Mon 26 .. Fri 30 (8), Mon 2 (9), Tue 3 Nov (10). On 21 October the meeting (held 30 Oct) had
    # not happened, so the written response is counted from its latest date, Tue 3 Nov + 10 WD:
    # Wed 4 .. Fri 6 (3), Mon 9 .. Fri 13 (8), Mon 16 (9), Tue 17 Nov (10), "at the latest".
    ("sussex-cpc", "acknowledgement"): (
        "Wednesday 21 October 2026",
        ["Tuesday 3 November 2026", "Tuesday 17 November 2026 at the latest"],
    ),
    # Stage 1 letter posted Thu 12 Nov: deemed received on the 2nd WD after posting, Mon 16 Nov.
    # + 20 WD: Tue 17 .. Fri 20 (4), 23-27 (9), 30 Nov - 4 Dec (14), 7-11 Dec (19), Mon 14 Dec (20).
    ("sussex-cpc", "stage1-response"): ("Thursday 12 November 2026", ["Monday 14 December 2026"]),
    # Panel Thu 17 Dec 2026 at 14:00. Papers: 17 Dec - 5 = Sat 12 Dec -> Fri 11 Dec.
    # Decision within 10 WD: Fri 18 (1), Mon 21 (2), Tue 22 (3), Wed 23 (4); Thu 24 Dec is the
    # council's closure day, 25 and 28 Dec bank holidays; Tue 29 (5), Wed 30 (6), Thu 31 (7);
    # Fri 1 Jan a bank holiday; Mon 4 (8), Tue 5 (9), Wed 6 Jan 2027 (10).
    ("sussex-cpc", "panel-invitation"): (
        "Tuesday 1 December 2026",
        ["Thursday 17 December 2026", "2pm", "Tuesday 8 December 2026", "Wednesday 6 January 2027"],
    ),
    ("sussex-cpc", "decision"): ("Tuesday 5 January 2027", ["Thursday 17 December 2026"]),
    # luton-csc. Received Mon 7 Sep 2026 + 15 WD: Tue 8 .. Fri 11 (4), 14-18 (9), 21-25 (14), Mon 28 Sep (15).
    ("luton-csc", "acknowledgement"): ("Wednesday 9 September 2026", ["Monday 28 September 2026"]),
    # Stage 1 response emailed Fri 25 Sep (by email, received that day) + 20 WD:
    # 28 Sep - 2 Oct (5), 5-9 (10), 12-16 (15), 19-23 Oct (20).
    ("luton-csc", "stage1-response"): ("Friday 25 September 2026", ["Friday 23 October 2026"]),
    # Panel Wed 13 Jan 2027 at 10:00. Additional papers: 13 Jan - 10 days = Sun 3 Jan, a
    # complainant's deadline, so moved later to Mon 4 Jan. Recommendations within 5 WD:
    # Thu 14 (1), Fri 15 (2), Mon 18 (3), Tue 19 (4), Wed 20 Jan (5). On 15 December nobody knew
    # whether the Director would agree (15 or 20 WD), so the invitation gives no date for the reply.
    ("luton-csc", "panel-invitation"): (
        "Tuesday 15 December 2026",
        [
            "Wednesday 13 January 2027",
            "10am",
            "Monday 4 January 2027",
            "Wednesday 20 January 2027",
        ],
    ),
    ("luton-csc", "decision"): ("Friday 12 February 2027", ["Wednesday 13 January 2027", "Tuesday 19 January 2027"]),
    # luton-csc-young-person (the complainant is the child). Received Mon 14 Sep 2026 + 15 WD:
    # Tue 15 .. Fri 18 (4), 21-25 (9), 28 Sep - 2 Oct (14), Mon 5 Oct (15).
    ("luton-csc-young-person", "acknowledgement"): ("Wednesday 16 September 2026", ["Monday 5 October 2026"]),
    # Stage 1 response posted Fri 2 Oct: deemed received on the 2nd WD after posting, Mon 5 (1),
    # Tue 6 Oct (2). + 20 WD: Wed 7 .. Fri 9 (3), 12-16 (8), 19-23 (13), 26-30 (18), Mon 2 (19), Tue 3 Nov (20).
    ("luton-csc-young-person", "stage1-response"): ("Friday 2 October 2026", ["Tuesday 3 November 2026"]),
    # Panel Wed 20 Jan 2027 at 16:00. Additional papers: 20 Jan - 10 days = Sun 10 Jan, a
    # complainant's deadline, so moved later to Mon 11 Jan. Recommendations within 5 WD:
    # Thu 21 (1), Fri 22 (2), Mon 25 (3), Tue 26 (4), Wed 27 Jan (5).
    ("luton-csc-young-person", "panel-invitation"): (
        "Tuesday 5 January 2027",
        ["Wednesday 20 January 2027", "4pm", "Monday 11 January 2027", "Wednesday 27 January 2027"],
    ),
    ("luton-csc-young-person", "decision"): (
        "Friday 12 February 2027",
        ["Wednesday 20 January 2027", "Tuesday 26 January 2027"],
    ),
    # durham-cpc. Received Mon 26 Oct 2026; appointment within 10 WD: Tue 27 .. Fri 30 (4),
    # Mon 2 .. Fri 6 Nov (9), Mon 9 Nov (10).
    ("durham-cpc", "acknowledgement"): ("Wednesday 28 October 2026", ["Monday 9 November 2026"]),
    # Stage 2 within 28 days of making us aware: 26 Oct + 28 days = Mon 23 Nov 2026 (a working day).
    ("durham-cpc", "stage1-response"): ("Tuesday 10 November 2026", ["Monday 23 November 2026"]),
    # Panel Wed 6 Jan 2027 at 13:30. Further papers 7 WD before: Tue 5, Mon 4, (Fri 1 Jan out),
    # Thu 31, Wed 30, Tue 29, (Mon 28, Fri 25 out), Thu 24, Wed 23 Dec; the papers go out Thu 31 Dec.
    # Decision within 5 WD: Thu 7 (1), Fri 8 (2), Mon 11 (3), Tue 12 (4), Wed 13 Jan (5).
    ("durham-cpc", "panel-invitation"): (
        "Wednesday 16 December 2026",
        ["Wednesday 6 January 2027", "1.30pm", "Wednesday 23 December 2026", "Wednesday 13 January 2027"],
    ),
    ("durham-cpc", "decision"): ("Tuesday 12 January 2027", ["Wednesday 6 January 2027"]),
}

CASES = [(p, k) for p in SAMPLE_IDS for k in KINDS]


@pytest.fixture(params=CASES, ids=[f"{p}-{k}" for p, k in CASES])
def rendered(
    request: pytest.FixtureRequest, letters_rendered: dict[tuple[str, str], LettersRendered]
) -> LettersRendered:
    return letters_rendered[request.param]


def both(rendered: LettersRendered) -> list[tuple[str, str]]:
    return [("pdf", letters_words(rendered.pdf_text)), ("docx", letters_words(rendered.docx_text))]


def both_bodies(rendered: LettersRendered) -> list[tuple[str, str]]:
    """(format, body words) for the PDF and the DOCX."""
    return [("pdf", letters_body_words(rendered.pdf_body)), ("docx", letters_body_words(rendered.docx_body))]


def test_reference_date_names_and_marking(rendered: LettersRendered) -> None:
    loaded = open_case(rendered.case)
    case = loaded.case
    letter_date, _ = EXPECTED[(rendered.procedure, rendered.kind)]
    spec = loaded.procedure.letters[rendered.kind]
    for fmt, text in both(rendered):
        assert f"Our reference: {case.reference}" in text, fmt
        assert f"Date: {letter_date}" in text, fmt
        assert case.complainant.name in text, fmt
        assert (case.complainant.salutation or f"Dear {case.complainant.name}") in text, fmt
        title = spec.adjourned_title if (rendered.procedure, rendered.kind) == ("herts-cpc", "decision") else spec.title
        assert letters_words(title) in text, fmt
        assert "Yours sincerely" in text, fmt
        assert text.count("OFFICIAL-SENSITIVE") >= 2, fmt  # top and bottom of every page
        if case.complainant.delivery == "post":
            assert case.complainant.address[-1] in text, fmt  # the postcode, in the window
        else:
            assert case.complainant.email in text, fmt
    assert re.search(r"Page 1 of \d", rendered.pdf_text)


def test_each_computed_date(rendered: LettersRendered) -> None:
    _, dates = EXPECTED[(rendered.procedure, rendered.kind)]
    for fmt, text in both(rendered):
        for expected in dates:
            assert expected in text, (fmt, expected)


# Who each sample letter is copied to: people the case names, a role alone only where it names no
# one, and a copy that depends on the case (within the procedure, an outcome) only where it applies.
COPIES: dict[tuple[str, str], list[str]] = {
    ("herts-lado", "acknowledgement"): [  # the complaint is within the procedure: the seed's copy list
        "Karen Lister, Designated Officer (LADO)",
        "David Okonjo, Team Manager, LADO Service",
        "Beverley Stannard, Service Manager (Child Protection)",
        "Tom Breckon, Social Worker, Family Safeguarding Team",
        "Nadia Ferreira, Team Manager, Family Safeguarding Team",
    ],
    ("herts-lado", "stage1-response"): [
        "Joanna Pemberton, Children's Services Complaints Manager",
        "David Okonjo, Team Manager, LADO Service",
    ],
    ("herts-lado", "panel-invitation"): ["Karen Lister, Designated Officer (LADO)", "Ms Jenny Abbott, supporter"],
    ("herts-lado", "decision"): [  # practice recommendations were made: the HSCP Chair, by name
        "DC Sarah Quinlan, Police Investigating Officer, Child Abuse Investigation Unit",
        "Tom Breckon, Social Worker, Family Safeguarding Team",
        "Karen Lister, Designated Officer (LADO), who will send it to everyone who received the strategy meeting "
        "minutes",
        "Professor Alan Whitcombe, Independent Chair, Hertfordshire Safeguarding Children Partnership",
        "Ms Jenny Abbott, supporter",
    ],
    ("herts-cpc", "acknowledgement"): [
        "Sunita Rai, Child Protection Conference Chair",
        "Andrew Kellaway, Head of Child Protection",
        "Chloe Mensah, Lead Social Worker, Family Safeguarding Team",
    ],
    ("herts-cpc", "stage1-response"): [
        "Joanna Pemberton, Children's Services Complaints Manager",
        "Marcus Hale, Child Protection Conference Chair Team Manager",
        "Mr Owen Pritchard, Compass Family Advocacy",
    ],
    ("herts-cpc", "panel-invitation"): [
        "Sunita Rai, Child Protection Conference Chair",
        "Mr Owen Pritchard, Compass Family Advocacy",
    ],
    ("herts-cpc", "decision"): [  # the investigating officer is the social worker here: named once
        "Chloe Mensah, Lead Social Worker, Family Safeguarding Team",
        "Sunita Rai, Child Protection Conference Chair, who will send it to everyone who received the conference "
        "minutes",
        "Professor Alan Whitcombe, Independent Chair, Hertfordshire Safeguarding Children Partnership",
        "Mr Owen Pritchard, Compass Family Advocacy",
    ],
    ("sussex-cpc", "acknowledgement"): [  # 7.1.7; the case names none of the professionals
        "Nadia Rahman, Head of Safeguarding (senior child protection manager)",
        "Fiona Marsh, Children's Social Care Complaints Manager",
        "the professionals who attended the conference",
    ],
    ("sussex-cpc", "stage1-response"): ["Fiona Marsh, Children's Social Care Complaints Manager"],  # 7.1.12
    ("sussex-cpc", "panel-invitation"): [
        "Graham Ellery, Child Protection Conference Chair",
        "Nadia Rahman, Head of Safeguarding (senior child protection manager)",
    ],
    ("sussex-cpc", "decision"): [
        "Graham Ellery, Child Protection Conference Chair",
        "Nadia Rahman, Head of Safeguarding (senior child protection manager)",
        "Fiona Marsh, Children's Social Care Complaints Manager",
        "Lucy Tranter, Social Worker",
    ],
    ("luton-csc", "acknowledgement"): [],
    ("luton-csc", "stage1-response"): ["the Complaints and Information Governance Team"],
    ("luton-csc", "panel-invitation"): [
        "Rebecca Lowe, Head of Service, Permanence (Adjudicating Officer)",
        "Owen Bradshaw, Service Manager, Special Guardianship Support",
        "Martin Olsen, Investigating Officer (Stage 2)",
        "Dr Grace Whitfield, Independent Person (Stage 2)",
    ],
    ("luton-csc", "decision"): [  # 20.5: the panel's chair and members by name, every party
        "Mr Derek Onuoha, Independent Chair",
        "Ms Margaret Sillitoe, Independent panel member",
        "Mr Arjun Mehta, Independent panel member",
        "Dr Grace Whitfield, Independent Person (Stage 2)",
        "Rebecca Lowe, Head of Service, Permanence (Adjudicating Officer)",
        "Martin Olsen, Investigating Officer (Stage 2)",
        "Imran Chaudhry, Complaints and Information Compliance Manager",
        "Mr Samuel Adeyemi, supporter",
        "Owen Bradshaw, Service Manager",
    ],
    # The child's advocate gets a copy of every letter (the case's copies_to).
    ("luton-csc-young-person", "acknowledgement"): ["Ms Hannah Price, advocate (Brightside Advocacy)"],
    ("luton-csc-young-person", "stage1-response"): [
        "the Complaints and Information Governance Team",
        "Ms Hannah Price, advocate (Brightside Advocacy)",
    ],
    ("luton-csc-young-person", "panel-invitation"): [
        "Sarah Whitlam, Head of Service, Children in Care (Adjudicating Officer)",
        "Gareth Lyle, Service Manager, Children in Care",
        "Elaine Brookes, Investigating Officer (Stage 2)",
        "Mr Femi Adebayo, Independent Person (Stage 2)",
        "Ms Hannah Price, advocate (Brightside Advocacy)",
    ],
    ("luton-csc-young-person", "decision"): [
        "Ms Joy Ekwueme, Independent Chair",
        "Mr Peter Langley, Independent panel member",
        "Ms Ruth Sandoval, Independent panel member",
        "Mr Femi Adebayo, Independent Person (Stage 2)",
        "Sarah Whitlam, Head of Service, Children in Care (Adjudicating Officer)",
        "Elaine Brookes, Investigating Officer (Stage 2)",
        "Imran Chaudhry, Complaints and Information Compliance Manager",
        "Ms Hannah Price, advocate (Brightside Advocacy)",
        "Gareth Lyle, Service Manager",
    ],
    ("durham-cpc", "acknowledgement"): [],
    ("durham-cpc", "stage1-response"): ["Ms Beth Lowther, Wearside Parent Advocacy"],
    ("durham-cpc", "panel-invitation"): [
        "Alison Heslop, Independent Reviewing Officer and Conference Chair",
        "Ms Beth Lowther, Wearside Parent Advocacy",
    ],
    ("durham-cpc", "decision"): [
        "Alison Heslop, Independent Reviewing Officer and Conference Chair",
        "Amy Wardle, Social Worker, Families First Team",
        "Ms Beth Lowther, Wearside Parent Advocacy",
    ],
}


def test_signatory_and_copies(rendered: LettersRendered) -> None:
    copies = COPIES[(rendered.procedure, rendered.kind)]
    for fmt, text in both(rendered):
        tail = text[text.index("Copies to:") :] if "Copies to:" in text else ""
        for copy in copies:
            assert letters_words(copy) in tail, (fmt, copy)
        assert bool(tail) == bool(copies), fmt
        # Never a condition left for the reader, never a role the case could have named.
        for phrase in ("where the Panel", "to which the panel", "the investigating officer", "the HSCP Chair,"):
            assert phrase not in tail, (fmt, phrase)


def test_herts_lado_signatories(letters_rendered: dict[tuple[str, str], LettersRendered]) -> None:
    # The Complaints Manager acknowledges, the Designated Officer answers at Stage 1 (settings),
    # and the case's own Panel Chair signs the invitation and the decision.
    signs = {
        "acknowledgement": "Joanna Pemberton",
        "stage1-response": "Karen Lister",
        "panel-invitation": "Dr Michael Ashdown",
        "decision": "Dr Michael Ashdown",
    }
    for kind, name in signs.items():
        text = letters_words(letters_rendered[("herts-lado", kind)].pdf_text)
        assert re.search(rf"Yours sincerely {re.escape(name)}", text), kind


def test_what_each_kind_says(rendered: LettersRendered) -> None:
    loaded = open_case(rendered.case)
    case, procedure = loaded.case, loaded.procedure
    for fmt, text in both(rendered):
        if rendered.kind == "acknowledgement":
            assert "which we received on" in text
            assert "As we understand it, your complaint is this" in text
            assert letters_words(procedure.name) in text
            assert letters_words(f"You may have {procedure.rights.bring} to help you") in text, fmt
            assert ("advocate, free of charge" in text) == procedure.rights.child_advocate, fmt
            assert ("cannot itself change the decision" in text) == procedure.decision_stands, fmt
        if rendered.kind == "stage1-response":
            for point in case.complaint.points:
                assert letters_words(point.summary) in text
                assert f"Outcome: {point.outcome}." in text
                for action in point.actions:
                    assert letters_words(action) in text
            assert "If you are not satisfied" in text
        if rendered.kind == "panel-invitation":
            for member in case.panel.members:
                assert member.name in text
            for attendee in case.panel.attendees:
                assert attendee.name in text
            assert letters_words(case.panel.venue) in text
            for section in procedure.sections:
                if section.id != "other":
                    assert letters_words(section.title) in text
            assert "How the meeting will run" in text and "anything would make it easier for you" in text
        if rendered.kind == "decision":
            for member in case.panel.members:
                assert member.name in text
            outcomes = {o.id: o.text for o in procedure.outcomes}
            for chosen in case.decision.outcomes:
                assert letters_words(outcomes[chosen]) in text, (fmt, chosen)
            assert letters_words(case.decision.reasons)[:200] in text
            for recommendation in case.decision.recommendations:
                assert letters_words(recommendation) in text


def test_decision_letters_carry_the_ombudsman_paragraph(rendered: LettersRendered) -> None:
    procedure = open_case(rendered.case).procedure
    for fmt, text in both_bodies(rendered):  # a sentence may run onto the next page
        assert "Local Government Ombudsman" not in text, fmt  # the pre-2017 name, never
        if rendered.kind != "decision":
            continue
        if (rendered.procedure, rendered.kind) == ("herts-cpc", "decision"):  # adjourned: not decided yet
            assert "Ombudsman" not in text and "judicial review" not in text, fmt
            continue
        assert "Local Government and Social Care Ombudsman" in text, fmt
        assert "www.lgo.org.uk" in text and "0300 061 0614" in text, fmt
        assert "up to 12 months" in text and "not from the date of this letter" in text, fmt
        assert "a copy of this letter and of our earlier responses" in text, fmt
        assert ("judicial review" in text) == procedure.judicial_review, fmt


def test_luton_decision_is_the_directors_response(letters_rendered: dict[tuple[str, str], LettersRendered]) -> None:
    text = letters_words(letters_rendered[("luton-csc", "decision")].pdf_text)
    assert "This letter is the council's response to them. I decided it together with the Independent Person" in text
    assert "Jonathan Reeve" in text  # the Director signs (settings)
    assert "judicial review" not in text  # Luton's procedure names the Ombudsman only


def body_words(text: str, title: str) -> list[str]:
    """The words between the subject line and the sign-off of a letter's body text."""
    words = letters_body_words(text)
    start = words.index(letters_words(title)) + len(letters_words(title))
    end = words.index("Yours sincerely", start)
    return words[start:end].split()


def test_pdf_and_docx_carry_the_same_words(rendered: LettersRendered) -> None:
    from casepost.procedures import load_procedure

    spec = load_procedure(SAMPLE_PROCEDURE[rendered.procedure]).letters[rendered.kind]
    title = spec.adjourned_title if (rendered.procedure, rendered.kind) == ("herts-cpc", "decision") else spec.title
    # The body: the running marking, reference and page numbers are artifacts in the PDF and header
    # and footer parts in the DOCX, placed by each format's own pagination, so neither is compared.
    pdf = body_words(rendered.pdf_body, title)
    docx = body_words(rendered.docx_body, title)
    assert pdf == docx
    assert len(pdf) > 80
