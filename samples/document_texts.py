"""The words of the sample cases' bundle documents (all fictional), one function per sample.

Used by make_documents.py; each function writes one sample's docs/ folder. Names, dates and
facts match the sample's case.toml.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from make_documents import (
    band,
    email,
    letter,
    meta,
    paras,
    personal_letter,
    scanned_jpg,
    scanned_png,
    table,
    write_pdf,
)
from young_person_texts import luton_csc_young_person

# ==============================================================================================
# herts-lado: Ms Whitmore's complaint about the strategy meeting of 22 September 2026
# ==============================================================================================

HERTS = "Hertfordshire County Council"
HERTS_INK = "#00544e"
LADO_ADDRESS = ["LADO Service", "Mimram House", "12 Example Street", "Hertford SG13 9ZZ", "01632 960 120"]
WHITMORE = ["Ms Rachel Whitmore", "14 Larkspur Close", "Stevenage", "Hertfordshire", "SG2 9ZX"]


def herts_lado(docs: Path) -> None:
    """Strategy meeting minutes and report, the complaint, the submission and the two responses."""
    write_pdf(docs / "strategy-meeting-minutes.pdf", "Minutes of a Designated Officer strategy meeting", band(
        HERTS, "Children's Services: Local Authority Designated Officer (LADO) Service") + """
<h1>Designated Officer strategy meeting: minutes</h1>
""" + meta([
        ("LADO reference", "LADO/26/1187"),
        ("Date and time", "Tuesday 22 September 2026, 14:00 to 15:25"),
        ("Where", "Online meeting"),
        ("Chair", "Karen Lister, Designated Officer"),
        ("Minutes", "Sam Whitlock, LADO Business Support"),
        ("Child", "Oliver Whitmore (12)"),
        ("Person the allegation is about",
         "A swimming coach employed by a local swimming club, referred to here as Mr G"),
    ]) + """
<h2>Present</h2>
""" + table(["Name", "Role"], [
        ["Karen Lister", "Designated Officer (chair)"],
        ["DC Sarah Quinlan", "Police, Child Abuse Investigation Unit"],
        ["Tom Breckon", "Social Worker, Family Safeguarding Team"],
        ["Mark Dennison", "Welfare Officer, the swimming club (employer)"],
        ["Sam Whitlock", "LADO Business Support (minutes)"],
    ]) + """
<p><b>Apologies:</b> Designated Safeguarding Lead, Oliver's secondary school.</p>
<h2>1. Introductions and confidentiality</h2>
<p>The chair reminded everyone that the meeting and these minutes are confidential and that information
may be shared only with those who need it to keep children safe.</p>
<h2>2. Purpose of the meeting</h2>
<p>To consider the allegation, made by Ms Whitmore to the club on 14 September 2026, that during a
training session on 12 September 2026 Mr G grabbed Oliver by the arm and shook him; to share what is known;
and to decide the outcome and any actions.</p>
<h2>3. Information shared</h2>
<p><b>Police.</b> DC Quinlan spoke to Oliver at home on 16 September with his mother present. Oliver said he
was messing about near the edge of the pool with a friend and Mr G grabbed the top of his arm, pulled him back
and shouted at him. Oliver said it hurt and that Mr G "shook" him. There were no marks when his mother looked
that evening. DC Quinlan spoke by telephone on 18 September to a parent who was watching from the spectator
seats. Her summary of that call: the parent saw Mr G take hold of Oliver's arm and move him away from the edge
of the pool, and heard him shout. No criminal offence is disclosed and the police will take no further
action.</p>
<p><b>Employer.</b> Mr Dennison said Mr G has coached at the club for six years with no previous concerns or
complaints. In his account to the club on 15 September, Mr G said he took hold of Oliver's arm to stop him
pushing another child into the water, and accepts he raised his voice. He denies shaking Oliver. Mr G has
stepped back from coaching under-16 groups until this meeting's outcome is known.</p>
<p><b>Children's Services.</b> Mr Breckon said the family is not known to Children's Services. Ms Whitmore
is protective and has acted appropriately. Oliver is upset and says he does not want to go back to the club.</p>
<h2>4. Discussion</h2>
<p>The meeting discussed whether the handling was reasonable to prevent harm to another child or went beyond
that. It noted that Oliver's account and the witness summary agree that Mr G held Oliver's arm and shouted;
they differ on whether he was shaken. The meeting did not have any other account of the incident.</p>
<h2>5. Outcome</h2>
<div class='boxed'><p><b>Unsubstantiated.</b> There is not enough evidence to prove or disprove that Mr G
shook Oliver. It is accepted that he took hold of Oliver's arm.</p></div>
<h2>6. Actions</h2>
""" + table(["Action", "Who", "By"], [
        ["Mr G to complete the club's safe handling refresher before coaching under-16 groups again",
         "Mark Dennison", "30 October 2026"],
        ["Club to review poolside supervision for the junior training group", "Mark Dennison", "30 October 2026"],
        ["Write to Ms Whitmore with the outcome", "Karen Lister", "29 September 2026"],
        ["Tell Mr G the outcome in writing", "Mark Dennison", "29 September 2026"],
    ]) + """
<p class='muted'>Minutes agreed by the chair on 24 September 2026.</p>
""", HERTS_INK)

    write_pdf(docs / "strategy-meeting-report.pdf", "Strategy meeting outcome report", band(
        HERTS, "Children's Services: Local Authority Designated Officer (LADO) Service") + """
<h1>Strategy meeting outcome report</h1>
""" + meta([
        ("LADO reference", "LADO/26/1187"),
        ("Meeting", "Designated Officer strategy meeting, 22 September 2026"),
        ("Chair", "Karen Lister, Designated Officer"),
        ("Child", "Oliver Whitmore (12)"),
        ("Setting", "Swimming club, junior training group"),
        ("Nature of allegation", "Physical: that a coach grabbed a child by the arm and shook him"),
        ("Police outcome", "No further action (no offence disclosed)"),
        ("Outcome", "<b>Unsubstantiated</b>"),
    ]) + """
