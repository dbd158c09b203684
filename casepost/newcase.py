"""`casepost new`: a commented case file holding every field its procedure uses, and a settings
file when none is found above the folder. The fields come from the case model and the procedure's
data; the comments beside them from templates/new/fields.toml.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tomllib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casepost.case import Case
from casepost.errors import CaseFileError, CasepostError, Problem, ProcedureError
from casepost.output import write_atomic
from casepost.procedures import Procedure, date_fields, is_path, load_procedure
from casepost.records import FieldSpec, is_record, record_fields
from casepost.resources import templates_root
from casepost.schema import schema_file
from casepost.settings import SETTINGS_NAME, find_settings

CASE_NAME = "case.toml"
_COLUMN = 40  # where comments start, as in the samples

# Tables every complaint has, whatever its procedure; the others appear when the procedure dates them.
_ALWAYS = {"complainant", "supporter", "child", "complaint", "officers", "holds", "bundle", "copies_to"}


@dataclass(frozen=True)
class NewCase:
    """What `new` wrote: the case file, and the settings file if it wrote one."""

    case: Path
    settings: Path | None
    settings_found: Path | None


def used_fields(procedure: Procedure) -> set[str]:
    """Every case field the procedure counts from, records or changes a count by."""
    used: set[str] = {*procedure.events, "complaint.closed"}  # closing a complaint ends every clock
    for d in procedure.deadlines:
        used |= {d.from_, *(x for x in (d.met_by,) if x)}
        used |= {d.replaced_by.field} if d.replaced_by else set()
        used |= {d.extension.when} if d.extension else set()
        used |= {d.alternative.when_false} if d.alternative else set()
    used |= {f for kind in procedure.letters for f in (procedure.sent_field(kind),) if f}
    return used


def _comment(text: str, line: str) -> str:
    if not text:
        return line
    return f"{line:<{_COLUMN - 2}}  # {text}" if len(line) < _COLUMN - 2 else f"{line}  # {text}"


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, optional) for X | None."""
    if typing.get_origin(annotation) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else annotation), True
    return annotation, False


def _model_of(annotation: Any) -> type | None:
    return typing.cast(type, annotation) if is_record(annotation) else None


def _example(model: type) -> list[str]:
    """The keys of one array-of-tables entry, commented out."""
    lines = []
    for field in record_fields(model):
        key = field.key
        inner, _ = _unwrap(field.annotation)
        if inner is dt.date:
            lines.append(f"# {key} =")
        elif inner is bool:
            lines.append(f"# {key} = false")
        elif typing.get_origin(inner) is list:
            lines.append(f"# {key} = []")
        else:
            lines.append(f'# {key} = ""')
    return lines


def _value_line(key: str, field: FieldSpec) -> str:
    """One key as a new case file writes it: a default value, or commented out when it has none."""
    inner, optional = _unwrap(field.annotation)
    required = field.required
    if inner is dt.date:
        return f"# {key} ="  # no empty date in TOML: left for `casepost record`
    if inner is bool:
        return f"# {key} =" if optional else f"{key} = {'true' if field.default else 'false'}"
    if typing.get_origin(inner) is list:
        return f"{key} = []"
    if typing.get_origin(inner) is typing.Literal:
        choices = typing.get_args(inner)
        default = field.default if not required and field.default is not None else choices[0]
        return f"{key} = {json.dumps(default)}" if not optional or required else f"# {key} = {json.dumps(default)}"
    if _model_of(inner) is not None:
        return f'# {key} = {{ name = "", role = "" }}'
    if typing.get_origin(inner) is dict:
        return ""
    return f"{key} = {json.dumps(field.default if not required and isinstance(field.default, str) else '')}"


