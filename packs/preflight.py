"""`casepost bundle --check`: what the bundle would be made of, read from the inputs without
writing anything: each input's pages, paper sizes, rotation, encryption and problems; the total
against the page limit; and the send-by date and whether it can still be met.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from casepost.loaded import open_case
from packs.inputs import InputReport, inspect, kind_name, paper
from packs.plan import PlannedSection, plan_bundle
from packs.schedule import send_by_date, send_by_status, timing_warnings

ROWS_PER_INDEX_PAGE = 24  # for the estimate of the front matter's length (the bundle renders it)


@dataclass(frozen=True)
class Preflight:
    """The pre-flight report of one case's bundle."""

    reference: str
    sections: tuple[PlannedSection, ...]
    reports: tuple[InputReport, ...]
    front_estimate: int
    page_limit: int
    send_by: dt.date | None
    papers_sent: dt.date | None
    as_of: dt.date

    @property
    def ok(self) -> bool:
        """Whether every input can go in."""
        return all(r.ok for r in self.reports)

    @property
    def document_pages(self) -> int:
        """Pages of all readable inputs."""
        return sum(r.count for r in self.reports)

    @property
    def total(self) -> int:
        """The bundle's expected length, with the front matter estimated."""
        return self.front_estimate + self.document_pages

    @property
    def warnings(self) -> list[str]:
        """Time and length warnings."""
        return timing_warnings(self.send_by, self.as_of, self.total, self.page_limit, self.papers_sent)

    def text(self) -> str:
        """The report as printed."""
        lines = [f"Bundle pre-flight for {self.reference} (nothing written)", ""]
        by_doc = {r.document.position: r for r in self.reports}
        for section in self.sections:
            lines.append(f"{section.letter}  {section.title}")
            for doc in section.documents:
                lines.extend("   " + line for line in _describe(by_doc[doc.position]))
            lines.append("")
        if not self.sections:
            lines += ["The case lists no bundle documents.", ""]
        refused = sum(1 for r in self.reports if not r.ok)
        lines.append(
            f"Inputs: {len(self.reports)}, {refused} refused"
            if refused
            else f"Inputs: {len(self.reports)}, all readable"
        )
        lines.append(
            f"Pages: {self.document_pages} in the documents + about {self.front_estimate} of cover and index "
            f"= about {self.total} (page limit {self.page_limit})"
        )
        lines.append(send_by_status(self.send_by, self.as_of, self.papers_sent))
        lines.extend(f"warning: {w}" for w in self.warnings)
        if refused:
            lines.append("The bundle cannot be made until the refused inputs are replaced.")
        return "\n".join(lines)


def _describe(report: InputReport) -> list[str]:
    doc = report.document
    head = f"{doc.title} ({doc.date.day} {doc.date:%b %Y}): {doc.shown}"
    if not report.ok:
        return [head, *(f"   REFUSED: {p}" for p in report.problems)]
    kind = kind_name(report)
    pages = len(report.pages)
    sizes = Counter(paper(p) for p in report.pages)
    size_text = ", ".join(f"{name} x{count}" if count > 1 else name for name, count in sizes.most_common())
    rotated = Counter(p.rotate for p in report.pages if p.rotate)
    rotation = (
        ", ".join(
            f"{count} page{'s' if count > 1 else ''} turned {angle} degrees" for angle, count in sorted(rotated.items())
        )
        or "none rotated"
    )
    lines = [head, f"   {kind}, {pages} page{'s' if pages != 1 else ''}: {size_text}; {rotation}"]
    if report.encryption:
        lines.append(f"   {report.encryption}")
    lines.extend(f"   note: {n}" for n in report.notes)
    return lines


def preflight(case_path: Path, settings_path: Path | None = None, as_of: dt.date | None = None) -> Preflight:
    """Inspect a case's bundle inputs and timing; reads the inputs, writes nothing."""
    loaded = open_case(case_path, settings_path)
    sections = plan_bundle(loaded)
    reports = tuple(inspect(d, deep=True) for s in sections for d in s.documents)
    today = as_of or dt.date.today()
    rows = sum(len(s.documents) + 1 for s in sections)
    return Preflight(
        reference=loaded.case.reference,
        sections=tuple(sections),
        reports=reports,
        front_estimate=1 + max(1, -(-rows // ROWS_PER_INDEX_PAGE)),
        page_limit=loaded.settings.settings.bundle.page_limit,
        send_by=send_by_date(loaded, today),
        papers_sent=loaded.case.panel.papers_sent,
        as_of=today,
    )
