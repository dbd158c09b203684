"""The case's correspondence log: one JSON line per output, so the authority can show the
Ombudsman exactly what was produced from what (file hashes, never personal data).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def log_path(case_path: Path) -> Path:
    """The log beside the case file: case.toml -> case.correspondence.jsonl."""
    return case_path.with_name(f"{case_path.stem}.correspondence.jsonl")


def record(
    case_path: Path,
    kind: str,
    output: Path,
    templates: Mapping[str, str] | None = None,
    extra: Mapping[str, object] | None = None,
    output_sha256: str | None = None,  # when the writer already hashed it (a bundle): no second read of a large file
) -> dict[str, object]:
    """Append one line for an output: when, what kind, where, and the hashes of output, case and templates.

    `templates` maps each template's name to its SHA-256. The line is appended under a lock,
    so parallel workers never interleave.
    """
    entry: dict[str, object] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "kind": kind,
        "output": str(output),
        "output_sha256": output_sha256 or sha256_file(output),
        "case_sha256": sha256_file(case_path),
        "templates": dict(templates or {}),
        **dict(extra or {}),
    }
    with open(log_path(case_path), "a", encoding="utf-8") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.write(json.dumps(entry, sort_keys=True) + "\n")
    return entry
