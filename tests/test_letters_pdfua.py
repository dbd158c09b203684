"""The letter PDFs a screen reader can walk, checked with pikepdf against ISO 14289-1 (PDF/UA-1), a
clause a test, on every kind of letter of every sample case (veraPDF cannot be installed here).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import pikepdf
import pytest

from tests.letter_samples import SAMPLE_LETTERS, SampleLetter, rendered

pytestmark = pytest.mark.parametrize("sample", SAMPLE_LETTERS, ids=str)
SHOWS_TEXT = {"Tj", "TJ", "'", '"'}


@cache
def _pdf(sample: SampleLetter) -> pikepdf.Pdf:
    return pikepdf.open(rendered(sample, "pdf"))


def _objgen(obj: Any) -> tuple[int, int]:
    return obj.objgen  # type: ignore[no-any-return]


def _reachable(pdf: pikepdf.Pdf) -> set[tuple[int, int]]:
    """Every structure element reachable from the structure tree root, by object number."""
    seen: set[tuple[int, int]] = set()
    todo = [pdf.Root.StructTreeRoot.get("/K")]
    while todo:
        kid = todo.pop()
        if isinstance(kid, pikepdf.Array):
            todo.extend(kid)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR" and "/MCID" not in kid:
            if kid.is_indirect:
                if _objgen(kid) in seen:
                    continue
                seen.add(_objgen(kid))
            todo.append(kid.get("/K"))
    return seen


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, Any]:
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _marked(page: pikepdf.Page) -> Iterator[tuple[str, list[tuple[str, Any, int]]]]:
    """Each operator of the page's content with the stack of marked-content sections around it:
    (tag, properties, the section's number on the page)."""
    stack: list[tuple[str, Any, int]] = []
    count = 0
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            count += 1
            stack.append((str(operands[0]), operands[1] if op == "BDC" else None, count))
        elif op == "EMC":
            stack.pop()
        yield op, list(stack)


def test_7_1_content_is_tagged_or_artifact(sample: SampleLetter) -> None:
    """7.1 (3): no text shown outside both a tagged (MCID) section and an artifact."""
    for number, page in enumerate(_pdf(sample).pages, 1):
        for op, stack in _marked(page):
            if op in SHOWS_TEXT:
                tagged = any(props is not None and "/MCID" in props for _, props, _ in stack)
                artifact = any(tag == "/Artifact" for tag, _, _ in stack)
                assert tagged != artifact, f"page {number}: text neither tagged nor artifact (or both)"


def test_7_1_running_headers_and_footers_are_artifacts(sample: SampleLetter) -> None:
    """7.1 (1): the marking, the page number and, after page 1, the reference are pagination artifacts:
    two sections of text on the first page (marking at the top, marking and page number at the foot),
    one more on every later page (the reference)."""
    for number, page in enumerate(_pdf(sample).pages, 1):
        sections = set()
        for op, stack in _marked(page):
            if op in SHOWS_TEXT:
                sections |= {n for tag, _, n in stack if tag == "/Artifact"}
                pagination = [p for tag, p, _ in stack if tag == "/Artifact"]
                assert all(p is None or p.get("/Type") in (None, "/Pagination", "/Layout") for p in pagination)
        assert len(sections) >= (3 if number == 1 else 4), f"page {number}: {len(sections)} running artifacts"


def test_7_1_every_structure_element_reachable_from_the_root(sample: SampleLetter) -> None:
    """7.1: every marked-content ID on a page maps to an element of the tree, and nothing else does."""
    pdf = _pdf(sample)
    reachable = _reachable(pdf)
    parents = _parent_tree(pdf)
    for number, page in enumerate(pdf.pages, 1):
        mcids = {
            int(props["/MCID"])
            for _, stack in _marked(page)
            for _, props, _ in stack[-1:]
            if props is not None and "/MCID" in props
        }
        mapped = parents[int(page.obj.StructParents)]
        for mcid in mcids:
            element = mapped[mcid]
            assert isinstance(element, pikepdf.Dictionary), f"page {number}: MCID {mcid} has no element"
            assert _objgen(element) in reachable, f"page {number}: MCID {mcid}'s element is not in the tree"
        orphans = [i for i, e in enumerate(mapped) if isinstance(e, pikepdf.Dictionary) and _objgen(e) not in reachable]
        assert orphans == []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/StructElem":
            assert _objgen(obj) in reachable, f"structure element {obj.get('/S')} not reachable from the root"


def test_7_2_natural_language(sample: SampleLetter) -> None:
    """7.2: the document's language is given (English, United Kingdom)."""
    assert str(_pdf(sample).Root.Lang) == "en-GB"


def test_7_1_title_shown_and_pdfua_identified(sample: SampleLetter) -> None:
    """7.1 (8, 10) and 5: a dc:title the viewer shows as the window title; PDF/UA-1 declared in XMP."""
    pdf = _pdf(sample)
    assert pdf.Root.ViewerPreferences.DisplayDocTitle
    with pdf.open_metadata() as meta:
        assert str(meta.get("dc:title", "")).startswith(sample.title_start)
        assert str(meta.get("pdfuaid:part")) == "1"
    assert pdf.Root.MarkInfo.Marked


def test_7_18_5_links_have_contents_and_a_link_element(sample: SampleLetter) -> None:
    """7.18.5 and 7.18.3: each link annotation has a /Contents description and is the object of a
    Link structure element (reachable from the root); pages with links order them by structure
    (/Tabs /S). The council's e-mail and web addresses are among the links."""
    pdf = _pdf(sample)
    reachable = _reachable(pdf)
    parents = _parent_tree(pdf)
    targets = set()
    for page in pdf.pages:
        annots = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
        if annots:
            assert page.obj.get("/Tabs") == "/S"
        for annot in annots:
            assert str(annot.get("/Contents", "")).strip()
            element = parents[int(annot.StructParent)]
            assert element.S == "/Link" and _objgen(element) in reachable
            kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
            assert any(isinstance(k, pikepdf.Dictionary) and k.get("/Obj") == annot for k in kids)
            targets.add(str(annot.A.URI))
    assert f"mailto:{sample.settings_email}" in targets
    assert f"https://{sample.website}" in targets
