"""The wording templates' plain markup, parsed into blocks both layouts lay out the same way.

A wording template renders to text a lawyer can read:

- a line starting "# " is a heading;
- a line starting "- " is an item of a bulleted list (lines after it, until a blank line, continue it);
- anything else is a paragraph; paragraphs are separated by blank lines, and lines within one are
  joined with a space, unless a line ends with a backslash, which forces a line break.

Only the template's own text can make structure: values (names, reasons...) are marked by the
environment (letters.environment.VALUE_START/END), so a name starting "- " stays a name, and a
value's own line breaks stay line breaks inside its paragraph.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

from letters.environment import VALUE_END, VALUE_START

BlockKind = Literal["heading", "para", "bullet"]

_VALUE = re.compile(re.escape(VALUE_START) + "(.*?)" + re.escape(VALUE_END), re.DOTALL)
ONE_LINE = 80  # characters that surely fit on one line of a letter's body (170 mm of 12pt text)
_BREAK = "\u2028"  # a forced line break while parsing; "\n" in a block's text


@dataclass(frozen=True)
class Block:
    """One heading, paragraph or list item: plain text, with a newline for a forced line break."""

    kind: BlockKind
    text: str

    @property
    def detail(self) -> bool:
        """Whether the block is lines with forced breaks (contact details, say): the layouts keep it
        whole and on the page of the paragraph before it, which introduces it.
        """
        return "\n" in self.text

    @property
    def brief(self) -> bool:
        """Whether the block surely takes at most three lines of a letter, none of them wrapped (say
        a one-line sentence, or a website and telephone number): the layouts then keep the block
        before it with it, so the sign-off never goes to a new page with less than two lines of the
        body, or with contact details cut off from the paragraph they belong to.
        """
        lines = self.lines
        return len(lines) <= 3 and all(len(line) <= ONE_LINE for line in lines)

    @property
    def lines(self) -> list[str]:
        """The block's lines (split at forced line breaks)."""
        return self.text.split("\n")


def _plain(text: str) -> str:
    """Template text is plain already; values were escaped by autoescaping: unescape those."""
    parts: list[str] = []
    last = 0
    for match in _VALUE.finditer(text):
        parts.append(text[last : match.start()])
        parts.append(html.unescape(match.group(1)))
        last = match.end()
    parts.append(text[last:])
    return "".join(parts)


def parse(rendered: str) -> list[Block]:
    """Split rendered wording into blocks."""
    # A value's own newlines are line breaks inside its paragraph, never structure.
    text = _VALUE.sub(
        lambda m: VALUE_START + m.group(1).replace("\r\n", "\n").replace("\n", _BREAK) + VALUE_END,
        rendered.replace("\r\n", "\n"),
    )
    blocks: list[Block] = []
    kind: BlockKind | None = None
    pieces: list[str] = []

    def flush() -> None:
        nonlocal kind, pieces
        if kind is not None:
            joined = ""
            for piece in pieces:
                if not joined or joined.endswith(_BREAK):
                    joined += piece
                else:
                    joined += " " + piece
            plain = _plain(joined).replace(_BREAK, "\n")
            plain = "\n".join(" ".join(line.split()) for line in plain.split("\n")).strip("\n")
            if plain.strip():
                blocks.append(Block(kind, plain))
        kind, pieces = None, []

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("# "):
            flush()
            kind, pieces = "heading", [line[2:].strip()]
            flush()
            continue
        if line.startswith("- "):
            flush()
            kind, line = "bullet", line[2:].strip()
        elif kind is None:
            kind = "para"
        if line.endswith("\\"):
            line = line[:-1].rstrip() + _BREAK
        pieces.append(line)
    flush()
    return blocks
