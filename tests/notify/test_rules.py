"""Who gets what: ticket events driven by a hypothesis state machine against a model of who is
told, when (quiet hours) and in how many messages (one per ticket per person per 10 minutes);
quiet hours and coalescing examples."""

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, assume, settings
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)
from sqlmodel import col, select

from app.auth.policy import Actor, Jurisdiction
from app.ledger import service as ledger
from app.ledger.models import Event
from app.notify.models import DeliveryStatus, Notification, Preference, PushSubscription
from app.notify.outbox import expand_in, notify_ticket
from app.notify.service import add_channel
from app.org.models import User
from app.tickets import flows
from app.tickets.models import Status, Ticket
from tests.factories import create_town
from tests.notify.helpers import assigned_ticket, name, only_channels

SHANGHAI = ZoneInfo("Asia/Shanghai")


URGENT, ORDINARY = "0401", "0201"  # 路面塌陷 (突发事件: no quiet hours), 非法小广告
WINDOW = dt.timedelta(minutes=10)
# Quiet hours per person in the model (local time); None: never quiet.
QUIET = {"road_chief": ("22:00", "07:30"), "zone_chief": ("12:00", "14:00"), "leader": None,
         "other_chief": ("22:00", "07:30"), "dept_staff": ("23:00", "06:00")}  # fmt: skip


def quiet_end(window: tuple[str, str] | None, at: dt.datetime) -> dt.datetime:
    """The model's quiet hours: `at`, or when the person's quiet hours around it end."""
    if window is None:
        return at
    local = at.astimezone(SHANGHAI)
    start, end = (dt.time.fromisoformat(x) for x in window)
    t = local.time()
    if start < end and start <= t < end:
        day = local.date()
    elif start > end and t >= start:
        day = local.date() + dt.timedelta(days=1)
    elif start > end and t < end:
        day = local.date()
    else:
        return at
    return dt.datetime.combine(day, end, SHANGHAI).astimezone(dt.UTC)


def in_quiet(window: tuple[str, str] | None, at: dt.datetime) -> bool:
    return quiet_end(window, at) != at


@dataclass
class Said:
    """One message the model expects a person to get about a ticket."""

    told: list[tuple[int, str]]  # (ledger event id, notification event) in order
    at: dt.datetime
    sent_at: dt.datetime | None = None


@dataclass
class Case:
    """The model's ticket: only what decides who hears about it."""

    id: int
    urgent: bool
    assignee: int
    status: str = "assigned"
    level: int = 0
    escalated_to: int | None = None
    targets: list[int] = field(default_factory=list)  # every escalation's target, in order
    rework: int = 0


