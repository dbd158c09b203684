"""A warning, once per process, when Debian's libharfbuzz-subset0 is missing: WeasyPrint then
falls back to a slower font subsetter and every letter takes about 2.5 times as long.
"""

from __future__ import annotations

import ctypes.util
import functools
import sys

MESSAGE = (
    "warning: libharfbuzz-subset0 is not installed, so every letter takes about 2.5 times as long "
    "(install it with: apt-get install libharfbuzz-subset0)"
)


@functools.lru_cache(maxsize=1)
def harfbuzz_subset_missing() -> bool:
    """Whether the HarfBuzz subsetting library cannot be found."""
    return ctypes.util.find_library("harfbuzz-subset") is None


@functools.lru_cache(maxsize=1)
def warn_if_slow_subsetting() -> None:
    """Say once on stderr that rendering will be slow, if it will."""
    if harfbuzz_subset_missing():
        print(MESSAGE, file=sys.stderr)
