"""Reference data every installation needs: departments, categories and the holiday calendar.

Seeding only adds what is missing, so it is safe on every `migrate` and never undoes an
admin's edits (a changed time limit, an extra holiday).
"""

from chinese_calendar import constants as cn_calendar
from sqlalchemy import text
from sqlmodel import Session, col, select

from app.deadlines.models import CalendarDay, LimitUnit
from app.evaluation.sites import seed_site_types
from app.org.models import Department
from app.tickets.models import Category

# 职能部门: (code, name).
DEPARTMENTS: list[tuple[str, str]] = [
    ("zhifa", "综合行政执法局"),
    ("jiaojing", "交警大队"),
    ("huanwei", "环卫所"),
    ("zhujian", "住建局"),
    ("shichang", "市场监管所"),
    ("tongxin", "通信管线办（电信/联通/移动）"),
    ("yuanlin", "园林绿化所"),
    ("shizheng", "市政所"),
    ("paichusuo", "派出所"),
    ("yingji", "应急管理办"),
]

# 大类: (code, name, keywords).
CLASSES: list[tuple[str, str, str]] = [
    ("01", "市容环境", "srhj 市容 环境"),
    ("02", "宣传广告", "xcgg 广告"),
    ("03", "施工管理", "sggl 工地 施工"),
    ("04", "突发事件", "tfsj 紧急 应急"),
    ("05", "街面秩序", "jmzx 秩序"),
]

WH, WD, H = LimitUnit.work_hours, LimitUnit.work_days, LimitUnit.hours

# 小类: (code, name, lead department, limit value, limit unit, 测评项目, keywords).
# Keywords: pinyin initials first, then the words people actually say.
SUBCLASSES: list[tuple[str, str, str, int, LimitUnit, str, str]] = [
    ("0101", "私搭乱建", "zhifa", 5, WD, "市容市貌", "sdlj 违章搭建 违法建设 违建 乱搭建 彩钢棚"),
    ("0102", "暴露垃圾", "huanwei", 4, WH, "环境卫生", "blj 垃圾 卫生死角 垃圾堆 垃圾外溢"),
    ("0103", "积存垃圾渣土", "huanwei", 1, WD, "环境卫生", "jcljzt 渣土 建筑垃圾 陈年垃圾"),
    ("0104", "道路不洁", "huanwei", 2, WH, "环境卫生", "dlbj 路面脏 油污 烟头 落叶"),
    ("0105", "水域不洁", "huanwei", 1, WD, "环境卫生", "sybj 河道垃圾 漂浮物 水面"),
    ("0106", "绿地脏乱", "yuanlin", 1, WD, "市容市貌", "ldzl 绿化带 毁绿 种菜 黄土裸露"),
    ("0107", "废弃车辆", "zhifa", 3, WD, "市容市貌", "fqcl 僵尸车 废旧车 僵尸自行车"),
    ("0108", "乱拉乱接", "tongxin", 3, WD, "市容市貌", "lllj 飞线 线缆 蜘蛛网 空中线缆 电线 网线"),
    ("0109", "道路破损", "shizheng", 3, WD, "公共设施", "dlps 坑洼 路面破损 人行道破损 盲道"),
    ("0110", "护栏损坏", "shizheng", 2, WD, "公共设施", "hlsh 护栏 隔离栏 栏杆 倒伏"),
    ("0111", "沿街晾挂", "zhifa", 4, WH, "市容市貌", "yjlg 晾晒 晾衣 乱挂"),
    ("0201", "非法小广告", "zhifa", 4, WH, "广告管理", "ffxgg 牛皮癣 小广告 乱贴 涂写 喷涂 办证"),
    ("0202", "违章张贴悬挂广告", "zhifa", 1, WD, "广告管理", "wzztxggg 横幅 条幅 乱挂 张贴"),
    ("0203", "占道广告牌", "zhifa", 1, WD, "广告管理", "zdggp 立牌 灯箱 展板 占道"),
    ("0204", "街头散发广告", "zhifa", 2, WH, "广告管理", "jtsfgg 发传单 派发 传单"),
    ("0205", "广告牌匾破损", "zhifa", 3, WD, "广告管理", "ggppps 店招 招牌 牌匾 破损"),
    ("0301", "施工扰民", "zhujian", 4, WH, "建筑工地管理", "sgrm 噪音 夜间施工 扰民"),
    ("0302", "工地扬尘", "zhujian", 4, WH, "建筑工地管理", "gdyc 扬尘 未覆盖 裸土 灰尘"),
    ("0303", "道路遗撒", "huanwei", 2, WH, "环境卫生", "dlys 撒漏 渣土车 泥浆"),
    ("0304", "施工废弃料", "zhujian", 1, WD, "建筑工地管理", "sgfql 建材 废料 堆放"),
    ("0305", "施工占道", "zhujian", 1, WD, "建筑工地管理", "sgzd 占道施工 围挡 占用道路"),
    ("0306", "无证掘路", "shizheng", 1, WD, "公共设施", "wzjl 挖路 开挖 掘路"),
    ("0401", "路面塌陷", "shizheng", 2, H, "公共设施", "lmtx 塌陷 坑 地陷"),
    ("0402", "自来水管破裂", "shizheng", 2, H, "公共设施", "zlsgpl 爆管 漏水 水管"),
    ("0403", "燃气管道破裂", "yingji", 1, H, "公共安全", "rqgdpl 燃气 漏气 煤气"),
    ("0404", "下水道堵塞或破损", "shizheng", 4, H, "公共设施", "xsddshps 下水道 堵塞 污水 冒溢"),
    ("0405", "道路积水", "shizheng", 4, H, "公共设施", "dljs 积水 内涝 水淹"),
    ("0406", "井盖缺失", "shizheng", 2, H, "公共设施", "jgqs 井盖 窨井 缺失 破损 移位"),
    ("0407", "架空线缆脱落", "tongxin", 4, H, "公共安全", "jkxltl 线缆 掉落 垂落 电线"),
    ("0408", "树木倒伏", "yuanlin", 4, H, "公共安全", "smdf 倒树 断枝 树木"),
    ("0501", "无照经营游商", "zhifa", 2, WH, "市场秩序", "wzjyys 流动摊贩 游商 小贩"),
    ("0502", "占道经营", "zhifa", 2, WH, "市场秩序", "zdjy 摆摊 地摊 马路市场"),
    ("0503", "占道废品收购", "zhifa", 4, WH, "市场秩序", "zdfpsg 废品 收废品 回收"),
    ("0504", "店外经营", "zhifa", 2, WH, "市场秩序", "dwjy 出店经营 越门经营 店外设摊"),
    ("0505", "机动车乱停放", "jiaojing", 2, WH, "交通秩序", "jdcltf 乱停车 违停 占道停车 汽车"),
    ("0506", "非机动车乱停放", "zhifa", 2, WH, "交通秩序", "fjdcltf 电动车 自行车 共享单车 乱停"),
    ("0507", "流浪乞讨", "paichusuo", 1, WD, "公共秩序", "llqt 乞讨 流浪"),
    ("0508", "露天烧烤", "zhifa", 2, WH, "环境卫生", "ltsk 烧烤 油烟 夜宵摊"),
    ("0509", "市场外溢经营", "shichang", 1, WD, "市场秩序", "scwyjy 农贸市场 菜场 外溢"),
]