class NotifyMachine(RuleBasedStateMachine):
    """Ticket events against a model of who hears what, when.

    The model states the rules plainly: assigned → the new assignee; rework → the assignee,
    and on the 2nd/3rd rework (通报批评/约谈) the level-1 chief too; the sweep's first
    escalation (red light) → the assignee and the superior it went to; any other escalation →
    the new superior, the assignee and the previous superior; never the actor. Then each person
    gets at most one message per ticket per 10 minutes (news arriving while one waits joins it,
    news after one went waits out the 10 minutes), never inside their quiet hours unless the
    ticket is 突发事件, and every told event is in exactly one message. A robot group (webhook)
    gets every event once. The dispatcher runs only when the machine says so; time moves only
    when it says so.
    """

    db: Any
    town: Any
    hook: Any
    ran: Counter[str]  # across all examples: which rules ran, how many messages were checked

    def __init__(self) -> None:
        super().__init__()
        self.savepoint = self.db.begin_nested()
        town = self.town
        self.ids = {n: getattr(town, n).id for n in QUIET}
        self.quiet = {self.ids[n]: w for n, w in QUIET.items()}
        self.now = dt.datetime(2026, 12, 2, tzinfo=SHANGHAI).astimezone(dt.UTC)
        self.cases: dict[int, Case] = {}
        self.pending: list[tuple[int, int, str, set[int]]] = []  # (event, ticket, name, users)
        self.said: dict[tuple[int, int], list[Said]] = {}
        self.group: Counter[tuple[int, str]] = Counter()

    def teardown(self) -> None:
        self.savepoint.rollback()

    # --- the model ---------------------------------------------------------------------------

    def chain(self, case: Case) -> list[int]:
        above = [self.town.zone_chief.id, self.town.leader.id]  # 二级路长, then 一级路长
        return [u for u in above if u != case.assignee]

    def expect(self, event_id: int, case: Case, name: str, who: set[int], actor: int | None):
        self.group[(event_id, name)] += 1
        self.pending.append((event_id, case.id, name, {u for u in who if u != actor}))

    def deliver(self, user: int, case: Case, event_id: int, name: str) -> None:
        at = self.now if case.urgent else quiet_end(self.quiet[user], self.now)
        said = self.said.setdefault((user, case.id), [])
        last = said[-1] if said else None
        if last is not None and last.sent_at is None:
            last.told.append((event_id, name))
            last.at = max(last.at, at)
            return
        if last is not None and at < last.sent_at + WINDOW:  # type: ignore[operator]
            at = last.sent_at + WINDOW  # type: ignore[operator]
            if not case.urgent:
                at = quiet_end(self.quiet[user], at)
        said.append(Said([(event_id, name)], at))

    def last_event(self) -> int:
        return self.db.exec(select(Event.id).order_by(col(Event.id).desc())).first()

    def ticket(self, case: Case) -> Ticket:
        return self.db.get(Ticket, case.id)

    @initialize(
        minute=st.one_of(
            # A few minutes before someone's quiet hours begin or end, or any time of day.
            st.sampled_from([21 * 60 + 52, 22 * 60 + 55, 5 * 60 + 55, 7 * 60 + 25, 11 * 60 + 53]),
            st.integers(0, 24 * 60 - 1),
        )
    )
    def start_at(self, minute: int) -> None:
        self.now += dt.timedelta(minutes=minute)

    # --- ticket events -----------------------------------------------------------------------

    cases_ = Bundle("cases")

    @rule(target=cases_, urgent=st.booleans(), by_chief=st.booleans())
    def report(self, urgent: bool, by_chief: bool) -> Case:
        actor = self.town.road_chief if by_chief else self.town.inspector
        ticket = assigned_ticket(self.db, self.town, URGENT if urgent else ORDINARY, actor)
        case = Case(ticket.id, urgent, self.town.road_chief.id)
        self.cases[case.id] = case
        self.expect(self.last_event(), case, "ticket.assigned", {case.assignee}, actor.id)
        return case

    @rule(case=cases_, to=st.sampled_from(["road_chief", "other_chief", "dept_staff", "handoff"]))
    def dispatch(self, case: Case, to: str) -> None:
        """The command centre re-routes the ticket, or its assignee hands it to the traffic
        police (handoff: their desk is dept_staff)."""
        assume(case.status == "assigned")
        if to == "handoff":
            by = self.db.get(User, case.assignee)
            flows.handoff(self.db, actor(by), self.ticket(case), self.town.department.id, "交警")
            case.assignee = self.town.dept_staff.id
            self.ran["handoff"] += 1
            self.expect(self.last_event(), case, "ticket.assigned", {case.assignee}, by.id)
            return
        boss = self.town.supervisor
        flows.dispatch(
            self.db, actor(boss), self.ticket(case),
            road_id=None, assignee_id=self.ids[to], department_id=None, note="改派",
        )  # fmt: skip
        case.assignee, case.level, case.escalated_to = self.ids[to], 0, None
        self.ran["dispatch"] += 1
        self.expect(self.last_event(), case, "ticket.assigned", {case.assignee}, boss.id)

    @rule(case=cases_, approved=st.sampled_from([False, False, True, "dismiss"]))
    def rectify_and_verify(self, case: Case, approved: bool | str) -> None:
        """Rectified, then rejected (返工) or approved; or struck off as invalid instead."""
        assume(case.status == "assigned")
        if approved == "dismiss":  # nobody is told
            boss = actor(self.town.supervisor)
            flows.dismiss(self.db, boss, self.ticket(case), "invalid", None, "无效")
            case.status = "dismissed"
            self.ran["dismissed"] += 1
            return
        ticket = self.ticket(case)
        ticket.status = Status.rectified
        self.db.add(ticket)
        ledger.append(
            self.db, ticket_id=case.id, actor_id=case.assignee, action="rectify",
            from_status=Status.assigned, to_status=Status.rectified, note="已整改",
        )  # fmt: skip
        checker = self.town.inspector
        flows.verify(self.db, actor(checker), ticket, bool(approved), "核查", [], None)
        if approved:
            case.status = "closed"
            self.ran["closed"] += 1
            return
        case.rework += 1
        self.ran["rework"] += 1
        self.ran["通报批评 or 约谈"] += case.rework in (2, 3)
        told = self.last_event()
        self.expect(told, case, "ticket.rework", {case.assignee}, checker.id)
        flag = {2: "ticket.criticism", 3: "ticket.summons"}.get(case.rework)
        if flag:
            self.expect(told, case, flag, {case.assignee, self.town.leader.id}, checker.id)

    @rule(case=cases_, by_sweep=st.booleans())
    def escalate(self, case: Case, by_sweep: bool) -> None:
        assume(case.status == "assigned")
        who = None if by_sweep else self.town.supervisor.id
        done = flows.escalate(self.db, who, self.ticket(case), "督办")
        chain = self.chain(case)
        target = chain[min(case.level + 1, len(chain)) - 1] if chain else None
        self.ran["escalate"] += 1
        if target is None or target == case.escalated_to:
            assert done is None  # nobody higher: nothing happens, nobody is told
            return
        assert done is not None
        case.level, case.escalated_to = case.level + 1, target
        self.ran["to the superior"] += 1
        previous = case.targets[-1:]
        case.targets.append(target)
        if by_sweep and case.level == 1:  # the deadline passed: the red light
            self.expect(self.last_event(), case, "ticket.overdue", {case.assignee, target}, who)
        else:
            everyone = {target, case.assignee, *previous}
            self.expect(self.last_event(), case, "ticket.escalated", everyone, who)

    @rule(minutes=st.sampled_from([1, 4, 9, 11, 30, 95, 400, 690]))
    def time_passes(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)

    # --- the dispatcher ----------------------------------------------------------------------

    @rule()
    def dispatcher_round(self) -> None:
        """Expand what the events queued, then send every message that is due."""
        self.db.flush()
        expand_in(self.db, now=self.now)
        for event_id, ticket_id, what, users in self.pending:
            for user in sorted(users):
                self.deliver(user, self.cases[ticket_id], event_id, what)
        self.pending.clear()
        self.check()
        for row in self.db.exec(
            select(Notification).where(
                Notification.status == DeliveryStatus.queued,
                col(Notification.next_attempt_at) <= self.now,
                col(Notification.ticket_id).in_(list(self.cases)),
            )
        ):
            row.status, row.sent_at, row.attempts = DeliveryStatus.sent, self.now, 1
            self.db.add(row)
        for said in self.said.values():
            if said[-1].sent_at is None and said[-1].at <= self.now:
                said[-1].sent_at = self.now
        self.db.flush()

    def check(self) -> None:
        rows = self.db.exec(
            select(Notification)
            .where(col(Notification.ticket_id).in_(list(self.cases)))
            .order_by(col(Notification.id))
        ).all()
        people: dict[tuple[int, int], list[tuple[list[tuple[int, str]], dt.datetime]]] = {}
        group: Counter[tuple[int, str]] = Counter()
        for r in rows:
            told = [(h["ledger_event_id"], h["event"]) for h in r.payload["history"]]
            if r.channel_id == self.hook.id:
                group.update(told)
            elif r.user_id is not None:
                people.setdefault((r.user_id, r.ticket_id), []).append((told, r.next_attempt_at))
        model = {k: [(s.told, s.at) for s in v] for k, v in self.said.items()}
        self.ran["messages checked"] += sum(len(v) for v in model.values())
        self.ran["coalesced"] += sum(len(s.told) > 1 for v in self.said.values() for s in v)
        self.ran["held for quiet hours"] += sum(
            s.at > self.now for v in self.said.values() for s in v
        )
        # Who hears what, and when: exactly the model's messages.
        assert people == model
        assert group == self.group  # the robot group: every event once
        # Stated once more without the model: never in quiet hours unless 突发事件, and at
        # most one message per person per ticket per 10 minutes.
        for (user, ticket_id), said in people.items():
            if not self.cases[ticket_id].urgent:
                assert not any(in_quiet(self.quiet[user], at) for _told, at in said)
            times = [at for _told, at in said]
            assert all(b - a >= WINDOW for a, b in zip(times, times[1:], strict=False))


