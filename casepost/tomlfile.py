"""Reading TOML input files: size limit, syntax errors with line and column, and
validation errors turned into problems that name the field and its line.
"""

from __future__ import annotations

import re
import tomllib
import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic_core import ValidationError

from casepost.errors import InputFileError, Problem
from casepost.prebuilt import validator
from casepost.records import inner_record, record_fields

MAX_BYTES = 1_000_000

M = TypeVar("M")

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _split_key(text: str) -> tuple[str, ...]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", text)
    return tuple(p.strip("\"'") for p in parts)


def key_lines(text: str) -> dict[tuple[str | int, ...], int]:
    """Map each key path (tables, array-of-table indices, keys) to the 1-based line it is on.

    A small scanner, not a parser: it reads table headers and `key =` lines, which is all
    a person's error message needs. Multi-line strings and arrays are skipped over.
    """
    where: dict[tuple[str | int, ...], int] = {}
    counts: dict[tuple[str | int, ...], int] = {}
    table: tuple[str | int, ...] = ()
    in_multiline: str | None = None
    depth = 0
    for n, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if in_multiline in line:
                in_multiline = None
            continue
        if depth > 0:
            depth += line.count("[") - line.count("]")
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            keys = _split_key(header.group(2))
            if header.group(1) == "[[":
                base = (*_resolve(keys[:-1], counts), keys[-1])
                index = counts.get(base, 0)
                counts[base] = index + 1
                table = (*base, index)
            else:
                table = _resolve(keys, counts)
            where.setdefault(table, n)
            continue
        key = _KEY.match(line)
        if key:
            path = (*table, *_split_key(key.group(1)))
            where.setdefault(path, n)
            rest = line[key.end() :]
            for quote in ('"""', "'''"):
                if rest.count(quote) == 1:
                    in_multiline = quote
            depth = max(0, rest.count("[") - rest.count("]"))
    return where


def _resolve(keys: tuple[str, ...], counts: dict[tuple[str | int, ...], int]) -> tuple[str | int, ...]:
    """Insert the current index of any array of tables met along a header's path."""
    path: tuple[str | int, ...] = ()
    for key in keys:
        path = (*path, key)
        if path in counts:
            path = (*path, counts[path] - 1)
    return path


