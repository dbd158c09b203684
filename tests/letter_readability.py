"""How hard each sample letter is to read: Flesch-Kincaid grade (textstat), the longest sentence and
the sentences over 25 words, of the template's own words and of the whole letter.

The template's own words are the wording template's text with the procedure file's wording (its
titles, terms, steps and outcome sentences: the words legal approves) and without the case's values
(names, dates, findings, reasons): the environment marks every printed value (VALUE_START ...
VALUE_END), and a value that is not one of the procedure file's strings is the case's. A block that
is only a case value (a finding, the reasons) is left out; a case value inside a sentence counts as
one word.

`python -m tests.letter_readability` prints the figures for every kind of every sample.
"""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.conftest import SAMPLE_IDS, SAMPLES

KINDS = ("acknowledgement", "stage1-response", "panel-invitation", "decision")
MAX_WORDS = 25  # GOV.UK: no sentence over 25 words
MAX_GRADE = 6.0  # Flesch-Kincaid grade 6: a reading age of about 11
_CASE = "\x00"  # stands for a case value inside a sentence while measuring
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


@dataclass(frozen=True)
class Figures:
    """Readability of one text."""

    grade: float  # Flesch-Kincaid grade
    longest: int  # words in the longest sentence
    over: int  # sentences over MAX_WORDS words
    sentences: tuple[str, ...]

    @property
    def long_sentences(self) -> list[str]:
        """The sentences over MAX_WORDS words."""
        return [s for s in self.sentences if len(s.split()) > MAX_WORDS]


def measure(blocks: list[str]) -> Figures:
    """Figures for text given as blocks (headings, paragraphs, list items): each block ends a
    sentence, so a heading or an item without a full stop is not run into the next one.
    """
    import textstat

    # A line introducing a list ("The panel will consider these papers:") is a sentence of its own.
    # Each line of a block with forced line breaks (a website, a telephone number) is an item of its own.
    lines = [line.strip() for b in blocks for line in b.split("\n") if line.strip()]
    ends = [b[:-1] + "." if b.endswith(":") else b for b in lines]
    text = " ".join(b if b.endswith((".", "!", "?")) else b + "." for b in ends)
    text = " ".join(text.replace("\n", " ").split())
    sentences = tuple(s for s in _SENTENCE_END.split(text) if s)
    lengths = [len(s.split()) for s in sentences] or [0]
    return Figures(
        float(textstat.flesch_kincaid_grade(text)),
        max(lengths),
        sum(n > MAX_WORDS for n in lengths),
        sentences,
    )


@cache
def procedure_wording(procedure: str) -> frozenset[str]:
    """Every string of a procedure file (its wording: titles, terms, steps, outcome sentences...)."""
    import casepost

    path = Path(casepost.__file__).parent / "data" / "procedures" / f"{procedure}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(" ".join(value.split()))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return frozenset(found)


def _compose(case: Path, kind: str, easy_read: bool = False):  # type: ignore[no-untyped-def]
    from casepost.loaded import open_case
    from letters.context import letter_day
    from letters.letter import compose

    loaded = open_case(case)
    return loaded, compose(loaded, kind, letter_day(loaded.case, kind), **({"easy_read": True} if easy_read else {}))


def template_blocks(case: Path, kind: str, easy_read: bool = False) -> list[str]:
    """The template's own words of one letter (see the module's docstring), block by block."""
    from letters.environment import VALUE_END, VALUE_START, render
    from letters.markup import parse

    loaded, letter = _compose(case, kind, easy_read)
    raw = render(letter.templates.wording, letter.wording, letter.context.as_dict())
    wording = procedure_wording(loaded.procedure.id)
    value = re.compile(re.escape(VALUE_START) + "(.*?)" + re.escape(VALUE_END), re.DOTALL)

    def keep_wording(match: re.Match[str]) -> str:
        text = " ".join(html.unescape(match.group(1)).split())
        return text if text in wording else _CASE

    blocks = []
    for block in parse(value.sub(keep_wording, raw)):
        if not re.sub(r"[\W_]", "", block.text.replace(_CASE, "")):
            continue  # only a case value (a finding, the reasons, a name)
        blocks.append(block.text.replace(_CASE, "X"))
    return blocks


def letter_blocks(case: Path, kind: str, easy_read: bool = False) -> list[str]:
    """The whole letter's words, block by block: the title and the body as the reader gets them."""
    _, letter = _compose(case, kind, easy_read)
    return [letter.context.title, *(b.text for b in letter.blocks)]


def sample_case(procedure: str) -> Path:
    """A sample case file."""
    return SAMPLES / procedure / "case.toml"


def table(easy_read: bool = False) -> list[tuple[str, str, Figures, Figures]]:
    """(procedure, kind, template figures, whole-letter figures) for every sample letter."""
    from casepost.loaded import open_case

    rows = []
    for procedure in SAMPLE_IDS:
        case = sample_case(procedure)
        if easy_read and not open_case(case).case.complainant.easy_read:
            continue
        for kind in KINDS:
            if easy_read and kind == "panel-invitation":
                continue
            rows.append(
                (
                    procedure,
                    kind,
                    measure(template_blocks(case, kind, easy_read)),
                    measure(letter_blocks(case, kind, easy_read)),
                )
            )
    return rows


def main() -> None:
    """Print the figures (a Markdown table) for the README and the report."""
    for easy_read in (False, True):
        print("easy-read letters" if easy_read else "standard letters")
        print("| procedure | kind | template grade | longest | over 25 | letter grade | longest | over 25 |")
        print("|---|---|---|---|---|---|---|---|")
        for procedure, kind, mine, whole in table(easy_read):
            print(
                f"| {procedure} | {kind} | {mine.grade:.1f} | {mine.longest} | {mine.over} "
                f"| {whole.grade:.1f} | {whole.longest} | {whole.over} |"
            )
        print()


if __name__ == "__main__":
    main()