<h2>Reasons for the outcome</h2>
<p>Both the child's account and the witness's account given to the police agree that the coach held the
child's arm and shouted. They differ on whether the child was shaken. There were no injuries. The coach
says he acted to stop another child being pushed into the pool. On the information available there is not
enough evidence either to prove or to disprove the allegation that the child was shaken.</p>
<h2>Actions agreed</h2>
<ol>
<li>The coach completes the club's safe handling refresher before coaching under-16 groups again (club, by
30 October 2026).</li>
<li>The club reviews poolside supervision for the junior group (club, by 30 October 2026).</li>
<li>The Designated Officer writes to the child's parent with the outcome; the club writes to the coach.</li>
</ol>
<h2>Distribution</h2>
<p>Attendees of the strategy meeting; the Designated Officer's line manager; file.</p>
<p class='sig'><b>Karen Lister</b><br>Designated Officer<br>24 September 2026</p>
""", HERTS_INK)

    scanned_jpg(docs / "complaint-letter.jpg", [
        ("p", "14 Larkspur Close\nStevenage\nHertfordshire SG2 9ZX"),
        ("p", "10 October 2026"),
        ("gap", ""),
        ("p", "Ms Karen Lister\nDesignated Officer, LADO Service\nMimram House, 12 Example Street\nHertford SG13 9ZZ"),
        ("gap", ""),
        ("p", "Dear Ms Lister"),
        ("h", "Complaint about the strategy meeting for my son Oliver Whitmore, 22 September 2026"),
        ("p", "I am writing to complain about the strategy meeting held about what happened to Oliver at his "
              "swimming club. I only received your letter telling me the outcome yesterday, 9 October, more than "
              "two weeks after the meeting. It says the allegation was \"unsubstantiated\"."),
        ("p", "1. Mrs Denise Farrow, another parent, saw what happened from the spectator seats. She emailed "
              "her account to your office on 21 September, the day before the meeting. She has told me she was "
              "never asked about it again, and I do not believe the meeting read it. In her account she says she "
              "saw the coach shake Oliver by the arm two or three times, not just hold him."),
        ("p", "2. Nobody told me the outcome for seventeen days. Oliver has asked me about it every day and "
              "will not go back to the club."),
        ("p", "3. I do not think the decision is right, because the meeting did not have all the information."),
        ("p", "I would like the meeting to be held again, with someone else in charge, and for Mrs Farrow's "
              "account to be read and taken into account."),
        ("p", "A friend, Jenny Abbott, is helping me and may come with me to any meeting."),
        ("gap", ""),
        ("p", "Yours sincerely"),
        ("gap", ""),
        ("p", "Rachel Whitmore"),
    ], seed=318)

    write_pdf(docs / "stage1-response.pdf", "Designated Officer's response to a complaint", letter(
        org=HERTS, unit="Children's Services: LADO Service", sender=LADO_ADDRESS, to=WHITMORE,
        date="23 October 2026", ref="HCS/LADO/2026/0318",
        subject="Your complaint about the strategy meeting of 22 September 2026",
        dear="Dear Ms Whitmore",
        body=paras(
            "Thank you for meeting me on 19 October 2026 with Ms Abbott, and for explaining your concerns so "
            "clearly. This letter sets out my response and my decision on each part of your complaint.",
            "<b>1. Mrs Farrow's written account.</b> Mrs Farrow's email reached our service inbox on "
            "21 September 2026. It was filed to Oliver's record but was not sent to the people attending the "
            "meeting, and I did not see it before the meeting. DC Quinlan gave the meeting a summary of what "
            "Mrs Farrow had told her by telephone, but not the written account. I partly uphold this part of "
            "your complaint. I have added the account to the meeting record, and our service will now check "
            "its inbox against each day's meetings on the morning of the meeting.",
            "<b>2. The delay in telling you the outcome.</b> My letter to you was written on 24 September but, "
            "because of a backlog in our administration, it was not posted until 9 October. That is not good "
            "enough and I apologise. I uphold this part of your complaint. Outcome letters to parents will "
            "now be sent within five working days of a meeting, and we will check this every month.",
            "<b>3. The outcome of the meeting.</b> 'Unsubstantiated' means that there was not enough evidence "
            "either to prove or to disprove the allegation. I have read Mrs Farrow's account carefully. The "
            "meeting heard the substance of it through DC Quinlan, and I do not consider that the written "
            "account would have led the meeting to a different outcome. I do not uphold this part of your "
            "complaint, and I have decided not to reconvene the meeting.",
            "If you are not satisfied with this response, you can write to the Children's Services Complaints "
            "Manager, Joanna Pemberton, at Mimram House, 12 Example Street, Hertford SG13 9ZZ, setting out the "
            "specific grounds of your complaint. The decision of the strategy meeting stands while your "
            "complaint is considered.",
        ),
        name="Karen Lister", role="Designated Officer (LADO)",
        cc=["Joanna Pemberton, Children's Services Complaints Manager",
            "David Okonjo, Team Manager, LADO Service (Designated Officer's line manager)"]), HERTS_INK)

    write_pdf(docs / "manager-response.pdf", "Team Manager's response to a complaint", letter(
        org=HERTS, unit="Children's Services: LADO Service", sender=LADO_ADDRESS, to=WHITMORE,
        date="16 November 2026", ref="HCS/LADO/2026/0318",
        subject="Your complaint about the strategy meeting of 22 September 2026",
        dear="Dear Ms Whitmore",
        body=paras(
            "The Children's Services Complaints Manager received your letter on 3 November 2026 and asked me "
            "to respond, as the manager of the LADO service. I have read your letter, Ms Lister's response of "
            "23 October, the minutes and report of the meeting, and Mrs Farrow's account. I have discussed "
            "your complaint with Beverley Stannard, Service Manager (Child Protection), and we have considered "
            "whether the strategy meeting should be reconvened.",
            "We agree that Mrs Farrow's written account should have been before the meeting, and I apologise "
            "that it was not. We have also considered what it adds. Her account describes the coach shaking "
            "Oliver's arm; the summary given to the meeting described him taking hold of Oliver's arm and "
            "moving him. We recognise the difference. However, both accounts were given after the event and "
            "the coach's account differs from both, and we think the meeting would still have concluded that "
            "the allegation could be neither proved nor disproved.",
            "For that reason we have decided not to reconvene the strategy meeting. I know this will "
            "disappoint you.",
            "If you remain dissatisfied, you can ask Beverley Stannard, Service Manager (Child Protection), to "
            "consider whether your complaint should go to a Complaints Panel. A Panel is made up of three "
            "professionals with no responsibility for Oliver's case, and is arranged by the Hertfordshire "
            "Safeguarding Children Partnership. You can write to her at the address above.",
        ),
        name="David Okonjo", role="Team Manager, LADO Service",
        cc=["Joanna Pemberton, Children's Services Complaints Manager",
            "Beverley Stannard, Service Manager (Child Protection)", "Karen Lister, Designated Officer"]),
        HERTS_INK)

    write_pdf(docs / "panel-submission.pdf", "Complainant's written submission to the Complaints Panel",
              personal_letter(
        sender=WHITMORE[1:], date="8 January 2027",
        to=["The Chair, Complaints Panel", "HSCP Business Unit", "Mimram House", "12 Example Street",
            "Hertford SG13 9ZZ"],
        dear="Dear Dr Ashdown",
        heading="My written submission for the Complaints Panel on 21 January 2027",
        body=paras(
            "Thank you for the invitation to the Panel. I will attend with my friend Jenny Abbott. This is "
            "what I would like the Panel to consider.",
            "<b>What went wrong.</b> Mrs Farrow sent her account to the LADO service before the meeting, and it "
            "was not read. The service accepts that now. The account is the only one from an adult who saw what "
            "happened and is not involved. It says Oliver was shaken. The summary the meeting heard did not say "
            "that. I do not think anyone can know what the meeting would have decided if it had read it.",
            "<b>Why I want a different Designated Officer.</b> Ms Lister has looked at this twice and both "
            "times decided her meeting would have come to the same view. I do not think it is fair to ask her "
            "to look at it a third time.",
            "<b>The delay.</b> I have had an apology, which I accept, but I would like the Panel to make sure "
            "outcome letters go out quickly to other parents.",
            "<b>What I am asking the Panel to do.</b> To recommend that the strategy meeting is reconvened with "
            "a different Designated Officer, who reads Mrs Farrow's account before the meeting.",
            "I attach Mrs Farrow's account, which she has agreed I can share with the Panel.",
        ),
        close="Yours sincerely", name="Rachel Whitmore")
        + "<div style='page-break-before: always'></div>"
        + "<div class='serif'><h2>Attachment: account of Mrs Denise Farrow, emailed to the LADO service on "
          "21 September 2026</h2>" + paras(
            "I was sitting in the spectator seats at the junior training session on Saturday 12 September 2026, "
            "watching my daughter. At about 9.40am I saw two boys messing about on the side of the pool at the "
            "shallow end. The coach walked quickly over to them, took hold of the top of one boy's arm (I now "
            "know this was Oliver) and shook him two or three times while shouting at him that he had been told "
            "before. He then walked him to the bench and left him there.",
            "It did not look to me like he was just moving him away from the edge. Oliver was already away "
            "from the edge when the coach got to him. Oliver was crying on the bench for the rest of the session.",
            "I told the police officer this on the telephone on 18 September. I am writing it down as I was "
            "told it would help.",
            "Denise Farrow, 21 September 2026") + "</div>", HERTS_INK)


# ==============================================================================================
# herts-cpc: Ms Moore's complaint about the Initial Child Protection Conference of 6 October 2026
# ==============================================================================================

CONF_ADDRESS = ["Conference and Review Service", "Mimram House", "12 Example Street", "Hertford SG13 9ZZ",
                "01632 960 131"]
MOORE = ["Ms Danielle Moore", "Flat 3, Beacon Court", "27 Hatfield Road", "St Albans", "AL1 9ZQ",
         "By email: danielle.moore@example.net"]


def herts_cpc(docs: Path) -> None:
    """Two conference reports, the complaint, the advocate's submission and the two responses."""
    write_pdf(docs / "conference-report.pdf", "Social worker's report to an Initial Child Protection Conference",
              band(HERTS, "Children's Services: Family Safeguarding Team") + """
<h1>Report to the Initial Child Protection Conference</h1>
""" + meta([
        ("Child", "Jayden Moore, born 14 May 2022 (4)"),
        ("Conference", "Initial Child Protection Conference, 6 October 2026"),
        ("Author", "Chloe Mensah, Lead Social Worker, Family Safeguarding Team"),
        ("Date of report", "1 October 2026"),
        ("Shared with parent", "Ms Moore, at a home visit on 2 October 2026"),
    ]) + """
<h2>1. The family</h2>
<p>Jayden lives with his mother, Danielle Moore, in a one-bedroom flat in St Albans. His father does not
live with the family and has not had contact for over a year. Ms Moore works part-time in a supermarket.
Jayden attends a nursery three days a week.</p>
<h2>2. Why this conference has been called</h2>
<p>A strategy discussion on 18 September 2026 decided that the threshold for a child protection enquiry was
met because of concerns about Jayden's health care, his attendance at nursery, and the conditions of the
home, which together suggested Jayden's needs were being neglected. The enquiry has been completed and
this conference is asked to decide whether Jayden needs a Child Protection Plan.</p>
<h2>3. What we know</h2>
<ul>
<li><b>Health.</b> Jayden missed his two-year development review and three hospital ear, nose and throat
appointments between January and July 2026. The health visitor has concerns about his speech (see her
report).</li>
<li><b>Nursery.</b> Nursery records show Jayden attended 61% of his sessions between January and July 2026,
with no reasons given for most absences.</li>
<li><b>Home conditions.</b> The health visitor found the flat in a very poor state on 8 September 2026, with
rubbish bags in the kitchen and no clean bedding for Jayden. At my visit on 22 September the flat was much
improved.</li>
</ul>
<h2>4. Ms Moore's views</h2>
<p>Ms Moore says she has had a very difficult year after losing her mother in February, and that she has
already put the home right. She says she missed hospital appointments because the letters went to an old
address. She wants support, not a plan. She is supported by an advocate, Mr Owen Pritchard.</p>
<h2>5. Analysis</h2>
<p>Ms Moore loves Jayden and he is attached to her. She has responded quickly to concerns about the home.
However, the missed health care and nursery sessions cover several months, and Jayden's speech may have been
affected. I am worried that the improvements are recent and that Ms Moore has limited support.</p>
<h2>6. Recommendation</h2>
<p>That Jayden becomes the subject of a Child Protection Plan under the category of neglect, with a plan
focused on his health appointments, nursery attendance and support for Ms Moore.</p>
<p class='sig'><b>Chloe Mensah</b><br>Lead Social Worker</p>
""", HERTS_INK)

    write_pdf(docs / "health-visitor-report.pdf", "Health visitor's report to a child protection conference",
              band("Community Health Services", "0-19 Health Visiting Team, St Albans") + """
<h1>Health visitor's report to the Initial Child Protection Conference</h1>
""" + meta([
        ("Child", "Jayden Moore, born 14 May 2022"),
        ("Conference", "6 October 2026"),
        ("Author", "Gill Hartnell, Health Visitor"),
        ("Date of report", "5 October 2026 (sent to the conference team at 17:40)"),
    ]) + """
<h2>Health appointments</h2>
""" + table(["Date", "Appointment", "Attended"], [
        ["12 January 2026", "Two-year development review (rearranged)", "No"],
        ["3 March 2026", "ENT outpatients, Lister Road clinic", "No"],
        ["28 April 2026", "ENT outpatients (rebooked)", "No"],
        ["16 June 2026", "Two-year development review (third offer)", "Yes"],
        ["21 July 2026", "ENT outpatients (rebooked)", "No"],
    ]) + """
<h2>Development</h2>
<p>At the review on 16 June 2026 Jayden's growth was within the normal range. His speech was delayed for his
age: he used around twenty single words. A hearing test was recommended and has not yet taken place.</p>
<h2>Home visit on 8 September 2026</h2>
<p>The flat was very untidy, with several full rubbish bags in the kitchen and dirty dishes. Jayden's cot
had no clean bedding. Ms Moore was tearful and said she had been struggling since her mother died.</p>
<h2>My view</h2>
<p>The main concern is Jayden's missed health care, particularly the hearing assessment, which may explain
his speech delay. Ms Moore engaged well once we met and I would like to continue working with her.</p>
<p class='sig'><b>Gill Hartnell</b><br>Health Visitor</p>
""", HERTS_INK)

    write_pdf(docs / "complaint-email.pdf", "Complaint about a child protection conference (email)", email(
        sender="Danielle Moore <danielle.moore@example.net>",
        to="Sunita Rai, Conference Chair <conference.chairs@hertfordshire.example.gov.uk>",
        cc="Owen Pritchard <owen.pritchard@compass-advocacy.example.org>",
        sent="Monday 19 October 2026 09:14",
        subject="Complaint about Jayden's conference on 6 October",
        body=paras(
            "Dear Ms Rai",
            "I want to make a complaint about the child protection conference for my son Jayden on 6 October.",
            "1. I never saw the health visitor's report until I sat down in the meeting. You gave me a few "
            "minutes to read it while everyone waited. I could not take it in and I could not talk it through "
            "with Owen. It had things in it about the hospital appointments that I would have explained if I "
            "had had the chance.",
            "2. Owen is my advocate and he was there to help me speak. When he tried to say something about the "
            "appointment letters you stopped him and said I had to answer.",
            "3. Jayden should not be on a plan for neglect. It was one bad month after my mum died. I cleaned "
            "the flat the same week and the social worker saw it was fine. The appointment letters went to my "
            "old address, which I have proof of.",
            "I would like the conference to be held again with a different chair, and for the conference to "
            "think again about the plan.",
            "Danielle Moore",
        )), HERTS_INK)

    write_pdf(docs / "stage1-summary.pdf", "Conference Chair's written summary and decision", letter(
        org=HERTS, unit="Children's Services: Conference and Review Service", sender=CONF_ADDRESS, to=MOORE,
        date="30 October 2026", ref="HCS/CPC/2026/0412",
        subject=("Your complaint about Jayden's Initial Child Protection Conference: "
                 "summary of our meeting and my decision"),
        dear="Dear Ms Moore",
        body=paras(
            "Thank you for meeting me on 27 October 2026 with Mr Pritchard. This letter summarises our meeting "
            "and sets out my decision.",
            "<b>The health visitor's report.</b> You told me you saw the report for the first time at the start "
            "of the conference. I have checked: it reached our team at 5.40pm the evening before, and it was not "
            "sent to you. I gave you 15 minutes to read it, which I accept was not enough for a report of that "
            "importance. I am sorry. From now on, when a report arrives late, our team will share it with parents "
            "before the conference and we will delay the start so that you can read it with your advocate. I "
            "uphold this part of your complaint.",
            "<b>Your advocate.</b> The minutes show that Mr Pritchard spoke twice during the conference. I did ask "
            "him to let you answer questions about your own care of Jayden yourself, which is what we usually "
            "ask of parents, and I invited him to add anything afterwards. I do not uphold this part.",
            "<b>The category of neglect.</b> The conference did not consider one month only. It considered missed "
            "health appointments and nursery sessions between January and September, as well as the conditions "
            "of the flat. You have told me that the appointment letters went to your old address; that "
            "information has been added to the record and will be considered at the Review Conference. I am "
            "satisfied that the conference properly considered whether a plan was needed and under which "
            "category, and I have decided not to reconvene it. I do not uphold this part.",
            "If you are not satisfied, you can write to the Children's Services Complaints Manager, Joanna "
            "Pemberton, setting out the specific grounds of your complaint. The conference's decision stands "
            "while your complaint is considered.",
        ),
        name="Sunita Rai", role="Child Protection Conference Chair",
        cc=["Joanna Pemberton, Children's Services Complaints Manager",
            "Marion Price, Service Manager, Conference and Review Service (Conference Chair's line manager)",
            "Owen Pritchard, Compass Family Advocacy"]), HERTS_INK)

    write_pdf(docs / "escalation-response.pdf", "Response to a complaint about a child protection conference",
              letter(
        org=HERTS, unit="Children's Services: Conference and Review Service", sender=CONF_ADDRESS, to=MOORE,
        date="2 December 2026", ref="HCS/CPC/2026/0412",
        subject="Your complaint about Jayden's Initial Child Protection Conference",
        dear="Dear Ms Moore",
        body=paras(
            "Your letter to the Children's Services Complaints Manager was received on 9 November 2026. As we "
            "told you on 12 November, the Designated Manager agreed that our response could be delayed until "
            "4 December 2026, because I was on leave and because we needed to check Jayden's health records "
            "with the health visiting service.",
            "I have now considered your complaint again with Andrew Kellaway, Head of Child Protection. We have "
            "looked at whether the conference should be reconvened.",
            "We have checked the health records. Two of the four appointment letters were sent to your old "
            "address; the other two were sent to your current address. Nursery attendance was low across the "
            "whole period. We accept that the health visitor's report should have been shared with you before "
            "the conference, and I have already apologised for that.",
            "Taking all of this into account, we have decided not to reconvene the conference. The Review "
            "Conference on 5 January 2027 will consider Jayden's plan in the usual way, with the information "
            "about your address before it.",
            "If you remain dissatisfied, you can ask Andrew Kellaway, Head of Child Protection, to consider "
            "whether your complaint should go to a Complaints Panel arranged by the Hertfordshire Safeguarding "
            "Children Partnership.",
        ),
        name="Sunita Rai", role="Child Protection Conference Chair",
        cc=["Andrew Kellaway, Head of Child Protection", "Joanna Pemberton, Children's Services Complaints Manager",
            "Owen Pritchard, Compass Family Advocacy"]), HERTS_INK)

    write_pdf(docs / "advocate-submission.pdf", "Advocate's written submission to the Complaints Panel",
              band("Compass Family Advocacy", "Independent advocacy for parents in child protection", marking="")
              + """
<h1>Written submission to the Complaints Panel, 4 February 2027</h1>
""" + meta([
        ("On behalf of", "Ms Danielle Moore, mother of Jayden Moore"),
        ("Prepared by", "Owen Pritchard, Advocate"),
        ("Date", "22 January 2027"),
        ("Complaint reference", "HCS/CPC/2026/0412"),
    ]) + """
<h2>1. Summary</h2>
<p>Ms Moore asks the Panel to recommend that Jayden's Initial Child Protection Conference is reconvened with
a different chair. The conference relied on a report Ms Moore had not seen, and on records of missed
appointments and nursery absence which she disputes and which the conference did not have in front of it.</p>
<h2>2. The health visitor's report</h2>
<p>The Council accepts that the report was not shared before the conference. The report is the main source
for the missed health appointments. Ms Moore had no fair chance to explain that letters were sent to an old
address; the Council now accepts this was so for two of the four letters.</p>
<h2>3. The records the conference relied on</h2>
<p>The social worker's report gives nursery attendance of 61% but no record was produced. Ms Moore says
Jayden was ill for two weeks in March and that she told the nursery each time. We ask the Panel to look at
the nursery's own register and the health appointment record before deciding.</p>
<h2>4. Role of the advocate</h2>
<p>Ms Moore accepts the Chair's explanation and no longer pursues this point.</p>
<h2>5. What Ms Moore asks the Panel to do</h2>
<ol>
<li>Recommend that the conference is reconvened with a different chair, with all reports shared in good
time and the underlying records available.</li>
<li>Recommend that reports are always shared with parents before a conference starts.</li>
</ol>
<p class='sig'><b>Owen Pritchard</b><br>Advocate, Compass Family Advocacy</p>
""", HERTS_INK)


