"""The ticket rules at the action level: filing and routing, the transitions, who may act.

HTTP tests (test_loop.py, test_replays.py …) keep the contract: status codes, JSON, headers.
"""

import pytest
from sqlmodel import Session, func, select

from app.core.errors import Conflict, Forbidden, Invalid
from app.ledger.models import Event
from app.routing.service import RoadIndex
from app.tickets import Filer, Source, actions, filing
from app.tickets.models import ReportClaim, Status, Ticket
from app.tickets.service import TicketFilter, list_tickets
from tests.factories import LAT0, LON0, Town, create_department, create_user
from tests.tickets.conftest import as_actor, data, file, photos

pytestmark = pytest.mark.usefixtures("env")
M_PER_DEG_LAT = 111_195


def count(db: Session, model: type) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


def events(db: Session, ticket: Ticket) -> list[str]:
    rows = db.exec(select(Event.action).where(Event.ticket_id == ticket.id).order_by(Event.id))
    return list(rows.all())


# --- filing ----------------------------------------------------------------------------------


def test_a_report_on_a_road_goes_to_its_chief_with_a_deadline(db: Session, town: Town) -> None:
    t = file(db, town.inspector, description="电线杆上贴满小广告")
    assert (t.status, t.road_id, t.assignee_id) == (Status.assigned, town.east_west.id,
                                                    town.road_chief.id)  # fmt: skip
    assert t.due_at is not None and t.number.count("-") == 1 and len(t.number) == 13
    report = db.exec(select(Event).where(Event.ticket_id == t.id)).one()
    assert report.action == "report" and report.data["source"] == Source.staff


def test_near_a_corner_both_roads_are_kept_as_candidates(db: Session, town: Town) -> None:
    # 3 m from 人民路 and 4 m from 解放路, just beside their crossing.
    lon = LON0 + 0.005 - 4 / (M_PER_DEG_LAT * 0.857)
    t = file(db, town.inspector, lat=LAT0 + 3 / M_PER_DEG_LAT, lon=lon)
    ids = [c["road_id"] for c in t.route_candidates if "road_id" in c]
    assert set(ids) == {town.east_west.id, town.north_south.id} and ids[0] == t.road_id


def test_off_road_in_the_zone_goes_to_its_chief_and_outside_to_the_command_centre(
    db: Session, town: Town
) -> None:
    in_zone = file(db, town.inspector, lat=LAT0 + 0.015, lon=LON0 - 0.015, seed=1)
    assert in_zone.road_id is None and in_zone.zone_id == town.zone.id
    assert in_zone.assignee_id == town.zone_chief.id
    # About 1 km outside the zone: accepted, for the command centre to dispatch.
    nowhere = file(db, town.inspector, lat=LAT0 + 0.03, lon=LON0 + 0.03, seed=2)
    assert (nowhere.status, nowhere.assignee_id, nowhere.due_at) == (Status.pending, None, None)


def test_a_report_far_outside_or_of_no_category_leaves_nothing(db: Session, town: Town) -> None:
    with pytest.raises(Invalid, match="辖区外"):
        file(db, town.inspector, lat=LAT0 + 1, lon=LON0)
    with pytest.raises(Invalid, match="unknown category"):
        file(db, town.inspector, category="9999")
    assert count(db, Ticket) == count(db, ReportClaim) == 0


