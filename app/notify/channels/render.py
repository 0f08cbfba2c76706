"""Message text for people: one headline and a few lines, as markdown or plain text."""

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from app.core.config import get_settings


def _local(iso: str | None) -> str:
    if not iso:
        return "—"
    tz = ZoneInfo(get_settings().timezone)
    return dt.datetime.fromisoformat(iso).astimezone(tz).strftime("%m-%d %H:%M")


def headline(payload: dict[str, Any]) -> str:
    ticket = payload.get("ticket")
    return f"{payload['title']} {ticket['number']}" if ticket else payload["title"]


def lines(payload: dict[str, Any]) -> list[str]:
    """Facts a chief needs at a glance, in order of importance."""
    ticket = payload.get("ticket")
    out: list[str] = []
    if ticket:
        out.append(f"类别：{ticket['category']['name']}（{ticket['category']['code']}）")
        if ticket.get("road"):
            out.append(f"路段：{ticket['road']['name']}")
        out.append(f"状态：{ticket['status_label']}")
        if ticket.get("assignee"):
            out.append(f"责任人：{ticket['assignee']['name']}")
        out.append(f"期限：{_local(ticket.get('deadline_at'))}")
    if payload.get("note"):
        out.append(f"说明：{payload['note']}")
    out += payload.get("lines", [])
    if payload.get("earlier"):
        out.append("此前：" + "；".join(payload["earlier"]))
    return out


def link_text(payload: dict[str, Any]) -> str:
    """What the link says: 查看工单 for a ticket, else what the message names (查看通报 …)."""
    return str(payload.get("link") or ("查看工单" if payload.get("ticket") else "查看详情"))


def markdown(payload: dict[str, Any]) -> str:
    body = "\n".join(f"> {line}" for line in lines(payload))
    link = f"\n\n[{link_text(payload)}]({payload['url']})" if payload.get("url") else ""
    return f"### {headline(payload)}\n{body}{link}"


def plain(payload: dict[str, Any]) -> str:
    text = headline(payload) + "；" + "；".join(lines(payload))
    return f"{text} {payload['url']}" if payload.get("url") else text
