"""Plain English, measured (issue 9): every kind of letter of every procedure, rendered with the
sample data, has template wording at Flesch-Kincaid grade 6 or below (a reading age of about 11)
and no sentence over 25 words. The template's own words are measured: the wording templates and the
procedure files' wording, without the case's values (see tests/letter_readability.py).
"""

from __future__ import annotations

import pytest

from tests.letter_readability import (
    KINDS,
    MAX_GRADE,
    MAX_WORDS,
    letter_blocks,
    measure,
    sample_case,
    template_blocks,
)

from .conftest import SAMPLE_IDS

CASES = [(p, k) for p in SAMPLE_IDS for k in KINDS]


@pytest.mark.parametrize(("procedure", "kind"), CASES, ids=[f"{p}-{k}" for p, k in CASES])
def test_template_wording_is_plain_english(procedure: str, kind: str) -> None:
    figures = measure(template_blocks(sample_case(procedure), kind))
    assert figures.long_sentences == [], f"sentences over {MAX_WORDS} words"
    assert figures.grade <= MAX_GRADE, f"Flesch-Kincaid grade {figures.grade:.1f}"


def test_the_measure_leaves_out_the_case_and_keeps_the_procedure_wording() -> None:
    case = sample_case("luton-csc")
    mine = " ".join(template_blocks(case, "decision"))
    whole = " ".join(letter_blocks(case, "decision"))
    assert "special guardianship" in whole and "special guardianship" not in mine  # the case's reasons
    assert "Local Government and Social Care Ombudsman" in mine  # the template's own words
    assert "you have the right to contact the Ombudsman or to seek advice" in mine  # the procedure file's terms


def test_the_measure_finds_long_sentences_and_hard_words() -> None:
    long = "You " + "really " * 30 + "can."
    assert measure([long]).over == 1 and measure([long]).longest == 32
    assert measure(["The Ombudsman's investigation will consider the administrative procedures."]).grade > MAX_GRADE
    assert measure(["We got your letter.", "We will help you."]).grade < MAX_GRADE
    # A heading, a list item and a line introducing a list each end a sentence.
    assert len(measure(["What happens next", "You can write to us:", "- by email"]).sentences) == 3


EASY_READ_GRADE = 5.0  # the easy-read version reads easier than the standard letter's grade 6


@pytest.mark.parametrize("kind", ["acknowledgement", "stage1-response", "decision"])
@pytest.mark.parametrize("sample", ["luton-csc", "luton-csc-young-person"])  # the samples that ask for easy read
def test_easy_read_wording_is_easier_still(sample: str, kind: str) -> None:
    case = sample_case(sample)
    easy = measure(template_blocks(case, kind, easy_read=True))
    standard = measure(template_blocks(case, kind))
    assert easy.long_sentences == [], f"sentences over {MAX_WORDS} words"
    assert easy.grade <= EASY_READ_GRADE and easy.grade < standard.grade, (easy.grade, standard.grade)
