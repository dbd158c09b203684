"""`casepost record`: set one date or yes/no field of a case file in place, keeping its comments
and layout, and only if the case stays valid.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import shlex
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casepost.case import case_from, get_field, locate, raw_contradictions
from casepost.cliparams import parse_day
from casepost.errors import CaseFileError, CasepostError, Problem
from casepost.loaded import case_procedure, open_case
from casepost.output import atomic_path
from casepost.procedures import bool_fields, date_fields
from casepost.tomlfile import MAX_BYTES, read_toml

_YES = {"true", "yes", "y"}
_NO = {"false", "no", "n"}
_HOLD_END = re.compile(r"holds\[(\d+)\]\.to")  # an open hold ends: `record case.toml holds[0].to DATE`
_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\s-]+?)\s*\]\s*(#.*)?$")


@dataclass(frozen=True)
class Recorded:
    """What `record` changed: the field, its new value and the one it replaced."""

    path: Path
    field: str
    value: dt.date | bool
    previous: object
    met: list[str]  # the deadlines this field meets, with their status after the change
    remaining: list[Problem]  # what the case file still lacks (a new case being filled in)


def parse_value(field: str, text: str | None, today: dt.date) -> dt.date | bool:
    """The value typed for a field: a date (default today) for a date field, yes/no for a yes/no one."""
    if field in date_fields() or _HOLD_END.fullmatch(field):
        if text is None:
            return today
        try:
            return parse_day(text)
        except ValueError:
            raise CasepostError(f"{field}: {text!r} is not a date: write 2026-12-01 or 01/12/2026") from None
    if field in bool_fields():
        if text is None or text.lower() not in _YES | _NO:
            raise CasepostError(f"{field} is a yes/no field: give true or false (yes or no)")
        return text.lower() in _YES
    known = sorted(date_fields() | bool_fields() | {"holds[N].to"})
    guess = difflib.get_close_matches(field, known, n=1, cutoff=0.6)
    hint = f"; did you mean {guess[0]}?" if guess else ""
    raise CasepostError(
        f"{field} is not a date or yes/no field of the case file{hint} (record can set: {', '.join(known)})"
    )


def _toml(value: dt.date | bool) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else value.isoformat()


def _placeholder(key: str) -> re.Pattern[str]:
    """A commented-out key as `casepost new` writes it: `# key = ...   # what it means`."""
    return re.compile(rf"^(\s*)#\s*{re.escape(key)}\s*=[^#\n]*(#.*)?$")


def _insert_in_table(text: str, table: str, key: str, value: str) -> str | None:
    """Add key = value to a [table] written with a header: in place of its commented-out
    placeholder if there is one, else after the table's last line. None if there is no such header.
    """
    lines = text.splitlines(keepends=True)
    start = next(
        (i for i, line in enumerate(lines) if (m := _HEADER.match(line)) and m.group(1).replace(" ", "") == table),
        None,
    )
    if start is None:
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
    pattern = _placeholder(key)
    for i in range(start + 1, end):
        found = pattern.match(lines[i].rstrip("\n"))
        if found:
            line = f"{found.group(1)}{key} = {value}"
            if found.group(2):  # keep the comment where it was, if the value leaves room
                line = f"{line:<{max(found.start(2), len(line) + 2)}}{found.group(2)}"
            lines[i] = line + "\n"
            return "".join(lines)
    last = start
    for i in range(start + 1, end):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith("#"):
            last = i  # the end of the table's last key (or of a multi-line value)
    if not lines[last].endswith("\n"):
        lines[last] += "\n"
    lines.insert(last + 1, f"{key} = {value}\n")
    return "".join(lines)


def updated_text(text: str, field: str, value: dt.date | bool) -> str:
    """The case file's text with one field set, comments and layout kept (tomlkit for the edit)."""
    import tomlkit  # round-trips comments and layout, which tomllib cannot write back

    doc = tomlkit.parse(text)
    hold = _HOLD_END.fullmatch(field)
    if hold is not None:
        holds: Any = doc.get("holds")
        index = int(hold.group(1))
        if not isinstance(holds, list) or index >= len(holds):
            count = len(holds) if isinstance(holds, list) else 0
            raise CasepostError(f"{field}: the case file has {count} hold(s), numbered from 0")
        holds[index]["to"] = value
        return tomlkit.dumps(doc)
    parts = field.split(".")
    container: Any = doc
    for part in parts[:-1]:
        if part not in container:
            break
        container = container[part]
    else:
        if parts[-1] in container:  # replace: tomlkit keeps the line's comment
            container[parts[-1]] = value
            return tomlkit.dumps(doc)
    if len(parts) == 2:
        inserted = _insert_in_table(text, parts[0], parts[1], _toml(value))
        if inserted is not None:
            return inserted
    container = doc
    for part in parts[:-1]:
        if part not in container:
            container.add(part, tomlkit.table())
        container = container[part]
    container[parts[-1]] = value
    return tomlkit.dumps(doc)


