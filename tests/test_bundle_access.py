"""Accessible front matter, read back with pikepdf: the cover and index are tagged (a structure
tree whose elements point at the bundle's own pages and links), each link has alternative text,
the stamp is marked as an artifact, and the bundle has its title, language and opening page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest

from packs.assemble import build_bundle

from .conftest import bundle_make_pdf, bundle_write_case
from .test_bundle_links import qpdf_check

DOCUMENTS = [
    ("Strategy meeting minutes", "minutes", "2026-09-22", "docs/minutes.pdf", bundle_make_pdf(2, label="Minutes")),
    ("Outcome report", "report", "2026-09-24", "docs/report.pdf", bundle_make_pdf(1, label="Report")),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[pikepdf.Pdf]:
    case = bundle_write_case(tmp_path_factory.mktemp("access"), DOCUMENTS)
    output: Path = build_bundle(case, as_of=dt.date(2027, 1, 4)).output
    qpdf_check(output)
    with pikepdf.open(output) as pdf:
        yield pdf


def _elements(node: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    kids = node.get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR" and "/S" in kid:
            yield kid
            yield from _elements(kid)


def test_catalog_title_language_and_first_page(bundle: pikepdf.Pdf) -> None:
    root = bundle.Root
    assert str(root.Lang) == "en-GB"
    assert root.ViewerPreferences.DisplayDocTitle is True
    assert str(bundle.docinfo.Title) == "Panel bundle BUN/2026/0007"  # the reference only: no names
    assert set(bundle.docinfo.keys()) == {"/Title"}
    action = root.OpenAction
    assert isinstance(action, pikepdf.Array) and action[0].objgen == bundle.pages[0].objgen


def test_front_matter_is_tagged(bundle: pikepdf.Pdf) -> None:
    root = bundle.Root
    assert root.MarkInfo.Marked is True
    tree = root.StructTreeRoot
    elements = list(_elements(tree))
    kinds = {str(e.S) for e in elements}
    assert {"/Document", "/H1", "/Table", "/TR", "/TD", "/Link", "/P"} <= kinds
    front = {bundle.pages[0].objgen, bundle.pages[1].objgen}
    # Every element marked on a page points at one of the bundle's front pages.
    assert all(e.Pg.objgen in front for e in elements if "/Pg" in e)
    for number in (0, 1):
        assert int(bundle.pages[number].StructParents) == number
    assert "/StructParents" not in bundle.pages[2]


def test_links_carry_alternative_text_and_their_structure(bundle: pikepdf.Pdf) -> None:
    index = bundle.pages[1]
    annots = list(index.Annots)
    assert len(annots) == 4  # two sections, two documents
    parents = dict(_number_tree(bundle.Root.StructTreeRoot.ParentTree))
    for annot in annots:
        assert str(annot.Contents).startswith("Go to ")
        element = parents[int(annot.StructParent)]
        assert element.S == "/Link"
        objr = [k for k in element.K if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"]
        assert [k.Obj.objgen for k in objr] == [annot.objgen]
    contents = [str(a.Contents) for a in annots]
    assert contents[0] == "Go to section A, Strategy Meeting minutes, page 3"
    assert contents[1] == "Go to Strategy meeting minutes, 22 Sep 2026, page 3"


def _number_tree(node: pikepdf.Object) -> Iterator[tuple[int, pikepdf.Object]]:
    if "/Nums" in node:
        nums = list(node.Nums)
        yield from ((int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2))
    for kid in node.get("/Kids", []):
        yield from _number_tree(kid)


def test_the_stamp_is_an_artifact_on_tagged_pages(bundle: pikepdf.Pdf) -> None:
    for number in (0, 1):
        last = pikepdf.parse_content_stream(bundle.pages[number].Contents[-1])
        ops = [str(op.operator) for op in last]
        assert "BMC" in ops and ops[-1] == "EMC"
        bmc = next(op for op in last if str(op.operator) == "BMC")
        assert str(bmc.operands[0]) == "/Artifact"
        assert "Tj" in ops[ops.index("BMC") :]  # the stamp's words are inside the artifact
