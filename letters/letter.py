"""A letter ready to lay out: its context, its words as blocks, and the templates it came from
with their hashes and approval state. Both layouts (PDF and DOCX) start from this.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from casepost.errors import Problem, SettingsError
from casepost.loaded import LoadedCase
from casepost.settings import LoadedSettings
from letters.approvals import TemplateState, procedure_piece, states
from letters.context import LetterContext, build_context, letter_spec
from letters.environment import Templates, render
from letters.markup import Block, parse

LAYOUTS = ("letters/layout.html.j2", "letters/letter.css", "letters/layout.docx")
EASY_READ_DOCX = "letters/layout-easy-read.docx"  # the Word layout of easy-read letters: 14pt and up
EASY_READ_KINDS = ("acknowledgement", "stage1-response", "decision")  # issue 9: what a child is sent


@dataclass(frozen=True)
class Letter:
    """One letter of one case, composed and ready for either layout."""

    kind: str
    context: LetterContext
    blocks: tuple[Block, ...]
    templates: Templates
    wording: str  # the wording template's name
    used: tuple[TemplateState, ...]  # every template used, with hash and approval
    draft: bool  # --draft given, or some template's wording is not approved
    logo: Path | None
    easy_read: bool = False  # the easy-read version (templates/letters/easy-read/...), in larger type

    @property
    def unapproved(self) -> list[TemplateState]:
        """Templates whose current wording legal has not approved."""
        return [t for t in self.used if not t.approved]

    @property
    def hashes(self) -> dict[str, str]:
        """Each template's name and SHA-256, for the correspondence log."""
        return {t.name: t.sha256 for t in self.used}

    def hashes_for(self, fmt: str) -> dict[str, str]:
        """The templates one format is made from (the other format's layout left out)."""
        other = {
            "pdf": ("letters/layout.docx", EASY_READ_DOCX),
            "docx": ("letters/layout.html.j2", "letters/letter.css"),
        }[fmt]
        return {name: digest for name, digest in self.hashes.items() if name not in other}


def templates_for(loaded: LoadedCase) -> Templates:
    """The templates a case's letters use: the authority's folder (settings `templates`) first."""
    folder = loaded.settings.folder
    override = loaded.settings.settings.templates
    if override and folder is not None:
        return Templates((folder / override).resolve())
    return Templates(None)


def settings_in(settings_path: Path | None) -> LoadedSettings:
    """The authority's settings: the file given, or found from the current folder up."""
    from casepost.settings import load_settings

    return load_settings(Path.cwd() / "any-case.toml", settings_path)


def templates_in(settings_path: Path | None) -> Templates:
    """The templates an authority uses, from its settings file (given, or found from the current
    folder up); the built-in ones when there is none.
    """
    from casepost.settings import load_settings

    settings = load_settings(Path.cwd() / "any-case.toml", settings_path)
    if settings.folder is not None and settings.settings.templates:
        return Templates((settings.folder / settings.settings.templates).resolve())
    return Templates(None)


def wording_name(loaded: LoadedCase, templates: Templates, kind: str, easy_read: bool = False) -> str:
    """The wording template for a letter: the procedure's own version if there is one; the
    easy-read wording (letters/easy-read/...) for the easy-read version.
    """
    base = letter_spec(loaded, kind).template or kind
    folder = "letters/easy-read" if easy_read else "letters"
    for name in (f"{folder}/{loaded.procedure.id}/{base}.j2", f"{folder}/{base}.j2"):
        if templates.exists(name):
            return name
    return f"{folder}/{base}.j2"  # not found: render() reports it


def layouts(easy_read: bool) -> tuple[str, ...]:
    """The layouts a letter is laid out with (the easy-read version has its own Word layout)."""
    return (*LAYOUTS[:2], EASY_READ_DOCX) if easy_read else LAYOUTS


def compose(loaded: LoadedCase, kind: str, day: dt.date, draft: bool = False, easy_read: bool = False) -> Letter:
    """Build a letter's context, render its wording, and check its templates' approval
    (`easy_read`: the easy-read version, from its own wording and in larger type).
    """
    templates = templates_for(loaded)
    context = build_context(loaded, kind, day)
    name = wording_name(loaded, templates, kind, easy_read)
    blocks = tuple(parse(render(templates.wording, name, context.as_dict())))
    names = [*templates.closure(name), *(n for layout in layouts(easy_read) for n in templates.closure(layout))]
    unique = list(dict.fromkeys(names))
    unique.append(procedure_piece(loaded.procedure, kind))  # the procedure file's wording for this kind
    used = tuple(states(templates, unique, loaded.settings, loaded.procedure))
    logo = None
    head = loaded.settings.require_letterhead()
    if head.logo:
        logo = loaded.settings.asset(head.logo)
        if not logo.is_file():
            raise SettingsError(loaded.settings.path, [Problem("letterhead.logo", f"{head.logo!r}: no such file")])
    unapproved = any(not t.approved for t in used)
    return Letter(kind, context, blocks, templates, name, used, draft or unapproved, logo, easy_read)