def _problems(text: str, path: Path) -> list[Problem]:
    """Every problem of a case file's text (none when it is valid against its procedure).

    While the model is not valid its own order checks cannot run, so they are run on the raw
    data too: a date before the complaint was received is refused even in a case being filled in.
    """
    data = tomllib.loads(text)
    try:
        case = case_from(data, text, path)
        case_procedure(case, text, path)
    except CaseFileError as exc:
        found = {(p.field, p.message): p for p in [*exc.problems, *locate(raw_contradictions(data), text)]}
        return list(found.values())
    return []


def record_field(path: Path, field: str, value_text: str | None, today: dt.date | None = None) -> Recorded:
    """Set field in the case file at path; refuse (writing nothing) if that adds a problem.

    A case file just made by `casepost new` is not valid until its required fields are in: a
    record that leaves only problems it already had (and so fills one in) is allowed, and what is
    still missing is returned.
    """
    data, text = read_toml(path, CaseFileError)  # unreadable, or not TOML: nothing can be recorded
    value = parse_value(field, value_text, today or dt.date.today())
    before = _problems(text, path)
    new_text = updated_text(text, field, value)
    if len(new_text.encode("utf-8")) > MAX_BYTES:
        raise CaseFileError(path, [Problem(field, "not recorded: the case file would pass its 1 MB limit")])
    after = _problems(new_text, path)
    known = {(p.field, p.message) for p in before}
    added = [p for p in after if (p.field, p.message) not in known]
    if added:
        raise CaseFileError(path, [Problem(p.field, f"not recorded: {p.message}", p.line) for p in added])
    mode = path.stat().st_mode & 0o777
    with atomic_path(path, force=True) as tmp:
        tmp.write_text(new_text, encoding="utf-8")
        os.chmod(tmp, mode)  # the case file keeps who may read it
    previous = _previous(data, field)
    if after:
        return Recorded(path, field, value, previous, [], after)
    loaded = open_case(path)
    met = [
        f"{e.id}: {e.status}" + (f" (due {e.date.isoformat()})" if e.date else "")
        for e in loaded.timeline().entries
        if e.id in {d.id for d in loaded.procedure.deadlines if d.met_by == field}
    ]
    return Recorded(path, field, value, previous, met, [])


def _previous(data: dict[str, Any], field: str) -> object:
    value: object = data
    hold = _HOLD_END.fullmatch(field)
    if hold is not None:
        holds = data.get("holds") or []
        return holds[int(hold.group(1))].get("to")
    for part in field.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def record_command(case: Path, field: str, day: dt.date) -> str:
    """The exact `casepost record` command that marks something as sent on a day."""
    return f"casepost record {shlex.quote(str(case))} {field} {day.isoformat()}"


def sent_hint(case: Path, what: str, day: dt.date, settings_path: Path | None = None) -> str | None:
    """The record command for a letter kind or "bundle" just produced, unless the case has it already."""
    loaded = open_case(case, settings_path)
    field = loaded.procedure.sent_field(what)
    if field is None or get_field(loaded.case, field) is not None:
        return None
    return record_command(case, field, day)
