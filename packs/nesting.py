"""How a page's content nests its graphics states (q saves, Q restores), so the bundle can keep
the page's own mistakes from reaching what surrounds it: a stray Q would otherwise undo the
transform and clip that fit the page between the stamp's bands, and a q never restored would
leave the stamp drawn in the page's own state.

The operators are found by one regular expression over the decoded content, without parsing it:
a q or Q inside a string or an inline image may be miscounted, which only adds a harmless save.
"""

from __future__ import annotations

import re

# A q or Q standing alone as an operator: after a delimiter or white space (or at the start),
# before one (or at the end).
_OPERATOR = re.compile(rb"(?<![^\x00\t\n\x0c\r \])>}])[qQ](?![^\x00\t\n\x0c\r \[(</%])")
LIMIT = 28  # the nesting depth PDF readers are required to support


def unbalanced(data: bytes) -> tuple[int, int]:
    """(saves to add before the content, so no Q in it pops a state it did not save; restores to
    add after it, to undo the saves it leaves open), each at most LIMIT.
    """
    if b"Q" not in data and b"q" not in data:
        return 0, 0
    depth = lowest = 0
    for op in _OPERATOR.findall(data):
        depth += 1 if op == b"q" else -1
        lowest = min(lowest, depth)
    before = -lowest
    return min(before, LIMIT), min(before + depth, LIMIT)