def render_case(procedure: Procedure, procedure_ref: str, case_name: str, schema_ref: str) -> str:
    """The text of a new case file for this procedure."""
    words = tomllib.loads((templates_root() / "new" / "fields.toml").read_text(encoding="utf-8"))
    notes: dict[str, str] = {k: v.replace("{procedure_id}", procedure.id) for k, v in words["fields"].items()}
    used = used_fields(procedure)
    dates = date_fields()
    companions: dict[str, str] = words.get("companions", {})
    header = words["header"].format(procedure_name=procedure.name, procedure_id=procedure.id, case_name=case_name)
    out = [f"#:schema {schema_ref}", *header.strip("\n").splitlines(), ""]
    tables: list[tuple[str, FieldSpec]] = []
    for field in record_fields(Case):
        key = field.key
        inner, _ = _unwrap(field.annotation)
        model = _model_of(inner)
        if model is not None or typing.get_origin(inner) in (list, dict):
            tables.append((key, field))
            continue
        value = json.dumps(procedure_ref) if key == "procedure" else ("1" if key == "schema" else None)
        line = f"{key} = {value}" if value else _value_line(key, field)
        out.append(_comment(notes.get(key, ""), line))
    for key, field in tables:
        inner, _ = _unwrap(field.annotation)
        if key not in _ALWAYS and not any(p.startswith(f"{key}.") for p in used):
            continue
        out += ["", f"# --- {words['tables'].get(key, key)} ".ljust(96, "-")]
        model = _model_of(inner)
        if typing.get_origin(inner) is list:  # [[holds]]
            item = _model_of(typing.get_args(inner)[0])
            out.append(_comment(notes.get(key, ""), f"# [[{key}]]"))
            out += _example(item) if item else []
            continue
        if model is None:  # officers, copies_to: a table of the person's choosing
            out.append(_comment(notes.get(key, ""), f"[{key}]"))
            continue
        if _unwrap(field.annotation)[1]:  # an optional table (supporter, child): all commented out
            out.append(f"# [{key}]")
            out += [_comment(notes.get(f"{key}.{line[2:].split(' ')[0]}", ""), line) for line in _example(model)]
            continue
        out.append(f"[{key}]")
        later: list[str] = []
        for subfield in record_fields(model):
            subkey = subfield.key
            path = f"{key}.{subkey}"
            sub_inner, _ = _unwrap(subfield.annotation)
            if (path in dates or sub_inner is bool) and path not in used and sub_inner is not bool:
                continue  # a date this procedure does not count from or record
            if sub_inner is bool and path not in used and key not in _ALWAYS:
                continue  # a yes/no this procedure does not count by
            if path in companions and companions[path] not in used:
                continue  # words that go with a field this procedure does not use
            item = _model_of(typing.get_args(sub_inner)[0]) if typing.get_origin(sub_inner) is list else None
            if item is not None:
                later += ["", _comment(notes.get(path, ""), f"# [[{path}]]"), *_example(item)]
                continue
            line = _value_line(subkey, subfield)
            if line:
                out.append(_comment(notes.get(path, ""), line))
        out += later
    return "\n".join(out) + "\n"


def render_settings(procedure: Procedure, folder: Path, schema_ref: str) -> str:
    """The text of a new settings file, with a commented signatory for each of the procedure's letters."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(templates_root() / "new")),
        autoescape=False,  # TOML, not HTML: strings are quoted by the `toml` filter instead
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["toml"] = json.dumps  # a JSON string is a valid TOML basic string
    signatories: dict[str, list[str]] = {}
    for kind, spec in procedure.letters.items():
        signatories.setdefault(spec.signatory or kind, []).append(kind)
    council = procedure.authorities[0] if procedure.authorities else ""
    return env.get_template("casepost.toml.j2").render(
        schema=schema_ref, folder=folder.name or str(folder), council=council, signatories=sorted(signatories.items())
    )


def _schema_ref(name: str, folder: Path) -> str:
    """How the new file points at its JSON Schema: a path relative to it, where one exists."""
    target = schema_file(name)
    try:
        relative = os.path.relpath(target, folder.resolve())
    except ValueError:  # another drive (Windows)
        return target.as_uri()
    return relative if relative.count("..") <= 3 else target.as_uri()


def new_case(procedure_ref: str, folder: Path) -> NewCase:
    """Write FOLDER/case.toml for the procedure (and casepost.toml if none is found); never overwrite."""
    try:
        procedure = load_procedure(procedure_ref, Path.cwd())
    except ProcedureError as exc:
        if exc.path is None:
            raise CasepostError(exc.problems[0].message) from exc
        raise
    ref = os.path.relpath(Path(procedure_ref).resolve(), folder.resolve()) if is_path(procedure_ref) else procedure.id
    target = folder / CASE_NAME
    if target.exists():
        raise CaseFileError(target, [Problem("", "already exists: casepost new never overwrites a case file")])
    found = find_settings(folder) if folder.exists() else find_settings(_existing_parent(folder))
    write_atomic(target, render_case(procedure, ref, str(target), _schema_ref("case", folder)).encode(), force=False)
    written = None
    if found is None:
        written = folder / SETTINGS_NAME
        text = render_settings(procedure, folder.resolve(), _schema_ref("settings", folder))
        write_atomic(written, text.encode(), force=False)
    return NewCase(target, written, found)


def _existing_parent(folder: Path) -> Path:
    for parent in folder.resolve().parents:
        if parent.exists():
            return parent
    return Path("/")
