"""Panel bundle assembly: cover, index, sections, stamping, numbering, bookmarks."""
