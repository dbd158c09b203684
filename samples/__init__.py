"""Sample cases, one per procedure: the demo's input, and what `casepost review` renders for legal.

The wheel ships each sample's case file, settings and logo (not its bundle documents), so the
review pack works from an installed casepost too.
"""
