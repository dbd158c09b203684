"""The letter, approve and review commands, through CliRunner and once as a real subprocess:
outputs, never overwriting, byte-identical re-renders, the log, approvals, the review pack, batches."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

from .conftest import REPO, letters_pdf_text, minimal_case

pytestmark = pytest.mark.usefixtures("letters_weasyprint_clean")

SETTINGS = """\
[letterhead]
council = "Example Borough Council"
address = ["Town Hall", "Example LU1 9ZZ"]
[signatories.default]
name = "Sam Officer"
role = "Complaints Manager"
"""
ACK = ["letter", "acknowledgement"]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the herts-lado sample case (letters write beside it)."""
    shutil.copytree(
        REPO / "samples" / "herts-lado", tmp_path / "herts-lado", ignore=shutil.ignore_patterns("out", "*.jsonl")
    )
    return tmp_path / "herts-lado" / "case.toml"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_letter_writes_logs_and_never_overwrites(sample: Path) -> None:
    code, out, err = invoke(*ACK, str(sample), "--date", "2026-10-14", "--format", "both")
    assert code == 0, err
    pdf = sample.parent / "out" / "HCS-LADO-2026-0318-acknowledgement.pdf"
    docx = pdf.with_suffix(".docx")
    assert f"wrote {pdf}" in out and f"wrote {docx}" in out
    assert "DRAFT" in err and "letters/acknowledgement.j2" in err  # the built-in wording is not approved here
    first = sha(pdf)

    code, _, err = invoke(*ACK, str(sample), "--date", "2026-10-14")
    assert code == 1
    assert "already exists; use --force" in err
    assert sha(pdf) == first

    code, _, _ = invoke(*ACK, str(sample), "--date", "2026-10-14", "--force")
    assert code == 0
    assert sha(pdf) == first  # the same inputs give byte-identical PDFs

    log = [json.loads(line) for line in (sample.parent / "case.correspondence.jsonl").read_text().splitlines()]
    assert [e["format"] for e in log] == ["pdf", "docx", "pdf"]
    assert log[0]["output_sha256"] == first and log[1]["output_sha256"] == sha(docx)
    assert log[0]["case_sha256"] == sha(sample)
    assert set(log[0]["templates"]) >= {
        "letters/acknowledgement.j2",
        "letters/_advocate.j2",
        "letters/layout.html.j2",
        "letters/letter.css",
    }
    assert "letters/layout.docx" in log[1]["templates"] and "letters/layout.html.j2" not in log[1]["templates"]
    assert log[0]["templates"]["letters/acknowledgement.j2"] == sha(REPO / "templates/letters/acknowledgement.j2")


