"""The standards tree (测评项目 → 测评内容 → 测评标准), versioned, kept by offices in XLSX.

Workbook layout (first sheet; README "测评"):
  row 1: 版本 | <code> | 名称 | <name>
  row 2: the headings in COLUMNS
  row 3…: one 测评标准 per row.
"""

import io
import math
from dataclasses import dataclass
from typing import Any

import xlsxwriter
from sqlmodel import Session, col, select

from app.core.errors import Conflict, Invalid, NotFound
from app.evaluation.models import SiteType, StandardGroup, StandardItem, StandardVersion
from app.tickets.models import Category

COLUMNS = [
    "项目编号",
    "测评项目",
    "内容编号",
    "测评内容",
    "标准编号",
    "测评标准",
    "适用点位类型",
    "每处扣分",
    "单点扣分上限",
    "需拍照",
    "案卷类别",
]
YES, NO = ("是", "yes", "y", "true", "1"), ("否", "no", "n", "false", "0", "")
TYPE_SEPARATORS = ("、", "，", ",", ";", "；", "/")
MAX_ERRORS_SHOWN = 10


@dataclass
class ItemRow:
    project_code: str
    project_name: str
    content_code: str
    content_name: str
    code: str
    text: str
    site_types: list[str]
    points: float
    cap: float
    photo_required: bool
    category_code: str | None


def get_version(session: Session, code: str | None) -> StandardVersion:
    """The version by code, or the newest."""
    stmt = select(StandardVersion)
    stmt = (
        stmt.where(StandardVersion.code == code)
        if code
        else stmt.order_by(col(StandardVersion.id).desc())
    )
    version = session.exec(stmt).first()
    if version is None:
        raise NotFound(f"standards version '{code}' not found" if code else "no standards yet")
    return version


def items_of(session: Session, version_id: int) -> list[StandardItem]:
    return list(
        session.exec(
            select(StandardItem)
            .where(StandardItem.version_id == version_id)
            .order_by(col(StandardItem.sort), col(StandardItem.id))
        )
    )


def tree(session: Session, version: StandardVersion) -> dict[str, Any]:
    groups = list(
        session.exec(
            select(StandardGroup)
            .where(StandardGroup.version_id == version.id)
            .order_by(col(StandardGroup.sort), col(StandardGroup.id))
        )
    )
    by_parent: dict[int | None, list[StandardGroup]] = {}
    for g in groups:
        by_parent.setdefault(g.parent_id, []).append(g)
    items_by_group: dict[int, list[StandardItem]] = {}
    for item in items_of(session, version.id):  # type: ignore[arg-type]
        items_by_group.setdefault(item.group_id, []).append(item)
    return {
        "version": version.code,
        "name": version.name,
        "versions": [
            v.code for v in session.exec(select(StandardVersion).order_by(col(StandardVersion.id)))
        ],
        "projects": [
            {
                "code": p.code,
                "name": p.name,
                "contents": [
                    {
                        "code": c.code,
                        "name": c.name,
                        "items": [item_public(i) for i in items_by_group.get(c.id, [])],  # type: ignore[arg-type]
                    }
                    for c in by_parent.get(p.id, [])
                ],
            }
            for p in by_parent.get(None, [])
        ],
    }


def item_public(item: StandardItem) -> dict[str, Any]:
    return {
        "code": item.code,
        "text": item.text,
        "site_types": item.site_types,
        "points": item.points,
        "cap": item.cap,
        "photo_required": item.photo_required,
        "category": item.category_code,
    }


def save_version(
    session: Session, code: str, name: str, rows: list[ItemRow], replace: bool = False
) -> StandardVersion:
    """A new version from rows. A version a round already uses is never changed."""
    from app.evaluation.models import Round

    version = session.exec(select(StandardVersion).where(StandardVersion.code == code)).first()
    if version is not None:
        used = session.exec(select(Round.id).where(Round.version_id == version.id)).first()
        if used is not None or not replace:
            raise Conflict(
                f"standards version '{code}' already exists"
                + (" and rounds use it; import it as a new version" if used is not None else "")
            )
        for item in items_of(session, version.id):  # type: ignore[arg-type]
            session.delete(item)
        session.flush()
        old = session.exec(select(StandardGroup).where(StandardGroup.version_id == version.id))
        for g in sorted(old, key=lambda g: g.parent_id is None):
            session.delete(g)
        session.flush()
        version.name = name
    else:
        version = StandardVersion(code=code, name=name)
        session.add(version)
        session.flush()
    groups: dict[tuple[str, str | None], StandardGroup] = {}
    for sort, row in enumerate(rows):
        project = groups.get((row.project_code, None))
        if project is None:
            project = StandardGroup(
                version_id=version.id,  # type: ignore[arg-type]
                code=row.project_code,
                name=row.project_name,
                sort=sort,
            )
            session.add(project)
            session.flush()
            groups[(row.project_code, None)] = project
        content = groups.get((row.content_code, row.project_code))
        if content is None:
            content = StandardGroup(
                version_id=version.id,  # type: ignore[arg-type]
                parent_id=project.id,
                code=row.content_code,
                name=row.content_name,
                sort=sort,
            )
            session.add(content)
            session.flush()
            groups[(row.content_code, row.project_code)] = content
        session.add(
            StandardItem(
                version_id=version.id,  # type: ignore[arg-type]
                group_id=content.id,  # type: ignore[arg-type]
                code=row.code,
                text=row.text,
                site_types=row.site_types,
                points=row.points,
                cap=row.cap,
                photo_required=row.photo_required,
                category_code=row.category_code,
                sort=sort,
            )
        )
    session.flush()
    return version