# ==============================================================================================
# sussex-cpc: Mr Nowak's complaint about the Review Child Protection Conference of 29 September 2026
# ==============================================================================================

WSX = "West Sussex County Council"
WSX_INK = "#18346a"
WSX_CONF = ["Child Protection Conference Service", "Lavant House", "4 Example Street", "Chichester PO19 9ZZ",
            "01632 960 250"]
NOWAK = ["Mr Tomasz Nowak", "22 Mill Lane", "Bognor Regis", "West Sussex", "PO21 9ZY"]


def sussex_cpc(docs: Path) -> None:
    """The request to convene, the conference record and report, Stage 1 letters and the contacts list."""
    write_pdf(docs / "conference-record.pdf", "Record of a Review Child Protection Conference", band(
        WSX, "Child Protection Conference Service") + """
<h1>Record of the Review Child Protection Conference</h1>
""" + meta([
        ("Child", "Zofia Nowak, born 20 June 2017 (9)"),
        ("Date", "Tuesday 29 September 2026, 10:00 to 11:50"),
        ("Venue", "Conference Room B, Lavant House, Chichester"),
        ("Chair", "Graham Ellery, Child Protection Conference Chair"),
        ("Minutes", "Jade Fowler, Conference Service Minute Taker"),
        ("Plan since", "Initial Child Protection Conference, 7 April 2026 (category: emotional abuse)"),
    ]) + """
<h2>Present</h2>
""" + table(["Name", "Role"], [
        ["Graham Ellery", "Chair"],
        ["Mr Tomasz Nowak", "Father"],
        ["Mrs Katarzyna Nowak", "Mother"],
        ["Mrs Ewa Kowalczyk", "Family friend, supporting Mr Nowak"],
        ["Lucy Tranter", "Social Worker, Children's Social Care"],
        ["Sarah Pike", "Designated Safeguarding Lead, Zofia's primary school"],
        ["Nicola Burns", "School Nurse"],
        ["Jade Fowler", "Minute taker"],
    ]) + """
<p><b>Apologies:</b> Police (report submitted); GP (report submitted).</p>
<h2>1. Introductions and purpose</h2>
<p>The chair explained the purpose of the conference: to review Zofia's progress under her Child Protection
Plan and decide whether she still needs one. A Polish interpreter had been booked for Mr Nowak but had not
arrived by 10:15. The agency could not say when one would be available. Mr Nowak agreed that Mrs Kowalczyk
would interpret for him, and the chair decided to go ahead.</p>
<h2>2. Progress since the Initial Conference</h2>
<p><b>Social worker.</b> Ms Tranter said both parents have attended the parenting course and Zofia says
home is calmer. However, police attended the family home on 14 July 2026 following an argument between the
parents, and Zofia told her teacher the next day that she had hidden in her room. The parents have not yet
started the couples counselling agreed at the last conference.</p>
<p><b>School.</b> Mrs Pike said Zofia's attendance this term is 97% and she is settled and doing well in
class. She is quieter on Mondays. She has talked to her teacher about "shouting at home" twice this term.</p>
<p><b>School nurse.</b> Zofia is well and her health needs are met.</p>
<h2>3. Parents' views</h2>
<p>Mrs Nowak said things are much better and she does not think the plan is needed. Mr Nowak, through
Mrs Kowalczyk, said the police came because of a neighbour's noise complaint, not a fight. He said he did
not understand some of the social worker's report.</p>
<h2>4. Zofia's views</h2>
<p>Zofia told her social worker she is happier at home but still gets scared when her parents argue. She
would like her parents to "talk nicely".</p>
<h2>5. Decision</h2>
<div class='boxed'><p>The conference decided that Zofia continues to be at risk of significant harm and should
remain the subject of a Child Protection Plan under the category of <b>emotional abuse</b>. All agencies
agreed; the parents disagreed.</p></div>
<h2>6. Plan and review</h2>
<ul>
<li>Parents to start couples counselling by 31 October 2026 (Ms Tranter to refer).</li>
<li>School to continue weekly check-ins with Zofia.</li>
<li>Core group to meet every four weeks. Next Review Conference: March 2027.</li>
</ul>
<p class='muted'>Record agreed by the chair on 5 October 2026 and sent to those present on 7 October 2026.</p>
""", WSX_INK)

    write_pdf(docs / "social-worker-report.pdf", "Social worker's report to a Review Child Protection Conference",
              band(WSX, "Children's Social Care: Coastal Assessment and Intervention Team") + """
<h1>Social worker's report to the Review Child Protection Conference</h1>
""" + meta([
        ("Child", "Zofia Nowak (9)"),
        ("Conference", "29 September 2026"),
        ("Author", "Lucy Tranter, Social Worker"),
        ("Date of report", "24 September 2026"),
        ("Shared with parents", "Posted 24 September 2026 (English only)"),
    ]) + """
<h2>1. Summary</h2>
<p>Zofia has been subject to a Child Protection Plan since April 2026 because of the emotional impact on her
of frequent, loud arguments between her parents, including one incident in March 2026 when police were called.
Since then both parents have completed a parenting course and Zofia's school attendance and wellbeing have
improved.</p>
<h2>2. Progress against the plan</h2>
""" + table(["Plan outcome", "Progress"], [
        ["Parents complete the parenting course", "Completed in July 2026"],
        ["Parents start couples counselling",
         "Not yet started: referral sent in August, first appointment offered for October"],
        ["Zofia attends school regularly", "97% this term (82% last spring)"],
        ["No further incidents of conflict in Zofia's presence",
         "Police attended on 14 July 2026; Zofia spoke about it at school"],
    ]) + """
<h2>3. Analysis</h2>
<p>There has been real progress, and the parents have worked with the plan. The incident on 14 July and what
Zofia said about it suggest that she is still exposed to conflict at home. Until the counselling has started
and made a difference, I consider that Zofia remains at risk of emotional harm.</p>
<h2>4. Recommendation</h2>
<p>That Zofia remains subject to a Child Protection Plan under the category of emotional abuse, to be
reviewed in six months.</p>
<p class='sig'><b>Lucy Tranter</b><br>Social Worker</p>
""", WSX_INK)

    write_pdf(docs / "complaint-letter.pdf", "Letter of complaint about a child protection conference",
              personal_letter(
        sender=NOWAK[1:], date="19 October 2026",
        to=["Mr Graham Ellery", "Child Protection Conference Chair", *WSX_CONF[1:4]],
        dear="Dear Mr Ellery", heading="Complaint about Zofia's conference on 29 September 2026",
        body=paras(
            "I received the minutes of the conference on 9 October. My friend Ewa has helped me write this "
            "letter.",
            "I want to complain about the conference. I asked for a Polish interpreter and one was booked but "
            "did not come. You went ahead with Ewa translating. She is my friend, not an interpreter, and she "
            "could not translate everything. I did not understand a lot of what the social worker said and I "
            "could not explain myself properly.",
            "The minutes say the police came in July \"following an argument between the parents\". This is not "
            "true. A neighbour complained about the noise of our television and the police came and left. There "
            "was no argument and nothing was recorded.",
            "Zofia is doing very well at school. Her attendance is 97%. I do not think it is reasonable to keep "
            "her on a plan.",
            "I want the conference to be held again with a real interpreter and a different chair, and the "
            "minutes to be corrected.",
        ), close="Yours sincerely", name="Tomasz Nowak"), WSX_INK)

    write_pdf(docs / "stage1-response.pdf", "Conference chair's Stage 1 response, with notes of the meeting",
              letter(
        org=WSX, unit="Child Protection Conference Service", sender=WSX_CONF, to=NOWAK,
        date="12 November 2026", ref="WSCC/CPC/26-0087",
        subject="Your complaint about Zofia's Review Child Protection Conference: Stage 1 response",
        dear="Dear Mr Nowak",
        body=paras(
            "Thank you for meeting me on 30 October 2026 with Mrs Kowalczyk. A telephone interpreter joined us "
            "and my colleague Jade Fowler took notes, which are enclosed. This letter is my response.",
            "<b>The interpreter.</b> An interpreter was booked and did not come. I decided to go ahead with "
            "Mrs Kowalczyk interpreting rather than delay the conference or use a telephone interpreter. On "
            "reflection that was not good enough for a meeting of this importance, and I apologise. In future, "
            "a conference that needs an interpreter will not start without one: we will use telephone "
            "interpreting or rearrange the conference within five working days. I uphold this part of your "
            "complaint.",
            "<b>The minutes.</b> I have seen the police record of 14 July 2026. It records a neighbour's "
            "complaint about noise and no offence. The minutes will be corrected to say this, and the corrected "
            "minutes will be sent to everyone who received them by 27 November 2026. I partly uphold this part, "
            "because the social worker's concern about what Zofia said at school the next day remains.",
            "<b>The decision.</b> The conference heard about Zofia's good progress at school. It also heard "
            "the social worker's concerns and what Zofia herself had said. I consider that the decision to "
            "continue the plan was a reasonable one on that information, and I do not uphold this part.",
            "If you remain dissatisfied, you can write to Fiona Marsh, Children's Social Care Complaints "
            "Manager, at Lavant House, 4 Example Street, Chichester PO19 9ZZ, saying why. You need to do this "
            "within 20 working days of receiving this letter. A panel will then be convened to consider your "
            "complaint. Zofia's plan stays in place while your complaint is considered.",
        ),
        name="Graham Ellery", role="Child Protection Conference Chair",
        cc=["Fiona Marsh, Children's Social Care Complaints Manager"])
        + "<div style='page-break-before: always'></div>" + """
<h1>Notes of the Stage 1 meeting</h1>
""" + meta([
        ("Date", "Friday 30 October 2026, 14:00 to 15:05"),
        ("Where", "Meeting Room 2, Bognor Regis Family Centre"),
        ("Present", "Graham Ellery (conference chair); Mr Tomasz Nowak; Mrs Ewa Kowalczyk (supporter); "
                    "Jade Fowler (notes); telephone interpreter (Polish)"),
    ]) + """
<ol>
<li>GE explained the complaints process and that it cannot itself change the decision to have a plan,
which stands while the complaint is considered. TN understood.</li>
<li>TN explained that he understood only part of what was said at the conference. EK said she translated
the main points but not the reports, which she had not seen. GE accepted that an informal interpreter was
not appropriate.</li>
<li>TN said the police came on 14 July because of a noise complaint. GE agreed to check the police record
and correct the minutes if they are wrong.</li>
<li>TN said Zofia is happy and doing well at school. GE explained why the conference was still worried and
what needs to happen before the plan can end, in particular the couples counselling.</li>
<li>TN wants the conference to be held again with an interpreter and a different chair. GE will reply in
writing within 10 working days.</li>
</ol>
""", WSX_INK)

    write_pdf(docs / "stage2-request.pdf", "Request to convene a complaint review panel", personal_letter(
        sender=NOWAK[1:], date="24 November 2026",
        to=["Ms Fiona Marsh", "Children's Social Care Complaints Manager", "Lavant House", "4 Example Street",
            "Chichester PO19 9ZZ"],
        dear="Dear Ms Marsh", heading="Complaint about Zofia's conference: I am still not satisfied",
        body=paras(
            "I have Mr Ellery's letter of 12 November. Thank you for correcting the minutes.",
            "I am still not satisfied and I ask for the panel. My reasons are:",
            "1. Mr Ellery agrees I should have had a proper interpreter. But the decision about my daughter was "
            "made at a meeting I could not properly understand or take part in. Saying sorry does not change "
            "that. The only fair thing is to hold the conference again.",
            "2. The conference was told something untrue about the police. It has now been corrected, but the "
            "people at the conference made their decision believing it.",
            "3. I would like a different chair, because Mr Ellery has already decided the decision was "
            "reasonable.",
            "Please arrange an interpreter for any meeting. Mrs Kowalczyk will come with me as my support.",
        ), close="Yours sincerely", name="Tomasz Nowak"), WSX_INK)

    write_pdf(docs / "contacts.pdf", "Names, addresses and telephone numbers", "<div class='wide'>" + band(
        WSX, "Children's Social Care Complaints: complaint review panel papers") + """
<h1>Names, addresses and telephone numbers (Sussex procedure 7.1.16)</h1>
<p class='muted'>Prepared by the Children's Social Care Complaints Manager, 8 December 2026. All telephone
numbers are office numbers unless marked.</p>
""" + table(["Name", "Role", "Organisation", "Address", "Telephone", "Email"], [
        ["Graham Ellery", "Chair of the conference", "Child Protection Conference Service",
         "Lavant House, 4 Example Street, Chichester PO19 9ZZ", "01632 960 250",
         "graham.ellery@westsussex.example.gov.uk"],
        ["Lucy Tranter", "Social worker", "Children's Social Care, Coastal Assessment and Intervention Team",
         "Beach House, 9 Example Road, Bognor Regis PO21 9ZX", "01632 960 262",
         "lucy.tranter@westsussex.example.gov.uk"],
        ["Sarah Pike", "Designated Safeguarding Lead", "Zofia's primary school",
         "School Lane, Bognor Regis PO21 9ZA", "01632 960 277", "dsl@school.example.sch.uk"],
        ["Nicola Burns", "School nurse", "Community health (0-19 service)",
         "Health Centre, 3 Example Place, Bognor Regis PO21 9ZB", "01632 960 281", "nicola.burns@nhs.example.net"],
        ["DS Alan Price", "Police officer who provided the police report", "Police Safeguarding Investigations Unit",
         "Police Station, 1 Example Way, Chichester PO19 9ZC", "01632 960 293", "alan.price@police.example.uk"],
        ["Mr Tomasz Nowak", "Father (complainant)", "", "22 Mill Lane, Bognor Regis PO21 9ZY",
         "07700 900 481 (mobile)", ""],
        ["Mrs Katarzyna Nowak", "Mother", "", "22 Mill Lane, Bognor Regis PO21 9ZY",
         "07700 900 482 (mobile)", ""],
        ["Mrs Ewa Kowalczyk", "Supporter to Mr Nowak", "", "By arrangement through Mr Nowak",
         "07700 900 483 (mobile)", ""],
        ["Fiona Marsh", "Complaints Manager", "Children's Social Care Complaints",
         "Lavant House, 4 Example Street, Chichester PO19 9ZZ", "01632 960 245",
         "csc.complaints@westsussex.example.gov.uk"],
    ], small=True) + "</div>", WSX_INK)


