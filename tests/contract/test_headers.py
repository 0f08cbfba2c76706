"""Security headers on every kind of response, and Secure cookies where HTTPS is promised."""

import pytest

from app.core.config import Settings, get_settings
from tests.factories import PASSWORD, create_user


def test_every_response_carries_the_security_headers(client):
    for path in ("/api/me", "/openapi.json", "/docs", "/api/no-such-thing"):
        r = client.get(path)
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], path
        assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin", path
        assert "strict-transport-security" not in r.headers, path
    page = client.get("/docs").headers["content-security-policy"]
    assert "script-src 'self';" in page and "unsafe-inline" not in page.split("style-src")[0]
    assert client.get("/api/me").headers["content-security-policy"].startswith("default-src 'none'")


def test_docs_use_no_cdn_and_no_inline_script(client):
    for path in ("/docs", "/redoc"):
        html = client.get(path).text
        assert "cdn" not in html and "https://" not in html, path
        assert "<script>" not in html and "<script src=" in html, path
    assert client.get("/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/docs/assets/redoc.standalone.js").status_code == 200
    r = client.get("/api/docs", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == "/docs"


def test_behind_https_cookies_are_secure_and_hsts_is_sent(client, db, monkeypatch):
    monkeypatch.setenv("ROADCHIEF_COOKIE_SECURE", "true")
    get_settings.cache_clear()
    user = create_user(db, "inspector")
    r = client.post("/api/auth/token", data={"username": user.username, "password": PASSWORD})
    assert r.status_code == 200
    cookies = r.headers.get_list("set-cookie")
    assert cookies and all("Secure" in c for c in cookies)
    assert r.headers["strict-transport-security"] == "max-age=31536000"


@pytest.mark.parametrize(
    ("environment", "explicit", "secure"),
    [("production", None, True), ("production", "false", False), ("development", None, False)],
)
def test_production_means_secure_cookies_unless_said_otherwise(
    monkeypatch, environment, explicit, secure
):
    monkeypatch.setenv("ROADCHIEF_ENVIRONMENT", environment)
    monkeypatch.setenv("ROADCHIEF_SECRET_KEY", "a-real-secret")
    if explicit is None:
        monkeypatch.delenv("ROADCHIEF_COOKIE_SECURE", raising=False)
    else:
        monkeypatch.setenv("ROADCHIEF_COOKIE_SECURE", explicit)
    assert Settings().cookie_secure is secure
