"""The one Jinja2 environment letters are rendered with: sandboxed, strict, autoescaping, and
searching the authority's own templates folder before the built-in one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from casepost.errors import TemplateError
from casepost.resources import templates_root

# Wording templates mark every value they print with these two characters, so the paragraph
# parser (letters.markup) can tell the template's own structure (a line starting "- " or "# ")
# from a value that happens to contain the same characters. They never reach a letter.
VALUE_START = "\x02"
VALUE_END = "\x03"


def builtin_root() -> Path:
    """The built-in templates folder (templates/ in the repository and in the wheel)."""
    return templates_root()


def fonts_folder() -> Path:
    """The fonts shipped with casepost (Liberation Sans, SIL OFL 1.1)."""
    return builtin_root() / "fonts"


def _mark_values(value: Any) -> Any:
    """Finalize hook: wrap every printed value (never template text or macro output) in markers."""
    if isinstance(value, Markup) or value is None:
        return value
    return f"{VALUE_START}{value}{VALUE_END}"


def breakable(text: str) -> Markup:
    """Escaped text that may wrap after "@", "." and "/" (long email addresses and web addresses)."""
    escaped = str(escape(text))
    for char in "@./":
        escaped = escaped.replace(char, char + "<wbr>")
    return Markup(escaped)


# E-mail and web addresses in a letter's text: linked in the PDF, so a screen reader announces them as
# links and a reader can follow them (ISO 14289-1, 7.18.5). A trailing full stop or comma is the
# sentence's, not the address's.
_ADDRESS = re.compile(
    r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)"
    r"|(?P<web>(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)])"
)


def linked(text: str) -> Markup:
    """Escaped text with its e-mail and web addresses as links (that may wrap after "@", "." and "/")."""
    out: list[str] = []
    last = 0
    for match in _ADDRESS.finditer(text):
        out.append(str(escape(text[last : match.start()])))
        address = match.group(0)
        if match.group("email"):
            href = "mailto:" + address
        else:
            href = address if address.startswith("http") else "https://" + address
        # Zero-width spaces, not <wbr>: WeasyPrint 70 ignores <wbr> inside a link.
        out.append(f'<a href="{escape(href)}">{escape(breakable_text(address))}</a>')
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def breakable_text(text: str) -> str:
    """Text that Word and LibreOffice may wrap after "@", "." and "/": a zero-width space after each
    (both break a line there and print nothing; a hyphen would change the address).
    """
    for char in "@./":
        text = text.replace(char, char + "\u200b")
    return text


def _strict_env(**options: Any) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        undefined=jinja2.StrictUndefined,  # a missing field is an error, never a blank in a letter
        autoescape=True,  # a name like <script> or A & B prints as written
        **options,
    )


@dataclass(frozen=True)
class Templates:
    """The templates a case's letters are rendered from: the authority's folder (if any), then ours."""

    override: Path | None = None
    # Compiled built-in templates (letters.templatecode): read-only, unless recording them.
    bytecode: jinja2.BytecodeCache | None = None

    @property
    def roots(self) -> tuple[Path, ...]:
        """Folders searched, first match wins."""
        return (self.override, builtin_root()) if self.override else (builtin_root(),)

    @cached_property
    def _code(self) -> jinja2.BytecodeCache:
        from letters.templatecode import ShippedBytecode

        return self.bytecode or ShippedBytecode()

    @cached_property
    def wording(self) -> SandboxedEnvironment:
        """The environment for wording templates: values are marked for the paragraph parser."""
        return _strict_env(
            loader=self._loader(),
            bytecode_cache=self._code,
            finalize=_mark_values,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    @cached_property
    def layout(self) -> SandboxedEnvironment:
        """The environment for the HTML layout: the same rules, no value markers."""
        env = _strict_env(loader=self._loader(), bytecode_cache=self._code, trim_blocks=True, lstrip_blocks=True)
        env.filters["breakable"] = breakable
        env.filters["linked"] = linked
        return env

    def _loader(self) -> jinja2.BaseLoader:
        return jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(root)) for root in self.roots])

    def find(self, name: str) -> Path:
        """The file a template name resolves to (the authority's copy first)."""
        for root in self.roots:
            candidate = (root / name).resolve()
            if candidate.is_relative_to(root.resolve()) and candidate.is_file():
                return candidate
        raise TemplateError(f"template {name!r} not found in {', '.join(str(r) for r in self.roots)}")

    def exists(self, name: str) -> bool:
        """Whether a template name resolves to a file."""
        try:
            self.find(name)
        except TemplateError:
            return False
        return True

    def sha256(self, name: str) -> str:
        """The SHA-256 of the file a template name resolves to."""
        return hashlib.sha256(self.find(name).read_bytes()).hexdigest()

    def closure(self, name: str) -> list[str]:
        """A template and every template it extends, includes or imports, in first-use order."""
        seen: list[str] = []
        todo = [name]
        while todo:
            current = todo.pop(0)
            if current in seen:
                continue
            seen.append(current)
            if not current.endswith(".j2"):
                continue
            source = self.find(current).read_text(encoding="utf-8")
            try:
                ast = self.layout.parse(source)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateError(f"{self.find(current)}:{exc.lineno}: {exc.message}") from exc
            for ref in meta.find_referenced_templates(ast):
                if ref is None:
                    raise TemplateError(f"{current}: includes a template whose name is computed; name it literally")
                todo.append(ref)
        return seen


def docx_environment() -> SandboxedEnvironment:
    """The environment docxtpl renders the Word layout with: the same strict, escaping rules."""
    env = _strict_env()
    env.filters["breakable"] = breakable_text
    return env


def render(env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
    """Render a template, turning Jinja's errors into one that names the template and line."""
    try:
        return env.get_template(name).render(context)
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"template {name}: {exc.message} (the template uses a field the letter does not have)"
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"template {exc.filename or name}:{exc.lineno}: {exc.message}") from exc
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template {exc.name!r} not found (wanted by {name})") from exc
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"template {name}: not allowed: {exc}") from exc
