"""casepost: the domain of children's services complaint cases (case files, procedures, calendar)."""

__version__ = "0.1.0"