def actor(user: Any) -> Actor:
    return Actor(user=user, jurisdiction=Jurisdiction())


def test_who_hears_what_when_against_a_model(db):
    """A hypothesis state machine drives ticket events (reports, re-dispatches, handoffs,
    reworks, closes, dismissals, escalations by hand and by the sweep), time and the
    dispatcher: every event that should tell someone does, nothing else tells anyone, each
    message at the time the model says (see NotifyMachine)."""
    town = create_town(db)
    hook = add_channel(db, "webhook", name(), "http://127.0.0.1:9/none", "s")
    only_channels(db, hook)
    for n, window in QUIET.items():
        user = getattr(town, n)
        db.add(
            PushSubscription(
                user_id=user.id, endpoint=f"https://push.example/{user.id}", p256dh="k", auth="a"
            )
        )
        start, end = window or ("00:00", "00:00")
        db.add(Preference(user_id=user.id, quiet_start=start, quiet_end=end))
    db.flush()

    ran: Counter[str] = Counter()
    machine = type("Machine", (NotifyMachine,), {"db": db, "town": town, "hook": hook, "ran": ran})
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=int(os.environ.get("ROADCHIEF_HYPOTHESIS_EXAMPLES", "25")),
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            derandomize=True,  # the same runs every time (more: ROADCHIEF_HYPOTHESIS_EXAMPLES)
        ),
    )
    # The runs reached what they are about (a machine that checked nothing cannot fail).
    wanted = ["messages checked", "coalesced", "held for quiet hours", "dispatch", "handoff",
              "rework", "通报批评 or 约谈", "escalate", "to the superior", "dismissed",
              "closed"]  # fmt: skip
    assert all(ran[k] > 0 for k in wanted), ran


