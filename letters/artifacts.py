"""Running headers and footers as artifacts in the letter PDFs (ISO 14289-1, 7.1).

WeasyPrint 70 tags the content of page-margin boxes (the marking, "Page x of y", the reference on
continuation pages) as marked content with structure elements of their own, but leaves those
elements out of the structure tree, since an Artifact node in the tree needs PDF 2.0: a screen
reader then meets content that is neither real content nor an artifact. This finisher, run by
WeasyPrint on its own PDF objects just before it writes them (`write_pdf(finisher=...)`), marks
that content /Artifact (of type /Pagination) in the page's content stream and frees the orphaned
elements, so every structure element written is reachable from the root. Working on the objects
before they are written costs next to nothing; reading the written PDF back to do the same took
longer than laying out the letter.
"""

from __future__ import annotations

from typing import Any


def _number(reference: Any) -> int | None:
    """The object number of a pydyf reference (b"12 0 R"), or None for anything else."""
    if isinstance(reference, bytes) and reference.endswith(b" R"):
        return int(reference.split()[0])
    return None


def _reachable(objects: list[Any], root: Any) -> set[int]:
    """The object numbers of every structure element reachable from the structure tree root."""
    seen: set[int] = set()
    todo = [root.get("K")]
    while todo:
        kid = todo.pop()
        number = _number(kid)
        if number is not None:
            if number in seen:
                continue
            seen.add(number)
            kid = objects[number]
        if isinstance(kid, list):
            todo.extend(kid)
        elif isinstance(kid, dict) and kid.get("Type") != "/OBJR" and "MCID" not in kid:
            todo.append(kid.get("K"))
    return seen


def mark_running_artifacts(document: Any, pdf: Any) -> None:
    """WeasyPrint finisher: marked content outside the structure tree becomes pagination artifacts."""
    import pydyf

    objects = pdf.objects
    root_number = _number(pdf.catalog.get("StructTreeRoot"))
    if root_number is None:  # not tagged: nothing to do
        return
    root = objects[root_number]
    reachable = _reachable(objects, root)
    nums = objects[_number(root["ParentTree"])]["Nums"]
    parents = {nums[i]: nums[i + 1] for i in range(0, len(nums), 2)}
    for page_number in pdf.pages["Kids"][::3]:  # pydyf keeps Kids as [number, 0, "R", ...]
        page = objects[page_number]
        mcids = parents.get(page.get("StructParents"))
        if not isinstance(mcids, list):
            continue
        outside = {mcid for mcid, ref in enumerate(mcids) if _number(ref) not in reachable}
        if not outside:
            continue
        items = objects[_number(page["Contents"])].stream
        # pydyf writes "/Tag <</MCID n>> BDC" as three items: the tag, the property list, the operator.
        for i in range(2, len(items)):
            if items[i] == b"BDC" and isinstance(items[i - 1], dict) and items[i - 1].get("MCID") in outside:
                items[i - 2] = "/Artifact"
                items[i - 1] = pydyf.Dictionary({"Type": "/Pagination"})
        for mcid in outside:
            mcids[mcid] = b"null"
    for obj in objects:
        if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem" and obj.number not in reachable:
            obj.free = "f"  # not written: pydyf leaves a freed object out of the file
