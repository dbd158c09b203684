"""The template lint: every name a template uses, and every attribute it reads, must exist in the
typed context letters are rendered with (letters.context). Run by the tests over every template,
so a misspelt field fails before a letter goes out, not while it is being rendered.

It follows the context's types through loops (`for point in complaint.points` makes `point` a
PointView), includes (same context), and macros (their parameters take the types of the
arguments they are called with).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes

from letters.environment import Templates
from letters.markup import Block
from letters.views import LetterContext


class AnyType:
    """A value whose type the lint does not follow (filter results, literals)."""


@dataclass(frozen=True)
class LayoutContext(LetterContext):
    """What the layouts see: the letter's context plus the laid-out words and page furniture."""

    blocks: tuple[Block, ...] = ()
    draft: bool = False
    watermark: str = ""
    draft_mark: str = ""  # the Word header's draft words: the watermark's text, "" once approved
    logo: str = ""  # the logo's URL (PDF) or picture (DOCX); "" when the council has none
    stylesheet: str = ""
    subject: str = ""
    review: str = ""
    easy_read: bool = False  # the easy-read version: larger type


@dataclass(frozen=True)
class _Loop:
    """Jinja's `loop` variable inside a for loop."""

    index: int
    index0: int
    first: bool
    last: bool
    length: int
    revindex: int
    previtem: Any
    nextitem: Any


def _unwrap(tp: Any) -> Any:
    """X | None -> X; anything not a class -> AnyType."""
    if tp is Any:
        return AnyType
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _unwrap(args[0]) if len(args) == 1 else AnyType
    return tp


def _element(tp: Any) -> Any:
    """The element type of tuple[X, ...] / list[X]."""
    args = typing.get_args(tp)
    return _unwrap(args[0]) if args else AnyType


def _attr_type(tp: Any, attr: str) -> Any | None:
    """The type of tp.attr, or None if tp has no such attribute."""
    if tp is AnyType:
        return AnyType
    base = typing.get_origin(tp) or tp
    if dataclasses.is_dataclass(base):
        hints = typing.get_type_hints(base)
        if attr in hints:
            return _unwrap(hints[attr])
        prop = getattr(base, attr, None)
        if isinstance(prop, property):
            return _unwrap(typing.get_type_hints(prop.fget).get("return", AnyType)) if prop.fget else AnyType
        return None
    if isinstance(base, type) and hasattr(base, attr):
        return AnyType  # e.g. str.endswith
    return None


@dataclass
class _Macro:
    template: str
    node: nodes.Macro


