"""A small evaluation world on top of tests.factories.create_town."""

import io
import json
from dataclasses import dataclass
from typing import Any

import xlsxwriter
from sqlmodel import Session

from app.evaluation.models import Site
from app.evaluation.standards import ItemRow, save_version
from tests.factories import LAT0, LON0, Town

VERSION = "T-1"


@dataclass
class World:
    town: Town
    sites: list[Site]


def create_sites(session: Session, town: Town) -> list[Site]:
    """Four markets and four toilets in the town's zone; markets are the department's."""
    out = []
    for i in range(4):
        for kind, unit in (
            ("market", {"unit_department_id": town.department.id}),
            ("toilet", {"unit_chief_id": town.other_chief.id}),
        ):
            lat, lon = LAT0 + 0.002 * i, LON0 - 0.003 + 0.001 * i
            site = Site(
                name=f"{kind}-{i}",
                type_code=kind,
                zone_id=town.zone.id,
                lat=lat,
                lon=lon,
                geometry={"type": "Point", "coordinates": [lon, lat]},
                checkin_radius_m=50,
                **unit,
            )
            session.add(site)
            out.append(site)
    session.flush()
    return out


def create_standards(session: Session, code: str = VERSION) -> None:
    rows = [
        ItemRow(
            "01",
            "环境",
            "0101",
            "市容",
            "A1",
            "无小广告",
            ["market", "toilet"],
            0.5,
            2,
            True,
            "0201",
        ),
        ItemRow("01", "环境", "0101", "市容", "A2", "无乱停车", ["market"], 1, 3, True, "0505"),
        ItemRow("01", "环境", "0102", "卫生", "A3", "公平秤", ["market"], 2, 2, False, None),
        ItemRow("02", "设施", "0201", "厕所", "B1", "厕所洁净", ["toilet"], 1, 4, False, "0102"),
    ]
    save_version(session, code, "测试体系", rows)


def create_world(session: Session, town: Town) -> World:
    sites = create_sites(session, town)
    create_standards(session)
    return World(town, sites)


def round_body(world: World, **kw: Any) -> dict[str, Any]:
    body = {
        "name": "2026年第四季度测评",
        "kind": "quarterly",
        "standards_version": VERSION,
        "starts_on": "2026-11-01",
        "ends_on": "2026-11-30",
        "inspector_ids": [world.town.inspector.id],
        "site_ids": [s.id for s in world.sites],
    }
    body.update(kw)
    return body


def sheet_form(
    site: Site, results: list[dict[str, Any]], lat: float | None = None, lon: float | None = None
) -> dict[str, str]:
    return {
        "site_id": str(site.id),
        "checked_in_lat": str(lat if lat is not None else site.lat),
        "checked_in_lon": str(lon if lon is not None else site.lon),
        "accuracy_m": "8",
        "results": json.dumps(results),
    }


def xlsx(rows: list[list[Any]]) -> bytes:
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    sheet = book.add_worksheet()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                sheet.write(r, c, value)
    book.close()
    return buf.getvalue()
