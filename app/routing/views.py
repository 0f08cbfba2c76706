"""What the PWA needs to know before sign-in, the town's extent among it (from routing's index)."""

from typing import Any

from fastapi import APIRouter

from app.core.config import get_settings
from app.core.db import SessionDep
from app.org.schemas import ClientConfig
from app.routing.service import road_index

router = APIRouter(prefix="/api", tags=["organisation"])


@router.get("/config", response_model=ClientConfig)
def client_config(session: SessionDep) -> dict[str, Any]:
    """What the PWA needs to know before sign-in (map keys, limits, where the town is)."""
    settings = get_settings()
    bbox = road_index(session).bbox
    return {
        # [minLon, minLat, maxLon, maxLat] of the roads and zones, WGS-84; null before import.
        "area_bbox": [round(v, 6) for v in bbox] if bbox else None,
        "report_max_outside_m": settings.report_max_outside_m,
        "tianditu_key": settings.tianditu_key,
        "max_photo_bytes": settings.max_photo_bytes,
        "max_photos": settings.max_photos_per_request,
    }