@pytest.fixture
def chief_with_push(db):
    town = create_town(db)
    only_channels(db)
    db.add(
        PushSubscription(
            user_id=town.road_chief.id, endpoint="https://push.example/1", p256dh="k", auth="a"
        )
    )
    db.flush()
    return town


def local(hh: int, mm: int, day: int = 2) -> dt.datetime:
    return dt.datetime(2026, 12, day, hh, mm, tzinfo=SHANGHAI).astimezone(dt.UTC)


def test_quiet_hours_hold_a_message_until_morning_but_not_an_emergency(db, chief_with_push):
    town = chief_with_push
    ordinary = assigned_ticket(db, town)
    emergency = assigned_ticket(db, town, category="0401")  # 路面塌陷: 突发事件
    late = local(23, 10)
    (held,) = notify_ticket(db, "ticket.yellow", ordinary, now=late)
    (urgent,) = notify_ticket(db, "ticket.yellow", emergency, now=late)
    assert held.next_attempt_at == local(7, 30, day=3)
    assert urgent.next_attempt_at == late
    (daytime,) = notify_ticket(db, "ticket.yellow", assigned_ticket(db, town), now=local(10, 0))
    assert daytime.next_attempt_at == local(10, 0)
    early = local(6, 0)
    (dawn,) = notify_ticket(db, "ticket.yellow", assigned_ticket(db, town), now=early)
    assert dawn.next_attempt_at == local(7, 30)
    # A chief who chose other hours gets theirs.
    db.add(Preference(user_id=town.road_chief.id, quiet_start="12:00", quiet_end="14:00"))
    db.flush()
    (noon,) = notify_ticket(db, "ticket.yellow", assigned_ticket(db, town), now=local(12, 30))
    assert noon.next_attempt_at == local(14, 0)
    (night,) = notify_ticket(db, "ticket.yellow", assigned_ticket(db, town), now=late)
    assert night.next_attempt_at == late


def test_one_message_per_ticket_per_person_per_ten_minutes(db, chief_with_push):
    town = chief_with_push
    db.add(Preference(user_id=town.road_chief.id, quiet_start="00:00", quiet_end="00:00"))
    ticket = assigned_ticket(db, town)  # report: ticket.assigned
    t0 = local(10, 0)
    expand_in(db, now=t0)  # what the dispatcher does after the report's commit
    notify_ticket(db, "ticket.yellow", ticket, now=t0)
    notify_ticket(db, "ticket.rework", ticket, now=t0 + dt.timedelta(minutes=1))

    def mine():
        return db.exec(
            select(Notification)
            .where(Notification.ticket_id == ticket.id, Notification.user_id == town.road_chief.id)
            .order_by(col(Notification.id))
        ).all()

    (one,) = mine()  # not sent yet: folded into one message telling the latest news
    assert one.event == "ticket.rework"
    assert one.payload["earlier"] == ["新工单待整改", "工单即将到期（黄灯）"]
    # Sent at 10:02; news at 10:05 waits until 10:12, and news at 10:08 joins it.
    one.status, one.sent_at = DeliveryStatus.sent, t0 + dt.timedelta(minutes=2)
    db.add(one)
    db.flush()
    notify_ticket(db, "ticket.yellow", ticket, now=t0 + dt.timedelta(minutes=5))
    notify_ticket(db, "ticket.escalated", ticket, now=t0 + dt.timedelta(minutes=8))
    first, second = mine()
    assert second.next_attempt_at == t0 + dt.timedelta(minutes=12)
    assert second.event == "ticket.escalated" and second.payload["earlier"] == [
        "工单即将到期（黄灯）"
    ]
    # Another ticket is another conversation.
    other = assigned_ticket(db, town)
    expand_in(db)
    rows = db.exec(select(Notification).where(Notification.ticket_id == other.id)).all()
    assert len(rows) == 1 and rows[0].next_attempt_at <= dt.datetime.now(dt.UTC)


