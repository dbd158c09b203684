"""JSON Schemas of the case file and the settings file, generated from their pydantic models, for
editors that complete and validate TOML as it is typed (taplo, Even Better TOML: `#:schema` lines).

Regenerate after changing a model: `python -m casepost.schema` (a test fails when they are stale).
"""

from __future__ import annotations

import json
import sys
import tomllib
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from casepost.resources import templates_root

_TITLES = {"case": "casepost case file", "settings": "casepost settings file (casepost.toml)"}


def _model(name: str) -> type[BaseModel]:
    from casepost.case import Case
    from casepost.settings import Settings

    models: dict[str, type[BaseModel]] = {"case": Case, "settings": Settings}
    return models[name]


def schema_file(name: str) -> Path:
    """Where the checked-in schema for 'case' or 'settings' lives (shipped with the templates)."""
    return templates_root() / "schema" / f"{name}.schema.json"


def generate(name: str) -> str:
    """The schema's JSON text, as it is checked in (by alias: `schema`, `from`)."""
    model = _model(name)
    schema: dict[str, Any] = model.model_json_schema(by_alias=True, mode="validation")
    if name == "case":  # the comments `casepost new` writes are the editor's hover text too
        notes = tomllib.loads((templates_root() / "new" / "fields.toml").read_text(encoding="utf-8"))["fields"]
        _describe(schema, model, schema["properties"], "", notes)
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": _TITLES[name]}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _describe(schema: dict[str, Any], model: type[BaseModel], props: dict[str, Any], prefix: str, notes: Any) -> None:
    """Give each property the description of its dotted path, walking into nested tables."""
    for name, field in model.model_fields.items():
        key = field.alias or name
        path = f"{prefix}{key}"
        prop = props.get(key)
        if prop is None:
            continue
        if path in notes and "description" not in prop:
            prop["description"] = str(notes[path]).replace("{procedure_id}", "PROCEDURE")
        for arg in (field.annotation, *typing.get_args(field.annotation)):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg.__name__ in schema.get("$defs", {}):
                inner = schema["$defs"][arg.__name__]["properties"]
                _describe(schema, arg, inner, f"{path}.", notes)


def write_all() -> list[Path]:
    """Regenerate every checked-in schema; return the files written."""
    written = []
    for name in _TITLES:
        target = schema_file(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(generate(name), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_all():
        sys.stdout.write(f"wrote {path}\n")
