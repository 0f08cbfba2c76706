"""The demo town 青山镇: its people, organised the way a real town runs its 路长制.

Two town leaders (一级路长), a deputy over each zone (二级路长), office heads each over a few
roads (三级路长), staff in every functional department, inspectors, a supervisor and an admin.
The roads and zones come from town.geojson through the ordinary importer.
"""

import json
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from app.auth.passwords import hash_password, verify_password
from app.org.grids import import_grids, split_zone
from app.org.importer import import_roads
from app.org.models import Area, Department, Role, User, Zone
from app.seed import seed_reference_data

TOWN = "青山镇"
TOWN_GEOJSON = Path(__file__).with_name("town.geojson")

# (username, name, role, level, title, department code)
PEOPLE: list[tuple[str, str, Role, int | None, str, str | None]] = [
    ("shuji", "陈建国", Role.chief, 1, "镇党委书记", None),
    ("zhenzhang", "李卫东", Role.chief, 1, "镇长", None),
    ("fuzhen_zhao", "赵国强", Role.chief, 2, "副镇长", None),
    ("weiyuan_sun", "孙丽华", Role.chief, 2, "党委委员、组织委员", None),
    ("fuzhen_qian", "钱文斌", Role.chief, 2, "副镇长", None),
    ("weiyuan_wu", "吴海燕", Role.chief, 2, "党委委员、宣传委员", None),
    ("renda_zheng", "郑志刚", Role.chief, 2, "镇人大主席", None),
    ("chief_wang", "王建军", Role.chief, 3, "城管办主任", None),
    ("chief_liu", "刘洪涛", Role.chief, 3, "派出所所长", None),
    ("chief_he", "何晓东", Role.chief, 3, "交警中队中队长", None),
    ("chief_zhang", "张丽", Role.chief, 3, "市场监管所所长", None),
    ("chief_lin", "林小峰", Role.chief, 3, "市政所所长", None),
    ("chief_huang", "黄志明", Role.chief, 3, "环卫所所长", None),
    ("chief_gao", "高秀英", Role.chief, 3, "园林绿化所所长", None),
    ("chief_hu", "胡斌", Role.chief, 3, "社会事务办主任", None),
    ("chief_ma", "马俊", Role.chief, 3, "建设办主任", None),
    ("chief_guo", "郭红梅", Role.chief, 3, "经济发展办主任", None),
    ("zhifa1", "周强", Role.department, None, "执法队员", "zhifa"),
    ("zhifa2", "韩磊", Role.department, None, "执法中队副中队长", "zhifa"),
    ("jiaojing1", "冯刚", Role.department, None, "交通协管员", "jiaojing"),
    ("huanwei1", "许桂兰", Role.department, None, "保洁班班长", "huanwei"),
    ("zhujian1", "邓伟", Role.department, None, "质安站监督员", "zhujian"),
    ("shichang1", "曹敏", Role.department, None, "市场监管员", "shichang"),
    ("tongxin1", "彭涛", Role.department, None, "电信线路维护员", "tongxin"),
    ("yuanlin1", "曾庆华", Role.department, None, "绿化养护组长", "yuanlin"),
    ("shizheng1", "谢宏", Role.department, None, "市政养护员", "shizheng"),
    ("paichusuo1", "宋文", Role.department, None, "社区民警", "paichusuo"),
    ("yingji1", "唐军", Role.department, None, "应急值班员", "yingji"),
    ("inspector1", "杨帆", Role.inspector, None, "城管巡查员", None),
    ("inspector2", "朱莉", Role.inspector, None, "城管巡查员", None),
    ("inspector3", "秦勇", Role.inspector, None, "文明督导员", None),
    ("inspector4", "潘红", Role.inspector, None, "社区网格员", None),
    ("supervisor1", "罗静", Role.supervisor, None, "指挥中心督查员", None),
    ("wangge_bei", "田志勇", Role.chief, 3, "城北社区网格长", None),
    ("wangge_lao", "方玉兰", Role.chief, 3, "老城社区网格长", None),
    ("wangge_xi", "石磊", Role.chief, 3, "城西社区网格长", None),
    ("wangge_dong", "姚春梅", Role.chief, 3, "城东社区网格长", None),
    ("wangge_bin", "邱建华", Role.chief, 3, "滨河社区网格长", None),
    ("lingdao_zhou", "周立新", Role.leader, None, "县委常委、副县长", None),
    ("lingdao_wu", "吴晓梅", Role.leader, None, "副县长", None),
    ("admin1", "蒋涛", Role.admin, None, "系统管理员", None),
]