# ==============================================================================================
# luton-csc: Mrs Adeyemi's statutory complaint about special guardianship support
# ==============================================================================================

LUTON = "Luton Borough Council"
LUTON_INK = "#661c4e"
LUTON_CSC = ["Children, Families and Education", "Town Hall", "1 Example Street", "Luton LU1 9ZZ",
             "01632 960 372"]
ADEYEMI = ["Mrs Patience Adeyemi", "41 Marsh Road", "Luton", "LU3 9ZW", "By email: p.adeyemi@example.net"]


def luton_csc(docs: Path) -> None:
    """The complaint and statement, Stage 1 and Stage 2 papers, the Stage 3 request and the service's chronology."""
    write_pdf(docs / "complaint.pdf", "Complaint about children's social care (email)", email(
        sender="Patience Adeyemi <p.adeyemi@example.net>",
        to="Complaints <feedback@luton.example.gov.uk>",
        sent="Monday 7 September 2026 08:52",
        subject="Complaint - special guardianship allowance and support for my granddaughter Tia",
        body=paras(
            "Dear Sir or Madam",
            "I am the special guardian of my granddaughter Tia Adeyemi, who is 8. I want to make a complaint.",
            "1. On 15 June I got a letter saying my special guardianship allowance would go down by £46.20 a "
            "week from 1 July. Nobody spoke to me about it or asked about our situation. I filled in the form "
            "in May as I do every year. Our costs have gone up, not down, and Tia needs more now.",
            "2. Tia was diagnosed with ADHD in February. Her support plan was meant to be reviewed every year "
            "and the last review was in March 2024. I have asked for a review three times.",
            "3. I called and emailed Tia's social worker many times between June and August about the allowance "
            "and the review and most of the time nobody got back to me.",
            "I would like the allowance put back to what it was from July, the support plan reviewed properly "
            "with me, and someone I can actually contact.",
            "My son Samuel helps me and can be contacted at sam.adeyemi@example.net.",
            "Patience Adeyemi<br>41 Marsh Road, Luton LU3 9ZW",
        )), LUTON_INK)

    write_pdf(docs / "stage1-response.pdf", "Stage 1 response to a complaint", letter(
        org=LUTON, unit="Children, Families and Education: Special Guardianship Support", sender=LUTON_CSC,
        to=ADEYEMI, date="25 September 2026", ref="CSC/2026/0097",
        subject="Your complaint about Children's Social Care: Stage 1 response", dear="Dear Mrs Adeyemi",
        body=paras(
            "Thank you for meeting me with your son on 11 September 2026. I have looked into each part of your "
            "complaint and my findings are below.",
            "<b>1. Your special guardianship allowance.</b> The allowance is means-tested each year. The new "
            "amount was worked out from the form you returned in May 2026, in line with the Council's special "
            "guardianship allowance policy, and our letter of 15 June explained it. The policy does not require "
            "a meeting before the amount changes. I do not uphold this part of your complaint.",
            "<b>2. Tia's support plan.</b> The plan should be reviewed every year. It was last reviewed in "
            "March 2024 and the 2025 review did not happen. I am sorry. I uphold this part, and the plan will "
            "be reviewed with you by 30 October 2026, taking account of Tia's diagnosis.",
            "<b>3. Returning your calls and emails.</b> Our records show nine contacts from you between June "
            "and August; five were not answered within three working days. Your worker was on long-term leave "
            "from late June and her cases were not covered as they should have been. I partly uphold this part. "
            "Your named worker from 28 September is Kerry Doyle (01632 960 388), and cases of workers on leave "
            "for more than two weeks will now be reallocated or covered.",
            "If you are not satisfied, you can ask for your complaint to be considered at Stage 2 by an "
            "Investigating Officer and an Independent Person. Please write to the Complaints team at "
            "feedback@luton.example.gov.uk within 20 working days of receiving this letter.",
        ),
        name="Leanne Fisher", role="Team Manager and Stage 1 Investigating Officer",
        cc=["Complaints and Information Governance Team"]), LUTON_INK)

    write_pdf(docs / "statement-of-complaint.pdf", "Agreed statement of complaint", band(
        LUTON, "Complaints and Information Governance Team") + """
<h1>Statement of complaint: Stage 2</h1>
""" + meta([
        ("Complainant", "Mrs Patience Adeyemi, special guardian of Tia Adeyemi (8)"),
        ("Reference", "CSC/2026/0097"),
        ("Investigating Officer", "Martin Olsen"),
        ("Independent Person", "Dr Grace Whitfield"),
        ("Meeting with complainant", "13 October 2026, with Mr Samuel Adeyemi"),
        ("Statement agreed", "By email from Mrs Adeyemi, 16 October 2026"),
    ]) + """
<h2>Points of complaint to be investigated</h2>
""" + table(["", "Complaint", "Outcome Mrs Adeyemi wants"], [
        ["1", "The Council reduced Mrs Adeyemi's special guardianship allowance from 1 July 2026 without "
              "telling her in advance, asking about her circumstances or giving her a chance to comment.",
         "The allowance restored to its previous level from 1 July 2026, and any change in future made only "
         "after proper notice."],
        ["2", "Tia's special guardianship support plan was not reviewed between March 2024 and October 2026, "
              "despite Mrs Adeyemi's requests and Tia's ADHD diagnosis in February 2026.",
         "A full review with Mrs Adeyemi that includes Tia's ADHD and school support, and annual reviews in "
         "future."],
        ["3", "Mrs Adeyemi's calls and emails to Tia's social worker between June and August 2026 were not "
              "returned.", "A named worker who responds; an acknowledgement that she was let down."],
    ]) + """
<h2>Matters outside this investigation</h2>
<p>The amount of allowance that would be right for Mrs Adeyemi's circumstances is a financial assessment for
the service; the investigation will look at how the decision was made.</p>
<p class='muted'>Agreed by Mrs Adeyemi by email on 16 October 2026. The Stage 2 response is due within 25
working days of this date.</p>
""", LUTON_INK)

    write_pdf(docs / "investigation-report.pdf", "Stage 2 investigation report", band(
        LUTON, "Children's Social Care complaints: Stage 2 investigation") + """
<h1>Investigating Officer's report</h1>
""" + meta([
        ("Complaint", "CSC/2026/0097, Mrs Patience Adeyemi"),
        ("Investigating Officer", "Martin Olsen (independent of the service)"),
        ("Independent Person", "Dr Grace Whitfield"),
        ("Date", "13 November 2026"),
        ("Evidence", "Case records; allowance policy (2023); means-test forms 2025 and 2026; letter of 15 June "
                     "2026; call and email logs; interviews with Owen Bradshaw (Service Manager), Leanne Fisher "
                     "and the finance officer; meeting with Mrs Adeyemi and Mr Adeyemi"),
    ]) + """
<h2>Point 1: the allowance</h2>
<p>Section 6.3 of the Council's allowance policy says that where a review will reduce an allowance, the
special guardian must be told in writing of the proposed change and given 28 days to comment before it takes
effect. The letter of 15 June 2026 told Mrs Adeyemi of a reduction from 1 July, sixteen days later, and did
not invite comment. The means test itself was correctly calculated on the figures provided, but the form
did not ask about Tia's additional needs, which the policy says may be taken into account.</p>
<p><b>Finding: upheld.</b> The reduction was made without the notice and opportunity to comment the policy
requires.</p>
<h2>Point 2: the support plan</h2>
<p>The plan was last reviewed on 14 March 2024. No review was arranged in 2025. A review took place on
28 October 2026 following the Stage 1 response, but it did not include the ADHD clinic's recommendations,
which had not been requested.</p>
<p><b>Finding: upheld.</b></p>
<h2>Point 3: contact</h2>
<p>Nine contacts between 19 June and 26 August 2026; five not answered within three working days and two not
answered at all. The duty cover arrangement for the worker's absence was not put in place.</p>
<p><b>Finding: upheld.</b></p>
<h2>Recommendations</h2>
<ol>
<li>The allowance is restored to its previous level from 1 July 2026 until a new assessment is made with
proper notice, taking Tia's needs into account.</li>
<li>The support plan review is completed with the ADHD clinic's input by 31 January 2027.</li>
<li>The allowance review form is changed to ask about the child's additional needs.</li>
<li>The service apologises to Mrs Adeyemi for the failings found.</li>
</ol>
<h2>Independent Person's comments</h2>
<div class='boxed'><p>I was present at the interviews and have read the records. The investigation was fair
and thorough and I agree with its findings and recommendations. I would add that the service should consider
whether other special guardians were given the same short notice in 2026. Dr Grace Whitfield, 13 November
2026.</p></div>
""", LUTON_INK)

    write_pdf(docs / "adjudication.pdf", "Stage 2 adjudication letter", letter(
        org=LUTON, unit="Children, Families and Education: Permanence Service", sender=LUTON_CSC, to=ADEYEMI,
        date="20 November 2026", ref="CSC/2026/0097",
        subject="Your complaint about Children's Social Care: Stage 2 response", dear="Dear Mrs Adeyemi",
        body=paras(
            "I am the Head of Service responsible for adjudicating on your complaint. I have read Mr Olsen's "
            "report and Dr Whitfield's comments, and I enclose a copy of the report. This letter sets out the "
            "Council's view of your complaint and what we will do.",
            "<b>Point 1.</b> I accept the finding that your allowance was reduced without the notice the policy "
            "requires, and I uphold this point. I have decided to restore the allowance to its previous level "
            "from 2 October 2026, the date you asked for Stage 2, until a new assessment is completed with "
            "proper notice. I do not accept the recommendation to back-date to 1 July 2026, because the "
            "calculation itself was correct on the figures you gave.",
            "<b>Point 2.</b> Upheld. The support plan review will be completed with the ADHD clinic's input by "
            "31 January 2027. The allowance review form will be changed by 31 March 2027.",
            "<b>Point 3.</b> Upheld. I apologise on behalf of the Council for the failure to return your calls "
            "and emails, and for the other failings the investigation found.",
            "If you are not satisfied, you can ask for your complaint to be considered by a Review Panel at "
            "Stage 3. Please write to the Customer Support Officer at feedback@luton.example.gov.uk within 20 "
            "working days of receiving this letter, explaining why you remain dissatisfied.",
        ),
        name="Rebecca Lowe", role="Head of Service, Permanence (Adjudicating Officer)",
        cc=["Martin Olsen, Investigating Officer", "Dr Grace Whitfield, Independent Person",
            "Owen Bradshaw, Service Manager", "Complaints and Information Governance Team"]), LUTON_INK)

    write_pdf(docs / "stage3-request.pdf", "Request for a Stage 3 Review Panel (email)", email(
        sender="Patience Adeyemi <p.adeyemi@example.net>",
        to="Complaints <feedback@luton.example.gov.uk>",
        cc="Samuel Adeyemi <sam.adeyemi@example.net>",
        sent="Tuesday 1 December 2026 19:37",
        subject="CSC/2026/0097 - request for Stage 3 Review Panel",
        body=paras(
            "Dear Customer Support Officer",
            "I have Ms Lowe's letter of 20 November. I am grateful that the Council now accepts it was wrong, "
            "but I would like my complaint to go to a Review Panel, for these reasons.",
            "1. The Council accepts that my allowance was cut without the notice its own policy requires. If "
            "the policy had been followed, the allowance could not have gone down on 1 July. Back-dating only "
            "to October means I still lose three months, about £600, because of the Council's mistake.",
            "2. It has taken two stages and four months to get this far. I have had to take time off work and "
            "my son has had to help me. I think this should be recognised.",
            "3. The Independent Person said other special guardians may have been treated the same way. Nothing "
            "in the letter says this will be looked at.",
            "I would like the allowance back-dated to 1 July, something to recognise the time and trouble, and "
            "the Council to check whether others were affected.",
            "Patience Adeyemi",
        )), LUTON_INK)

    write_pdf(docs / "service-chronology.pdf", "Service statement and chronology of contact", band(
        LUTON, "Children, Families and Education: Special Guardianship Support") + """
<h1>Statement from the Service Manager for the Review Panel</h1>
""" + meta([
        ("Complaint", "CSC/2026/0097, Mrs Patience Adeyemi"),
        ("From", "Owen Bradshaw, Service Manager, Special Guardianship Support"),
        ("Date", "22 December 2026"),
        ("Panel", "Review Panel, 13 January 2027"),
    ]) + paras(
        "The service accepts the findings of the Stage 2 investigation and apologises again to Mrs Adeyemi.",
        "Since the Stage 2 response: the allowance has been restored from 2 October 2026 and the arrears paid "
        "on 4 December; Tia's support plan review meeting is booked for 19 January 2027 with the ADHD nurse "
        "attending; and Kerry Doyle has been Mrs Adeyemi's named worker since 28 September, with every contact "
        "answered within two working days.",
        "On back-dating: the service's view at Stage 2 was that the calculation was correct and only the notice "
        "was wrong. The service recognises that the Panel may take a different view and will act on the "
        "Director's decision.",
        "On other special guardians: our records show that eleven other allowances were reduced in 2026 with "
        "less than 28 days' notice. The service has begun writing to those guardians.",
        "The chronology of contact with Mrs Adeyemi from June to December 2026 is on the next page.",
    ) + "<p class='sig'><b>Owen Bradshaw</b><br>Service Manager</p>" + """
<div class='wide'>
<h2>Chronology of contact with Mrs Adeyemi, June to December 2026</h2>
""" + table(["Date", "From", "To", "How", "About", "Response", "Within 3 working days?"], [
        ["15 Jun 2026", "Finance team", "Mrs Adeyemi", "Letter", "Allowance reduced from 1 July", "-", "-"],
        ["19 Jun 2026", "Mrs Adeyemi", "Social worker", "Phone", "Asked why allowance reduced",
         "Called back 22 Jun", "Yes"],
        ["29 Jun 2026", "Mrs Adeyemi", "Social worker", "Email", "Asked for support plan review", "None", "No"],
        ["6 Jul 2026", "Mrs Adeyemi", "Social worker", "Phone", "Chased allowance and review", "None", "No"],
        ["14 Jul 2026", "Mrs Adeyemi", "Duty team", "Phone", "Chased; told worker on leave", "Message taken", "No"],
        ["21 Jul 2026", "Mrs Adeyemi", "Social worker", "Email", "Tia's ADHD medication costs",
         "Reply 23 Jul (duty)", "Yes"],
        ["3 Aug 2026", "Mrs Adeyemi", "Social worker", "Phone", "Chased review", "None", "No"],
        ["10 Aug 2026", "Mr S Adeyemi", "Team Manager", "Email", "Asked who covers the case", "Reply 12 Aug", "Yes"],
        ["18 Aug 2026", "Mrs Adeyemi", "Social worker", "Phone", "Chased allowance", "None", "No"],
        ["26 Aug 2026", "Mrs Adeyemi", "Duty team", "Phone", "Chased review", "Called back 27 Aug", "Yes"],
        ["7 Sep 2026", "Mrs Adeyemi", "Complaints team", "Email", "Stage 1 complaint", "Acknowledged 9 Sep", "Yes"],
        ["28 Sep 2026", "Kerry Doyle", "Mrs Adeyemi", "Phone", "Introduced as named worker", "-", "-"],
        ["28 Oct 2026", "Kerry Doyle", "Mrs Adeyemi", "Meeting", "Support plan review (part 1)", "-", "-"],
        ["4 Dec 2026", "Finance team", "Mrs Adeyemi", "Letter", "Allowance restored from 2 Oct; arrears paid",
         "-", "-"],
    ], small=True) + "</div>", LUTON_INK)