class Linter:
    """Checks templates against a context type; collects problems as 'template:line: message'."""

    def __init__(self, templates: Templates) -> None:
        self.templates = templates
        self.problems: list[str] = []
        self._done: set[tuple[str, str, tuple[str, ...]]] = set()

    def check(self, name: str, context: type) -> list[str]:
        """Lint one template (and what it includes) against a context dataclass."""
        scope = {k: _unwrap(v) for k, v in typing.get_type_hints(context).items()}
        self._template(name, scope)
        return self.problems

    def check_source(self, label: str, source: str, context: type) -> list[str]:
        """Lint template text that is not a file (the DOCX layout's XML)."""
        scope = {k: _unwrap(v) for k, v in typing.get_type_hints(context).items()}
        ast = self.templates.layout.parse(source)
        self._body(label, ast.body, scope, {})
        return self.problems

    # -- walking ---------------------------------------------------------------------------------
    def _template(self, name: str, scope: dict[str, Any]) -> None:
        source = self.templates.find(name).read_text(encoding="utf-8")
        ast = self.templates.layout.parse(source)
        self._body(name, ast.body, dict(scope), {})

    def _macros(self, name: str) -> dict[str, nodes.Macro]:
        ast = self.templates.layout.parse(self.templates.find(name).read_text(encoding="utf-8"))
        return {m.name: m for m in ast.find_all(nodes.Macro)}

    def _body(self, name: str, body: list[nodes.Node], scope: dict[str, Any], macros: dict[str, _Macro]) -> None:
        for node in body:
            self._node(name, node, scope, macros)

    def _node(self, name: str, node: nodes.Node, scope: dict[str, Any], macros: dict[str, _Macro]) -> None:
        if isinstance(node, nodes.For):
            element = _element(self._type(name, node.iter, scope))
            inner = dict(scope)
            self._bind(node.target, element, inner)
            inner["loop"] = _Loop
            if node.test is not None:
                self._type(name, node.test, inner)
            self._body(name, node.body, inner, macros)
            self._body(name, node.else_, scope, macros)
            return
        if isinstance(node, nodes.FromImport):
            template = typing.cast(nodes.Const, node.template).value
            defined = self._macros(template)
            for item in node.names:
                source, alias = item if isinstance(item, tuple) else (item, item)
                if source in defined:
                    macros[alias] = _Macro(template, defined[source])
                    scope[alias] = AnyType
            return
        if isinstance(node, nodes.Macro):
            macros[node.name] = _Macro(name, node)
            scope[node.name] = AnyType
            return
        if isinstance(node, nodes.Include):
            template = typing.cast(nodes.Const, node.template).value
            self._template(template, scope)
            return
        if isinstance(node, nodes.Assign):
            self._bind(node.target, self._type(name, node.node, scope), scope)
            return
        if isinstance(node, nodes.Expr) or not isinstance(node, nodes.Stmt):
            self._type(name, node, scope, macros)  # an expression
            return
        for child in node.iter_child_nodes():
            self._node(name, child, scope, macros)

    def _bind(self, target: nodes.Node, tp: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = tp
        else:
            for child in target.find_all(nodes.Name):
                scope[child.name] = AnyType

    def _type(self, name: str, node: nodes.Node, scope: dict[str, Any], macros: dict[str, _Macro] | None = None) -> Any:
        """The type of an expression, reporting unknown names and attributes on the way."""
        if isinstance(node, nodes.Name):
            if node.name not in scope:
                self.problems.append(f"{name}:{node.lineno}: {node.name!r} is not in the letter context")
                return AnyType
            return scope[node.name]
        if isinstance(node, nodes.Getattr):
            owner = self._type(name, node.node, scope, macros)
            found = _attr_type(owner, node.attr)
            if found is None:
                owner_name = getattr(owner, "__name__", str(owner))
                self.problems.append(f"{name}:{node.lineno}: {owner_name} has no field {node.attr!r}")
                return AnyType
            return found
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and macros and node.node.name in macros:
            macro = macros[node.node.name]
            arg_types = [self._type(name, arg, scope, macros) for arg in node.args]
            key = (macro.template, macro.node.name, tuple(getattr(t, "__name__", "?") for t in arg_types))
            if key not in self._done:
                self._done.add(key)
                inner = {k: v for k, v in scope.items()}
                for param, tp in zip(macro.node.args, arg_types, strict=False):
                    inner[param.name] = tp
                self._body(macro.template, macro.node.body, inner, dict(macros))
            return AnyType
        for child in node.iter_child_nodes():
            self._type(name, child, scope, macros)
        return AnyType


def line_trap(templates: Templates, name: str) -> list[str]:
    """Lines of a wording template that end in a block tag after some text: trim_blocks would
    swallow their line break and run the next line into them.
    """
    problems = []
    lines = templates.find(name).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        stripped = line.rstrip()
        following = lines[number].lstrip() if number < len(lines) else ""
        if following.startswith("{%-"):
            continue  # the next tag strips the line break on purpose (a macro's last line)
        if stripped.endswith("%}") and not stripped.lstrip().startswith("{%") and "{#" not in stripped:
            problems.append(f"{name}:{number}: a line of text ends with a block tag; its line break would be lost")
    return problems


def docx_source(templates: Templates, name: str) -> str:
    """The Jinja source docxtpl renders from a Word layout: body, headers and footers."""
    from docxtpl import DocxTemplate

    template = DocxTemplate(str(templates.find(name)))
    template.render_init()
    template.init_docx()
    parts = [template.patch_xml(template.get_xml())]
    for uri in (template.HEADER_URI, template.FOOTER_URI):
        for _, part in template.get_headers_footers(uri):
            parts.append(template.patch_xml(template.get_part_xml(part)))
    return "\n".join(parts)
