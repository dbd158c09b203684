"""`casepost bundle` from the command line: what it prints, where it writes, what it records,
--force, --check (which writes nothing), warnings; once as a real subprocess; every sample."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from casepost.correspondence import sha256_file
from cli import main

from .conftest import REPO, SAMPLE_IDS, SAMPLES, bundle_image, bundle_make_pdf

DOCS = [
    ("Minutes", "minutes", "2026-09-22", "docs/minutes.pdf", bundle_make_pdf(3, label="Minutes")),
    ("Letter", "complainant-submissions", "2026-10-10", "docs/letter.jpg", bundle_image("JPEG")),
]
OUT = "out/BUN-2026-0007-bundle.pdf"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_bundle_writes_records_and_states_the_send_by_date(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case(DOCS)
    code, out, err = run("bundle", str(case), "--as-of", "2027-01-10")
    assert code == 0, err
    target = case.parent / OUT
    assert out.splitlines() == [
        f"wrote {target} (6 pages)",
        "send to the panel by Friday 15 January 2027: can still be met (5 days left)",
        "When sent, record it:",
        f"  casepost record {case} panel.papers_sent 2027-01-10",
    ]
    assert err == f"settings: {case.parent / 'casepost.toml'}\n"
    assert len(PdfReader(target).pages) == 6
    entries = [json.loads(line) for line in (case.parent / "case.correspondence.jsonl").read_text().splitlines()]
    assert len(entries) == 1
    entry = entries[0]
    assert entry["kind"] == "bundle" and entry["output"] == str(target) and entry["pages"] == 6
    assert entry["output_sha256"] == sha256_file(target)
    assert entry["case_sha256"] == sha256_file(case)
    assert set(entry["templates"]) == {"bundle/cover.html.j2", "bundle/index.html.j2", "bundle/bundle.css"}
    assert entry["send_by"] == "2027-01-15"


def test_existing_bundle_needs_force(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case(DOCS)
    assert run("bundle", str(case))[0] == 0
    before = (case.parent / OUT).read_bytes()
    code, _, err = run("bundle", str(case))
    assert code == 1 and "already exists; use --force" in err
    assert (case.parent / OUT).read_bytes() == before
    assert run("bundle", str(case), "--force")[0] == 0
    assert sorted(p.name for p in (case.parent / "out").iterdir()) == ["BUN-2026-0007-bundle.pdf"]


def test_output_option(bundle_case: Callable[..., Path], tmp_path: Path) -> None:
    case = bundle_case(DOCS)
    target = tmp_path / "elsewhere" / "panel.pdf"
    code, out, _ = run("bundle", str(case), "-o", str(target))
    assert code == 0 and target.is_file() and f"wrote {target}" in out


def test_late_bundle_warns(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case(DOCS)
    code, out, err = run("bundle", str(case), "--as-of", "2027-01-18")
    assert code == 0
    assert "that date has passed (3 days ago)" in out
    assert "warning: the send-by date (Friday 15 January 2027) has passed: the papers are 3 days late" in err


def test_page_limit_warns(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case(DOCS, page_limit=5)
    code, _, err = run("bundle", str(case), "--as-of", "2027-01-10")
    assert code == 0 and "the bundle has 6 pages, over the page limit of 5" in err


def test_no_panel_date(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case(DOCS)
    case.write_text(case.read_text().replace("date = 2027-01-21\n", ""))
    code, out, err = run("bundle", str(case))
    assert code == 0 and "send-by date: not known yet" in out and "no panel date" in err
    assert "Date not yet fixed" in PdfReader(case.parent / OUT).pages[0].extract_text()


def test_bundle_needs_the_authoritys_settings(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case(DOCS)
    (case.parent / "casepost.toml").unlink()
    code, _, err = run("bundle", str(case))
    assert code == 1 and "casepost.toml" in err and "settings" in err


def test_check_reports_and_writes_nothing(bundle_case: Callable[..., Path]) -> None:
    rotated = bundle_make_pdf([{"size": (595.28, 841.89), "rotate": 90}, {"size": (841.89, 1190.55)}], label="Big")
    case = bundle_case([*DOCS, ("Plans", "other", "2026-11-01", "docs/plans.pdf", rotated)], page_limit=8)
    before = sorted(p.relative_to(case.parent) for p in case.parent.rglob("*"))
    code, out, _ = run("bundle", str(case), "--check", "--as-of", "2027-01-18")
    assert code == 0, out
    assert sorted(p.relative_to(case.parent) for p in case.parent.rglob("*")) == before
    assert "PDF, 3 pages: A4 portrait x3; none rotated" in out
    assert "JPG image, 1 page: A4 landscape" in out
    assert "PDF, 2 pages: A4 landscape, A3 portrait; 1 page turned 90 degrees" in out
    assert "Pages: 6 in the documents + about 2 of cover and index = about 8 (page limit 8)" in out
    assert "send to the panel by Friday 15 January 2027: that date has passed (3 days ago)" in out
    assert "warning: the send-by date" in out


def test_subprocess(bundle_case: Callable[..., Path]) -> None:
    case = bundle_case(DOCS)
    result = subprocess.run(
        [str(Path(sys.executable).with_name("casepost")), "bundle", str(case), "--as-of", "2027-01-10"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and result.stderr == f"settings: {case.parent / 'casepost.toml'}\n"
    missing = subprocess.run(
        [sys.executable, "-m", "cli", "bundle", str(case.parent / "nope.toml")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bundle-samples")
    for procedure in SAMPLE_IDS:
        shutil.copytree(SAMPLES / procedure, root / procedure, ignore=shutil.ignore_patterns("out", "*.jsonl"))
    return root


@pytest.mark.parametrize("procedure", SAMPLE_IDS)
def test_every_sample_bundles(samples: Path, procedure: str) -> None:
    case = samples / procedure / "case.toml"
    code, out, err = run("bundle", str(case), "--check")
    assert code == 0, out
    code, out, err = run("bundle", str(case), "--force")
    assert code == 0, err
    target = Path(out.split()[1])
    reader = PdfReader(target)
    sections = [item for item in reader.outline if not isinstance(item, list)]
    front = reader.get_destination_page_number(sections[0])
    from casepost.case import load_case

    documents = load_case(case).bundle.documents
    pages = sum(len(PdfReader(case.parent / d.path).pages) if d.path.endswith(".pdf") else 1 for d in documents)
    assert len(reader.pages) == front + pages >= 2 + len(documents)
    assert f"({len(reader.pages)} pages)" in out
    assert reader.page_labels[0] in ("1", "i") and reader.page_labels[front] in (str(front + 1), "A1")
