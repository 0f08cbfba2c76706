"""The built PWA as files: the precompressed copy a client accepts, and how long it may keep it.

`npm run build` leaves a `.br` and a `.gz` beside every text file (frontend/scripts/compress.mjs);
a request gets the smallest one its Accept-Encoding allows, with `Vary: Accept-Encoding`.
Vite names everything under /assets/ by content hash, so those are cached for a year and never
asked for again; index.html, the service worker and the manifest are revalidated every time
(a 304 when unchanged), so a new version is seen on the next start.
"""

import mimetypes
import os
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Icons keep their names across builds: a day is soon enough for a new one.
A_DAY = "public, max-age=86400"
ALWAYS_REVALIDATED = {"index.html", "sw.js", "manifest.webmanifest"}
# Smallest first: brotli beats gzip by 10-20 % on the app's scripts.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))

mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".js")


def accepted(header: str) -> set[str]:
    """Codings an Accept-Encoding header allows (`q=0` refuses one)."""
    codings = set()
    for part in header.lower().split(","):
        name, _, params = part.partition(";")
        q = params.strip().removeprefix("q=").strip() if params.strip().startswith("q=") else "1"
        try:
            if float(q) > 0:
                codings.add(name.strip())
        except ValueError:
            continue
    return codings


def cache_control(relative: str) -> str:
    if relative.startswith("assets/"):
        return IMMUTABLE
    if Path(relative).name in ALWAYS_REVALIDATED:
        return REVALIDATE
    return A_DAY


def file_response(request: Request, file: Path, cache: str) -> Response:
    """`file` (or its precompressed copy), with a 304 when the client's copy is current."""
    media_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    if media_type.startswith("text/") or media_type.endswith(("javascript", "json")):
        media_type += "; charset=utf-8"
    headers = {"Cache-Control": cache}
    served = file
    if any(Path(f"{file}{suffix}").is_file() for _, suffix in ENCODINGS):
        headers["Vary"] = "Accept-Encoding"
        codings = accepted(request.headers.get("accept-encoding", ""))
        for coding, suffix in ENCODINGS:
            copy = Path(f"{file}{suffix}")
            if coding in codings and copy.is_file():
                served = copy
                headers["Content-Encoding"] = coding
                break
    stat = os.stat(served)
    response = FileResponse(served, media_type=media_type, headers=headers, stat_result=stat)
    etag = response.headers["etag"]
    if etag in _etags(request.headers.get("if-none-match", "")):
        keep = {k: v for k, v in response.headers.items() if k in ("etag", "cache-control", "vary")}
        return Response(status_code=304, headers=keep)
    return response


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
