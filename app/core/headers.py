"""Security headers on every response: the app, the API, the print pages and the docs.

The pages run no inline script (scripts come from the same origin only); styles may be inline
(Vue's style bindings, the print pages' <style>, ReDoc); images may come from any HTTPS map
tile server the map layers name. Nothing may frame a page. HSTS only when the cookies are
marked Secure, i.e. when the deployment says it is behind HTTPS.

Browser features: the camera (photo evidence) and geolocation (where a report was made) for
the app's own origin, every other powerful feature for no one. Caching: an API response that
names no Cache-Control of its own is `no-store` (tokens, people, tickets are all behind /api/,
and a shared or back-button cache must keep none of them), and so is any response that sets a
cookie; responses meant to be cached (photos, the public board, fonts) say so themselves.
"""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.config import get_settings

PAGE_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https:",
        "font-src 'self' data:",
        "connect-src 'self'",
        # ReDoc runs its search index in a worker made from a blob.
        "worker-src 'self' blob:",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# JSON, photos and files are never documents to run: they may load nothing at all.
DATA_POLICY = "default-src 'none'; frame-ancestors 'none'"
HSTS = "max-age=31536000"
PERMISSIONS_POLICY = ", ".join(
    [
        "camera=(self)",
        "geolocation=(self)",
        *(
            f"{feature}=()"
            for feature in (
                # Only features Chromium knows: an unknown one is a console warning on
                # every page (it said so of 'bluetooth' and 'ambient-light-sensor').
                "microphone", "display-capture", "payment", "usb", "serial", "hid",
                "midi", "magnetometer", "gyroscope", "accelerometer",
                "screen-wake-lock", "publickey-credentials-get",
                "browsing-topics", "interest-cohort",
            )
        ),
    ]
)  # fmt: skip


def no_store(path: str, headers: MutableHeaders) -> bool:
    """Whether a response must not be kept by any cache (see the module's docstring)."""
    if "cache-control" in headers:
        return False
    return path.startswith("/api/") or "set-cookie" in headers


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        hsts = get_settings().cookie_secure

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                html = headers.get("content-type", "").startswith("text/html")
                # A service worker runs under its own script's policy: it must be able to fetch
                # (precache, API, photos), so it gets the page policy, not the data one.
                worker = scope.get("path") == "/sw.js"
                policy = PAGE_POLICY if html or worker else DATA_POLICY
                headers.setdefault("Content-Security-Policy", policy)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
                headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
                if no_store(scope.get("path", ""), headers):
                    headers["Cache-Control"] = "no-store"
                if hsts:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
