"""Letter rendering: one Jinja2 wording source per letter, laid out as PDF (WeasyPrint) and DOCX (docxtpl)."""
