"""Security headers on every kind of response, and Secure cookies where HTTPS is promised."""

import pytest

from app.core.config import Settings, get_settings
from tests.factories import PASSWORD, create_town, create_user, login, report


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


def test_camera_and_location_for_the_app_itself_and_nothing_else(client):
    for path in ("/", "/api/me", "/docs"):
        policy = client.get(path).headers["permissions-policy"]
        features = dict(part.strip().split("=", 1) for part in policy.split(","))
        assert features.pop("camera") == "(self)", path
        assert features.pop("geolocation") == "(self)", path
        assert features and set(features.values()) == {"()"}, path
        assert "microphone" in features


def test_tokens_and_personal_data_are_never_cached(client, db):
    town = create_town(db)
    r = client.post(
        "/api/auth/token", data={"username": town.inspector.username, "password": PASSWORD}
    )
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    headers = login(client, town.inspector)
    ticket = report(client, headers)
    assert ticket.status_code == 201, ticket.text
    for path in ("/api/me", f"/api/tickets/{ticket.json()['id']}", "/api/tickets"):
        r = client.get(path, headers=headers)
        assert r.status_code == 200, path
        assert r.headers["cache-control"] == "no-store", path
    # A wrong password answers 401 and is not kept either.
    r = client.post("/api/auth/token", data={"username": "nobody", "password": "x"})
    assert r.headers["cache-control"] == "no-store"


def test_logout_clears_cookies_with_the_flags_they_were_set_with(client, db, monkeypatch):
    monkeypatch.setenv("ROADCHIEF_COOKIE_SECURE", "true")
    get_settings.cache_clear()
    user = create_user(db, "inspector")
    r = client.post("/api/auth/token", data={"username": user.username, "password": PASSWORD})
    # The test client is on http://, so it keeps no Secure cookie: sign out by bearer.
    bearer = {"Authorization": f"Bearer {r.json()['access_token']}"}
    r = client.post("/api/auth/logout", headers=bearer)
    assert r.status_code == 204, r.text
    cleared = r.headers.get_list("set-cookie")
    assert len(cleared) == 2
    for cookie in cleared:
        flags = {part.strip().split("=")[0].lower() for part in cookie.split(";")}
        assert {"secure", "path", "samesite", "max-age"} <= flags, cookie
        assert "Max-Age=0" in cookie and "Path=/" in cookie and "SameSite=lax" in cookie
    session_cookie = next(c for c in cleared if c.startswith("rc_session"))
    assert "HttpOnly" in session_cookie


def test_serve_announces_no_server_banner(monkeypatch):
    import uvicorn

    from app import cli

    seen: dict[str, object] = {}
    monkeypatch.setattr(cli, "_migrate", lambda: None)
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: seen.update(kw))
    cli.main(["serve"])
    assert seen["server_header"] is False