def test_a_subprocess_renders_the_same_bytes(sample: Path, tmp_path: Path) -> None:
    code, _, err = invoke("letter", "decision", str(sample), "-o", str(tmp_path / "a"))
    assert code == 0, err
    exe = Path(sys.executable).with_name("casepost")
    run = subprocess.run(
        [str(exe), "letter", "decision", str(sample), "-o", str(tmp_path / "b")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    name = "HCS-LADO-2026-0318-decision.pdf"
    assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_a_case_moved_to_another_folder_renders_the_same_bytes(sample: Path, tmp_path: Path) -> None:
    # A letter is a record: re-rendered after its case folder (with its settings and logo) was
    # moved or archived elsewhere, it must be the same file. WeasyPrint names an image by a hash
    # of its URL, so the logo must not be named by its path.
    moved = tmp_path / "archive" / "2026" / "herts-lado"
    shutil.copytree(sample.parent, moved)
    for case in (sample, moved / "case.toml"):
        code, _, err = invoke("letter", "decision", str(case), "--format", "both")
        assert code == 0, err
    for name in ("HCS-LADO-2026-0318-decision.pdf", "HCS-LADO-2026-0318-decision.docx"):
        assert (sample.parent / "out" / name).read_bytes() == (moved / "out" / name).read_bytes(), name


def test_missing_field_exits_1_naming_it(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("luton-csc", '[panel]\ndate = 2027-01-13\ntime = "10:00"\n'), settings=SETTINGS)
    code, out, err = invoke("letter", "panel-invitation", str(case), "--date", "2026-12-01")
    assert code == 1
    assert 'panel.venue: is required for the panel-invitation letter: add venue = "..." under [panel]' in err
    assert "Traceback" not in out + err
    assert not (case.parent / "out").exists()


def test_no_settings_and_unknown_kind(make_case: Callable[..., Path]) -> None:
    case = make_case(minimal_case("luton-csc"))
    code, _, err = invoke(*ACK, str(case))
    assert code == 1 and "casepost.toml" in err and "letters and bundles need the authority's settings" in err
    (case.parent / "casepost.toml").write_text(SETTINGS)
    code, _, err = invoke("letter", "apology", str(case))
    assert code == 1 and "luton-csc has no 'apology' letter" in err and "panel-invitation" in err


def test_approve_clears_the_draft_mark_until_the_wording_changes(sample: Path) -> None:
    import getpass

    folder = sample.parent
    settings = folder / "casepost.toml"
    settings.write_text('templates = "our-templates"\n' + settings.read_text())
    (folder / "our-templates").mkdir()
    code, _, err = invoke(*ACK, str(sample), "--date", "2026-10-14", "-o", str(folder / "draft"))
    assert code == 0 and "DRAFT" in err and "procedures/herts-lado.toml#acknowledgement" in err
    # Several names at once: templates, the layouts, and the procedure's wording for this letter.
    names = [
        "letters/acknowledgement.j2",
        "letters/_dates.j2",
        "letters/_advocate.j2",
        "letters/layout.html.j2",
        "letters/layout.docx",
        "herts-lado#acknowledgement",
    ]
    code, out, err = invoke("approve", *names, "--by", "A. Lawyer, Legal Services", "--settings", str(settings))
    assert code == 0, err
    for name in [*names[:-1], "procedures/herts-lado.toml#acknowledgement"]:
        assert f"approving {name} (sha256 " in out
    assert f"(login {getpass.getuser()})" in out
    # Beside the authority's casepost.toml, never in the templates folder or the installed package.
    approvals = (folder / "approvals.toml").read_text()
    assert not (folder / "our-templates" / "approvals.toml").exists()
    assert not (REPO / "templates" / "approvals.toml").exists()
    assert approvals.count("[[approval]]") == len(names) and 'by = "A. Lawyer, Legal Services"' in approvals
    assert f'user = "{getpass.getuser()}"' in approvals and "text = " in approvals

    code, _, err = invoke(*ACK, str(sample), "--date", "2026-10-14", "-o", str(folder / "approved"))
    assert code == 0 and "DRAFT" not in err
    assert "DRAFT" not in letters_pdf_text(
        (folder / "approved" / "HCS-LADO-2026-0318-acknowledgement.pdf").read_bytes()
    )

    # The authority changes the wording in its own copy: a draft again until approved again.
    changed = (REPO / "templates/letters/acknowledgement.j2").read_text().replace("Thank you for", "Thanks for")
    (folder / "our-templates" / "letters").mkdir()
    (folder / "our-templates" / "letters" / "acknowledgement.j2").write_text(changed)
    code, _, err = invoke(*ACK, str(sample), "--date", "2026-10-14", "-o", str(folder / "changed"))
    assert code == 0 and "DRAFT" in err and "letters/acknowledgement.j2" in err
    text = letters_pdf_text((folder / "changed" / "HCS-LADO-2026-0318-acknowledgement.pdf").read_bytes())
    assert "Thanks for" in text and "DRAFT - wording not approved" in text

    # `templates` lists every piece with its state; --changed approves just what is not approved.
    code, out, _ = invoke("templates", "--settings", str(settings))
    assert code == 0
    assert re.search(r"letters/acknowledgement.j2 +\w+ +NOT APPROVED \(changed since approved by A. Lawyer", out)
    assert re.search(r"procedures/herts-lado.toml#acknowledgement +\w+ +approved by A. Lawyer", out)
    assert re.search(r"procedures/luton-csc.toml#decision +\w+ +NOT APPROVED", out)
    assert re.search(r"letters/letter.css +\w+ +no approval needed", out)
    code, out, _ = invoke("approve", "--changed", "--by", "B. Counsel", "--settings", str(settings))
    assert code == 0 and "approving letters/acknowledgement.j2" in out and "approving letters/_dates.j2" not in out
    code, out, _ = invoke("templates", "--settings", str(settings))
    assert out.rstrip().endswith("0 not approved")

    code, _, err = invoke(*ACK, str(sample), "--draft", "-o", str(folder / "forced"))
    assert "--draft" in err or "DRAFT" in err


def test_a_changed_procedure_wording_makes_its_letters_draft(sample: Path, tmp_path: Path) -> None:
    from casepost.procedures import load_procedure_file

    folder = sample.parent
    settings = folder / "casepost.toml"
    code, _, err = invoke("approve", "--changed", "--by", "A. Lawyer", "--settings", str(settings))
    assert code == 0, err
    # The authority's own copy of the procedure, with one right worded differently.
    own = (REPO / "casepost/data/procedures/herts-lado.toml").read_text()
    own = own.replace('bring = "a supporter or advocate"', 'bring = "a supporter or an advocate"')
    (folder / "herts-lado.toml").write_text(own)
    sample.write_text(sample.read_text().replace('procedure = "herts-lado"', 'procedure = "herts-lado.toml"'))
    load_procedure_file.cache_clear()
    code, _, err = invoke(*ACK, str(sample), "-o", str(folder / "o"))
    assert code == 0 and "DRAFT" in err and "procedures/herts-lado.toml#acknowledgement" in err
    text = letters_pdf_text((folder / "o" / "HCS-LADO-2026-0318-acknowledgement.pdf").read_bytes())
    assert "a supporter or an advocate" in text and "DRAFT - wording not approved" in text
    # The review pack shows legal what changed since the wording it approved.
    samples = tmp_path / "samples"
    shutil.copytree(REPO / "samples", samples, ignore=shutil.ignore_patterns("out", "*.jsonl", "*.py"))
    (samples / "herts-lado" / "herts-lado.toml").write_text(own)
    case = samples / "herts-lado" / "case.toml"
    case.write_text(case.read_text().replace('procedure = "herts-lado"', 'procedure = "herts-lado.toml"'))
    review_pdf = tmp_path / "review.pdf"
    code, _, err = invoke("review", "-o", str(review_pdf), "--samples", str(samples), "--settings", str(settings))
    assert code == 0, err
    review = " ".join(letters_pdf_text(review_pdf.read_bytes()).split())
    assert "What changed in procedures/herts-lado.toml#acknowledgement since legal last approved it" in review
    assert '- "bring": "a supporter or advocate",' in review and '+ "bring": "a supporter or an advocate",' in review


def test_review_pack_names_every_template(letters_samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "review.pdf"
    code, stdout, err = invoke("review", "-o", str(out), "--samples", str(letters_samples))
    assert code == 0, err
    assert "35 letter(s)" in stdout  # 4 kinds and 3 easy-read versions for each of 5 procedures
    text = letters_pdf_text(out.read_bytes())
    for kind in ("acknowledgement", "stage1-response", "panel-invitation", "decision"):
        assert f"Legal review: durham-cpc {kind}" in text
    for kind in ("acknowledgement", "stage1-response", "decision"):
        assert f"Legal review: durham-cpc {kind} (easy read)" in text
    assert "Review: letters/easy-read/decision.j2 (sha256 " in text and "letters/layout-easy-read.docx" in text
    assert "letters/luton-csc/decision.j2" in text and "letters/_ombudsman.j2" in text
    assert "Review: letters/decision.j2 (sha256 " in text  # on every page of the letters
    digest = hashlib.sha256((REPO / "templates/letters/_ombudsman.j2").read_bytes()).hexdigest()
    assert digest in "".join(text.split())  # the full hash, wrapped in its table cell
    assert "NOT APPROVED" in text
    code, _, err = invoke("review", "-o", str(out), "--samples", str(letters_samples))
    assert code == 1 and "already exists" in err


def test_batch_renders_the_good_cases_and_reports_the_bad(tmp_path: Path) -> None:
    source = REPO / "samples" / "herts-lado"
    root = tmp_path / "batch"
    root.mkdir()
    shutil.copy(source / "casepost.toml", root / "casepost.toml")
    shutil.copytree(source / "assets", root / "assets")
    text = (source / "case.toml").read_text()
    for i in range(3):
        (root / f"c{i}").mkdir()
        case = text.replace('reference = "HCS/LADO/2026/0318"', f'reference = "HCS/LADO/2026/03{i}"')
        if i == 1:
            case = case.replace('venue = "Committee Room 2', 'room = "Committee Room 2')  # an unknown key
        (root / f"c{i}" / "case.toml").write_text(case)
    code, out, err = invoke("letter", "panel-invitation", str(root), "--jobs", "2")
    assert code == 1
    assert "c1/case.toml" in err and "room" in err and "1 of 3 case(s) failed" in err
    assert (root / "c0" / "out" / "HCS-LADO-2026-030-panel-invitation.pdf").is_file()
    assert (root / "c2" / "out" / "HCS-LADO-2026-032-panel-invitation.pdf").is_file()
    assert not (root / "c1" / "out").exists()
    assert "casepost.toml" not in out  # a settings file is not a case