def test_a_held_message_folds_each_scheduled_notice_once(db, chief_with_push):
    """Quiet hours hold the assignment until 07:30; the yellow-light scan runs every minute all
    night. The held message tells the yellow light once, and nothing is told again after it
    went out (before: one more 工单即将到期（黄灯） in 此前 every minute, hundreds by morning)."""
    town = chief_with_push
    ticket = assigned_ticket(db, town)
    night = local(23, 0)
    expand_in(db, now=night)  # the report's ticket.assigned, held until morning
    key = f"yellow:{ticket.id}:1"  # what scan_yellow passes, once per deadline
    for minute in range(90):
        notify_ticket(
            db, "ticket.yellow", ticket, now=night + dt.timedelta(minutes=minute), dedupe_key=key
        )

    def mine():
        return db.exec(
            select(Notification)
            .where(Notification.ticket_id == ticket.id, Notification.user_id == town.road_chief.id)
            .order_by(col(Notification.id))
        ).all()

    (held,) = mine()
    assert held.next_attempt_at == local(7, 30, day=3)
    assert held.event == "ticket.yellow"
    assert held.payload["earlier"] == ["新工单待整改"]
    assert [h["event"] for h in held.payload["history"]] == ["ticket.assigned", "ticket.yellow"]
    # Sent in the morning; the scan goes on while the light stays yellow: nothing new.
    held.status, held.sent_at = DeliveryStatus.sent, local(7, 30, day=3)
    db.add(held)
    db.flush()
    for minute in range(30):
        notify_ticket(
            db,
            "ticket.yellow",
            ticket,
            now=local(7, 31, day=3) + dt.timedelta(minutes=minute),
            dedupe_key=key,
        )
    assert len(mine()) == 1


def test_a_group_robot_is_paced_to_its_platforms_limit_and_the_rest_merged(db):
    """WeCom and DingTalk robots take 20 messages a minute (more are dropped, errcode 45009):
    a burst of 50 tickets gives 19 messages now and one summary of the other 31 once the minute
    is over; a webhook (no platform limit) gets all 50."""
    from app.notify.channels import Message, wecom

    town = create_town(db)
    robot = add_channel(db, "wecom", name(), "https://qyapi.weixin.qq.com/x?key=k")
    hook = add_channel(db, "webhook", name(), "https://hotline.example.cn/hook", "s")
    only_channels(db, robot, hook)
    now = local(10, 0)
    tickets = [assigned_ticket(db, town) for _ in range(50)]
    for t in tickets:
        notify_ticket(db, "ticket.yellow", t, now=now)

    def to(channel):
        return db.exec(
            select(Notification)
            .where(Notification.channel_id == channel.id)
            .order_by(col(Notification.id))
        ).all()

    assert len(to(hook)) == 50
    rows = to(robot)
    single, summaries = (
        [r for r in rows if r.event != "summary"],
        [r for r in rows if r.event == "summary"],
    )
    assert len(single) == 19 and all(r.next_attempt_at == now for r in single)
    (summary,) = summaries
    assert summary.next_attempt_at == now + dt.timedelta(minutes=1)
    assert "31 条" in summary.payload["title"]
    told = {r.ticket_id for r in single}
    merged = [t for t in tickets if t.id not in told]
    assert len(merged) == 31
    assert all(any(t.number in line for line in summary.payload["items"]) for t in merged)
    text = wecom.body(Message(1, "m", "summary", "wecom", [], summary.payload, 1, url=robot.url))[
        "markdown"
    ]["content"]
    assert "31 条" in text and merged[0].number in text and "另有 1 条" in text
    # The next minute has its own allowance.
    later = assigned_ticket(db, town)
    made = notify_ticket(db, "ticket.yellow", later, now=now + dt.timedelta(minutes=2))
    (mine,) = [r for r in made if r.channel_id == robot.id]
    assert mine.event == "ticket.yellow" and mine.next_attempt_at == now + dt.timedelta(minutes=2)
    assert len(to(robot)) == 21
