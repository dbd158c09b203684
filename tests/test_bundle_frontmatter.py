"""The cover and index: a long index settles its own length and prints the right numbers; the
authority's own templates are used; template errors and WeasyPrint warnings come back from the
child process that renders them; without fork the same bundle comes out."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from packs.assemble import build_bundle

from .conftest import bundle_make_pdf, letters_no_weasyprint_warnings

AS_OF = dt.date(2027, 1, 10)
SECTIONS = ["minutes", "report", "complainant-submissions", "other"]


def _many(count: int) -> list[tuple[str, str, str, str, bytes | None]]:
    return [
        (
            f"Document {i:02d} of the review, with a title long enough to wrap onto a second line",
            SECTIONS[i % 4],
            f"2026-{1 + i % 12:02d}-{1 + i % 27:02d}",
            f"docs/d{i:02d}.pdf",
            bundle_make_pdf(1 + i % 3, label=f"Doc{i:02d}", metadata=False),
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("numbering", ["continuous", "sectioned"])
def test_long_index_settles_and_matches_the_pages(bundle_case: Callable[..., Path], numbering: str) -> None:
    case = bundle_case(_many(60), numbering=numbering)
    with letters_no_weasyprint_warnings():
        result = build_bundle(case, as_of=AS_OF)
    reader = PdfReader(result.output)
    labels = reader.page_labels
    first_doc = next(i for i, page in enumerate(reader.pages) if re.search(r"Doc\d\d page", page.extract_text()))
    assert first_doc >= 4  # cover and at least three index pages
    index = "\n".join(page.extract_text() for page in reader.pages[1:first_doc])
    for i in range(60):
        row = re.search(
            rf"Document {i:02d} of the review[^\n]*\n[^\n]*second line\n\d+ \w+ \d{{4}} ([^\s\u2013]+)", index
        )
        assert row, i
        start = labels.index(row.group(1))
        assert f"Doc{i:02d} page 1" in reader.pages[start].extract_text(), (i, row.group(1))
    stamped = reader.pages[first_doc - 1].extract_text()
    assert labels[first_doc - 1] in stamped


def test_authority_templates_are_used(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case(_many(2))
    override = case.parent / "our-templates" / "bundle"
    override.mkdir(parents=True)
    (override / "cover.html.j2").write_text(
        '<!DOCTYPE html><html><head><link rel="stylesheet" href="{{ stylesheet }}"></head>'
        "<body><h1>Our own cover for {{ reference }}</h1></body></html>"
    )
    settings = case.parent / "casepost.toml"
    settings.write_text('templates = "our-templates"\n' + settings.read_text())
    result = build_bundle(case, as_of=AS_OF)
    assert "Our own cover for BUN/2026/0007" in PdfReader(result.output).pages[0].extract_text()


def test_template_error_in_the_renderer_is_reported(bundle_case: Callable[..., Path]) -> None:
    from click.testing import CliRunner

    from cli import main

    case = bundle_case(_many(2))
    override = case.parent / "our-templates" / "bundle"
    override.mkdir(parents=True)
    (override / "index.html.j2").write_text("<p>{{ no_such_field }}</p>")
    settings = case.parent / "casepost.toml"
    settings.write_text('templates = "our-templates"\n' + settings.read_text())
    result = CliRunner().invoke(main, ["bundle", str(case)])
    assert result.exit_code == 1
    assert "index.html.j2" in result.stderr and "no_such_field" in result.stderr
    assert not (case.parent / "out").exists() or list((case.parent / "out").iterdir()) == []


def test_without_fork_the_same_bundle(
    bundle_case: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = bundle_case(_many(5))
    forked = build_bundle(case, tmp_path / "forked.pdf", as_of=AS_OF).output.read_bytes()
    monkeypatch.delattr(os, "fork")
    here = build_bundle(case, tmp_path / "here.pdf", as_of=AS_OF).output.read_bytes()
    assert forked == here


def test_a_bundle_with_no_documents_yet(bundle_case: Callable[..., Path]) -> None:
    result = build_bundle(bundle_case([]), as_of=AS_OF)
    reader = PdfReader(result.output)
    assert result.pages == len(reader.pages) == 2 and reader.page_labels == ["1", "2"]
    assert "This bundle has no documents yet." in reader.pages[1].extract_text()
    assert reader.outline == []
