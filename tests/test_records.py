"""The records the files validate into, and what is stored ahead of time (casepost.prebuilt)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import pickletools
import tomllib
from pathlib import Path

import pydantic_core
import pytest

from casepost import prebuilt
from casepost.case import Case, Hold
from casepost.procedures import Procedure, builtin_ids, load_procedure
from casepost.settings import Settings

from .conftest import PROCEDURE_IDS, SAMPLES


def test_stored_schemas_are_current() -> None:
    stored = pickle.loads(prebuilt.stored_path().read_bytes())
    assert stored["fingerprint"] == prebuilt.fingerprint(), "stale: run python3 bin/dev generate"
    assert stored == prebuilt.build_all(), "stale: run python3 bin/dev generate"


def test_stored_schemas_name_no_pydantic_code() -> None:
    # Loading them must not import pydantic: every global the pickle names is one of our records,
    # one of their field checks, or a builtin (list, dict as default factories).
    data = prebuilt.stored_path().read_bytes()
    ops = list(pickletools.genops(data))
    strings = [arg for op, arg, _ in ops if isinstance(arg, str)]
    assert not [s for s in strings if s.startswith("pydantic")]
    assert "casepost.case" in strings and "casepost.procedures" in strings and "casepost.settings" in strings


@pytest.mark.parametrize("procedure", PROCEDURE_IDS)
def test_schemas_made_afresh_validate_as_the_stored_ones(procedure: str) -> None:
    # What a command falls back to when the stored schemas are not current: the same results.
    folder = SAMPLES / procedure
    for record, path in ((Case, folder / "case.toml"), (Settings, folder / "casepost.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        fresh = pydantic_core.SchemaValidator(prebuilt.build(record)).validate_python(data)
        stored = prebuilt.validator(record).validate_python(data)
        assert dataclasses.asdict(fresh) == dataclasses.asdict(stored)


def test_every_builtin_procedure_is_stored_as_its_file_validates() -> None:
    # A built-in procedure comes from the stored file (read and checked when it was made); it is
    # what its TOML file gives when validated now with a schema made afresh.
    validator = pydantic_core.SchemaValidator(prebuilt.build(Procedure))
    folder = Path(str(prebuilt.stored_path().parent)) / "procedures"
    for pid in builtin_ids():
        stored = prebuilt.procedure(pid)
        assert isinstance(stored, Procedure) and load_procedure(pid) is stored
        data = tomllib.loads((folder / f"{pid}.toml").read_text(encoding="utf-8"))
        assert validator.validate_python(data) == stored


def test_records_are_read_only() -> None:
    hold = Hold(from_=dt.date(2026, 12, 21), reason="court proceedings")
    with pytest.raises(dataclasses.FrozenInstanceError):
        hold.reason = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del hold.reason  # type: ignore[misc]
    ended = dataclasses.replace(hold, to=dt.date(2027, 1, 8))
    assert (ended.to, hold.to, ended.reason) == (dt.date(2027, 1, 8), None, "court proceedings")


def test_a_validated_record_is_read_only_too() -> None:
    data = tomllib.loads((SAMPLES / "luton-csc" / "casepost.toml").read_text(encoding="utf-8"))
    settings = prebuilt.validator(Settings).validate_python(data)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.marking = "OFFICIAL"  # type: ignore[misc]