# zone → (网格长, 挂包领导); every zone is cut into two grids, 社区网格员 inspector4 in each.
ZONE_PEOPLE = {
    "城北片区": ("wangge_bei", "lingdao_zhou"),
    "老城片区": ("wangge_lao", "lingdao_zhou"),
    "城西片区": ("wangge_xi", "lingdao_zhou"),
    "城东片区": ("wangge_dong", "lingdao_wu"),
    "滨河片区": ("wangge_bin", "lingdao_wu"),
}
GRIDS_PER_ZONE = 2


def town_geojson() -> dict[str, Any]:
    return json.loads(TOWN_GEOJSON.read_text(encoding="utf-8"))


def load_demo_org(session: Session, password: str) -> None:
    """Create or bring up to date the demo town's people, zones and roads (idempotent)."""
    seed_reference_data(session)
    area = session.exec(select(Area).where(Area.name == TOWN)).first()
    if area is None:
        area = Area(name=TOWN)
        session.add(area)
        session.flush()
    departments = {d.code: d.id for d in session.exec(select(Department))}
    users = {
        u.username: u
        for u in session.exec(select(User).where(col(User.username).in_([p[0] for p in PEOPLE])))
    }
    # One hash for the batch (Argon2 is deliberately slow); a password that still verifies
    # keeps its hash, so a second run with the same password writes nothing.
    verified: dict[str, bool] = {}
    new_hash: str | None = None

    def password_ok(password_hash: str) -> bool:
        if password_hash not in verified:
            verified[password_hash] = bool(password_hash) and verify_password(
                password_hash, password
            )
        return verified[password_hash]

    for username, name, role, level, title, dept in PEOPLE:
        wanted = {
            "name": name,
            "role": role,
            "level": level,
            "title": title,
            "department_id": departments[dept] if dept else None,
            "area_id": area.id,
            "is_active": True,
        }
        user = users.get(username) or User(username=username, name=name, role=role)
        changed = user.id is None
        for key, value in wanted.items():
            if getattr(user, key) != value:
                setattr(user, key, value)
                changed = True
        if not password_ok(user.password_hash):
            new_hash = new_hash or hash_password(password)
            user.password_hash = new_hash
            changed = True
        if changed:
            session.add(user)
    session.flush()
    import_roads(session, town_geojson())
    _load_grids_and_leaders(session, area.id)  # type: ignore[arg-type]


def _load_grids_and_leaders(session: Session, area_id: int) -> None:
    people = {u.username: u for u in session.exec(select(User))}
    features = []
    for zone in session.exec(select(Zone).where(Zone.area_id == area_id).order_by(col(Zone.id))):
        grid_chief, leader = ZONE_PEOPLE.get(zone.name, (None, None))
        if leader and zone.leader_id != people[leader].id:
            zone.leader_id = people[leader].id
            session.add(zone)
        short = zone.name.removesuffix("片区")
        for i, geometry in enumerate(split_zone(zone, GRIDS_PER_ZONE), start=1):
            props: dict[str, Any] = {"name": f"{short}第{i}网格", "zone": zone.name, "area": TOWN}
            props |= {"chief": grid_chief, "members": ["inspector4"]} if grid_chief else {}
            features.append({"type": "Feature", "properties": props, "geometry": geometry})
    session.flush()
    import_grids(session, {"type": "FeatureCollection", "features": features})