def test_each_check_and_the_routing_run_once_per_report(
    db: Session, town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: dict[str, int] = {}

    def counted(owner: object, name: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args: object, **kw: object) -> object:
            calls[name] = calls.get(name, 0) + 1
            return original(*args, **kw)

        monkeypatch.setattr(owner, name, wrapper)

    for owner, name in ((RoadIndex, "route"), (RoadIndex, "distance_outside_m"),
                        (filing, "check_category"), (filing, "find_by_key")):  # fmt: skip
        counted(owner, name)
    t = file(db, town.inspector, key="once-0001")
    assert calls == {"route": 1, "distance_outside_m": 1, "check_category": 1, "find_by_key": 2}
    calls.clear()
    again = actions.report(db, Filer(town.inspector), data(), photos(), "once-0001")
    assert again.result.id == t.id and not again.created
    assert calls == {"find_by_key": 1}  # a replay is answered from the ticket, nothing checked


def test_the_same_key_is_the_same_report_and_nobody_elses(db: Session, town: Town) -> None:
    first = actions.report(db, Filer(town.inspector), data(), photos(), "same-0001")
    again = actions.report(db, Filer(town.inspector), data(), photos(), "same-0001")
    assert first.created and not again.created and again.result.id == first.result.id
    with pytest.raises(Invalid, match="different request"):
        actions.report(db, Filer(town.inspector), data(description="别的"), photos(), "same-0001")
    with pytest.raises(Invalid, match="different request"):
        actions.report(db, Filer(town.supervisor), data(), photos(), "same-0001")
    with pytest.raises(Invalid, match="different request"):
        actions.report(db, Filer(town.inspector), data(), photos(seed=9), "same-0001")
    assert count(db, Ticket) == 1 and events(db, first.result) == ["report"]


def test_a_filer_who_knows_the_unit_sends_it_there(db: Session, town: Town) -> None:
    """A 测评 deduction at a site goes to the site's unit, not to whoever routing finds."""
    on_road = data()  # on 人民路, whose chief routing would choose
    named = Filer(town.inspector, Source.evaluation, assignee_id=town.other_chief.id)
    t = actions.report(db, named, on_road, photos(1), "unit-0001").result
    assert (t.assignee_id, t.road_id, t.status) == (town.other_chief.id, town.east_west.id,
                                                    Status.assigned)  # fmt: skip
    desk = Filer(town.inspector, Source.evaluation, department_id=town.department.id)
    t = actions.report(db, desk, on_road, photos(2), "unit-0002").result
    assert (t.assignee_id, t.department_id) == (town.dept_staff.id, town.department.id)
    assert t.due_at is not None
    # A department with nobody to receive it: routed by location, and flagged.
    empty = create_department(db, name="无人部门")
    nobody = Filer(town.inspector, Source.evaluation, department_id=empty.id)
    t = actions.report(db, nobody, on_road, photos(3), "unit-0003").result
    assert t.assignee_id == town.road_chief.id and t.flags["unit_unreachable"] == "无人部门"
    with pytest.raises(Invalid, match="not an active chief or department"):
        wrong = Filer(town.inspector, Source.evaluation, assignee_id=town.inspector.id)
        actions.report(db, wrong, on_road, photos(4), "unit-0004")


# --- transitions -----------------------------------------------------------------------------


def rectified(db: Session, town: Town, seed: int = 0) -> Ticket:
    t = file(db, town.inspector, seed=seed)
    actor = as_actor(db, town.road_chief)
    actions.rectify(db, actor, t, note="已清理", photos=photos(100 + seed), key=None)
    return t


def test_rejecting_needs_a_reason_and_rework_flags_accumulate(db: Session, town: Town) -> None:
    t = rectified(db, town)
    inspector, chief = as_actor(db, town.inspector), as_actor(db, town.road_chief)
    with pytest.raises(Invalid, match="why"):
        actions.verify(db, inspector, t, approved=False, note=" ")
    for n in range(3):
        if n:
            actions.rectify(db, chief, t, note="再清理", photos=photos(200 + n), key=None)
        actions.verify(db, inspector, t, approved=False, note="不合格")
    assert t.rework_count == 3 and t.flags["criticism"] is True and t.flags["summons"] is True
    actions.rectify(db, chief, t, note="终于", photos=photos(300), key=None)
    actions.verify(db, inspector, t, approved=True, note="合格")
    assert t.status == Status.closed and t.closed_in_time is True


def test_who_may_act_is_checked_before_any_photo_work(db: Session, town: Town) -> None:
    t = file(db, town.inspector)
    inspector = as_actor(db, town.inspector)
    with pytest.raises(Forbidden):
        actions.rectify(db, inspector, t, note="", photos=photos(1), key=None)
    with pytest.raises(Conflict):  # nobody rectified it yet
        actions.verify(db, inspector, t, approved=True, note="")
    with pytest.raises(Forbidden):
        actions.dismiss(db, inspector, t, reason="invalid")
    zone_chief = as_actor(db, town.zone_chief)  # above the road chief: may act
    actions.rectify(db, zone_chief, t, note="", photos=photos(2), key=None)
    with pytest.raises(Forbidden):  # a chief may not verify
        actions.verify(db, zone_chief, t, approved=True, note="")
    assert events(db, t) == ["report", "rectify"]


def test_a_verifier_beside_the_ticket_is_recorded_and_a_far_one_flagged(
    db: Session, town: Town
) -> None:
    inspector = as_actor(db, town.inspector)
    near = rectified(db, town, seed=1)
    actions.verify(db, inspector, near, approved=True, note="",
                   at=(near.lat + 20 / M_PER_DEG_LAT, near.lon, None))  # fmt: skip
    last = select(Event).where(Event.ticket_id == near.id).order_by(Event.id.desc())  # type: ignore[union-attr]
    verifier = db.exec(last).first()
    assert verifier is not None and verifier.data["verifier"] == {
        "distance_m": 20,
        "accuracy_m": None,
        "far": False,
    }
    assert "verifier_far_m" not in near.flags
    far = rectified(db, town, seed=2)
    actions.verify(db, inspector, far, approved=False, note="未整改到位",
                   at=(far.lat + 0.01, far.lon, 12))  # fmt: skip
    assert far.status == Status.assigned and far.flags["verifier_far_m"] == pytest.approx(
        1112, abs=2
    )


def test_a_handed_off_ticket_reaches_the_department_inbox(db: Session, town: Town) -> None:
    t = file(db, town.inspector, category="0505")
    chief = as_actor(db, town.road_chief)
    with pytest.raises(Invalid, match="why"):
        actions.handoff(db, chief, t, department_id=town.department.id, note=" ")
    actions.handoff(db, chief, t, department_id=town.department.id, note="违停交交警")
    assert (t.department_id, t.assignee_id) == (town.department.id, town.dept_staff.id)
    staff = as_actor(db, town.dept_staff)
    inbox, n = list_tickets(db, staff, TicketFilter(inbox=True))
    assert n == 1 and inbox[0]["id"] == t.id
    actions.rectify(db, staff, t, note="已挪车", photos=photos(5), key=None)
    assert t.status == Status.rectified


def test_the_command_centre_dispatches_pending_and_merges_a_duplicate(
    db: Session, town: Town
) -> None:
    sup = as_actor(db, town.supervisor)
    lost = file(db, town.inspector, lat=LAT0 + 0.03, lon=LON0, seed=3)
    with pytest.raises(Invalid, match="exactly one"):
        actions.dispatch(db, sup, lost, road_id=town.north_south.id, grid_id=1)
    actions.dispatch(db, sup, lost, road_id=town.north_south.id, note="人工派遣")
    assert (lost.status, lost.assignee_id) == (Status.assigned, town.other_chief.id)
    assert lost.due_at is not None and lost.road_id == town.north_south.id
    first, second = file(db, town.inspector, seed=4), file(db, town.inspector, seed=5)
    actions.merge(db, sup, second, into=first.id, note="重复上报")  # type: ignore[arg-type]
    assert second.status == Status.dismissed and second.duplicate_of_id == first.id
    with pytest.raises(Conflict):
        actions.dismiss(db, sup, second, reason="invalid")


def test_a_retried_transition_is_answered_not_repeated(db: Session, town: Town) -> None:
    t = file(db, town.inspector)
    chief, zone_chief = as_actor(db, town.road_chief), as_actor(db, town.zone_chief)
    first = actions.rectify(db, chief, t, note="已清理", photos=photos(7), key="rect-0001")
    again = actions.rectify(db, chief, t, note="已清理", photos=photos(7), key="rect-0001")
    assert first.created and not again.created
    with pytest.raises(Invalid, match="different request"):
        actions.rectify(db, chief, t, note="换了说法", photos=photos(7), key="rect-0001")
    with pytest.raises(Invalid, match="another user"):
        actions.rectify(db, zone_chief, t, note="已清理", photos=photos(7), key="rect-0001")
    assert events(db, t) == ["report", "rectify"]


def test_escalating_by_hand_goes_one_level_up_until_nobody_is_above(
    db: Session, town: Town
) -> None:
    t = file(db, town.inspector)
    sup = as_actor(db, town.supervisor)
    actions.escalate(db, sup, t, note="督办")
    assert (t.escalation_level, t.escalated_to_id) == (1, town.zone_chief.id)
    actions.escalate(db, sup, t, note="再督办")
    assert t.escalated_to_id == town.leader.id
    with pytest.raises(Invalid, match="no chief above"):
        actions.escalate(db, sup, t, note="还要督办")
    assert events(db, t) == ["report", "escalate", "escalate"]


def test_a_system_account_cannot_be_named_to_answer(db: Session, town: Town) -> None:
    gone = create_user(db, "chief", is_active=False)
    with pytest.raises(Invalid):
        named = Filer(town.inspector, assignee_id=gone.id)
        actions.report(db, named, data(), photos(6), "gone-0001")
