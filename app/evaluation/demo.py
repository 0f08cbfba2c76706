"""The demo town's evaluation: sites beside its roads, a standards version, a street survey.

The standards are written for 青山镇 in our own words, in the shape of the national manual
(测评项目 → 测评内容 → 测评标准), not copied from it.
"""

import math
from typing import Any

from sqlmodel import Session, select

from app.evaluation.models import Questionnaire, StandardVersion, SurveyQuestion
from app.evaluation.sites import SiteRow, import_sites, seed_site_types, sync_road_sites
from app.evaluation.standards import ItemRow, save_version

DEMO_VERSION = "QS-2026"


def _square(lon: float, lat: float, half_m: float) -> dict[str, Any]:
    dlat = half_m / 111_320
    dlon = half_m / (111_320 * math.cos(math.radians(lat)))
    ring = [
        [lon - dlon, lat - dlat],
        [lon + dlon, lat - dlat],
        [lon + dlon, lat + dlat],
        [lon - dlon, lat + dlat],
        [lon - dlon, lat - dlat],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


def _point(lon: float, lat: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [lon, lat]}


# (name, type, geometry, unit, check-in radius m); the 29 roads are sites of their own.
SITES: list[tuple[str, str, dict[str, Any], str, float | None]] = [
    ("青山农贸市场", "农贸市场", _square(119.8930, 31.0020, 60), "shichang", 30),
    ("城东菜市场", "农贸市场", _square(119.9100, 30.9980, 45), "shichang", 30),
    ("文化新村", "老旧小区", _square(119.8850, 31.0060, 120), "chief_wang", 40),
    ("粮站宿舍", "老旧小区", _square(119.9060, 31.0090, 80), "chief_guo", 40),
    ("河埠村", "城中村", _square(119.9000, 30.9930, 150), "chief_huang", 50),
    ("人民路公厕", "公共厕所", _point(119.8890, 31.0003), "huanwei", 30),
    ("滨河公园公厕", "公共厕所", _point(119.8980, 30.9925), "huanwei", 30),
    ("青山汽车站", "车站", _square(119.9150, 31.0005, 70), "jiaojing", 50),
    ("青山广场", "广场公园", _square(119.8920, 30.9980, 70), "yuanlin", 40),
    ("滨河公园", "广场公园", _square(119.8990, 30.9922, 90), "yuanlin", 40),
    ("青山中心小学", "学校周边", _square(119.8840, 30.9980, 80), "chief_hu", 60),
    ("青山中学", "学校周边", _square(119.9060, 31.0060, 90), "chief_hu", 60),
    ("青山镇卫生院", "医院", _square(119.8970, 31.0010, 50), "chief_guo", 40),
    ("星空网吧", "网吧", _point(119.8940, 30.9965), "zhifa", 30),
    ("极速网咖", "网吧", _point(119.9085, 31.0012), "zhifa", 30),
    ("镇便民服务中心", "政务大厅", _point(119.8915, 31.0015), "chief_guo", 40),
    ("南货弄", "背街小巷", _point(119.8905, 30.9985), "chief_wang", 50),
    ("石板巷", "背街小巷", _point(119.9005, 31.0005), "chief_zhang", 50),
    ("井头巷", "背街小巷", _point(119.8865, 31.0015), "chief_liu", 50),
]

ROADS = "主次干道、背街小巷"
PUBLIC = "主次干道、背街小巷、农贸市场、老旧小区、城中村、车站、广场公园、学校周边、医院"
# (项目, 内容, code, text, types, points, cap, photo, category)
ITEMS: list[tuple[str, str, str, str, str, float, float, bool, str | None]] = [
    (
        "01 公共环境",
        "0101 市容市貌",
        "0101-01",
        "临街建筑外立面整洁，无私搭乱建、违规彩钢棚",
        PUBLIC,
        1,
        4,
        True,
        "0101",
    ),
    (
        "01 公共环境",
        "0101 市容市貌",
        "0101-02",
        "墙面、电杆、公交站亭等无非法小广告、乱涂写",
        PUBLIC + "、公共厕所",
        0.5,
        3,
        True,
        "0201",
    ),
    (
        "01 公共环境",
        "0101 市容市貌",
        "0101-03",
        "无乱拉乱接线缆、空中“蜘蛛网”",
        ROADS + "、老旧小区、城中村",
        0.5,
        2,
        True,
        "0108",
    ),
    (
        "01 公共环境",
        "0101 市容市貌",
        "0101-04",
        "沿街无晾晒衣物、乱挂杂物",
        ROADS + "、老旧小区、城中村",
        0.5,
        2,
        True,
        "0111",
    ),
    (
        "01 公共环境",
        "0101 市容市貌",
        "0101-05",
        "无违章张贴悬挂横幅、占道广告牌",
        ROADS + "、农贸市场",
        0.5,
        2,
        True,
        "0202",
    ),
    (
        "01 公共环境",
        "0101 市容市貌",
        "0101-06",
        "绿地无毁绿种菜、黄土裸露",
        ROADS + "、广场公园、老旧小区",
        0.5,
        2,
        True,
        "0106",
    ),
    ("01 公共环境", "0102 环境卫生", "0102-01", "无暴露垃圾、卫生死角", PUBLIC, 1, 4, True, "0102"),
    (
        "01 公共环境",
        "0102 环境卫生",
        "0102-02",
        "路面、地面整洁，无油污、烟头成片",
        PUBLIC,
        0.5,
        2,
        True,
        "0104",
    ),
    (
        "01 公共环境",
        "0102 环境卫生",
        "0102-03",
        "无积存建筑垃圾、渣土",
        ROADS + "、老旧小区、城中村",
        1,
        3,
        True,
        "0103",
    ),
    (
        "01 公共环境",
        "0102 环境卫生",
        "0102-04",
        "水面无漂浮物、岸边无垃圾",
        "广场公园、城中村",
        1,
        3,
        True,
        "0105",
    ),
    (
        "01 公共环境",
        "0102 环境卫生",
        "0102-05",
        "垃圾分类桶设置齐全、分类投放",
        "老旧小区、城中村、农贸市场、学校周边",
        0.5,
        2,
        False,
        None,
    ),
    (
        "02 公共秩序",
        "0201 交通秩序",
        "0201-01",
        "机动车按线停放，无占用人行道、盲道",
        ROADS + "、车站、医院、学校周边",
        0.5,
        3,
        True,
        "0505",
    ),
    (
        "02 公共秩序",
        "0201 交通秩序",
        "0201-02",
        "非机动车有序停放",
        ROADS + "、车站、学校周边、医院",
        0.5,
        2,
        True,
        "0506",
    ),
    (
        "02 公共秩序",
        "0201 交通秩序",
        "0201-03",
        "无废弃车辆、“僵尸车”",
        ROADS + "、老旧小区",
        1,
        2,
        True,
        "0107",
    ),
    (
        "02 公共秩序",
        "0202 经营秩序",
        "0202-01",
        "无占道经营、店外设摊",
        ROADS + "、农贸市场、车站、学校周边",
        1,
        4,
        True,
        "0504",
    ),
    (
        "02 公共秩序",
        "0202 经营秩序",
        "0202-02",
        "无流动摊贩聚集",
        ROADS + "、学校周边、医院、车站",
        1,
        3,
        True,
        "0501",
    ),
    (
        "02 公共秩序",
        "0202 经营秩序",
        "0202-03",
        "市场内划行归市，摊位整齐",
        "农贸市场",
        1,
        3,
        False,
        None,
    ),
    (
        "02 公共秩序",
        "0202 经营秩序",
        "0202-05",
        "市场周边无外溢经营",
        "农贸市场",
        1,
        3,
        True,
        "0509",
    ),
    (
        "02 公共秩序",
        "0202 经营秩序",
        "0202-04",
        "公平秤设置并能正常使用",
        "农贸市场",
        1,
        2,
        False,
        None,
    ),
    (
        "03 公共设施",
        "0301 设施完好",
        "0301-01",
        "道路、人行道平整，无坑洼破损",
        ROADS + "、广场公园",
        0.5,
        3,
        True,
        "0109",
    ),
    (
        "03 公共设施",
        "0301 设施完好",
        "0301-02",
        "护栏、隔离栏完好无倒伏",
        ROADS,
        0.5,
        2,
        True,
        "0110",
    ),
    (
        "03 公共设施",
        "0301 设施完好",
        "0301-03",
        "盲道连续，无障碍坡道畅通",
        ROADS + "、医院、政务大厅、车站",
        0.5,
        2,
        False,
        None,
    ),
    (
        "03 公共设施",
        "0302 公共厕所",
        "0302-01",
        "厕所干净无异味，设施完好",
        "公共厕所",
        1,
        4,
        True,
        "0102",
    ),
    (
        "03 公共设施",
        "0302 公共厕所",
        "0302-02",
        "有开放时间、保洁责任人公示",
        "公共厕所",
        0.5,
        1,
        False,
        None,
    ),
    (
        "04 宣传氛围",
        "0401 公益广告",
        "0401-01",
        "公益广告、创建宣传设置醒目、内容规范",
        PUBLIC + "、政务大厅",
        0.5,
        2,
        False,
        None,
    ),
    (
        "04 宣传氛围",
        "0401 公益广告",
        "0401-02",
        "宣传栏、公益广告无破损、褪色",
        PUBLIC,
        0.5,
        2,
        True,
        "0205",
    ),
    (
        "04 宣传氛围",
        "0401 公益广告",
        "0401-03",
        "社会主义核心价值观宣传上墙",
        "老旧小区、学校周边、政务大厅、车站",
        0.5,
        1,
        False,
        None,
    ),
    ("05 未成年人", "0501 网吧管理", "0501-01", "网吧无接纳未成年人", "网吧", 3, 3, False, None),
    (
        "05 未成年人",
        "0501 网吧管理",
        "0501-02",
        "门口显著位置悬挂“未成年人禁入”标志",
        "网吧",
        1,
        1,
        False,
        None,
    ),
    (
        "05 未成年人",
        "0502 校园周边",
        "0502-01",
        "学校周边二百米内无网吧、娱乐场所",
        "学校周边",
        2,
        2,
        False,
        None,
    ),
    (
        "06 窗口服务",
        "0601 便民服务",
        "0601-01",
        "服务窗口工作人员着装规范、文明用语",
        "政务大厅、车站、医院",
        0.5,
        2,
        False,
        None,
    ),
    (
        "06 窗口服务",
        "0601 便民服务",
        "0601-02",
        "设有志愿服务站点并正常运行",
        "政务大厅、车站、医院、广场公园",
        0.5,
        1,
        False,
        None,
    ),
    (
        "06 窗口服务",
        "0601 便民服务",
        "0601-03",
        "办事指南公开，设置意见箱或评价器",
        "政务大厅",
        0.5,
        1,
        False,
        None,
    ),
]

QUESTIONNAIRE = ("QS-JF", "青山镇创建工作街头随访")
QUESTIONS: list[tuple[str, str, str, list[tuple[str, str, bool]]]] = [
    (
        "Q1",
        "您知道我们镇正在创建全国文明城市吗？",
        "awareness",
        [("yes", "知道", True), ("no", "不知道", False)],
    ),
    (
        "Q2",
        "您支持创建全国文明城市吗？",
        "support",
        [("yes", "支持", True), ("neutral", "无所谓", False), ("no", "不支持", False)],
    ),
    (
        "Q3",
        "您对身边环境和秩序的变化满意吗？",
        "satisfaction",
        [("very", "满意", True), ("fair", "比较满意", True), ("no", "不满意", False)],
    ),
]


def _split(label: str) -> tuple[str, str]:
    code, name = label.split(" ", 1)
    return code, name


def load_demo_evaluation(session: Session) -> None:
    """Idempotent: sites (roads included), the demo standards version and the survey."""
    seed_site_types(session)
    sync_road_sites(session)
    import_sites(
        session,
        [SiteRow(name, name, t, geom, unit, radius) for name, t, geom, unit, radius in SITES],
    )
    if (
        session.exec(select(StandardVersion).where(StandardVersion.code == DEMO_VERSION)).first()
        is None
    ):
        from app.evaluation.models import SiteType

        codes = {t.name: t.code for t in session.exec(select(SiteType))}
        rows = []
        for project, content, code, text, types, points, cap, photo, category in ITEMS:
            (pc, pn), (cc, cn) = _split(project), _split(content)
            rows.append(
                ItemRow(
                    pc,
                    pn,
                    cc,
                    cn,
                    code,
                    text,
                    [codes[t] for t in types.split("、")],
                    points,
                    cap,
                    photo,
                    category,
                )
            )
        save_version(session, DEMO_VERSION, "青山镇文明城市创建测评体系（2026 年版，演示）", rows)
    if (
        session.exec(select(Questionnaire).where(Questionnaire.code == QUESTIONNAIRE[0])).first()
        is None
    ):
        q = Questionnaire(code=QUESTIONNAIRE[0], name=QUESTIONNAIRE[1])
        session.add(q)
        session.flush()
        for sort, (code, text, measure, options) in enumerate(QUESTIONS):
            session.add(
                SurveyQuestion(
                    questionnaire_id=q.id,  # type: ignore[arg-type]
                    code=code,
                    text=text,
                    measure=measure,
                    sort=sort,
                    options=[
                        {"code": c, "label": label, "positive": pos} for c, label, pos in options
                    ],
                )
            )
    session.flush()
