"""Inputs: what opens (empty-password and owner-password-only PDFs, JPG, PNG) and what is refused
(a real password, damage, an empty or missing file, another format, a path outside the case
folder): exit 1, the file named with the reason, and no bundle or temporary file left behind."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from cli import main

from .conftest import bundle_encrypt, bundle_image, bundle_make_pdf

GOOD = bundle_make_pdf(2, label="Good")
# A content stream marked as compressed that is not: it passes a quick look, and breaks on copying.
BROKEN_CONTENT = re.sub(
    rb"<<  /Length (\d+) >>\nstream\nBT", rb"<< /Filter /FlateDecode /Length \1 >>\nstream\nBT", GOOD, count=1
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _case(bundle_case: Callable[..., Path], path: str, data: bytes | None) -> Path:
    return bundle_case(
        [
            ("Good document", "minutes", "2026-09-22", "docs/good.pdf", GOOD),
            ("The input under test", "report", "2026-09-24", path, data),
        ]
    )


REFUSED = [
    ("needs a password", "docs/locked.pdf", bundle_encrypt(GOOD, user="open-sesame"), "needs a password to open"),
    (
        "needs a password (AES)",
        "docs/locked-aes.pdf",
        bundle_encrypt(GOOD, user="x", algorithm="AES-256"),
        "needs a password to open",
    ),
    ("damaged", "docs/damaged.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8, "is damaged"),
    ("cut short", "docs/cut.pdf", GOOD[: len(GOOD) // 2], "is damaged"),
    ("broken content", "docs/broken.pdf", BROKEN_CONTENT, "content of page 1 cannot be decoded"),
    ("empty", "docs/empty.pdf", b"", "is empty"),
    ("missing", "docs/missing.pdf", None, "does not exist"),
    ("word", "docs/letter.docx", b"PK\x03\x04" + b"\x00" * 200, "is a damaged Word document"),
    ("text", "docs/notes.txt", b"just some notes", "is a text file"),
    ("jpeg cut short", "docs/scan.jpg", bundle_image("JPEG")[:300], "is damaged"),
    ("png damaged", "docs/shot.png", bundle_image("PNG")[:60] + b"\x00" * 40 + bundle_image("PNG")[100:], "is damaged"),
]


@pytest.mark.parametrize(("why", "path", "data", "message"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_input(bundle_case: Callable[..., Path], why: str, path: str, data: bytes | None, message: str) -> None:
    case = _case(bundle_case, path, data)
    code, output = run("bundle", str(case), "--as-of", "2027-01-10")
    assert code == 1, output
    assert f"{case.parent / path}: " in output and message in output, output
    out = case.parent / "out"
    assert not out.exists() or list(out.iterdir()) == []  # no bundle, no temporary file
    assert not (case.parent / "case.correspondence.jsonl").exists()
    code, output = run("bundle", str(case), "--check", "--as-of", "2027-01-10")
    assert code == 1 and "REFUSED" in output and message in output, output
    assert not out.exists() or list(out.iterdir()) == []


@pytest.mark.parametrize("path", ["../outside.pdf", "docs/../../outside.pdf", "/etc/hostname"])
def test_path_outside_the_case_folder_is_refused(bundle_case: Callable[..., Path], tmp_path: Path, path: str) -> None:
    (tmp_path.parent / "outside.pdf").write_bytes(GOOD)
    case = _case(bundle_case, path, None)
    code, output = run("bundle", str(case))
    assert code == 1 and "is outside the case's folder" in output and path in output, output
    assert not (case.parent / "out").exists()


def test_symlink_leaving_the_folder_is_refused(bundle_case: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path.parent / "elsewhere.pdf").write_bytes(GOOD)
    case = _case(bundle_case, "docs/link.pdf", None)
    (case.parent / "docs" / "link.pdf").symlink_to(tmp_path.parent / "elsewhere.pdf")
    code, output = run("bundle", str(case))
    assert code == 1 and "outside the case's folder" in output


@pytest.mark.parametrize(
    ("why", "data"),
    [
        ("empty user password", bundle_encrypt(GOOD)),
        ("empty user password, AES-256", bundle_encrypt(GOOD, algorithm="AES-256")),
        ("empty user password, AES-128", bundle_encrypt(GOOD, algorithm="AES-128")),
    ],
)
def test_pdf_needing_no_password_opens(bundle_case: Callable[..., Path], why: str, data: bytes) -> None:
    case = _case(bundle_case, "docs/protected.pdf", data)
    code, output = run("bundle", str(case), "--check")
    assert code == 0 and "opened without a password" in output, output
    code, output = run("bundle", str(case))
    assert code == 0, output
    reader = PdfReader(case.parent / "out" / "BUN-2026-0007-bundle.pdf")
    assert len(reader.pages) == 2 + 2 + 2
    assert "Good page 1" in reader.pages[4].extract_text()


def test_unknown_section_is_a_case_file_error(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case([("Stray", "appendix", "2026-09-22", "docs/good.pdf", GOOD)])
    code, output = run("bundle", str(case))
    assert code == 1
    assert "case.toml:" in output and "bundle.documents[0].section" in output and "'appendix'" in output


def test_every_refused_input_is_named_at_once(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case(
        [
            ("One", "minutes", "2026-09-22", "docs/missing-1.pdf", None),
            ("Two", "report", "2026-09-24", "docs/missing-2.pdf", None),
        ]
    )
    code, output = run("bundle", str(case))
    assert code == 1 and "missing-1.pdf: does not exist" in output and "missing-2.pdf: does not exist" in output
