"""The templates themselves: every name and field they use exists in the letter context (the lint),
the decision letters carry the Ombudsman paragraph, the old Ombudsman name appears nowhere, and the
Word layout is the one the build script makes, styled by named styles."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from casepost.procedures import builtin_ids, load_procedure
from letters.environment import Templates, builtin_root
from letters.harfbuzz import harfbuzz_subset_missing
from letters.lint import LayoutContext, Linter, docx_source, line_trap
from letters.review import ReviewSheet
from letters.views import LetterContext

TEMPLATES = Templates(None)
ROOT = builtin_root()
ALL = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "letters").rglob("*.j2"))
WORDING = [n for n in ALL if not n.startswith("letters/_") and "layout" not in n and "review" not in n]


def context_for(name: str) -> type:
    if name.endswith("layout.html.j2"):
        return LayoutContext
    if name.endswith("review.html.j2"):
        return ReviewSheet
    return LetterContext


@pytest.mark.parametrize("name", [n for n in ALL if not n.startswith("letters/_")])
def test_template_uses_only_fields_of_the_context(name: str) -> None:
    # Shared blocks (_ombudsman.j2, _dates.j2 ...) are checked through the templates that use them,
    # with the types their callers pass.
    assert Linter(TEMPLATES).check(name, context_for(name)) == []


def test_word_layout_uses_only_fields_of_the_context() -> None:
    source = docx_source(TEMPLATES, "letters/layout.docx")
    assert "{{ block.text }}" in source
    assert Linter(TEMPLATES).check_source("letters/layout.docx", source, LayoutContext) == []


@pytest.mark.parametrize("name", [n for n in ALL if "layout" not in n and "review" not in n])
def test_no_line_of_text_ends_in_a_block_tag(name: str) -> None:
    assert line_trap(TEMPLATES, name) == []


def test_the_lint_finds_mistakes(tmp_path: Path) -> None:
    (tmp_path / "letters").mkdir()
    (tmp_path / "letters" / "_bad.j2").write_text("{% macro say(d) %}{{ d.dat }}{% endmacro %}\n")
    (tmp_path / "letters" / "bad.j2").write_text(
        '{% from "letters/_bad.j2" import say %}\n'
        "{{ complaint.recieved }} {{ nope }}\n"
        "{% for p in complaint.points %}{{ p.sumary }}{% endfor %}\n"
        "{% for d in dates %}{{ say(d) }}{% endfor %}\n"
        "Some text {% if child %}x{% endif %}\n"
    )
    problems = Linter(Templates(tmp_path)).check("letters/bad.j2", LetterContext)
    assert problems == [
        "letters/bad.j2:2: ComplaintView has no field 'recieved'",
        "letters/bad.j2:2: 'nope' is not in the letter context",
        "letters/bad.j2:3: PointView has no field 'sumary'",
        "letters/_bad.j2:1: DateLine has no field 'dat'",
    ]
    assert line_trap(Templates(tmp_path), "letters/bad.j2") == [
        "letters/bad.j2:5: a line of text ends with a block tag; its line break would be lost"
    ]


@pytest.mark.parametrize("procedure", builtin_ids())
def test_decision_letters_contain_the_ombudsman_paragraph(procedure: str) -> None:
    letters = load_procedure(procedure).letters
    assert "decision" in letters
    own = f"letters/{procedure}/decision.j2"
    name = own if TEMPLATES.exists(own) else "letters/decision.j2"
    assert "letters/_ombudsman.j2" in TEMPLATES.closure(name)
    assert '{% include "letters/_ombudsman.j2" %}' in TEMPLATES.find(name).read_text()


@pytest.mark.parametrize("paragraph", ["letters/_ombudsman.j2", "letters/easy-read/_ombudsman.j2"])
def test_the_ombudsman_paragraph_has_its_current_name_and_details(paragraph: str) -> None:
    # The paragraph with what it includes (the contact details, letters/_lgo.j2, shared by both).
    names = TEMPLATES.closure(paragraph)
    assert "letters/_lgo.j2" in names
    text = " ".join(" ".join(TEMPLATES.find(name).read_text().split()) for name in names)
    for fact in (
        "Local Government and Social Care Ombudsman",
        "www.lgo.org.uk",
        "0300 061 0614",
        "12 months",
        "not from the date of this letter",
        "copy of this letter and of our earlier responses",
        "{% if procedure.judicial_review %}",
        "judicial review",
    ):
        assert fact in text


def test_no_template_uses_the_pre_2017_name() -> None:
    for path in (ROOT / "letters").rglob("*.j2"):
        assert not re.search(r"Local\s+Government\s+Ombudsman", path.read_text()), path


def test_word_layout_is_what_the_build_script_makes(tmp_path: Path) -> None:
    from letters.make_docx_layout import build

    built = build(tmp_path / "layout.docx")
    committed = zipfile.ZipFile(ROOT / "letters" / "layout.docx")
    fresh = zipfile.ZipFile(built)
    for part in ("word/document.xml", "word/styles.xml", "word/header1.xml", "word/footer1.xml"):
        assert committed.read(part) == fresh.read(part), f"{part}: run python -m letters.make_docx_layout"


def test_word_layout_uses_named_styles_not_direct_formatting() -> None:
    from docx import Document

    doc = Document(io.BytesIO((ROOT / "letters" / "layout.docx").read_bytes()))
    xml = zipfile.ZipFile(ROOT / "letters" / "layout.docx").read("word/document.xml").decode()
    assert not re.search(r"<w:r><w:rPr><w:(b|i|sz|color|rFonts)\b", xml)  # no bold/size/colour set on runs
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Salutation", "Heading 1", "Heading 2", "List Bullet", "Normal", "Sign-off", "Signatory"} <= styles
    assert doc.styles["Normal"].font.name == "Arial" and doc.styles["Normal"].font.size.pt == 12
    assert doc.sections[0].page_width.mm == pytest.approx(210, abs=0.1)
    assert doc.sections[0].page_height.mm == pytest.approx(297, abs=0.1)


def test_shipped_font_and_licence() -> None:
    fonts = ROOT / "fonts"
    assert (fonts / "LiberationSans-Regular.ttf").stat().st_size > 100_000
    assert "SIL Open Font License" in (fonts / "LICENSE-LiberationSans.txt").read_text()
    assert "url(../fonts/LiberationSans-Regular.ttf)" in (ROOT / "letters" / "letter.css").read_text()


def test_harfbuzz_subsetting_is_installed() -> None:
    # The set-up installs libharfbuzz-subset0; without it every letter takes 2.5 times as long.
    assert not harfbuzz_subset_missing()
