"""The bundle's order: the case's documents grouped in the procedure's sections (in the
procedure's order), in date order within a section, each path checked to stay in the case folder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from casepost.errors import BundleInputError, CaseFileError, Problem
from casepost.loaded import LoadedCase


@dataclass(frozen=True)
class PlannedDocument:
    """One document of the bundle, where it comes from and where it goes."""

    position: int  # its index in the case file's [[bundle.documents]]
    title: str
    date: dt.date
    section_id: str
    path: Path  # resolved, inside the case folder
    shown: Path  # the path as a person would find it: the case's folder joined with the given path


@dataclass(frozen=True)
class PlannedSection:
    """A section with at least one document, and its letter (A, B, ...) in bundle order."""

    id: str
    title: str
    letter: str
    documents: tuple[PlannedDocument, ...]


def section_letter(index: int) -> str:
    """A, B, ... Z, then AA, AB, ... (PD 27A sections are lettered)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def plan_bundle(loaded: LoadedCase) -> list[PlannedSection]:
    """The bundle's sections in order; a document in an unknown section is a case-file error, a
    path leaving the case folder is refused.
    """
    case = loaded.case
    known = {s.id: s for s in loaded.procedure.sections}
    problems = [
        Problem(
            f"bundle.documents[{i}].section",
            f"{doc.section!r} is not a bundle section of {loaded.procedure.id} (one of: {', '.join(known)})",
        )
        for i, doc in enumerate(case.bundle.documents)
        if doc.section not in known
    ]
    if problems:
        raise CaseFileError(loaded.path, problems)
    folder = loaded.folder
    outside: list[tuple[Path, str]] = []
    documents: list[PlannedDocument] = []
    for i, doc in enumerate(case.bundle.documents):
        shown = loaded.path.parent / doc.path
        resolved = (folder / doc.path).resolve()
        if not resolved.is_relative_to(folder):
            outside.append(
                (
                    shown,
                    f"is outside the case's folder ({folder}); bundle documents must be inside it "
                    f"(bundle.documents[{i}], {doc.title!r})",
                )
            )
            continue
        documents.append(PlannedDocument(i, doc.title, doc.date, doc.section, resolved, shown))
    if outside:
        raise BundleInputError(outside)
    sections: list[PlannedSection] = []
    for section in loaded.procedure.sections:
        docs = sorted((d for d in documents if d.section_id == section.id), key=lambda d: (d.date, d.position))
        if docs:
            sections.append(PlannedSection(section.id, section.title, section_letter(len(sections)), tuple(docs)))
    return sections
