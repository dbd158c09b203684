"""The authority's settings file (casepost.toml): letterhead, signatories, closure days,
authority defaults, security marking, template overrides, bundle numbering.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from casepost.errors import Problem, SettingsError
from casepost.tomlfile import read_toml, validate

SETTINGS_NAME = "casepost.toml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Letterhead(_Strict):
    """The council's letterhead."""

    council: str = Field(min_length=1)
    team: str = ""
    address: list[str] = []
    phone: str = ""
    email: str = ""
    website: str = ""
    logo: str = ""  # path relative to the settings file


class Signatory(_Strict):
    """Who signs a letter."""

    name: str = Field(min_length=1)
    role: str = Field(min_length=1)


class Defaults(_Strict):
    """The authority's own numbers where a procedure gives none (procedures.md)."""

    acknowledgement_working_days: int = Field(default=3, ge=1, le=30)
    panel_invitation_working_days: int = Field(default=10, ge=1, le=60)
    panel_papers_days: int = Field(default=5, ge=1, le=60)
    # The complainant's last day for further papers where the procedure sets none: before the papers go out.
    panel_additional_papers_working_days: int = Field(default=7, ge=1, le=60)


class BundleSettings(_Strict):
    """How panel bundles are numbered and how long they may be."""

    numbering: Literal["continuous", "sectioned"] = "continuous"
    page_limit: int = Field(default=350, ge=1)


class Settings(_Strict):
    """An authority's settings; every part has a default except the letterhead and signatories."""

    letterhead: Letterhead | None = None
    signatories: dict[str, Signatory] = {}  # "default" and/or a letter kind
    closure_days: list[date] = []
    defaults: Defaults = Defaults()
    marking: str = "OFFICIAL-SENSITIVE"
    confidentiality: str = ""  # the bundle cover's notice; a sensible default is used when empty
    templates: str = ""  # folder of the authority's own templates, relative to this file
    bundle: BundleSettings = BundleSettings()


class LoadedSettings(BaseModel):
    """Settings with the file they came from (None when the built-in defaults are in use)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

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
