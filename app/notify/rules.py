"""Who gets what — every notification rule in one table.

A ledger event (app.ledger) or a scheduled scan names a notification event; RULES says who is
told about it. Recipients are resolved against the ticket as it was right after the change (its
routing fields are frozen with the event in the outbox's fan-out row). The actor is never
told about their own action. Group channels (robots, webhooks) whose scope covers the ticket
receive every ticket event that tells anyone; zone groups receive the weekly bulletin.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.ledger.models import Event
from app.org.models import Role, User
from app.tickets.models import Status, Ticket

REWORK_FLAGS = {2: "ticket.criticism", 3: "ticket.summons"}  # 通报批评, 约谈 (tickets.flows)


@dataclass(frozen=True)
class Rule:
    title: str  # zh-CN, shown as the message title
    who: tuple[str, ...]  # recipient roles, resolved by RECIPIENTS below


RULES: dict[str, Rule] = {
    "ticket.assigned": Rule("新工单待整改", ("assignee",)),  # assigned or reassigned to me
    "ticket.rework": Rule("工单被退回返工", ("assignee",)),
    # Someone found the same problem again and added their photo: the assignee hears of it.
    "ticket.photo_added": Rule("工单补充了新照片", ("assignee",)),
    "ticket.yellow": Rule("工单即将到期（黄灯）", ("assignee",)),
    "ticket.overdue": Rule("工单已逾期（红灯）", ("assignee", "escalated_to")),  # me + superior
    "ticket.escalated": Rule("工单已督办", ("escalated_to", "assignee", "previously_escalated_to")),
    "ticket.criticism": Rule("返工两次：通报批评", ("assignee", "area_leaders")),
    "ticket.summons": Rule("返工三次：约谈", ("assignee", "area_leaders")),
    "ticket.triage_overdue": Rule("待派遣工单等待过久", ("command_centre",)),
    # 随手拍 waiting in triage (待受理) past its limit: supervisors and the "all" groups.
    "citizen.triage_overdue": Rule("市民上报待受理超时", ()),
    "bulletin.published": Rule("每周通报已发布", ()),  # zone groups only (Monday timer)
    # A supervisor issued (印发) the week's 通报 with its 文号: zone groups, once per week.
    "bulletin.issued": Rule("通报已印发", ()),
    "digest.morning": Rule("今日工单早报", ()),  # per chief, made by the digest scan
    "digest.weekly": Rule("片区排名周报", ()),  # per level-1 chief
    "test": Rule("测试消息", ()),  # an admin's "send test message"
}


def _escalate_event(e: Event) -> str:
    # The sweep's first escalation is the deadline passing: the red light.
    automatic_first = e.actor_id is None and e.data.get("level") == 1
    return "ticket.overdue" if automatic_first else "ticket.escalated"


def _flag_events(e: Event) -> list[str]:
    # The rejection that sets a flag (the 2nd: 通报批评, the 3rd: 约谈) tells the leaders too.
    flag = REWORK_FLAGS.get(e.data.get("rework_count", 0))
    return [flag] if flag else []


# Ledger action → the notification events it causes. Actions not listed tell nobody
# (rectify: the verifiers work from their queue; verify/dismiss end the matter).
LEDGER_TRIGGERS: dict[str, Callable[[Event], list[str]]] = {
    "report": lambda e: ["ticket.assigned"] if e.to_status == Status.assigned else [],
    "dispatch": lambda e: ["ticket.assigned"],
    "handoff": lambda e: ["ticket.assigned"],
    "add_photo": lambda e: ["ticket.photo_added"],
    "reject": lambda e: ["ticket.rework", *_flag_events(e)],
    "escalate": lambda e: [_escalate_event(e)],
}


def _previously_escalated_to(session: Session, ticket: Ticket, event: Event | None) -> list[int]:
    # Up to this event: the fan-out may be expanded after later escalations were made.
    upto = [col(Event.id) <= event.id] if event is not None and event.id is not None else []
    rows = session.exec(
        select(Event.data)
        .where(Event.ticket_id == ticket.id, Event.action == "escalate", *upto)
        .order_by(col(Event.id).desc())
        .limit(2)
    ).all()
    return [d["escalated_to"] for d in rows[1:2] if d.get("escalated_to")]


def _area_leaders(session: Session, ticket: Ticket) -> list[int]:
    if ticket.area_id is None:
        return []
    return [
        u
        for u in session.exec(
            select(User.id).where(
                User.role == Role.chief,
                User.level == 1,
                User.area_id == ticket.area_id,
                col(User.is_active),
            )
        )
        if u is not None
    ]


def _command_centre(session: Session) -> list[int]:
    rows = session.exec(select(User.id).where(User.role == Role.supervisor, col(User.is_active)))
    return [u for u in rows if u is not None]


RECIPIENTS: dict[str, Callable[[Session, Ticket, Event | None], list[int]]] = {
    "assignee": lambda s, t, e: [t.assignee_id] if t.assignee_id else [],
    "escalated_to": lambda s, t, e: [t.escalated_to_id] if t.escalated_to_id else [],
    "previously_escalated_to": _previously_escalated_to,
    "area_leaders": lambda s, t, e: _area_leaders(s, t),
    "command_centre": lambda s, t, e: _command_centre(s),
}


def events_for(ledger_event: Event) -> list[str]:
    trigger = LEDGER_TRIGGERS.get(ledger_event.action)
    return trigger(ledger_event) if trigger else []


def recipients(
    session: Session, name: str, ticket: Ticket, ledger_event: Event | None
) -> list[int]:
    """User ids told about `name` on this ticket, in rule order, without the actor."""
    actor = ledger_event.actor_id if ledger_event else None
    found: list[int] = []
    for role in RULES[name].who:
        for user_id in RECIPIENTS[role](session, ticket, ledger_event):
            if user_id != actor and user_id not in found:
                found.append(user_id)
    return found
