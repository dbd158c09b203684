"""The built-in templates compiled ahead of time, shipped with casepost and read through Jinja's
own bytecode cache, so that a letter does not compile its templates at every start (about 15 ms
of a letter's 0.6 s).

Jinja keeps with each compiled template the checksum of the source it was compiled from and the
Python and Jinja releases it was compiled by, and compiles from the source again whenever any
differs: an authority's own template, a template edited since, or another Python, costs only
speed. The key of a template includes the environment's options that shape its code (wording and
layout templates are compiled differently). Nothing is ever written at run time: the file is made
by `python3 bin/dev generate`, and a test checks it is current.
"""

from __future__ import annotations

import functools
import hashlib
import io
import pickle
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache, bc_magic


def stored_path() -> Path:
    """Where the compiled templates are shipped (inside the casepost package)."""
    return Path(str(resources.files("casepost"))) / "data" / "templates.bytecode"


def _shape(environment: jinja2.Environment) -> str:
    """The options that change the code Jinja makes of a template, as a short digest."""
    env: Any = environment
    options = (
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.finalize is not None,
        env.autoescape if isinstance(env.autoescape, bool) else "function",
        env.sandboxed,
        env.is_async,
        jinja2.__version__,
    )
    return hashlib.sha256(repr(options).encode()).hexdigest()[:16]


@functools.cache
def _stored() -> dict[str, bytes]:
    try:
        stored = pickle.loads(stored_path().read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


class ShippedBytecode(BytecodeCache):
    """Jinja's bytecode cache over the compiled built-in templates: read-only at run time; when
    `recording`, what Jinja compiles is kept (to be written by write()).
    """

    def __init__(self, recording: dict[str, bytes] | None = None) -> None:
        self.recording = recording

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        """A bucket keyed by the environment's shape and the template's name, not its path on disk."""
        key = f"{_shape(environment)}:{name}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from the shipped file; Jinja discards what no longer fits the source."""
        data = (self.recording if self.recording is not None else _stored()).get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep what Jinja compiled only while recording: a command writes nothing here."""
        if self.recording is not None:
            self.recording[bucket.key] = bucket.bytecode_to_string()


def compile_all() -> dict[str, bytes]:
    """Every built-in .j2 template compiled in each environment a letter uses, by key. Each is
    compiled under its name (letters/...), not its path on this machine, so the file is the same
    wherever it is made.
    """
    from letters.environment import Templates, builtin_root

    recording: dict[str, bytes] = {}
    cache = ShippedBytecode(recording)
    templates = Templates(None, cache)
    root = builtin_root()
    for path in sorted(root.glob("letters/**/*.j2")):
        name = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        for environment in (templates.wording, templates.layout):
            try:
                code = environment.compile(source, name, name)
            except jinja2.TemplateAssertionError:  # uses a filter only the other environment has
                continue
            bucket = cache.get_bucket(environment, name, name, source)
            bucket.code = code
            cache.set_bucket(bucket)
    return dict(sorted(recording.items()))


def current(environment: jinja2.Environment, name: str, source: str) -> bool:
    """Whether the shipped file holds this template, compiled from this source for this environment."""
    bucket = ShippedBytecode().get_bucket(environment, name, None, source)
    return bucket.code is not None


def write() -> Path:
    """Compile the built-in templates and store them (`python3 bin/dev generate` runs this)."""
    path = stored_path()
    made = compile_all()
    if _checksums(made) != _checksums(_stored()):  # the same code need not marshal to the same bytes
        path.write_bytes(pickle.dumps(made, protocol=5))
    _stored.cache_clear()
    return path


def _checksums(stored: dict[str, bytes]) -> dict[str, tuple[bytes, str]]:
    """Each key with the part of its entry that names what it was compiled from and by: Jinja's
    header (Python and Jinja releases) and the source's checksum.
    """
    out = {}
    for key, data in stored.items():
        entry = io.BytesIO(data)
        out[key] = (entry.read(len(bc_magic)), pickle.load(entry))
    return out


if __name__ == "__main__":
    print(f"wrote {write()}")
