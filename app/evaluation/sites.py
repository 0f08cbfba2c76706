"""Sites (点位): reference types, roads kept as sites, GeoJSON/XLSX import, check-in distance."""

import io
import json
import math
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import Point, shape
from sqlmodel import Session, col, select

from app.core import geo
from app.core.errors import Invalid
from app.evaluation.models import Site, SiteType
from app.org import hooks as org_hooks
from app.org.models import Department, Road, Role, User, Zone

# (code, name): the types the national manual visits; admins add more through the API.
SITE_TYPES: list[tuple[str, str]] = [
    ("main_road", "主次干道"),
    ("back_street", "背街小巷"),
    ("market", "农贸市场"),
    ("old_community", "老旧小区"),
    ("urban_village", "城中村"),
    ("toilet", "公共厕所"),
    ("station", "车站"),
    ("park", "广场公园"),
    ("school", "学校周边"),
    ("hospital", "医院"),
    ("netcafe", "网吧"),
    ("service_hall", "政务大厅"),
]
ROAD_TYPE, LANE_TYPE = "main_road", "back_street"
# A road whose name ends so is a lane (背街小巷), not a main road.
LANE_SUFFIXES = ("巷", "弄", "里", "胡同", "小街")
DEFAULT_RADIUS_M = geo.DEFAULT_SITE_RADIUS_M
MAX_ERRORS_SHOWN = 10


def seed_site_types(session: Session) -> None:
    have = set(session.exec(select(SiteType.code)))
    for sort, (code, name) in enumerate(SITE_TYPES):
        if code not in have:
            session.add(SiteType(code=code, name=name, sort=sort))
    session.flush()


def _midpoint(geometry: dict[str, Any]) -> tuple[float, float]:
    """(lat, lon) of a representative point on or in the geometry."""
    geom = shape(geometry)
    if geom.geom_type in ("LineString", "MultiLineString"):
        p = geom.interpolate(0.5, normalized=True)
    else:
        p = geom.representative_point()
    return p.y, p.x


def sync_road_sites(session: Session, road_ids: Collection[int] | None = None) -> int:
    """Every road (or these) is a site of type 主次干道 (or 背街小巷), never entered twice."""
    roads = session.exec(
        select(Road) if road_ids is None else select(Road).where(col(Road.id).in_(road_ids))
    ).all()
    linked = col(Site.road_id).is_not(None) if road_ids is None else col(Site.road_id).in_(road_ids)
    sites = {s.road_id: s for s in session.exec(select(Site).where(linked))}
    made = 0
    for road in roads:
        site = sites.get(road.id)
        lat, lon = _midpoint(road.geometry)
        if site is None:
            kind = LANE_TYPE if road.name.endswith(LANE_SUFFIXES) else ROAD_TYPE
            site = Site(
                name=road.name,
                type_code=kind,
                road_id=road.id,
                lat=lat,
                lon=lon,
                geometry=road.geometry,
                checkin_radius_m=DEFAULT_RADIUS_M,
            )
            made += 1
        elif (site.name, site.zone_id, site.unit_chief_id, site.geometry) == (
            road.name,
            road.zone_id,
            road.chief_id,
            road.geometry,
        ):
            continue
        site.name, site.zone_id, site.unit_chief_id = road.name, road.zone_id, road.chief_id
        site.geometry, site.lat, site.lon = road.geometry, lat, lon
        session.add(site)
    session.flush()
    return made


org_hooks.on_roads_changed(sync_road_sites)  # in the transaction of every road edit


def check_in_distance(site: Site, lat: float, lon: float) -> float:
    """Metres from the check-in to the site (app.core.geo: the rule the phone's twin follows)."""
    return geo.site_distance_m(site.geometry, lat, lon)


def is_far(site: Site, distance: float) -> bool:
    return geo.is_far(distance, site.checkin_radius_m)


def zone_of(session: Session, lat: float, lon: float) -> int | None:
    here = Point(lon, lat)
    for zone in session.exec(select(Zone).order_by(col(Zone.id))):
        if shape(zone.geometry).covers(here):
            return zone.id
    return None


def unit_of(
    site: Any, departments: dict[int, Any], chiefs: dict[int, Any]
) -> dict[str, Any] | None:
    """The responsible unit of a site (or a row with its unit columns) as {key, kind, id, name}:
    the department, else the chief."""
    if site.unit_department_id and site.unit_department_id in departments:
        d = departments[site.unit_department_id]
        return {"key": f"department:{d.id}", "kind": "department", "id": d.id, "name": d.name}
    if site.unit_chief_id and site.unit_chief_id in chiefs:
        u = chiefs[site.unit_chief_id]
        name = f"{u.name}（{u.title}）" if u.title else u.name
        return {"key": f"chief:{u.id}", "kind": "chief", "id": u.id, "name": name}
    return None


