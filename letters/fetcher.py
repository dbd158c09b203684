"""The only way WeasyPrint may read anything while rendering: files inside the allowed folders
(the templates) and the named asset files (the settings' logo). Everything else is refused,
including other local files (file:///etc/passwd), http(s) and data: URLs, and recorded, so the
command can say what was refused.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

ASSET_SCHEME = "casepost-asset"


def asset_url(path: Path) -> str:
    """The URL a template names an asset (the logo) by: its file name under a scheme of our own.
    WeasyPrint names an image in the PDF by a hash of its URL, so a file:// URL would make the
    bytes of a letter depend on the folder its settings sit in: moved or archived, a case would no
    longer re-render to the same file.
    """
    return f"{ASSET_SCHEME}:{quote(path.name)}"


class Refused(ValueError):
    """A URL outside what rendering may read."""


class SafeFetcher(URLFetcher):
    """A URL fetcher that serves only files under `folders` and the exact files in `files`."""

    def __init__(self, folders: Iterable[Path], files: Iterable[Path] = ()) -> None:
        # fail_on_errors: a refused resource stops the rendering instead of a letter going out without it.
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=True)
        self.folders = tuple(p.resolve() for p in folders)
        self.files = frozenset(p.resolve() for p in files)
        self.assets = {asset_url(p): p for p in self.files}
        self.refused: list[str] = []

    def allowed_path(self, url: str) -> Path | None:
        """The local file a URL names, if rendering may read it."""
        if url in self.assets:
            return self.assets[url] if self.assets[url].is_file() else None
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(unquote(parts.path))).resolve()
        if path in self.files or any(path.is_relative_to(folder) for folder in self.folders):
            return path if path.is_file() else None
        return None

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Serve an allowed file, or refuse (recording the URL)."""
        path = self.allowed_path(url)
        if path is None:
            self.refused.append(url)
            raise Refused(f"refused to fetch {url}: rendering reads only the templates folder and the settings' assets")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type})
