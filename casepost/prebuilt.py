"""What is built ahead of time, so that commands start quickly: the validators' schemas of the
case, procedure and settings files, and the built-in procedures, validated.

pydantic turns each record (casepost.records) into a core schema that pydantic-core, its compiled
half, validates with. Importing pydantic and walking the classes costs about 60 ms at every start,
a third of `casepost dates`; so `python3 bin/dev generate` builds the schemas once and stores
them, pickled, in casepost/data/prebuilt.pickle, and a command loads them with pydantic-core
alone (about 10 ms). The built-in procedures are stored with them, validated by those schemas,
which saves reading and checking a 25 kB TOML file at every start.

With them is a checksum of what they were made from: the modules that define the records, the
built-in procedure files and the pydantic-core release. Should any differ (a record or procedure
changed and the file was not made again, or another pydantic-core is installed), nothing stored
is used: the schemas are built afresh with pydantic and the procedures read from their files,
the same results, only slower. A test checks the stored file is current.

The file is made by this project and shipped inside the package, like the code that loads it.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import importlib.util
import pickle
import re
import zlib
from importlib import resources
from pathlib import Path
from typing import Any

import pydantic_core

_FILE = ("data", "prebuilt.pickle")
# The modules whose text the schemas are made from.
_SOURCES = ("casepost.records", "casepost.prebuilt", "casepost.case", "casepost.procedures", "casepost.settings")


def _roots() -> list[type]:
    """The records a whole file validates into."""
    from casepost.case import Case
    from casepost.procedures import Procedure
    from casepost.settings import Settings

    return [Case, Procedure, Settings]


def _name(record: type) -> str:
    return f"{record.__module__}.{record.__qualname__}"


def build(record: type) -> dict[str, Any]:
    """A record's core schema, made by pydantic, as the validator needs it."""
    from pydantic import TypeAdapter  # only here: when the schemas are (re)made

    schema = copy.deepcopy(TypeAdapter(record).core_schema)
    _prepare(schema)
    return dict(schema)


def _prepare(node: Any) -> None:
    """Make a core schema stable to store and load without pydantic.

    - `metadata` and `serialization` hold pydantic's own functions, for JSON Schema and dumping:
      neither is used here, and loading them would import pydantic;
    - a table may be given as TOML's dict (strict mode would want an instance of the dataclass);
      its fields stay strict;
    - a field whose metadata has `check` gets that function run on its value once its type passes;
    - `ref`s carry the id() of a class, different at every run: the qualified name is enough.
    """
    if isinstance(node, list):
        for item in node:
            _prepare(item)
        return
    if not isinstance(node, dict):
        return
    node.pop("metadata", None)
    node.pop("serialization", None)
    for key in ("ref", "schema_ref"):
        if isinstance(node.get(key), str):
            node[key] = re.sub(r":\d+$", "", node[key])
    if node.get("type") == "dataclass":
        node["strict"] = False
        checks = {f.name: f.metadata["check"] for f in dataclasses.fields(node["cls"]) if "check" in f.metadata}
        for field in node["schema"]["fields"]:
            if field["name"] in checks:
                _add_check(field, checks[field["name"]])
    for value in node.values():
        _prepare(value)


def _add_check(field: dict[str, Any], check: Any) -> None:
    """Run `check` after the field's own validation (inside its default, when it has one)."""
    holder = field["schema"] if field["schema"].get("type") == "default" else field
    holder["schema"] = {
        "type": "function-after",
        "function": {"type": "no-info", "function": check},
        "schema": holder["schema"],
    }


def fingerprint() -> str:
    """What the stored file was made from: the records' modules and built-in procedures (as text), and
    pydantic-core's release.
    """
    # A checksum, not a hash for security: the file is ours, it only has to notice a change.
    digest = zlib.crc32(pydantic_core.__version__.encode())
    for module in _SOURCES:
        spec = importlib.util.find_spec(module)
        source = spec.origin if spec is not None else None
        digest = zlib.crc32(_text(Path(source)) if source else module.encode(), digest)
    for path in sorted(_procedures_folder().glob("*.toml")):
        digest = zlib.crc32(path.name.encode() + _text(path), digest)
    return f"{digest:08x}"


def _text(path: Path) -> bytes:
    return path.read_bytes().replace(b"\r\n", b"\n")


def _procedures_folder() -> Path:
    return stored_path().parent / "procedures"


def build_all() -> dict[str, Any]:
    """Every root record's schema and every built-in procedure, with the fingerprint of what they were made from."""
    from casepost.procedures import load_procedure_file

    schemas = {_name(record): build(record) for record in _roots()}
    procedures = {}
    for path in sorted(_procedures_folder().glob("*.toml")):
        load_procedure_file.cache_clear()  # read and validated now, with the schema just built
        procedures[path.stem] = load_procedure_file(path)
    return {"fingerprint": fingerprint(), "schemas": schemas, "procedures": procedures}


def stored_path() -> Path:
    """Where the stored schemas live (inside the package)."""
    return Path(str(resources.files("casepost").joinpath(*_FILE)))


def write() -> Path:
    """Store what build_all() makes (`python -m casepost.schema`, run by `python3 bin/dev generate`)."""
    path = stored_path()
    made = build_all()
    try:
        unchanged = pickle.loads(path.read_bytes()) == made
    except (OSError, pickle.UnpicklingError, AttributeError, ImportError, EOFError):
        unchanged = False
    if not unchanged:  # pickling the same objects twice need not give the same bytes: no noise in git
        path.write_bytes(pickle.dumps(made, protocol=5))
    _stored.cache_clear()
    validator.cache_clear()
    return path


@functools.cache
def _stored() -> dict[str, Any]:
    try:
        stored = pickle.loads(stored_path().read_bytes())
    except (OSError, pickle.UnpicklingError, AttributeError, ImportError, EOFError):
        return {}
    if not isinstance(stored, dict) or stored.get("fingerprint") != fingerprint():
        return {}
    return stored


@functools.cache
def validator(record: type) -> pydantic_core.SchemaValidator:
    """The validator of a root record: from the stored schema, or made afresh if it is not current."""
    schema = _stored().get("schemas", {}).get(_name(record)) or build(record)
    return pydantic_core.SchemaValidator(schema)


def procedure(procedure_id: str) -> Any:
    """The built-in procedure with this id as stored (a casepost.procedures.Procedure), or None
    when the stored file is not current.
    """
    return _stored().get("procedures", {}).get(procedure_id)