# ==============================================================================================
# durham-cpc: Mr Pattinson's appeal about the Review Child Protection Conference of 14 October 2026
# ==============================================================================================

DURHAM = "Durham County Council"
DURHAM_INK = "#26462d"
DSCP = "Durham Safeguarding Children Partnership"
DURHAM_CONF = ["Safeguarding and Professional Practice", "Wear House", "7 Example Street", "Durham DH1 9ZZ",
               "01632 960 491"]
PATTINSON = ["Mr Craig Pattinson", "9 Chapel Row", "Spennymoor", "County Durham", "DL16 9ZV"]


def durham_cpc(docs: Path) -> None:
    """Conference minutes and reports (one a fax-like scan), Stage 1 and 2 letters and the Stage 3 request."""
    write_pdf(docs / "conference-minutes.pdf", "Minutes of a Review Child Protection Conference", band(
        DURHAM, "Children and Young People's Services: Child Protection Conferences") + """
<h1>Review Child Protection Conference: minutes</h1>
""" + meta([
        ("Child", "Lily Pattinson, born 3 February 2015 (11)"),
        ("Date", "Wednesday 14 October 2026, 09:30 to 11:20"),
        ("Venue", "Meeting Room 1, Wear House, Durham"),
        ("Chair", "Alison Heslop, Independent Reviewing Officer"),
        ("Category", "Emotional harm (since the Initial Conference on 22 April 2026)"),
    ]) + """
<h2>Present</h2>
""" + table(["Name", "Role"], [
        ["Alison Heslop", "Chair"],
        ["Mr Craig Pattinson", "Father"],
        ["Ms Beth Lowther", "Advocate for Mr Pattinson, Wearside Parent Advocacy"],
        ["Ms Joanne Pattinson", "Mother (joined by telephone for items 1 to 4)"],
        ["Amy Wardle", "Social Worker, Families First Team"],
        ["Kevin Reay", "Head of Year 7, Lily's school"],
        ["Rachel Moody", "School Counsellor"],
        ["PC Dan Oliver", "Police, Safeguarding Unit"],
    ]) + """
<h2>1. Purpose</h2>
<p>To review Lily's progress and decide whether she still needs a Child Protection Plan. Lily lives with her
father; her parents separated in 2025 and she sees her mother at weekends.</p>
<h2>2. Reports</h2>
<p>The social worker's report was shared with both parents on 9 October. The school's report arrived on the
morning of the conference and was handed to Mr Pattinson at 09:15.</p>
<h2>3. Information from agencies</h2>
<p><b>School.</b> Mr Reay said Lily's attendance for the last school year was 68%, and she has been late on
eleven occasions this term. Ms Moody said Lily has told her she worries about her father's drinking and
about arguments on the telephone between her parents. Lily has been self-critical and tearful in sessions.</p>
<p><b>Police.</b> PC Oliver said police attended Mr Pattinson's address on 2 August 2026 following a report of a
man shouting in the street; no offence was recorded.</p>
<p><b>Social worker.</b> Ms Wardle said Mr Pattinson has worked with the alcohol service and reports reduced
drinking, though he missed two of six appointments. Lily says home is "a bit better". The plan's aim of
Lily having a trusted adult at school has been met.</p>
<h2>4. Parents' views</h2>
<p>Mr Pattinson said the attendance figure was wrong: Lily had a good year apart from two weeks with a broken
wrist. He said he was not at home on 2 August. He has cut down his drinking and wants the plan to end.
Ms Pattinson agreed Lily needs continued support but did not express a view on the plan.</p>
<h2>5. Decision</h2>
<div class='boxed'><p>The conference decided that Lily should continue to be the subject of a Child
Protection Plan under the category of <b>emotional harm</b>. Agencies agreed; Mr Pattinson disagreed.</p></div>
<h2>6. Next steps</h2>
<ul>
<li>Mr Pattinson to continue with the alcohol service (next appointment 21 October).</li>
<li>School to check the attendance figure and tell the social worker (Mr Reay, by 21 October).</li>
<li>Next Review Conference: 3 February 2027.</li>
</ul>
""", DURHAM_INK)

    scanned_png(docs / "school-report.png", [
        ("h", "HOLLINSIDE ACADEMY - REPORT TO CHILD PROTECTION CONFERENCE"),
        ("mono", "Pupil: Lily PATTINSON     DOB: 03/02/2015     Year: 7     Form: 7R"),
        ("mono", "Conference date: 14/10/2026      Completed by: K. Reay (Head of Year 7)"),
        ("mono", "Date completed: 09/10/2026       Sent to conference service: 14/10/2026 08:41"),
        ("gap", ""),
        ("h", "1. Attendance"),
        ("mono", "Attendance 2025/26 (previous school, transferred record) ....... 68.2%"),
        ("mono", "Attendance this term (from 02/09/2026) ........................... 91.4%"),
        ("mono", "Late marks this term ............................................... 11"),
        ("gap", ""),
        ("h", "2. Progress and wellbeing"),
        ("p", "Lily settled into Year 7 well and has made friends in her form. She is working at the expected "
              "level in most subjects and is doing well in art. Staff have noticed that she can be very hard on "
              "herself and becomes upset when she makes mistakes. She has been late eleven times, usually on a "
              "Monday, and has said she overslept."),
        ("h", "3. Contact with home"),
        ("p", "Mr Pattinson attends parents' events and answers calls from school. He has told us Lily's mother "
              "collects her on Fridays."),
        ("h", "4. Support in school"),
        ("p", "Lily sees the school counsellor, Rachel Moody, weekly. She has named Mrs Moody as her trusted "
              "adult. A separate report from Mrs Moody is given verbally at conference."),
        ("gap", ""),
        ("mono", "Signed: K Reay                Designated Safeguarding Lead: H. Barker"),
        ("gap", ""),
        ("mono", "NOTE ADDED 22/10/2026: 2025/26 figure above is WRONG - belongs to another pupil"),
        ("mono", "transferred from the same primary school. Correct figure 88.0%. K.R."),
    ], seed=14)

    write_pdf(docs / "social-worker-report.pdf", "Social worker's report to a Review Child Protection Conference",
              band(DURHAM, "Children and Young People's Services: Families First Team") + """
<h1>Social worker's report to the Review Child Protection Conference</h1>
""" + meta([
        ("Child", "Lily Pattinson (11)"),
        ("Conference", "14 October 2026"),
        ("Author", "Amy Wardle, Social Worker"),
        ("Date", "9 October 2026; shared with both parents the same day"),
    ]) + """
<h2>Progress against the plan</h2>
""" + table(["Outcome sought", "Progress since April 2026"], [
        ["Lily has a trusted adult she can talk to", "Met: weekly sessions with the school counsellor"],
        ["Mr Pattinson reduces his drinking and works with the alcohol service",
         "Partly met: attended four of six appointments; reports drinking less"],
        ["Lily is not exposed to conflict between her parents",
         "Not yet met: Lily describes arguments on the telephone that upset her"],
        ["Lily attends school regularly and on time", "Attendance this term 91%; late eleven times"],
    ]) + """
<h2>Lily's views</h2>
<p>Lily says she loves her dad and wants to stay living with him. She says home is "a bit better" but she
still worries when he has been drinking, and she feels caught in the middle when her parents argue.</p>
<h2>Analysis and recommendation</h2>
<p>Mr Pattinson has made progress and cares for Lily well in many ways. Lily's worries and her low mood, which
school also see, suggest she remains at risk of emotional harm. I recommend that the plan continues, with a
focus on the alcohol work and on the parents' communication, for review in four months.</p>
<p class='sig'><b>Amy Wardle</b><br>Social Worker</p>
""", DURHAM_INK)

    write_pdf(docs / "stage1-letter.pdf", "Conference chair's Stage 1 letter", letter(
        org=DURHAM, unit=f"Safeguarding and Professional Practice, for the {DSCP}", sender=DURHAM_CONF,
        to=PATTINSON, date="10 November 2026", ref="DSCP/CRP/2026/014",
        subject="Your concerns about Lily's Review Child Protection Conference", dear="Dear Mr Pattinson",
        body=paras(
            "Thank you for meeting me on 5 November 2026 with Ms Lowther. I am writing, as I said I would, about "
            "the points you made and the actions we agreed.",
            "<b>School attendance.</b> You were right. The school has confirmed that the figure of 68% belonged to "
            "another pupil; Lily's attendance last year was 88%. I am sorry the conference was given the wrong "
            "figure. The minutes will be corrected and sent to everyone who received them, and the school has "
            "apologised and checked its reporting.",
            "<b>The police call-out on 2 August.</b> The police have checked their record and confirm that the "
            "call was to your address. I know you say you were not at home that night. Your account has been "
            "added to the minutes so that it is on record.",
            "<b>The decision to continue the plan.</b> The attendance figure was one of several things the "
            "conference considered. Lily's own worries, which she has shared with the school counsellor and with "
            "her social worker, were the main reason for the decision. I think the conference would have reached "
            "the same decision with the correct figure.",
            "If you are still unhappy, you can move to Stage 2, a Complaint Resolution meeting. You should let "
            "us know within 28 days of first making us aware of the issue, which means by 23 November 2026. The "
            "conference's decision stands while your concerns are considered.",
        ),
        name="Alison Heslop", role="Independent Reviewing Officer and Conference Chair",
        cc=["Ms Beth Lowther, Wearside Parent Advocacy"]), DURHAM_INK)

    write_pdf(docs / "stage2-outcome.pdf", "Outcome of a Complaint Resolution meeting", letter(
        org=DURHAM, unit=f"Safeguarding and Professional Practice, for the {DSCP}", sender=DURHAM_CONF,
        to=PATTINSON, date="25 November 2026", ref="DSCP/CRP/2026/014",
        subject="Outcome of the Complaint Resolution meeting on 20 November 2026", dear="Dear Mr Pattinson",
        body=paras(
            "Thank you for coming to the Complaint Resolution meeting on 20 November 2026 with Ms Lowther. "
            "Alison Heslop also attended. We considered the minutes of the conference, the reports to the "
            "conference and the Stage 1 correspondence.",
            "We agreed that the school's attendance figure was wrong and that you were given the school's report "
            "only fifteen minutes before the conference started, which did not give you a fair chance to point "
            "out the error. The corrected minutes were sent out on 18 November.",
            "We discussed the police call-out. The police record stands, and your account is now in the minutes.",
            "I have considered whether the conference should be reconvened. Having read the reports, I agree "
            "with Ms Heslop that the main reason for the decision was Lily's own worries, which the correct "
            "attendance figure does not change. I have therefore decided that the conference will not be "
            "reconvened. Lily's next Review Conference is on 3 February 2027.",
            "If you are still unhappy, you can move to Stage 3, where an independent panel of senior "
            "professionals, led by the Partnership's Independent Chair or their nominee, will hear your "
            "concerns. You should write to me within 28 days of receiving this letter.",
        ),
        name="Neil Forster", role="Service Manager, Safeguarding and Professional Practice",
        cc=["Alison Heslop, Independent Reviewing Officer", "Ms Beth Lowther, Wearside Parent Advocacy"]),
        DURHAM_INK)

    write_pdf(docs / "stage3-request.pdf", "Request for the complaint resolution and appeal panel",
              personal_letter(
        sender=PATTINSON[1:], date="14 December 2026",
        to=["Mr Neil Forster", "Safeguarding and Professional Practice", *DURHAM_CONF[1:4]],
        dear="Dear Mr Forster", heading="Lily Pattinson: I want to move to Stage 3",
        body=paras(
            "Thank you for your letter of 25 November. I want to move to Stage 3 and have my appeal heard by "
            "the panel. Beth Lowther from Wearside Parent Advocacy has helped me write this letter and will "
            "come with me.",
            "Everyone now agrees the conference was told something wrong about Lily's attendance, and that I "
            "did not get the school's report until just before the meeting. I did not have a fair chance. The "
            "wrong figure made me look like a father who does not get his daughter to school.",
            "I accept Lily has worries and I want her to have help. But I do not think she needs to be on a "
            "plan. I have done everything asked of me.",
            "I would like the panel to say the procedures were not followed and that the conference should "
            "be held again with a different chair and the right information.",
            "I am available any day except Tuesdays. Please send letters to my home address, with a copy to "
            "Ms Lowther.",
        ), close="Yours sincerely", name="Craig Pattinson"), DURHAM_INK)


SAMPLES: dict[str, Callable[[Path], None]] = {
    "herts-lado": herts_lado,
    "herts-cpc": herts_cpc,
    "sussex-cpc": sussex_cpc,
    "luton-csc": luton_csc,
    "luton-csc-young-person": luton_csc_young_person,
    "durham-cpc": durham_cpc,
}
