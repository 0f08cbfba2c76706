"""create_* factories: each test builds only the world it needs."""

import io
import uuid
from dataclasses import dataclass
from typing import Any

from PIL import Image, ImageDraw
from sqlmodel import Session

from app.auth.passwords import hash_password
from app.org.models import Area, Department, Road, Role, User, Zone

PASSWORD = "secret-pw"
_HASH = hash_password(PASSWORD)  # hashing once keeps the suite fast

# A small town near the demo's coordinates: two crossing roads in one zone.
LON0, LAT0 = 119.90, 31.00


def create_user(session: Session, role: Role | str, username: str | None = None, **kw: Any) -> User:
    user = User(
        username=username or f"{role}-{uuid.uuid4().hex[:6]}",
        name=kw.pop("name", "测试用户"),
        role=Role(role),
        password_hash=_HASH,
        **kw,
    )
    session.add(user)
    session.flush()
    return user


def create_department(
    session: Session, code: str | None = None, name: str = "测试部门"
) -> Department:
    dept = Department(code=code or f"d-{uuid.uuid4().hex[:6]}", name=name)
    session.add(dept)
    session.flush()
    return dept


@dataclass
class Town:
    area: Area
    zone: Zone
    east_west: Road  # 人民路, along lat LAT0
    north_south: Road  # 解放路, along lon LON0 + 0.005
    leader: User  # level 1
    zone_chief: User  # level 2
    road_chief: User  # level 3 of 人民路
    other_chief: User  # level 3 of 解放路
    department: Department
    dept_staff: User
    inspector: User
    supervisor: User
    # A second department with its own staff: who sees what across departments (issue 16).
    other_department: Department
    other_staff: User


def create_town(session: Session) -> Town:
    area = Area(name=f"测试镇-{uuid.uuid4().hex[:4]}")
    session.add(area)
    session.flush()
    leader = create_user(session, Role.chief, level=1, area_id=area.id, name="书记")
    zone_chief = create_user(session, Role.chief, level=2, name="副镇长")
    road_chief = create_user(session, Role.chief, level=3, name="王主任")
    other_chief = create_user(session, Role.chief, level=3, name="李所长")
    zone = Zone(
        area_id=area.id,
        name="城东片区",
        chief_id=zone_chief.id,
        geometry={
            "type": "Polygon",
            "coordinates": [
                [
                    [LON0 - 0.02, LAT0 - 0.02],
                    [LON0 + 0.02, LAT0 - 0.02],
                    [LON0 + 0.02, LAT0 + 0.02],
                    [LON0 - 0.02, LAT0 + 0.02],
                    [LON0 - 0.02, LAT0 - 0.02],
                ]
            ],
        },
    )
    session.add(zone)
    session.flush()
    ew = Road(
        zone_id=zone.id,
        name="人民路",
        chief_id=road_chief.id,
        geometry={"type": "LineString", "coordinates": [[LON0 - 0.01, LAT0], [LON0 + 0.01, LAT0]]},
    )
    ns = Road(
        zone_id=zone.id,
        name="解放路",
        chief_id=other_chief.id,
        geometry={
            "type": "LineString",
            "coordinates": [[LON0 + 0.005, LAT0 - 0.01], [LON0 + 0.005, LAT0 + 0.01]],
        },
    )
    session.add(ew)
    session.add(ns)
    department = create_department(session, name="交警大队")
    staff = create_user(session, Role.department, department_id=department.id, name="交警小张")
    other_department = create_department(session, name="市场监管所")
    other_staff = create_user(
        session, Role.department, department_id=other_department.id, name="市监小刘"
    )
    inspector = create_user(session, Role.inspector, name="巡查员甲")
    supervisor = create_user(session, Role.supervisor, name="指挥中心")
    session.flush()
    return Town(
        area,
        zone,
        ew,
        ns,
        leader,
        zone_chief,
        road_chief,
        other_chief,
        department,
        staff,
        inspector,
        supervisor,
        other_department,
        other_staff,
    )


def jpeg_bytes(seed: int = 0, size: tuple[int, int] = (640, 480)) -> bytes:
    """A small, real JPEG whose content (and so hash) depends on the seed."""
    img = Image.new("RGB", size, (40 + seed * 37 % 200, 90, 140))
    draw = ImageDraw.Draw(img)
    for i in range(12):
        x = (seed * 53 + i * 97) % size[0]
        y = (seed * 29 + i * 61) % size[1]
        draw.rectangle(
            [x, y, x + 60 + i * 5, y + 40],
            fill=((i * 40 + seed * 11) % 255, (i * 90) % 255, (seed * 70) % 255),
        )
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def login(client: Any, user: User) -> dict[str, str]:
    """Bearer headers for a user made by create_user."""
    r = client.post("/api/auth/token", data={"username": user.username, "password": PASSWORD})
    assert r.status_code == 200, r.text
    client.cookies.clear()  # each test user speaks through its bearer token only
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def report(
    client: Any,
    headers: dict[str, str],
    lat: float = LAT0 + 0.0001,
    lon: float = LON0 - 0.002,
    category: str = "0201",
    key: str | None = None,
    seed: int = 0,
    **fields: Any,
) -> Any:
    data = {"category": category, "lat": str(lat), "lon": str(lon), "accuracy_m": "8", **fields}
    return client.post(
        "/api/tickets",
        data=data,
        files=[("photo", (f"p{seed}.jpg", jpeg_bytes(seed), "image/jpeg"))],
        headers={**headers, "Idempotency-Key": key or str(uuid.uuid4())},
    )
