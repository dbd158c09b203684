"""The wording and layouts of letters and bundles, as files a lawyer can read (this package only ships them)."""
