"""What the TOML files are validated into: read-only dataclasses, and how pydantic is to read them.

The case, procedure and settings tables are plain dataclasses (`@record`), so that using them
never imports pydantic. They are read-only: the type checker refuses an assignment to a field,
and at run time a field once set cannot be set again. (A frozen dataclass does the same, but its
generated methods cost about 10 ms more to define at every start; `casepost dates` is a short
command, and nothing in it may be slower than it need be.)

pydantic reads the rules of each field from the dataclass itself:
`__pydantic_config__` (unknown keys are errors, TOML's types are taken as they are) and the
field's metadata (`min_length`, `pattern`, `ge`, `le`, and `alias` for a TOML key that is a Python
keyword). `check` in the metadata is ours: casepost.prebuilt runs that function on the field's
value after its type is checked, so a problem is reported against the field itself.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

# The dataclass config pydantic reads (a ConfigDict; a plain dict keeps pydantic out of the import).
STRICT: dict[str, Any] = {"extra": "forbid", "strict": True}


class Record:
    """Base of every validated table: unknown keys are errors, values keep their TOML types, and a
    field cannot be changed once it is set (copy with dataclasses.replace instead).
    """

    __pydantic_config__ = STRICT

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self.__dict__:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    # Equal when of one type with equal values: one method here rather than one generated per record.
    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.__dict__ == self.__dict__

    __hash__ = None  # type: ignore[assignment]  # equal by value, yet not immutable underneath


@typing.dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """A validated table: a keyword-only dataclass, read-only and compared by value (Record)."""
    return dataclasses.dataclass(kw_only=True, eq=False, repr=False)(cls)


def nonempty(*, check: Callable[[str], str] | None = None) -> Any:
    """A required text field that must not be empty (optionally checked further by `check`)."""
    return dataclasses.field(metadata={"min_length": 1, **({"check": check} if check else {})})


def constrained(default: Any = dataclasses.MISSING, **rules: Any) -> Any:
    """A field with pydantic's rules (`ge`, `le`, `pattern`, `min_length`, `alias`) in its metadata."""
    return dataclasses.field(default=default, metadata=rules)


def many() -> Any:
    """An empty list by default (each record gets its own)."""
    return dataclasses.field(default_factory=list)


def mapping() -> Any:
    """An empty table by default."""
    return dataclasses.field(default_factory=dict)


def table(record: type[T]) -> T:
    """A table whose every field has a default, absent from the file: the record with its defaults."""
    return typing.cast(T, dataclasses.field(default_factory=record))


def toml_key(field: dataclasses.Field[Any]) -> str:
    """The key a field has in the TOML file (its alias, e.g. `from`, or its name)."""
    return str(field.metadata.get("alias", field.name))


@functools.cache
def field_types(record: type) -> dict[str, Any]:
    """Each field's type. The records' modules do not postpone annotations, so these are the types
    themselves; should one be a string, typing resolves it (slower: it evaluates the text).
    """
    fields = dataclasses.fields(record)
    if any(isinstance(f.type, str) for f in fields):
        return typing.get_type_hints(record)
    return {f.name: f.type for f in fields}


def is_record(annotation: object) -> bool:
    """Whether an annotation is one of the validated tables."""
    return isinstance(annotation, type) and dataclasses.is_dataclass(annotation) and issubclass(annotation, Record)


def inner_record(annotation: Any) -> type | None:
    """The record inside list[X], X | None, dict[str, X], or X itself."""
    if is_record(annotation):
        return typing.cast(type, annotation)
    for arg in typing.get_args(annotation):
        inner = inner_record(arg)
        if inner is not None:
            return inner
    return None


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """One field of a record as a file sees it: its key, its type, and its default if it has one."""

    key: str
    annotation: Any
    required: bool
    default: Any = None


@functools.cache
def record_fields(record: type) -> tuple[FieldSpec, ...]:
    """Each field of a record, in order."""
    types = field_types(record)
    out = []
    for f in dataclasses.fields(record):
        if f.default is not dataclasses.MISSING:
            default, required = f.default, False
        elif f.default_factory is not dataclasses.MISSING:
            default, required = f.default_factory(), False
        else:
            default, required = None, True
        out.append(FieldSpec(toml_key(f), types[f.name], required, default))
    return tuple(out)
