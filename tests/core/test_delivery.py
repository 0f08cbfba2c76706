"""What a phone downloads: the PWA precompressed and cached a year, JSON gzipped, photos as is.

The client here is httpx, which decodes gzip and brotli as a browser does: each test asserts the
header a browser would act on and the body it would see after decoding.
"""

import gzip
from pathlib import Path

import brotli
import pytest

from tests.factories import create_town, login, report

SCRIPT = b"export const hello = '" + b"\xe8\xb7\xaf\xe9\x95\xbf" * 400 + b"';\n"
PAGE = b"<!doctype html><html><body><div id=app></div>" + b"<!-- pad -->" * 100 + b"</body></html>"


@pytest.fixture(autouse=True)
def pwa_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built PWA as compress.mjs leaves it: each text file with its .br and .gz beside it."""
    static = tmp_path / "static"
    (static / "assets").mkdir(parents=True)
    (static / "icons").mkdir()
    files = {
        "index.html": PAGE,
        "sw.js": SCRIPT,
        "assets/index-AbC123.js": SCRIPT,
        "assets/tiny-Zz9.js": b"export{}",  # too small to precompress
    }
    for name, body in files.items():
        (static / name).write_bytes(body)
        if len(body) > 512:
            (static / f"{name}.br").write_bytes(brotli.compress(body))
            (static / f"{name}.gz").write_bytes(gzip.compress(body))
    (static / "manifest.webmanifest").write_text('{"name": "路长通"}')
    (static / "icons" / "icon-192.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(600))
    monkeypatch.setattr("app.main.STATIC_DIR", static)
    return static


def test_a_script_comes_as_brotli_or_gzip_as_the_phone_accepts(client):
    r = client.get("/assets/index-AbC123.js", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "br"
    assert r.headers["vary"] == "Accept-Encoding"
    assert r.headers["content-type"].startswith("text/javascript")
    assert int(r.headers["content-length"]) < len(SCRIPT) / 5
    assert r.content == SCRIPT

    r = client.get("/assets/index-AbC123.js", headers={"Accept-Encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip" and r.content == SCRIPT

    # An old client, or a proxy that strips the header: the file itself, still correct.
    r = client.get("/assets/index-AbC123.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in r.headers and r.content == SCRIPT
    r = client.get("/assets/index-AbC123.js", headers={"Accept-Encoding": "br;q=0, gzip"})
    assert r.headers["content-encoding"] == "gzip"


def test_hashed_assets_are_kept_a_year_and_the_shell_is_revalidated(client):
    r = client.get("/assets/index-AbC123.js")
    assert r.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert client.get("/assets/tiny-Zz9.js").headers["cache-control"].endswith("immutable")

    for path in ("/", "/report", "/index.html", "/sw.js", "/manifest.webmanifest"):
        r = client.get(path, headers={"Accept-Encoding": "br"})
        assert r.status_code == 200, path
        assert r.headers["cache-control"] == "no-cache", path
    assert client.get("/report").content == PAGE
    assert client.get("/manifest.webmanifest").json() == {"name": "路长通"}
    assert client.get("/icons/icon-192.png").headers["cache-control"] == "public, max-age=86400"


def test_an_unchanged_shell_answers_304_without_a_body(client):
    first = client.get("/report", headers={"Accept-Encoding": "br"})
    again = client.get(
        "/report", headers={"Accept-Encoding": "br", "If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["cache-control"] == "no-cache"
    # The gzip copy is another representation: its tag does not validate the brotli one.
    other = client.get(
        "/report", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["etag"]}
    )
    assert other.status_code == 200 and other.content == PAGE


def test_a_chunk_of_an_older_build_is_a_404_not_the_page(client):
    r = client.get("/assets/ReportPage-old.js")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")


@pytest.fixture
def town(db):
    return create_town(db)


def test_json_over_a_kilobyte_is_gzipped_and_small_json_is_not(client, town):
    headers = {**login(client, town.supervisor), "Accept-Encoding": "gzip, br"}
    r = client.get("/api/categories", headers=headers)
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in r.headers["vary"]
    assert len(r.json()) > 10  # decoded as the app reads it

    r = client.get("/api/me", headers=headers)
    assert r.status_code == 200 and len(r.content) < 1024
    assert "content-encoding" not in r.headers


def test_photos_go_as_they_are_and_keep_their_etag(client, town):
    headers = login(client, town.inspector)
    ticket = report(client, headers).json()
    url = ticket["photos"][0]["url"]
    r = client.get(url, headers={**headers, "Accept-Encoding": "gzip, br"})
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    assert "content-encoding" not in r.headers
    again = client.get(url, headers={**headers, "If-None-Match": r.headers["etag"]})
    assert again.status_code == 304


def test_the_ledger_spreadsheet_is_not_compressed_twice(client, town):
    headers = {**login(client, town.supervisor), "Accept-Encoding": "gzip"}
    r = client.get("/api/ledger/export.xlsx", headers=headers)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "content-encoding" not in r.headers
    assert r.content[:2] == b"PK"