@dataclass
class Lookups:
    """Names the API shows, read once per request."""

    types: dict[str, SiteType]
    zones: dict[int, Zone]
    departments: dict[int, Department]
    chiefs: dict[int, User]
    # Departments with an active staff account to receive a deduction's ticket.
    staffed: frozenset[int] = frozenset()

    @classmethod
    def load(cls, session: Session) -> "Lookups":
        return cls(
            types={t.code: t for t in session.exec(select(SiteType))},
            zones={z.id: z for z in session.exec(select(Zone)) if z.id},
            departments={d.id: d for d in session.exec(select(Department)) if d.id},
            chiefs={
                u.id: u for u in session.exec(select(User).where(User.role == Role.chief)) if u.id
            },
            staffed=frozenset(
                d
                for d in session.exec(
                    select(User.department_id).where(
                        User.role == Role.department, col(User.is_active)
                    )
                )
                if d is not None
            ),
        )

    def unit_receives(self, site: Site) -> bool:
        """The site's unit has someone to receive its deductions' tickets (else they go by
        location, flagged: app.evaluation.flows)."""
        if site.unit_department_id is not None:
            return site.unit_department_id in self.staffed
        chief = self.chiefs.get(site.unit_chief_id) if site.unit_chief_id else None
        return chief is not None and chief.is_active

    def site(self, site: Site) -> dict[str, Any]:
        zone = self.zones.get(site.zone_id) if site.zone_id else None
        site_type = self.types.get(site.type_code)
        return {
            "id": site.id,
            "name": site.name,
            "type": site.type_code,
            "type_name": site_type.name if site_type else site.type_code,
            "zone": zone.name if zone else None,
            "zone_id": site.zone_id,
            "unit": unit_of(site, self.departments, self.chiefs),
            "unit_receives": self.unit_receives(site),
            "road_id": site.road_id,
            "checkin_radius_m": site.checkin_radius_m,
            "lat": site.lat,
            "lon": site.lon,
        }


def sites_geojson(session: Session, site_ids: list[int] | None = None) -> dict[str, Any]:
    stmt = select(Site).where(col(Site.active)).order_by(col(Site.id))
    if site_ids is not None:
        stmt = stmt.where(col(Site.id).in_(site_ids))
    look = Lookups.load(session)
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": s.id, "geometry": s.geometry, "properties": look.site(s)}
            for s in session.exec(stmt)
        ],
    }


# ---- import ---------------------------------------------------------------------------------

XLSX_COLUMNS = ["名称", "类型", "经度", "纬度", "责任单位", "签到半径(米)"]


@dataclass
class SiteRow:
    where: str  # "第3行" / "feature 2", for messages
    name: str
    type_name: str
    geometry: dict[str, Any]
    unit: str
    radius_m: float | None


@dataclass
class SiteImport:
    created: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "updated": self.updated}


def _col(index: int) -> str:
    return chr(ord("A") + index)


