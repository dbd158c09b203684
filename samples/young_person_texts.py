"""The words of the luton-csc-young-person sample's bundle documents (all fictional): Maya Okoro,
15 and in foster care, complains about her own care with her independent advocate.

Used by make_documents.py through document_texts.SAMPLES; names, dates and facts match the
sample's case.toml.
"""

from __future__ import annotations

from pathlib import Path

from make_documents import band, email, letter, meta, paras, scanned_jpg, table, write_pdf

LUTON = "Luton Borough Council"
LUTON_INK = "#661c4e"
LUTON_CSC = ["Children, Families and Education", "Town Hall", "1 Example Street", "Luton LU1 9ZZ",
             "01632 960 372"]
MAYA = ["Maya Okoro", "8 Example Close", "Luton", "LU4 9ZX"]
REF = "CSC/2026/0131"


def luton_csc_young_person(docs: Path) -> None:
    """Maya's complaint form (scanned), the statement, Stage 1 and Stage 2 papers, her Stage 3 request
    and the service's statement."""
    scanned_jpg(docs / "complaint.jpg", [
        ("h", "Luton Children's Services - Tell us what you think (young people's complaint form)"),
        ("gap", ""),
        ("p", "Your name: Maya Okoro          Age: 15"),
        ("p", "Where should we send letters? 8 Example Close, Luton LU4 9ZX (my foster home)"),
        ("p", "Who is helping you? Hannah Price, my advocate from Brightside Advocacy"),
        ("p", "Date: 11 September 2026"),
        ("gap", ""),
        ("h", "What is wrong?"),
        ("p", "1. I used to see my little brother Daniel every 2 weeks. In April they changed it to once a "
              "month. Nobody asked me. I found out when the contact worker told me at the contact centre. "
              "Daniel is 9 and he cries when we have to go."),
        ("p", "2. My social worker Jo left in June and nobody told me. I rang the office in July to ask why "
              "she was not answering and they said she had left. I had to tell my whole story again."),
        ("p", "3. My review was in May. My IRO rang when I was at school and then the review just happened. "
              "My foster carer said what she thought I wanted but she did not really know."),
        ("gap", ""),
        ("h", "What do you want to happen?"),
        ("p", "I want to see Daniel every 2 weeks again. I want to be told first if my social worker changes. "
              "I want to be asked properly before my reviews."),
        ("gap", ""),
        ("p", "Signed: Maya Okoro"),
        ("p", "Advocate's note: completed with Maya on 11 September 2026 and posted for her on the same day. "
              "Maya would like letters addressed to her by post, and a copy to me. Hannah Price, Brightside "
              "Advocacy."),
    ], seed=131)

    write_pdf(docs / "stage1-response.pdf", "Stage 1 response to a complaint", letter(
        org=LUTON, unit="Children, Families and Education: Children in Care", sender=LUTON_CSC,
        to=MAYA, date="2 October 2026", ref=REF,
        subject="Your complaint about Children's Social Care: Stage 1 response", dear="Dear Maya",
        body=paras(
            "Thank you for meeting me with Hannah on 18 September 2026. I have looked into each part of your "
            "complaint.",
            "<b>1. Seeing Daniel.</b> The change to monthly visits was made at a planning meeting on 20 April "
            "2026, because Daniel's carers could no longer drive him every two weeks. Your views should have "
            "been asked for first, and they were not. I am sorry. Daniel's carers still cannot drive him more "
            "often, so from 12 October you will have a video call with Daniel in the weeks between visits. I "
            "partly uphold this part of your complaint.",
            "<b>2. Your social worker.</b> Your social worker left the team on 12 June 2026 and nobody told "
            "you. That should not have happened. I uphold this part. Your social worker is now Amira Haddad. If "
            "she changes, she or her manager will tell you first.",
            "<b>3. Your review.</b> Your Independent Reviewing Officer tried to call you twice before the review "
            "but did not try another way. Your foster carer gave your views, but you were not asked how you "
            "wanted to take part. I partly uphold this part. Before each review, your IRO will ask you how you "
            "want to take part.",
            "If you are not happy with this, you can ask for Stage 2, where an Investigating Officer will look "
            "into your complaint. Please write to the Complaints team within 20 working days of getting this "
            "letter. Hannah can help you.",
        ),
        name="Kate Morrow", role="Team Manager, Children in Care, and Stage 1 Investigating Officer",
        cc=["Complaints and Information Governance Team", "Hannah Price, Brightside Advocacy"]), LUTON_INK)

    write_pdf(docs / "statement-of-complaint.pdf", "Agreed statement of complaint", band(
        LUTON, "Complaints and Information Governance Team") + """
<h1>Statement of complaint: Stage 2</h1>
""" + meta([
        ("Complainant", "Maya Okoro (15), a young person in foster care"),
        ("Advocate", "Hannah Price, Brightside Advocacy"),
        ("Reference", REF),
        ("Investigating Officer", "Elaine Brookes"),
        ("Independent Person", "Mr Femi Adebayo"),
        ("Meeting with complainant", "27 October 2026, at Maya's school, with Ms Price"),
        ("Statement agreed", "By Maya, with Ms Price, 30 October 2026"),
    ]) + """
<h2>Points of complaint to be investigated</h2>
""" + table(["", "Complaint", "What Maya wants"], [
        ["1", "Maya's contact with her brother Daniel (9) was reduced from fortnightly to monthly in April "
              "2026 without her views being sought, and the video calls offered at Stage 1 do not make up for "
              "it.", "Face-to-face contact with Daniel every two weeks, and to be asked before it changes."],
        ["2", "Maya was not told when her social worker left in June 2026.",
         "To be told first, by her worker, when her social worker changes."],
        ["3", "Maya's Child Looked After review on 21 May 2026 went ahead without her views.",
         "To be asked properly, in a way that suits her, before each review."],
    ]) + """
<p class='muted'>Agreed by Maya, with her advocate, on 30 October 2026. The Stage 2 response is due within 25
working days of this date.</p>
""", LUTON_INK)

    write_pdf(docs / "investigation-report.pdf", "Stage 2 investigation report", band(
        LUTON, "Children's Social Care complaints: Stage 2 investigation") + """
<h1>Investigating Officer's report</h1>
""" + meta([
        ("Complaint", f"{REF}, Maya Okoro"),
        ("Investigating Officer", "Elaine Brookes (independent of the service)"),
        ("Independent Person", "Mr Femi Adebayo"),
        ("Date", "27 November 2026"),
        ("Evidence", "Maya's care plan and Daniel's; the planning meeting note of 20 April 2026; the review "
                     "record of 21 May 2026; contact records; interviews with Gareth Lyle (Service Manager), "
                     "Kate Morrow and the Independent Reviewing Officer; meeting with Maya and Ms Price"),
    ]) + """
<h2>Point 1: contact with Daniel</h2>
<p>The planning meeting of 20 April 2026 reduced contact because Daniel's carers could no longer provide
transport. Nobody spoke to Maya before or after the meeting; the note records "Maya to be informed".
Transport could have been provided by the Council, as the care planning guidance allows. The video calls
started on 12 October 2026. Maya says they help but are not the same as seeing Daniel.</p>
<p><b>Finding: upheld.</b></p>
<h2>Point 2: change of social worker</h2>
<p>The worker left on 12 June 2026. The case was held by the duty team until 6 July. No one wrote to or
visited Maya to tell her.</p>
<p><b>Finding: upheld.</b></p>
<h2>Point 3: the review of 21 May 2026</h2>
<p>The Independent Reviewing Officer telephoned twice during school hours. She did not write, text or ask
the advocacy service. The review record notes Maya's views "as given by carer".</p>
<p><b>Finding: upheld.</b></p>
<h2>Recommendations</h2>
<ol>
<li>Face-to-face contact every two weeks is restored, with transport arranged by the Council.</li>
<li>The Independent Reviewing Service asks every young person how they want to take part before a review.</li>
<li>The service apologises to Maya.</li>
</ol>
<h2>Independent Person's comments</h2>
<div class='boxed'><p>I was present at the interviews and at the meeting with Maya. The investigation was fair
and listened to Maya. I agree with the findings. I would add that both children's care plans should record
how often they see each other, so that it cannot change again without Maya being asked. Mr Femi Adebayo,
27 November 2026.</p></div>
""", LUTON_INK)

    write_pdf(docs / "adjudication.pdf", "Stage 2 adjudication letter", letter(
        org=LUTON, unit="Children, Families and Education: Children in Care", sender=LUTON_CSC, to=MAYA,
        date="3 December 2026", ref=REF,
        subject="Your complaint about Children's Social Care: Stage 2 response", dear="Dear Maya",
        body=paras(
            "I am the Head of Service who decides what the Council does about your complaint at Stage 2. I have "
            "read Ms Brookes's report and Mr Adebayo's comments. I enclose the report.",
            "<b>Point 1.</b> I agree that you should have been asked before your time with Daniel was cut. From "
            "January, you will see Daniel every three weeks, and the video calls will carry on in between. I "
            "cannot agree to every two weeks yet, because we need to find a driver.",
            "<b>Point 2.</b> Upheld. I am sorry that nobody told you your social worker had left.",
            "<b>Point 3.</b> Upheld. The Independent Reviewing Service will now ask every young person how they "
            "want to take part before a review.",
            "If you are not happy with this, you can ask for a Review Panel at Stage 3. Please write to the "
            "Customer Support Officer within 20 working days of getting this letter. Hannah can help you.",
        ),
        name="Sarah Whitlam", role="Head of Service, Children in Care (Adjudicating Officer)",
        cc=["Elaine Brookes, Investigating Officer", "Mr Femi Adebayo, Independent Person",
            "Gareth Lyle, Service Manager", "Hannah Price, Brightside Advocacy"]), LUTON_INK)

    write_pdf(docs / "stage3-request.pdf", "Request for a Stage 3 Review Panel (email)", email(
        sender="Hannah Price <h.price@brightside.example.org>",
        to="Complaints <feedback@luton.example.gov.uk>",
        sent="Monday 14 December 2026 16:05",
        subject=f"{REF} - Maya Okoro asks for a Review Panel",
        body=paras(
            "Dear Customer Support Officer",
            "I am Maya Okoro's advocate. Maya has asked me to send you her request for a Review Panel. Her "
            "words are below; I typed them as she said them on 11 December.",
            "<i>\"I am glad they said sorry. But every three weeks is still not every two weeks. Daniel is only "
            "9 and three weeks is a long time for him. The video calls are OK but he does not really talk on "
            "them. Nobody has said my care plan will change, so it could all happen again. I want to go to the "
            "panel. Hannah will come with me. Please can it be after school.\"</i>",
            "Maya would like the panel to be held after 3.30pm on a weekday, and would like me to attend as her "
            "advocate. Please send her letters by post, with a copy to me.",
            "Hannah Price<br>Advocate, Brightside Advocacy",
        )), LUTON_INK)

    write_pdf(docs / "service-statement.pdf", "Service statement and record of contact", band(
        LUTON, "Children, Families and Education: Children in Care") + """
<h1>Statement from the Service Manager for the Review Panel</h1>
""" + meta([
        ("Complaint", f"{REF}, Maya Okoro"),
        ("From", "Gareth Lyle, Service Manager, Children in Care"),
        ("Date", "6 January 2027"),
        ("Panel", "Review Panel, 20 January 2027"),
    ]) + paras(
        "The service accepts the findings of the Stage 2 investigation and apologises again to Maya.",
        "Since the Stage 2 response: contact every three weeks started on 4 January 2027; the video calls have "
        "continued; Amira Haddad has visited Maya every four weeks; and the Independent Reviewing Service has "
        "written to Maya to ask how she wants to take part in her next review.",
        "On contact every two weeks: the service has now found a taxi firm approved for children's transport, "
        "and could start fortnightly contact from 1 February 2027 if the Director agrees the cost.",
        "The record of Maya's contact with Daniel from March 2026 to January 2027 follows.",
    ) + "<p class='sig'><b>Gareth Lyle</b><br>Service Manager</p>" + """
<h2>Record of Maya's contact with Daniel</h2>
""" + table(["Date", "Kind", "Where", "Notes"], [
        ["6 Mar 2026", "Visit", "Contact centre", "Fortnightly pattern"],
        ["20 Mar 2026", "Visit", "Contact centre", "Fortnightly pattern"],
        ["3 Apr 2026", "Visit", "Contact centre", "Fortnightly pattern"],
        ["20 Apr 2026", "-", "-", "Planning meeting: contact reduced to monthly"],
        ["1 May 2026", "Visit", "Contact centre", "Monthly pattern begins"],
        ["5 Jun 2026", "Visit", "Contact centre", ""],
        ["3 Jul 2026", "Visit", "Contact centre", ""],
        ["7 Aug 2026", "Visit", "Park, supervised", ""],
        ["4 Sep 2026", "Visit", "Contact centre", ""],
        ["12 Oct 2026", "Video call", "-", "Video calls begin between visits (Stage 1)"],
        ["4 Jan 2027", "Visit", "Contact centre", "Every three weeks (Stage 2)"],
    ], small=True), LUTON_INK)