# chinese_calendar names the festivals in English; officials read Chinese.
_FESTIVAL_NAMES = {h.value: h.chinese for h in cn_calendar.Holiday}


def seed_departments(session: Session) -> dict[str, Department]:
    """Add missing departments; returns all of them by code."""
    existing = {d.code: d for d in session.exec(select(Department))}
    for code, name in DEPARTMENTS:
        if code not in existing:
            existing[code] = Department(code=code, name=name)
            session.add(existing[code])
    session.flush()
    return existing


def seed_categories(session: Session, departments: dict[str, Department]) -> None:
    """Add missing classes, then missing sub-classes (the parent must exist first)."""
    existing = set(session.exec(select(Category.code)))
    for sort, (code, name, keywords) in enumerate(CLASSES, start=1):
        if code not in existing:
            session.add(Category(code=code, name=name, keywords=keywords, sort=sort * 100))
    session.flush()
    for code, name, dept, value, unit, item, keywords in SUBCLASSES:
        if code in existing:
            continue
        session.add(
            Category(
                code=code,
                name=name,
                parent_code=code[:2],
                department_id=departments[dept].id,
                limit_value=value,
                limit_unit=unit,
                evaluation_item=item,
                keywords=keywords,
                sort=int(code),
            )
        )
    session.flush()


def seed_calendar(session: Session) -> None:
    """Add every holiday and make-up workday (调休) chinese_calendar knows and we lack."""
    existing = set(session.exec(select(col(CalendarDay.day))))
    for days, is_workday, suffix in (
        (cn_calendar.holidays, False, ""),
        (cn_calendar.workdays, True, "调休"),
    ):
        for day, festival in sorted(days.items()):
            if day not in existing:
                name = _FESTIVAL_NAMES.get(festival, festival) + suffix
                session.add(CalendarDay(day=day, is_workday=is_workday, name=name))
    session.flush()


SEED_LOCK_KEY = 727_002


def seed_reference_data(session: Session) -> None:
    """Idempotent: add missing departments, categories and calendar days."""
    if session.get_bind().dialect.name == "postgresql":
        # Several app nodes may migrate at once; the second waits and then finds it all there.
        session.connection().execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SEED_LOCK_KEY})
    departments = seed_departments(session)
    seed_categories(session, departments)
    seed_calendar(session)
    seed_site_types(session)