def parse_sites_xlsx(data: bytes) -> list[SiteRow]:
    """Rows of XLSX_COLUMNS; a bad cell is named by its row and column."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise Invalid("not a readable .xlsx workbook") from None
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        raise Invalid("the workbook is empty")
    header = [str(c).strip() if c is not None else "" for c in rows[0]]
    for i, wanted in enumerate(XLSX_COLUMNS[:5]):
        if i >= len(header) or header[i] != wanted:
            raise Invalid(
                f"第1行 {_col(i)}列: the heading must be '{wanted}' "
                f"(columns: {' | '.join(XLSX_COLUMNS)})"
            )
    out, errors = [], []
    for r, row in enumerate(rows[1:], start=2):
        cells = list(row) + [None] * (6 - len(row))
        if all(c is None or str(c).strip() == "" for c in cells[:6]):
            continue
        where = f"第{r}行"
        try:
            name = _text_cell(cells[0], r, 0)
            type_name = _text_cell(cells[1], r, 1)
            lon = _number_cell(cells[2], r, 2, -180, 180)
            lat = _number_cell(cells[3], r, 3, -90, 90)
            unit = _text_cell(cells[4], r, 4)
            radius = (
                None
                if cells[5] is None or str(cells[5]).strip() == ""
                else _number_cell(cells[5], r, 5, 1, 10_000)
            )
        except Invalid as exc:
            errors.append(exc.message)
            continue
        out.append(
            SiteRow(
                where, name, type_name, {"type": "Point", "coordinates": [lon, lat]}, unit, radius
            )
        )
    if errors:
        raise Invalid("; ".join(errors[:MAX_ERRORS_SHOWN]), errors=errors)
    return out


def _text_cell(value: Any, row: int, column: int) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise Invalid(
            f"第{row}行 {_col(column)}列（{XLSX_COLUMNS[column]}）: required, found empty"
        )
    return text[:100]


def _number_cell(value: Any, row: int, column: int, low: float, high: float) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or not low <= number <= high:
        raise Invalid(
            f"第{row}行 {_col(column)}列（{XLSX_COLUMNS[column]}）: "
            f"expected a number between {low:g} and {high:g}, found '{value}'"
        )
    return number


def parse_sites_file(name: str, data: bytes) -> list[SiteRow]:
    """XLSX (a zip) or GeoJSON, told apart by content."""
    if data[:2] == b"PK":
        return parse_sites_xlsx(data)
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise Invalid(f"{name or 'the file'} is neither GeoJSON nor .xlsx") from None
    return parse_sites_geojson(parsed)


def parse_sites_geojson(data: Any) -> list[SiteRow]:
    """Point or Polygon features with properties name, type, unit, optional radius_m."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise Invalid("expected a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise Invalid("the FeatureCollection has no features list")
    out, errors = [], []
    for i, f in enumerate(features, start=1):
        where = f"feature {i}"
        props = f.get("properties") if isinstance(f, dict) else None
        geom = f.get("geometry") if isinstance(f, dict) else None
        if not isinstance(props, dict) or not isinstance(geom, dict):
            errors.append(f"{where}: needs a geometry and properties")
            continue
        if geom.get("type") not in ("Point", "Polygon", "MultiPolygon"):
            errors.append(f"{where}: geometry must be a Point or Polygon")
            continue
        try:
            g = shape(geom)
            if g.is_empty or not g.is_valid:
                raise ValueError
            minx, miny, maxx, maxy = g.bounds
            if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
                raise ValueError
        except Exception:
            errors.append(f"{where}: the geometry is not valid WGS-84")
            continue
        missing = [k for k in ("name", "type", "unit") if not str(props.get(k) or "").strip()]
        if missing:
            errors.append(f"{where}: missing {', '.join(missing)}")
            continue
        radius = props.get("radius_m")
        if radius is not None and (not isinstance(radius, int | float) or not 0 < radius <= 10_000):
            errors.append(f"{where}: radius_m must be a number of metres")
            continue
        out.append(
            SiteRow(
                where,
                str(props["name"]).strip()[:100],
                str(props["type"]).strip(),
                geom,
                str(props["unit"]).strip(),
                radius,
            )
        )
    if errors:
        raise Invalid("; ".join(errors[:MAX_ERRORS_SHOWN]), errors=errors)
    return out


def import_sites(session: Session, rows: list[SiteRow]) -> SiteImport:
    """Create or update sites by (name, type); the type by name or code, the unit by
    department name/code or chief username/name. All rows or none."""
    # Disabled types are kept by their sites but take no new ones.
    types = {t.name: t.code for t in session.exec(select(SiteType).where(col(SiteType.active)))}
    types |= {code: code for code in types.values()}
    departments = {}
    for d in session.exec(select(Department)):
        departments[d.name] = d.id
        departments[d.code] = d.id
    chiefs = {}
    for u in session.exec(select(User).where(User.role == Role.chief, col(User.is_active))):
        chiefs[u.username] = u.id
        chiefs.setdefault(u.name, u.id)
    existing = {
        (s.name, s.type_code): s
        for s in session.exec(select(Site).where(col(Site.road_id).is_(None)))
    }
    result = SiteImport()
    errors = []
    for row in rows:
        code = types.get(row.type_name)
        if code is None:
            errors.append(f"{row.where}: unknown or disabled site type '{row.type_name}'")
            continue
        dept_id, chief_id = departments.get(row.unit), chiefs.get(row.unit)
        if dept_id is None and chief_id is None:
            errors.append(
                f"{row.where}: unknown responsible unit '{row.unit}' "
                "(a department's name or code, or a chief's username or name)"
            )
            continue
        lat, lon = _midpoint(row.geometry)
        site = existing.get((row.name, code))
        if site is None:
            site = Site(name=row.name, type_code=code, geometry=row.geometry, lat=lat, lon=lon)
            existing[(row.name, code)] = site
            result.created += 1
        else:
            result.updated += 1
        site.geometry, site.lat, site.lon = row.geometry, lat, lon
        site.unit_department_id = dept_id
        site.unit_chief_id = None if dept_id else chief_id
        site.checkin_radius_m = row.radius_m if row.radius_m is not None else DEFAULT_RADIUS_M
        site.zone_id = zone_of(session, lat, lon)
        site.active = True
        session.add(site)
    if errors:
        raise Invalid("; ".join(errors[:MAX_ERRORS_SHOWN]), errors=errors)
    session.flush()
    sync_road_sites(session)
    return result
