"""The ASGI app: API routers, one error handler, and the built PWA from the same origin."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from anyio import to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.routing import Match, Route, get_route_path
from starlette.types import Scope

from app.admin import views as admin_views
from app.apidocs import views as api_docs
from app.auth import views as auth_views
from app.campaigns import views as campaign_views
from app.citizens import board_views
from app.citizens import views as citizen_views
from app.console import views as console_views
from app.core import openapi, static
from app.core.config import get_settings
from app.core.db import get_engine
from app.core.errors import AppError
from app.core.headers import SecurityHeadersMiddleware
from app.evaluation import views as evaluation_views
from app.exports import views as export_views
from app.health import views as health_views
from app.ledger import views as ledger_views
from app.live import broker
from app.live import views as live_views
from app.live.jobs import live_lifespan
from app.notify import outbox as notify_outbox
from app.notify import views as notify_views
from app.notify.jobs import notify_lifespan
from app.notify.scheduled import SCANS as notify_scans
from app.notify.settings import get_notify_settings
from app.open311 import views as open311_views
from app.open311.cors import Open311CorsMiddleware
from app.org import views as org_views
from app.photos import views as photo_views
from app.photos.limits import BodySizeLimitMiddleware
from app.routing import views as routing_views
from app.stats import views as stats_views
from app.stats.notices import SCANS as bulletin_notices
from app.tasks import views as task_views
from app.tickets import categories as category_views
from app.tickets import views as ticket_views

log = logging.getLogger("roadchief")
STATIC_DIR = Path(__file__).parent / "static"
# Database errors that mean "saturated, retry" (SQLite's lock, PostgreSQL out of connections).
BUSY_SIGNS = ("locked", "too many clients", "remaining connection slots")
ALREADY_COMPRESSED = (
    "image/*",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(
            str(p) for p in err.get("loc", ()) if p not in ("body", "query", "header", "path")
        )
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse(
            {"detail": "internal error; the request changed nothing", "code": "internal"},
            status_code=500,
        )

    @app.exception_handler(AppError)
    async def app_error(_request: Request, exc: AppError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status_code == 401 else {}
        if "retry_after" in exc.extra:
            headers["Retry-After"] = str(exc.extra["retry_after"])
        return JSONResponse(
            {"detail": exc.message, "code": exc.code, **exc.extra},
            status_code=exc.status_code,
            headers=headers or None,
        )

    @app.exception_handler(SQLTimeoutError)
    @app.exception_handler(OperationalError)
    async def database_busy(request: Request, exc: Exception) -> JSONResponse:
        # The database gave no connection or no lock in time: saturation, not a bug, as long
        # as it stays rare (the burst tests count these) — the client retries with its key.
        message = str(exc).lower()
        if isinstance(exc, OperationalError) and not any(sign in message for sign in BUSY_SIGNS):
            return await unexpected(request, exc)
        log.warning("database busy on %s %s: %s", request.method, request.url.path, exc)
        return JSONResponse(
            {"detail": "the server is busy; try again shortly", "code": "busy"},
            status_code=503,
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            {"detail": _validation_message(exc), "code": "invalid"}, status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # exc.headers keeps what the status needs, e.g. the Allow header of a 405 — which
        # names only the first route's methods when a path has several routes: name them all.
        headers = dict(exc.headers or {})
        if exc.status_code == 405 and (allowed := openapi.allowed_methods(app, request.url.path)):
            headers["Allow"] = ", ".join(sorted(allowed))
        code = "not_found" if exc.status_code == 404 else "http_error"
        return JSONResponse(
            {"detail": str(exc.detail), "code": code}, status_code=exc.status_code, headers=headers
        )

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    async def out_of_range(_request: Request, _exc: Exception) -> JSONResponse:
        # A number too large for the database (an id of 30 digits, say) is bad input, not a bug.
        return JSONResponse(
            {"detail": "a value is out of range for this field", "code": "invalid"}, status_code=422
        )

    app.add_exception_handler(Exception, unexpected)


def _mount_pwa(app: FastAPI) -> None:
    """Serve the built PWA; unknown non-API paths fall back to index.html (client-side routes)."""
    if not (STATIC_DIR / "index.html").exists():
        return
    app.router.routes.append(PwaRoute("/{path:path}", _pwa_file, methods=["GET"]))


class PwaRoute(Route):
    """Any GET outside /api: a file of the PWA, or its index.html for client-side routes.

    /api paths never match it, so an API path that exists for other methods still gets its
    405 with an Allow header, and an unknown one a JSON 404.
    """

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and get_route_path(scope).startswith("/api/"):
            return Match.NONE, {}
        return super().matches(scope)


def _pwa_file(request: Request) -> Response:
    path = request.path_params["path"]
    file = (STATIC_DIR / path).resolve()
    if path and file.is_file() and STATIC_DIR.resolve() in file.parents:
        return static.file_response(request, file, static.cache_control(path))
    if path.startswith("assets/"):
        # A chunk of an older build: a 404 the page can act on, never index.html as a script.
        return JSONResponse({"detail": "no such file", "code": "not_found"}, status_code=404)
    return static.file_response(request, STATIC_DIR / "index.html", static.REVALIDATE)


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    # Request threads: as many as the database pool has connections for (app.core.db).
    to_thread.current_default_thread_limiter().total_tokens = get_settings().threads
    async with live_lifespan(app), notify_lifespan(app, (*notify_scans, *bulletin_notices)):
        yield


def create_app() -> FastAPI:
    get_notify_settings()  # refuses to start on settings that would mislead (public URL)
    broker.install(get_engine())
    notify_outbox.install()
    app = FastAPI(
        title="RoadChief 路长通",
        version="0.1.0",
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    # JSON answers over a kilobyte go out gzipped; never the live stream (it would wait to fill a
    # block), photos or spreadsheets (compressed already), nor the PWA's precompressed files.
    app.add_middleware(
        GZipMiddleware,
        minimum_size=1024,
        compresslevel=6,
        exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, *ALREADY_COMPRESSED),
    )
    app.add_middleware(BodySizeLimitMiddleware)
    app.add_middleware(Open311CorsMiddleware)
    app.add_middleware(SecurityHeadersMiddleware)
    _install_error_handlers(app)
    for module in (
        auth_views,
        admin_views,
        org_views,
        routing_views,
        category_views,
        ticket_views,
        photo_views,
        ledger_views,
        live_views,
        console_views,
        stats_views,
        export_views,
        health_views,
        evaluation_views,
        citizen_views,
        campaign_views,
        task_views,
    ):
        app.include_router(module.router)
    app.include_router(notify_views.admin)
    app.include_router(notify_views.router)
    app.include_router(stats_views.public)
    app.include_router(board_views.public)
    app.include_router(board_views.staff)
    app.include_router(open311_views.router)
    api_docs.install(app)
    openapi.install(app)
    _mount_pwa(app)
    return app