def line_of(lines: dict[tuple[str | int, ...], int], loc: tuple[str | int, ...]) -> int | None:
    """The line of the longest prefix of loc that the file names."""
    for end in range(len(loc), 0, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def field_path(loc: tuple[str | int, ...]) -> str:
    """('panel', 'members', 2, 'role') -> 'panel.members[2].role'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_toml(path: Path, error: type[InputFileError]) -> tuple[dict[str, Any], str]:
    """Read and parse a TOML file, refusing files over 1 MB and reporting syntax errors."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise error(path, [Problem("", f"cannot be read ({exc.strerror or exc})")]) from exc
    if not path.is_file():
        raise error(path, [Problem("", "is not a file")])
    if size > MAX_BYTES:
        raise error(path, [Problem("", f"is {size:,} bytes; the limit is {MAX_BYTES:,} bytes (1 MB)")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(path, [Problem("", f"is not UTF-8 text (byte {exc.start})")]) from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        raise error(path, [_syntax_problem(text, exc)]) from exc


def _syntax_problem(text: str, exc: tomllib.TOMLDecodeError) -> Problem:
    lineno = getattr(exc, "lineno", None)
    colno = getattr(exc, "colno", None)
    msg = getattr(exc, "msg", None) or str(exc).split(" (at ")[0]
    if lineno is None:
        found = re.search(r"line (\d+), column (\d+)", str(exc))
        if found:
            lineno, colno = int(found.group(1)), int(found.group(2))
    key = ""
    if lineno:
        lines = text.splitlines()
        if 0 < lineno <= len(lines):
            m = _KEY.match(lines[lineno - 1])
            key = m.group(1).strip() if m else ""
            table = _table_before(lines, lineno)
            key = f"{table}.{key}" if key and table else key
            hint = _date_hint(lines[lineno - 1][m.end() :] if m else "")
            if hint:
                return Problem(key, hint, lineno)
    where = f"column {colno}: " if colno else ""
    return Problem(key, f"TOML syntax error, {where}{msg}", lineno)


def _table_before(lines: list[str], lineno: int) -> str:
    """The name of the table a line sits in ('complaint'), from the last header above it."""
    for line in reversed(lines[: lineno - 1]):
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            return ".".join(_split_key(header.group(2)))
    return ""


def _date_hint(value: str) -> str | None:
    """For a date written day first (16/11/2026): how to write it instead."""
    from casepost.cliparams import iso_hint  # small; kept out of the import path of valid files

    value = value.split("#", 1)[0].strip().strip("\"'")
    iso = iso_hint(value)
    return f"write dates as {iso} (year-month-day, no quotes), not {value}" if iso else None


def validate(model: type[M], data: dict[str, Any], text: str, path: Path, error: type[InputFileError]) -> M:
    """Validate data into model, or raise error listing every problem with field and line."""
    try:
        return typing.cast(M, validator(typing.cast(type, model)).validate_python(data))
    except ValidationError as exc:
        lines = key_lines(text)
        errors = exc.errors(include_url=False)
        problems = [_problem(model, e, lines) for e in errors]
        # A typo'd key also leaves the real one missing: say it once, as "did you mean".
        typo_targets = {
            (*p.field.rsplit(".", 1)[:-1], p.message.split("`")[1]) for p in problems if "did you mean `" in p.message
        }
        problems = [
            p for p in problems if not (p.message == "is required" and tuple(p.field.rsplit(".", 1)) in typo_targets)
        ]
        raise error(path, problems) from exc


def _problem(model: type, err: Any, lines: dict[tuple[str | int, ...], int]) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    msg = err["msg"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        import difflib  # only for a file with an unknown key

        allowed = _allowed_keys(model, loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        msg = "unknown key" + (f"; did you mean `{guess[0]}`?" if guess else "")
        if allowed:
            msg += f" (allowed here: {', '.join(sorted(allowed))})"
    elif kind in ("date_type", "date_from_datetime_inexact", "date_parsing"):
        hint = _date_hint(err["input"]) if isinstance(err.get("input"), str) else None
        msg = hint or "must be a TOML date such as 2026-11-20 (no quotes)"
    elif kind == "missing":
        msg = "is required"
    elif kind == "value_error":
        msg = msg.removeprefix("Value error, ")
    elif kind == "string_too_short":
        msg = "must not be empty"
    elif kind == "literal_error":
        msg = msg.replace("Input should be", "must be")
    elif kind == "list_type" and _inner_table(model, loc) is not None:
        msg = f"must be tables, each headed [[{field_path(tuple(p for p in loc if isinstance(p, str)))}]]"
    elif kind in _KINDS:
        msg = _KINDS[kind]
    return Problem(field_path(loc), msg, line_of(lines, loc))


# What a value of the wrong TOML type should have been, in the file's own terms (pydantic-core's
# words name Python's types: "a valid dictionary or an instance of Complaint").
_KINDS = {
    "dataclass_type": "must be a table: its own [section], or { key = value, ... }",
    "dataclass_args_type": "must be a table: its own [section], or { key = value, ... }",
    "dict_type": "must be a table of names and values: its own [section], or { key = value, ... }",
    "list_type": 'must be a list in square brackets, e.g. ["...", "..."]',
    "string_type": 'must be text in quotes, e.g. "..."',
    "bool_type": "must be true or false (no quotes)",
    "int_type": "must be a whole number (no quotes)",
}


def _allowed_keys(model: type, loc: tuple[str | int, ...]) -> list[str]:
    """The keys accepted at loc, found by walking the records' fields."""
    current = _inner_table(model, loc)
    return [f.key for f in record_fields(current)] if current is not None else []


def _inner_table(model: type, loc: tuple[str | int, ...]) -> type | None:
    """The record (table) that the value at loc is, or holds, if any."""
    current: type | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None:
            return None
        field = next((f for f in record_fields(current) if f.key == part), None)
        current = inner_record(field.annotation) if field is not None else None
    return current
