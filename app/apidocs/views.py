"""The API docs: Swagger UI at /docs, ReDoc at /redoc, from assets served here (no CDN).

The assets ship inside the fastapi-offline package, so the docs work on an intranet and
offline. The pages run no inline script (the Content-Security-Policy forbids it): Swagger UI
starts from swagger-init.js beside this file.
"""

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from starlette.staticfiles import StaticFiles

ASSETS_URL = "/docs/assets"
ASSETS_DIR = Path(fastapi_offline.__file__).parent / "static"
INIT_JS = Path(__file__).parent / "swagger-init.js"

router = APIRouter(include_in_schema=False)

SWAGGER_PAGE = f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>路长通 RoadChief API — Swagger UI</title>
<link rel="icon" type="image/png" href="{ASSETS_URL}/favicon.png">
<link rel="stylesheet" href="{ASSETS_URL}/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="{ASSETS_URL}/swagger-ui-bundle.js"></script>
<script src="{ASSETS_URL}/swagger-init.js"></script>
</body></html>"""

REDOC_PAGE = f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>路长通 RoadChief API — ReDoc</title>
<link rel="icon" type="image/png" href="{ASSETS_URL}/favicon.png">
<style>body {{ margin: 0; padding: 0; }}</style>
</head><body><redoc spec-url="/openapi.json"></redoc>
<script src="{ASSETS_URL}/redoc.standalone.js"></script>
</body></html>"""


@router.get("/docs")
def swagger_ui() -> HTMLResponse:
    return HTMLResponse(SWAGGER_PAGE)


@router.get("/redoc")
def redoc() -> HTMLResponse:
    return HTMLResponse(REDOC_PAGE)


@router.get("/api/docs")
def old_docs_address() -> RedirectResponse:
    """Where Swagger UI used to be."""
    return RedirectResponse("/docs", status_code=308)


@router.get(f"{ASSETS_URL}/swagger-init.js")
def swagger_init() -> FileResponse:
    return FileResponse(INIT_JS, media_type="text/javascript")


def install(app: FastAPI) -> None:
    app.include_router(router)
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="docs-assets")
