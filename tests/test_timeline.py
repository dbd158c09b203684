"""Every deadline id of every procedure, dated by hand around Christmas, New Year, Easter and the
May bank holidays, with the reasoning beside each. "WD" = working days; day 0 is the event's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from casepost.loaded import open_case
from casepost.procedures import load_procedure
from casepost.timeline import Timeline

from .conftest import PROCEDURE_IDS, minimal_case

D = dt.date
AS_OF = D(2026, 11, 24)


def timeline(make_case: Callable[..., Path], text: str, as_of: dt.date = AS_OF) -> Timeline:
    return open_case(make_case(text)).timeline(as_of)


def dates_of(t: Timeline) -> dict[str, dt.date | None]:
    return {e.id: e.date for e in t.entries}


HERTS = """
[complaint]
received = 2026-12-18
[escalation]
received = 2026-12-24
[panel]
date = 2027-03-25
"""

HERTS_EXPECTED = {
    # Fri 18 Dec 2026 + 3 WD (authority default): Mon 21, Tue 22, Wed 23.
    "acknowledgement_due": D(2026, 12, 23),
    # Fri 18 Dec 2026 + 10 WD: 21-24 Dec (4), 29-31 Dec (7), 4-6 Jan (10); 25, 28 Dec and 1 Jan out.
    "stage1_response_due": D(2027, 1, 6),
    # Christmas Eve 2026 + 10 WD: 29, 30, 31 Dec (3), 4-8 Jan (8), 11, 12 Jan (10).
    "manager_response_due": D(2027, 1, 12),
    # Thu 25 Mar 2027 - 10 WD: 24, 23, 22 (3), 19-15 (8), 12, 11 (10).
    "panel_invitation_send_by": D(2027, 3, 11),
    # Thu 25 Mar 2027 - 5 days = Sat 20 Mar: moved earlier to Fri 19 Mar.
    # Further papers, authority default 7 WD before Thu 25 Mar 2027: 24, 23, 22, 19, 18, 17, Tue 16 Mar,
    # before the papers go out (19 Mar).
    "panel_additional_papers_due": D(2027, 3, 16),
    "panel_papers_send_by": D(2027, 3, 19),
    # Thu 25 Mar 2027 + 5 WD: Good Friday 26 and Easter Monday 29 out; 30, 31 Mar, 1, 2, 5 Apr.
    "panel_record_due": D(2027, 4, 5),
}


@pytest.mark.parametrize("procedure", ["herts-lado", "herts-cpc"])
def test_herts(make_case: Callable[..., Path], procedure: str) -> None:
    text = minimal_case(procedure).replace("[complaint]\nreceived = 2026-11-20\n", "") + HERTS
    assert dates_of(timeline(make_case, text)) == HERTS_EXPECTED


HERTS_2027 = """
[complaint]
received = 2027-12-23
[escalation]
received = 2027-12-31
[panel]
date = 2028-01-05
"""

HERTS_2027_EXPECTED = {
    # Thu 23 Dec 2027 + 3 WD: Fri 24 (1); Mon 27 and Tue 28 Dec are the Christmas and Boxing Day
    # substitutes; Wed 29 (2), Thu 30 (3).
    "acknowledgement_due": D(2027, 12, 30),
    # + 10 WD: 24, 29, 30, 31 Dec (4); Mon 3 Jan 2028 is the New Year substitute; 4-7 Jan (8), 10, 11 (10).
    "stage1_response_due": D(2028, 1, 11),
    # Escalation Fri 31 Dec 2027 + 10 WD: 3 Jan out; 4-7 (4), 10-14 (9), Mon 17 Jan (10).
    "manager_response_due": D(2028, 1, 17),
    # Panel Wed 5 Jan 2028 - 10 WD: Tue 4 (1), 3 out, 31, 30, 29 Dec (4), 28 and 27 out, 24-20 (9), Fri 17 (10).
    "panel_invitation_send_by": D(2027, 12, 17),
    # Further papers 7 WD before Wed 5 Jan 2028: Tue 4 (1), Mon 3 out, 31, 30, 29 Dec (4), 28 and 27
    # out, Fri 24 (5), Thu 23 (6), Wed 22 Dec (7).
    "panel_additional_papers_due": D(2027, 12, 22),
    # Wed 5 Jan 2028 - 5 days = Fri 31 Dec 2027, a working day.
    "panel_papers_send_by": D(2027, 12, 31),
    # Wed 5 Jan 2028 + 5 WD: 6, 7, 10, 11, 12 Jan.
    "panel_record_due": D(2028, 1, 12),
}


def test_herts_over_christmas_and_new_year_2027_28(make_case: Callable[..., Path]) -> None:
    text = minimal_case("herts-lado").replace("[complaint]\nreceived = 2026-11-20\n", "") + HERTS_2027
    assert dates_of(timeline(make_case, text)) == HERTS_2027_EXPECTED


def test_herts_authorised_delay_replaces_the_manager_deadline(make_case: Callable[..., Path]) -> None:
    text = minimal_case("herts-lado", "[escalation]\nreceived = 2026-12-24\ndelay_authorised_until = 2027-01-29\n")
    entry = timeline(make_case, text).get("manager_response_due")
    assert entry.date == D(2027, 1, 29)
    assert "Designated Manager" in entry.source


SUSSEX = """
minutes_received = 2026-12-14
[stage1]
meeting = 2027-01-05
response_sent = 2027-01-15
[stage2]
requested = 2027-03-01
[panel]
date = 2027-03-30
"""

SUSSEX_EXPECTED = {
    # Minutes received Mon 14 Dec 2026 + 10 WD: 15-18 (4), 21-24 (8), 29, 30 Dec (10).
    "complaint_window_closes": D(2026, 12, 30),
    # Received Fri 18 Dec 2026 + 3 WD: 21, 22, 23 Dec.
    "acknowledgement_due": D(2026, 12, 23),
    # Fri 18 Dec 2026 + 10 WD = Wed 6 Jan 2027 (as above).
    "stage1_meeting_due": D(2027, 1, 6),
    # Meeting Tue 5 Jan 2027 + 10 WD: 6-8 (3), 11-15 (8), 18, 19 Jan (10).
    "stage1_response_due": D(2027, 1, 19),
    # Stage 1 letter posted Fri 15 Jan 2027, deemed received Tue 19 Jan (Mon 18 = 1, Tue 19 = 2);
    # + 20 WD: 20-22 (3), 25-29 (8), 1-5 Feb (13), 8-12 (18), 15, 16 Feb (20).
    "stage2_request_window_closes": D(2027, 2, 16),
    # Request Mon 1 Mar 2027 + 20 WD: 2-5 (4), 8-12 (9), 15-19 (14), 22-25 (18), Easter out, 30, 31 (20).
    "panel_convene_by": D(2027, 3, 31),
    # Panel Tue 30 Mar 2027 - 10 WD: Easter Monday and Good Friday out; 25-22 (4), 19-15 (9), 12 Mar (10).
    "panel_invitation_send_by": D(2027, 3, 12),
    # Further papers 7 WD before Tue 30 Mar 2027: Easter Monday and Good Friday out; 25-22 (4), 19, 18,
    # Wed 17 Mar (7).
    "panel_additional_papers_due": D(2027, 3, 17),
    # Tue 30 Mar 2027 - 5 days = Thu 25 Mar, a working day.
    "panel_papers_send_by": D(2027, 3, 25),
    # Tue 30 Mar 2027 + 10 WD: 31 Mar, 1, 2 Apr (3), 5-9 Apr (8), 12, 13 Apr (10).
    "panel_decision_due": D(2027, 4, 13),
}


def test_sussex(make_case: Callable[..., Path]) -> None:
    text = minimal_case("sussex-cpc").replace("received = 2026-11-20", "received = 2026-12-18") + SUSSEX
    t = timeline(make_case, text)
    assert dates_of(t) == SUSSEX_EXPECTED
    assert t.get("complaint_window_closes").status == "met"  # received 18 Dec, window to 30 Dec


def test_sussex_stage1_response_is_provisional_from_the_latest_meeting_date(make_case: Callable[..., Path]) -> None:
    # No meeting recorded: counted from the latest meeting date, Wed 6 Jan 2027, + 10 WD:
    # 7, 8 (2), 11-15 (7), 18, 19, 20 Jan (10).
    text = minimal_case("sussex-cpc").replace("received = 2026-11-20", "received = 2026-12-18")
    entry = timeline(make_case, text).get("stage1_response_due")
    assert (entry.date, entry.status) == (D(2027, 1, 20), "provisional")


LUTON = """
grounds_arose = 2025-12-27
[stage1]
extended = true
response_sent = 2026-12-04
[stage2]
requested = 2026-12-24
officer_appointed = 2026-12-30
statement_agreed = 2027-01-11
response_sent = 2027-02-12
[stage3]
requested = 2027-03-11
[panel]
date = 2027-05-05
[decision]
recommendations_sent = 2027-05-21
director_agrees = false
"""

LUTON_EXPECTED = {
    # Grounds arose 27 Dec 2025 + 12 months = Sun 27 Dec 2026; a complainant's limit moves later,
    # past Mon 28 Dec (Boxing Day substitute), to Tue 29 Dec 2026.
    "complaint_time_limit": D(2026, 12, 29),
    # Received Mon 2 Nov 2026 + 3 WD: 3, 4, 5 Nov.
    "acknowledgement_due": D(2026, 11, 5),
    # + 5 WD: 3-6 (4), Mon 9 Nov (5).
    "stage1_meeting_due": D(2026, 11, 9),
    # + 15 WD = Mon 23 Nov; extended (13.9) by 10 more: 24-27 (4), 30 Nov-4 Dec (9), Mon 7 Dec (10).
    "stage1_response_due": D(2026, 12, 7),
    # Stage 1 response emailed Fri 4 Dec 2026 (received that day) + 20 WD: 7-11 (5), 14-18 (10),
    # 21-24 (14), 29-31 (17), 4-6 Jan (20).
    "stage2_request_window_closes": D(2027, 1, 6),
    # Request on Christmas Eve 2026 + 3 WD: 29, 30, 31 Dec.
    "stage2_acknowledgement_due": D(2026, 12, 31),
    # Officer appointed Wed 30 Dec 2026 + 5 WD: 31 Dec (1), 4-7 Jan (5).
    "stage2_meeting_due": D(2027, 1, 7),
    # Statement agreed Mon 11 Jan 2027 + 25 WD: 12-15 (4), 18-22 (9), 25-29 (14), 1-5 Feb (19),
    # 8-12 Feb (24), Mon 15 Feb (25).
    "stage2_response_due": D(2027, 2, 15),
    # Stage 2 response emailed Fri 12 Feb 2027 + 20 WD: 15-19 (5), 22-26 (10), 1-5 Mar (15), 8-12 Mar (20).
    "stage3_request_window_closes": D(2027, 3, 12),
    # Request Thu 11 Mar 2027 + 3 WD: Fri 12, Mon 15, Tue 16 Mar.
    "stage3_acknowledgement_due": D(2027, 3, 16),
    # + 30 WD: 12 (1), 15-19 (6), 22-25 (10), Easter out, 30 Mar-2 Apr (14), 5-9 (19), 12-16 (24),
    # 19-23 (29), Mon 26 Apr (30).
    "panel_convene_by": D(2027, 4, 26),
    # Panel Wed 5 May 2027 - 10 WD: Tue 4 (1), Mon 3 May bank holiday out, 30-26 Apr (6), 23-20 (10).
    "panel_invitation_send_by": D(2027, 4, 20),
    # Wed 5 May - 10 days = Sun 25 Apr; the parties' deadline moves later to Mon 26 Apr.
    "panel_additional_papers_due": D(2027, 4, 26),
    # Wed 5 May - 5 days = Fri 30 Apr, a working day.
    "panel_papers_send_by": D(2027, 4, 30),
    # Wed 5 May + 5 WD: 6, 7, 10, 11, 12 May.
    "panel_recommendations_due": D(2027, 5, 12),
    # Recommendations sent Fri 21 May 2027; the Director disagrees, so 20 WD (20.6): 24-28 (5),
    # Mon 31 May bank holiday out, 1-4 Jun (9), 7-11 (14), 14-18 (19), Mon 21 Jun (20).
    "director_response_due": D(2027, 6, 21),
}


def luton_text(extra: str = LUTON, delivery: str = "email") -> str:
    text = minimal_case("luton-csc").replace("received = 2026-11-20", "received = 2026-11-02") + extra
    return text.replace('delivery = "post"', f'delivery = "{delivery}"\nemail = "a.khan@example.org"')


def test_luton(make_case: Callable[..., Path]) -> None:
    t = timeline(make_case, luton_text())
    assert dates_of(t) == LUTON_EXPECTED
    # Panel Wed 5 May 2027 is after its convene-by date Mon 26 Apr: late.
    assert t.get("panel_convene_by").status == "late"
    assert "13.9" in t.get("stage1_response_due").source


def test_luton_director_agrees_gives_15_working_days(make_case: Callable[..., Path]) -> None:
    # Fri 21 May 2027 + 15 WD: 24-28 (5), 31 May out, 1-4 Jun (9), 7-11 (14), Mon 14 Jun (15).
    text = luton_text(LUTON.replace("director_agrees = false", "director_agrees = true"))
    assert timeline(make_case, text).get("director_response_due").date == D(2027, 6, 14)


def test_luton_hold_stops_the_authority_clock_only(make_case: Callable[..., Path]) -> None:
    # Received Mon 2 Nov 2026; a hold 9-13 Nov (5 WD). Stage 1 response: 15 WD = Mon 23 Nov,
    # +5 held = Mon 30 Nov. The 12-month limit and the counts back from the panel do not move.
    extra = '[[holds]]\nfrom = 2026-11-09\nto = 2026-11-13\nreason = "court proceedings"\n'
    t = timeline(make_case, luton_text(extra))
    assert t.get("stage1_response_due").date == D(2026, 11, 30)
    # Acknowledgement: Thu 5 Nov, before the hold: unchanged.
    assert t.get("acknowledgement_due").date == D(2026, 11, 5)


def test_luton_open_hold_pauses(make_case: Callable[..., Path]) -> None:
    extra = '[[holds]]\nfrom = 2026-11-09\nreason = "court proceedings"\n'
    t = timeline(make_case, luton_text(extra))
    entry = t.get("stage1_response_due")
    assert (entry.date, entry.status) == (None, "paused")
    assert t.get("acknowledgement_due").date == D(2026, 11, 5)  # due before the hold began


def test_deemed_receipt_by_post_moves_the_window(make_case: Callable[..., Path]) -> None:
    # By post, the Stage 1 letter of Fri 4 Dec 2026 is deemed received Tue 8 Dec (Mon 7 = 1, Tue 8 = 2);
    # + 20 WD: 9-11 (3), 14-18 (8), 21-24 (12), 29-31 (15), 4-8 Jan (20) -> Fri 8 Jan 2027.
    t = timeline(make_case, luton_text(delivery="post"))
    assert t.get("stage2_request_window_closes").date == D(2027, 1, 8)


DURHAM = """
conference_date = 2026-11-26
[stage1]
meeting = 2026-12-17
[stage2]
requested = 2026-12-31
response_sent = 2027-04-23
[stage3]
requested = 2027-05-17
[panel]
date = 2027-06-03
"""

DURHAM_EXPECTED = {
    # Conference Thu 26 Nov 2026 + 10 WD: 27 (1), 30 Nov-4 Dec (6), 7-10 Dec (10).
    "complaint_window_closes": D(2026, 12, 10),
    # Received Sat 5 Dec 2026 (day 0 though a Saturday) + 3 WD: Mon 7, Tue 8, Wed 9 Dec.
    "acknowledgement_due": D(2026, 12, 9),
    # + 10 WD: 7-11 (5), 14-18 (10).
    "stage1_appointment_due": D(2026, 12, 18),
    # Sat 5 Dec + 28 days = Sat 2 Jan 2027; the complainant's window moves later to Mon 4 Jan.
    "stage2_request_window_closes": D(2027, 1, 4),
    # The same date for the authority moves earlier, past New Year's Day, to Thu 31 Dec 2026.
    "stage2_meeting_due": D(2026, 12, 31),
    # Outcome letter posted Fri 23 Apr 2027, deemed received Tue 27 Apr; + 28 days = Tue 25 May 2027.
    "stage3_request_window_closes": D(2027, 5, 25),
    # Request Mon 17 May 2027 + 15 WD: 18-21 (4), 24-28 (9), Mon 31 May bank holiday out,
    # 1-4 Jun (13), 7, 8 Jun (15).
    "panel_convene_by": D(2027, 6, 8),
    # Panel Thu 3 Jun 2027 - 10 WD: 2, 1 Jun (2), 31 May out, 28-24 May (7), 21-19 May (10).
    "panel_invitation_send_by": D(2027, 5, 19),
    # Further papers 7 WD before Thu 3 Jun 2027: 2, 1 Jun (2), 31 May out, 28-24 May (7).
    "panel_additional_papers_due": D(2027, 5, 24),
    # Thu 3 Jun - 5 days = Sat 29 May: moved earlier to Fri 28 May.
    "panel_papers_send_by": D(2027, 5, 28),
    # Thu 3 Jun + 5 WD: Fri 4, Mon 7, Tue 8, Wed 9, Thu 10 Jun.
    "panel_decision_due": D(2027, 6, 10),
}


def test_durham(make_case: Callable[..., Path]) -> None:
    text = minimal_case("durham-cpc").replace("received = 2026-11-20", "received = 2026-12-05") + DURHAM
    t = timeline(make_case, text)
    assert dates_of(t) == DURHAM_EXPECTED
    statuses = {e.id: e.status for e in t.entries}
    assert statuses["stage1_appointment_due"] == "met"  # held 17 Dec, due 18 Dec
    assert statuses["complaint_window_closes"] == "met"  # received 5 Dec, window to 10 Dec
    assert statuses["panel_convene_by"] == "met"  # panel 3 Jun, convene by 8 Jun
    assert statuses["stage2_meeting_due"] == "due"  # not held; due 31 Dec, as of 24 Nov 2026


@pytest.mark.parametrize("procedure", PROCEDURE_IDS)
def test_minimal_case_lists_every_deadline(make_case: Callable[..., Path], procedure: str) -> None:
    t = timeline(make_case, minimal_case(procedure))
    assert [e.id for e in t.entries] == [d.id for d in load_procedure(procedure).deadlines]
    # The complaint arrived Fri 20 Nov 2026: + 3 WD = Mon 23, Tue 24, Wed 25 Nov.
    ack = t.get("acknowledgement_due")
    assert (ack.date, ack.status) == (D(2026, 11, 25), "due")
    for entry in t.entries:
        assert entry.rule and entry.source
        assert entry.status in {"met", "late", "due", "overdue", "provisional", "paused"}


def test_statuses(make_case: Callable[..., Path]) -> None:
    # Acknowledgement due Wed 25 Nov 2026 (received Fri 20 Nov + 3 WD).
    def ack(extra: str, as_of: dt.date) -> str:
        return timeline(make_case, minimal_case("luton-csc", extra), as_of).get("acknowledgement_due").status

    assert ack("", D(2026, 11, 25)) == "due"
    assert ack("", D(2026, 11, 26)) == "overdue"
    text = "acknowledged = 2026-11-25\n"
    assert ack(text, D(2026, 12, 1)) == "met"
    assert ack("acknowledged = 2026-11-26\n", D(2026, 12, 1)) == "late"
    # A recorded date is a fact even when it lies after --as-of.
    assert ack(text, D(2026, 11, 21)) == "met"


def test_settings_defaults_change_the_authority_numbers(make_case: Callable[..., Path]) -> None:
    # With a 5 WD acknowledgement default, Fri 20 Nov 2026 + 5 WD = Fri 27 Nov.
    settings = "[defaults]\nacknowledgement_working_days = 5\n"
    path = make_case(minimal_case("herts-lado"), settings=settings)
    assert open_case(path).timeline(AS_OF).get("acknowledgement_due").date == D(2026, 11, 27)
