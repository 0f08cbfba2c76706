"""Read an uploaded GeoJSON, KML or zipped Shapefile into a GeoJSON FeatureCollection.

GeoJSON is parsed as JSON; the others go through pyogrio (GDAL, bundled in its wheels).
Coordinates must be longitude/latitude (WGS-84, or CGCS2000 which differs by centimetres);
a file in a projected system is refused rather than guessed at.
"""

import json
import tempfile
from pathlib import Path
from typing import Any

import shapely
from fastapi import UploadFile

from app.core.errors import Invalid, PayloadTooLarge

MAX_BYTES = 20 * 1024 * 1024
GEOGRAPHIC = {"EPSG:4326", "OGC:CRS84", "EPSG:4490", "EPSG:4979", "EPSG:4326+"}


def read_features(upload: UploadFile) -> dict[str, Any]:
    body = upload.file.read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        raise PayloadTooLarge(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    name = (upload.filename or "").lower()
    if name.endswith((".geojson", ".json")):
        try:
            data: dict[str, Any] = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise Invalid(f"not valid GeoJSON: {exc}") from None
        return data
    if name.endswith((".kml", ".zip", ".shp.zip")):
        return _through_gdal(body, ".zip" if name.endswith(".zip") else ".kml")
    raise Invalid("upload a .geojson, .kml or a .zip holding a Shapefile")


def _through_gdal(body: bytes, suffix: str) -> dict[str, Any]:
    from pyogrio.errors import DataSourceError
    from pyogrio.raw import read

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(body)
        source = f"/vsizip/{path}" if suffix == ".zip" else str(path)
        try:
            meta, _fids, geometries, fields = read(source, encoding=None)
        except DataSourceError as exc:
            raise Invalid(f"cannot read the file: {exc}") from None
    crs = (meta.get("crs") or "EPSG:4326").upper()
    if crs not in GEOGRAPHIC:
        raise Invalid(f"coordinates must be longitude/latitude (WGS-84); the file is in {crs}")
    names = list(meta["fields"])
    features = []
    for i, wkb in enumerate(geometries):
        geometry = shapely.from_wkb(wkb) if wkb is not None else None
        if geometry is not None and shapely.has_z(geometry):
            geometry = shapely.force_2d(geometry)
        # KML keeps a placemark's name in "Name"; shapefiles often shout "NAME".
        props = {
            key.lower()
            if key.lower() in ("name", "zone", "area", "chief", "chief_name")
            else key: _plain(column[i])
            for key, column in zip(names, fields, strict=True)
        }
        features.append(
            {
                "type": "Feature",
                "properties": props,
                "geometry": json.loads(shapely.to_geojson(geometry))
                if geometry is not None
                else None,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, str):
        return value.strip() or None
    return value