# ---- XLSX -----------------------------------------------------------------------------------


def _col(i: int) -> str:
    return chr(ord("A") + i)


class _RowError(Exception):
    pass


def parse_standards_xlsx(session: Session, data: bytes) -> tuple[str, str, list[ItemRow]]:
    """(version code, name, rows); any bad cell is reported as 第N行 X列（heading）."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise Invalid("not a readable .xlsx workbook") from None
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    if len(rows) < 2:
        raise Invalid("第1行: expected 版本 | code | 名称 | name, then the headings in row 2")
    first = [_s(c) for c in rows[0]] + [""] * 4
    if first[0] != "版本" or not first[1]:
        raise Invalid("第1行 A–B列: expected '版本' and the version code (e.g. 2026)")
    code, name = first[1][:32], (first[3] or first[1])[:200]
    header = [_s(c) for c in rows[1]]
    for i, wanted in enumerate(COLUMNS):
        if i >= len(header) or header[i] != wanted:
            raise Invalid(f"第2行 {_col(i)}列: the heading must be '{wanted}'")
    type_codes = {t.name: t.code for t in session.exec(select(SiteType))}
    type_codes |= {c: c for c in list(type_codes.values())}
    categories = {
        c.code for c in session.exec(select(Category).where(col(Category.parent_code).is_not(None)))
    }
    out, errors, seen = [], [], set()
    for r, raw in enumerate(rows[2:], start=3):
        cells = [_s(c) for c in raw] + [""] * len(COLUMNS)
        if not any(cells[: len(COLUMNS)]):
            continue

        def bad(i: int, why: str, r: int = r, cells: list[str] = cells) -> _RowError:
            found = cells[i]
            return _RowError(
                f"第{r}行 {_col(i)}列（{COLUMNS[i]}）: {why}"
                + (f", found '{found}'" if found else ", found empty")
            )

        try:
            for i in (0, 1, 2, 3, 4, 5, 6):
                if not cells[i]:
                    raise bad(i, "required")
            if cells[4] in seen:
                raise bad(4, "the code appears twice")
            types = [t.strip() for t in _split(cells[6]) if t.strip()]
            unknown = [t for t in types if t not in type_codes]
            if unknown:
                raise bad(6, f"unknown site type {', '.join(unknown)}")
            points = _num(cells[7])
            if points is None or not 0 < points <= 100:
                raise bad(7, "expected points per occurrence between 0 and 100")
            cap = _num(cells[8]) if cells[8] else points
            if cap is None or not points <= cap <= 100:
                raise bad(8, "expected a cap per site between the points and 100")
            flag = cells[9].lower()
            if flag not in YES and flag not in NO:
                raise bad(9, "expected 是 or 否")
            category = cells[10] or None
            if category is not None and category not in categories:
                raise bad(10, "unknown ticket category code")
        except _RowError as exc:
            errors.append(str(exc))
            continue
        seen.add(cells[4])
        out.append(
            ItemRow(
                cells[0][:32],
                cells[1][:200],
                cells[2][:32],
                cells[3][:200],
                cells[4][:32],
                cells[5][:1000],
                [type_codes[t] for t in types],
                points,
                cap,
                flag in YES and flag != "",
                category,
            )
        )
    if errors:
        raise Invalid("; ".join(errors[:MAX_ERRORS_SHOWN]), errors=errors)
    if not out:
        raise Invalid("第3行: the workbook has no standards")
    return code, name, out


def _s(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _split(text: str) -> list[str]:
    for sep in TYPE_SEPARATORS[1:]:
        text = text.replace(sep, TYPE_SEPARATORS[0])
    return text.split(TYPE_SEPARATORS[0])


def _num(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def standards_xlsx(session: Session, version: StandardVersion) -> bytes:
    """The version in the import layout: export, edit, import as next year's version."""
    names = {t.code: t.name for t in session.exec(select(SiteType))}
    data = tree(session, version)
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
    sheet = book.add_worksheet("测评体系")
    sheet.write_row(0, 0, ["版本", version.code, "名称", version.name])
    sheet.write_row(1, 0, COLUMNS, head)
    r = 2
    for p in data["projects"]:
        for c in p["contents"]:
            for i in c["items"]:
                sheet.write_row(
                    r,
                    0,
                    [
                        p["code"],
                        p["name"],
                        c["code"],
                        c["name"],
                        i["code"],
                        i["text"],
                        "、".join(names.get(t, t) for t in i["site_types"]),
                        i["points"],
                        i["cap"],
                        "是" if i["photo_required"] else "否",
                        i["category"] or "",
                    ],
                    wrap,
                )
                r += 1
    for i, width in enumerate((8, 14, 8, 18, 10, 50, 24, 8, 10, 6, 8)):
        sheet.set_column(i, i, width)
    sheet.freeze_panes(2, 0)
    book.close()
    return buf.getvalue()
