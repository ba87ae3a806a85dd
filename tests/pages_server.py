"""A local stand-in for GitHub Pages: the site under a sub-path, gzip, the site's own 404 page.

Python's SimpleHTTPRequestHandler answers a missing page with its own English page and never
compresses; GitHub Pages serves `404.html` of the site (status 404) and gzips text. Lighthouse
and the 404-page tests need the real behaviour.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json", "application/xml", "text/xml", "image/svg+xml", "text/plain"}


class PagesHandler(http.server.BaseHTTPRequestHandler):
    root: Path  # the folder holding `<sub-path>/`
    prefix: str  # "/tin-tuc/"

    def log_message(self, *args):
        pass

    def do_HEAD(self):
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def _file(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root.resolve()):
            return None
        if target.is_dir():
            if not path.endswith("/"):
                return None  # GitHub Pages redirects; our pages always link with the slash
            target = target / "index.html"
        return target if target.is_file() else None

    def _answer(self, body: bool):
        found = self._file()
        status = 200
        if found is None:
            status, found = 404, self.root / self.prefix.strip("/") / "404.html"
        content = found.read_bytes() if found.is_file() else b"not found"
        kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind.endswith(("json", "xml", "javascript")):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        if kind.split(";")[0] in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            content = gzip.compress(content, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if body:
            self.wfile.write(content)


@contextlib.contextmanager
def serve_pages(root: Path, prefix: str):
    """Serve `root` (which holds the site in `root/<prefix>`) like GitHub Pages; yields the site's URL."""
    handler = type("Handler", (PagesHandler,), {"root": root, "prefix": f"/{prefix.strip('/')}/"})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{prefix.strip('/')}/"
    finally:
        server.shutdown()
        server.server_close()
