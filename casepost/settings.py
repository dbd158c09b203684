"""The authority's settings file (casepost.toml): letterhead, signatories, closure days,
authority defaults, security marking, template overrides, bundle numbering.
"""

# No `from __future__ import annotations`: the records' types are evaluated once, as the module is
# imported, rather than from strings each time they are read (date_fields(), pydantic when it builds).

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from casepost.errors import Problem, SettingsError
from casepost.records import Record, constrained, many, mapping, nonempty, record, table
from casepost.tomlfile import read_toml, validate

SETTINGS_NAME = "casepost.toml"


@record
class Letterhead(Record):
    """The council's letterhead."""

    council: str = nonempty()
    team: str = ""
    address: list[str] = many()
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: str = ""  # path relative to the settings file


@record
class Signatory(Record):
    """Who signs a letter."""

    name: str = nonempty()
    role: str = nonempty()


@record
class Defaults(Record):
    """The authority's own numbers where a procedure gives none (procedures.md)."""

    acknowledgement_working_days: int = constrained(3, ge=1, le=30)
    panel_invitation_working_days: int = constrained(10, ge=1, le=60)
    panel_papers_days: int = constrained(5, ge=1, le=60)
    # The complainant's last day for further papers where the procedure sets none: before the papers go out.
    panel_additional_papers_working_days: int = constrained(7, ge=1, le=60)


@record
class BundleSettings(Record):
    """How panel bundles are numbered and how long they may be."""

    numbering: Literal["continuous", "sectioned"] = "continuous"
    page_limit: int = constrained(350, ge=1)


@record
class Settings(Record):
    """An authority's settings; every part has a default except the letterhead and signatories."""

    letterhead: Letterhead | None = None
    signatories: dict[str, Signatory] = mapping()  # "default" and/or a letter kind
    closure_days: list[date] = many()
    defaults: Defaults = table(Defaults)
    marking: str = "OFFICIAL-SENSITIVE"
    confidentiality: str = ""  # the bundle cover's notice; a sensible default is used when empty
    templates: str = ""  # folder of the authority's own templates, relative to this file
    bundle: BundleSettings = table(BundleSettings)


@dataclass(frozen=True)
class LoadedSettings:
    """Settings with the file they came from (None when the built-in defaults are in use)."""

    settings: Settings
    path: Path | None
    looked_for: Path

    @property
    def folder(self) -> Path | None:
        """The folder holding the settings file, which assets are relative to."""
        return self.path.parent if self.path else None

    def require_letterhead(self) -> Letterhead:
        """The letterhead, or an error naming the file that was looked for."""
        if self.path is None:
            raise SettingsError(
                self.looked_for,
                [
                    Problem(
                        "",
                        f"no {SETTINGS_NAME} found (looked from the case's folder up to the root); "
                        "letters and bundles need the authority's settings: create it or pass --settings",
                    )
                ],
            )
        if self.settings.letterhead is None:
            raise SettingsError(self.path, [Problem("letterhead", "is required for letters and bundles")])
        return self.settings.letterhead

    def signatory(self, kind: str) -> Signatory:
        """The signatory for a letter kind, falling back to the default one."""
        found = self.settings.signatories.get(kind) or self.settings.signatories.get("default")
        if found is None:
            where = self.path or self.looked_for
            raise SettingsError(
                where, [Problem(f"signatories.{kind}", "no signatory for this letter and no [signatories.default]")]
            )
        return found

    def asset(self, relative: str) -> Path:
        """A settings asset (e.g. the logo), which must stay inside the settings folder."""
        folder = self.folder
        assert folder is not None
        target = (folder / relative).resolve()
        if not target.is_relative_to(folder.resolve()):
            raise SettingsError(self.path, [Problem("letterhead.logo", f"{relative!r} is outside the settings folder")])
        return target


def find_settings(start: Path) -> Path | None:
    """Walk up from start (a folder) to the root, returning the first casepost.toml."""
    for folder in [start.resolve(), *start.resolve().parents]:
        candidate = folder / SETTINGS_NAME
        if candidate.is_file():
            return candidate
    return None


def load_settings(case_path: Path, explicit: Path | None = None) -> LoadedSettings:
    """The settings for a case: --settings if given, else found by walking up, else defaults."""
    looked_for = explicit or case_path.resolve().parent / SETTINGS_NAME
    path = explicit if explicit is not None else find_settings(case_path.resolve().parent)
    if path is None:
        return LoadedSettings(settings=Settings(), path=None, looked_for=looked_for)
    data, text = read_toml(path, SettingsError)
    return LoadedSettings(
        settings=validate(Settings, data, text, path, SettingsError), path=path, looked_for=looked_for
    )
