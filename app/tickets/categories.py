"""The category catalogue (事件/部件 类别) as the apps need it."""

from typing import Any

from fastapi import APIRouter
from sqlmodel import col, select

from app.auth.deps import CurrentUser
from app.core.db import SessionDep
from app.org.models import Department
from app.tickets.models import Category
from app.tickets.schemas import CategoryRead

router = APIRouter(prefix="/api", tags=["categories"])


@router.get("/categories", response_model=list[CategoryRead])
def categories(_user: CurrentUser, session: SessionDep) -> list[dict[str, Any]]:
    """Event classes (2-digit codes) and their sub-classes (4-digit codes)."""
    depts = {d.id: d for d in session.exec(select(Department))}
    rows = session.exec(
        select(Category)
        .where(col(Category.active))
        .order_by(col(Category.sort), col(Category.code))
    )
    result = []
    for c in rows:
        d = depts.get(c.department_id)
        result.append(
            {
                "code": c.code,
                "name": c.name,
                "parent_code": c.parent_code,
                "department": {"id": d.id, "code": d.code, "name": d.name} if d else None,
                "limit_value": c.limit_value,
                "limit_unit": c.limit_unit,
                "evaluation_item": c.evaluation_item,
                "keywords": c.keywords,
            }
        )
    return result
