"""Running headers and footers as artifacts in the letter PDFs (ISO 14289-1, 7.1).

WeasyPrint 70 tags the content of page-margin boxes (the marking, "Page x of y", the reference on
continuation pages) as marked content with structure elements of their own, but leaves those
elements out of the structure tree, since an Artifact node in the tree needs PDF 2.0: a screen
reader then meets content that is neither real content nor an artifact. This pass marks that
content /Artifact (of type /Pagination) in the page's content stream and removes the orphaned
elements, so every structure element left is reachable from the root.
"""

from __future__ import annotations

import io
from typing import Any


def _reachable(root: Any) -> set[int]:
    """The object numbers of every structure element reachable from the structure tree root."""
    seen: set[int] = set()
    todo = [root.get("/K")]
    while todo:
        kid = todo.pop()
        if kid is None:
            continue
        if hasattr(kid, "idnum"):
            if kid.idnum in seen:
                continue
            seen.add(kid.idnum)
            kid = kid.get_object()
        if isinstance(kid, list):
            todo.extend(kid)
        elif isinstance(kid, dict) and kid.get("/Type") != "/OBJR" and "/MCID" not in kid:
            todo.append(kid.get("/K"))
    return seen


def _parent_tree(tree: Any) -> dict[int, Any]:
    """The structure tree's ParentTree as {key: value} (WeasyPrint writes one flat /Nums array)."""
    nums = tree["/ParentTree"].get_object()["/Nums"]
    return {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}


def mark_running_artifacts(data: bytes) -> bytes:
    """The PDF with marked content outside the structure tree turned into pagination artifacts."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream, DictionaryObject, NameObject, NullObject

    reader = PdfReader(io.BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # PDF 1.7, as PDF/UA-1 requires (pypdf would write 1.3)
    tree = writer.root_object["/StructTreeRoot"].get_object()
    reachable = _reachable(tree)
    parents = _parent_tree(tree)
    for page in writer.pages:
        mcids = parents.get(int(page.get("/StructParents", -1)))
        if mcids is None:
            continue
        outside = {mcid for mcid, ref in enumerate(mcids) if getattr(ref, "idnum", None) not in reachable}
        if not outside:
            continue
        content = ContentStream(page["/Contents"].get_object(), writer)
        for i, (operands, operator) in enumerate(content.operations):
            if operator == b"BDC" and isinstance(operands[1], dict) and operands[1].get("/MCID") in outside:
                artifact = DictionaryObject({NameObject("/Type"): NameObject("/Pagination")})
                content.operations[i] = ([NameObject("/Artifact"), artifact], operator)
        page.replace_contents(content)
        page.compress_content_streams()
        for mcid in outside:
            mcids[mcid] = NullObject()
    # Written once more from a fresh clone, which copies only objects reachable from the catalog:
    # the orphaned structure elements are gone.
    first = io.BytesIO()
    writer.write(first)
    out = io.BytesIO()
    final = PdfWriter(clone_from=PdfReader(first))
    final.pdf_header = writer.pdf_header
    final.write(out)
    return out.getvalue()
