"""The built-in templates shipped compiled (letters.templatecode), read through Jinja's bytecode cache."""

from __future__ import annotations

import pickle

import jinja2
import pytest
from jinja2.bccache import bc_magic

from letters.environment import Templates, builtin_root
from letters.templatecode import ShippedBytecode, current, stored_path

# The file is made by the Python release CI runs (Debian 12's 3.11); Jinja's header names it, and
# under another release every template is compiled afresh, as these tests would then only show.
made_here = pytest.mark.skipif(
    not all(data.startswith(bc_magic) for data in pickle.loads(stored_path().read_bytes()).values()),
    reason="the compiled templates were made by another Python release: here they are compiled afresh",
)


def _builtin() -> list[tuple[str, str]]:
    root = builtin_root()
    paths = sorted(root.glob("letters/**/*.j2"))
    return [(p.relative_to(root).as_posix(), p.read_text(encoding="utf-8")) for p in paths]


@made_here
def test_every_builtin_template_is_shipped_compiled_from_its_source() -> None:
    templates = Templates(None)
    checked = 0
    for name, source in _builtin():
        for environment in (templates.wording, templates.layout):
            try:
                environment.compile(source, name, name)
            except jinja2.TemplateAssertionError:
                continue  # not a template of this environment (a filter only the other one has)
            assert current(environment, name, source), f"{name}: stale, run python3 bin/dev generate"
            checked += 1
    assert checked >= len(_builtin())  # each template in at least one environment


@made_here
def test_a_changed_source_is_compiled_afresh_not_served_stale() -> None:
    # Jinja keeps the source's checksum with the code: an authority's own copy, or a template
    # edited since the file was made, gets no stored code and is compiled from what it says.
    templates = Templates(None)
    name, source = next((n, s) for n, s in _builtin() if n == "letters/acknowledgement.j2")
    assert current(templates.wording, name, source)
    assert not current(templates.wording, name, source + "\nOne more line.\n")
    # and code made for one environment is not given to another shaped differently
    plain = jinja2.Environment(autoescape=True)
    assert ShippedBytecode().get_bucket(plain, name, None, source).code is None


def test_rendering_writes_nothing_to_the_shipped_file() -> None:
    before = stored_path().read_bytes()
    templates = Templates(None)
    name, source = next((n, s) for n, s in _builtin() if n == "letters/_dates.j2")
    edited = templates.wording.from_string(source + "\n")  # compiled here, and not stored
    assert edited is not None
    ShippedBytecode().dump_bytecode(ShippedBytecode().get_bucket(templates.wording, name, None, source + "x"))
    assert stored_path().read_bytes() == before
