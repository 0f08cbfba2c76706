"""What each role does through the API: inspectors, chiefs and departments, supervisors,
citizens, the Open311 client system, the 测评 round and the weekly 通报.

Each step is a method on `County` that the runner calls at its planned (or derived) moment;
follow-ups (fix it later, verify it this afternoon) are scheduled through `self.later`.
"""

import base64
import hashlib
import json
import math
import threading
import uuid
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from altcha import solve_challenge_v1

from app.simulate.camera import shot
from app.simulate.clients import Answer, Api, Phone, Queued, Session
from app.simulate.clock import DAY, HOUR, LOCAL, SimClock
from app.simulate.script import CitizenCase, Fate, Open311Case, Plan, Report, Town

OPEN = "pending,assigned,rectified"
MARK = "〔演练{}〕"  # put in every description, so the tickets can be counted from outside


class Scheduler(Protocol):
    def __call__(self, offset: float, label: str, fn: Any, *args: Any) -> None: ...


def parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def working(offset: float, clock: SimClock) -> float:
    """The same moment if it falls in working hours (08:30–17:30), else the next morning."""
    local = clock.at(offset).astimezone(LOCAL)
    hour = local.hour + local.minute / 60
    day = math.floor(offset / DAY) * DAY
    if hour < 8.5:
        return day + 8.5 * HOUR + (offset % 997)  # a few minutes' spread, fixed per moment
    if hour >= 17.5:
        return day + DAY + 8.5 * HOUR + (offset % 997)
    return offset


@dataclass
class Track:
    """A ticket the simulation follows: whose it is in the plan and how it will go."""

    ticket_id: int
    origin: str  # r12 inspector, c3 citizen, o1 Open311, e5 测评 deduction, d dispatched
    fate: Fate
    reporter: str | None = None  # the inspector who verifies it (else a supervisor)
    rejections_left: int = 0
    handed_off: bool = False
    rectified: int = 0
    attempts: int = 0
    busy: threading.Lock = field(default_factory=threading.Lock)  # one worker at a time


@dataclass
class World:
    """What the simulation knows, for the invariants and the report."""

    acked: dict[str, int] = field(default_factory=dict)  # report key → ticket id
    attempted: dict[str, str] = field(default_factory=dict)  # report key → its mark
    refused: list[tuple[str, int | None, Any]] = field(default_factory=list)
    replay_mismatch: list[str] = field(default_factory=list)
    resent: list[tuple[str, int]] = field(default_factory=list)  # key → the ticket it answered
    added_photo: dict[str, tuple[int, str]] = field(default_factory=dict)  # key → (ticket, tag)
    tracks: dict[int, Track] = field(default_factory=dict)
    citizen_tokens: dict[int, str] = field(default_factory=dict)
    open311_tokens: dict[int, str] = field(default_factory=dict)
    open311_seen: dict[str, dict[str, Any]] = field(default_factory=dict)
    deductions: list[dict[str, Any]] = field(default_factory=list)  # ticket id + site unit
    round_id: int | None = None
    bulletin: dict[str, Any] = field(default_factory=dict)
    actions: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    photos: dict[str, str] = field(default_factory=dict)  # SHA-256 → the action that sent it
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, what: str, n: int = 1) -> None:
        with self.lock:
            self.actions[what] += n

    def problem(self, text: str) -> None:
        with self.lock:
            if len(self.problems) < 500:
                self.problems.append(text)


class County:
    def __init__(
        self,
        api: Api,
        clock: SimClock,
        plan: Plan,
        town: Town,
        password: str,
        later: Scheduler,
        open311_key: str = "",
        forwarded_for: bool = True,
        on_our_clock: bool = True,
    ) -> None:
        self.api, self.clock, self.plan, self.town = api, clock, plan, town
        self.password, self.later = password, later
        self.open311_key, self.forwarded_for = open311_key, forwarded_for
        self.on_our_clock = on_our_clock
        # Against a deployment, this run's marks and keys are its own: a rerun of the same seed
        # there must not meet the last run's tickets.
        self.run = "" if on_our_clock else f"{uuid.uuid4().hex[:6]}-"
        self.world = World()
        self.sessions: dict[str, Session] = {}
        self.phones: dict[str, Phone] = {}
        self.session_lock = threading.Lock()
        self.supervisor = self.person("supervisor1")
        self.admin = self.person("admin1")
        self.categories: dict[str, str] = {}
        self.inspector_ids: dict[str, int] = {}
        self.triage_lock = threading.Lock()
        self.sup_lock = threading.Lock()
        self.citizen_cases = {c.n: c for c in plan.citizens}
        self.channel_id = 0
        self.verifying: dict[str, threading.Lock] = {}
        self.services: dict[str, dict[str, str]] = {}  # Open311 code → required answers
        self.sheets_due = 0
        self.sheets_done = threading.Event()

    # ---- people ------------------------------------------------------------------------------

    def password_of(self, username: str) -> str:
        """The demo's password; the simulation's own inspectors need six characters at least."""
        if username.startswith("sim-inspector-"):
            return f"{self.password}-sim-{self.plan.seed}"
        return self.password

    def person(self, username: str) -> Session:
        with self.session_lock:
            if username not in self.sessions:
                self.sessions[username] = Session(self.api, username, self.password_of(username))
            return self.sessions[username]

    def phone(self, username: str) -> Phone:
        with self.session_lock:
            if username not in self.phones:
                session = Session(self.api, username, self.password_of(username))
                self.phones[username] = Phone(session)
            return self.phones[username]

    def shot(self, seed: int, what: str) -> bytes:
        """A photo for `what`, remembered by its SHA-256 (fsck names files by it)."""
        data = shot(seed)
        with self.world.lock:
            self.world.photos[hashlib.sha256(data).hexdigest()] = what
        return data

    def key(self, *parts: object) -> str:
        """A deterministic Idempotency-Key for a follow-up action (same seed, same keys)."""
        return str(
            uuid.uuid5(uuid.NAMESPACE_URL, f"roadchief-sim:{self.plan.seed}{self.run}:{parts}")
        )

    def send_key(self, key: str) -> str:
        """The plan's key as sent: itself on a fresh database; against a deployment that may
        have seen this seed before, made this run's own (or the server answers a replay)."""
        return key if not self.run else self.key("plan", key)

    def mark(self, tag: str) -> str:
        return MARK.format(f"{self.run}{tag}")

    def enrol(self) -> None:
        """The inspectors of the plan, as accounts (admin API); the categories in use."""
        users = self.admin.get("/api/admin/users", params={"role": "inspector"}).body or []
        have = {u["username"]: u["id"] for u in users}
        for name in self.plan.inspectors:
            if name not in have:
                body = {
                    "username": name,
                    "name": f"巡查员{name[-2:]}",
                    "role": "inspector",
                    "password": self.password_of(name),
                }
                answer = self.admin.call("POST", "/api/admin/users", json=body)
                if not answer.ok:
                    raise RuntimeError(f"cannot add {name}: {answer.status} {answer.body}")
                have[name] = answer.body["id"]
        self.inspector_ids = {n: have[n] for n in self.plan.inspectors}
        cats = self.supervisor.get("/api/categories").body or []
        self.categories = {c["code"]: c["name"] for c in cats}

    # ---- inspectors: the morning sweep -------------------------------------------------------

    def report(self, r: Report) -> None:
        phone = self.phone(r.inspector)
        tag = f"r{r.n}"
        if r.again_of is not None and self._add_photo(r, phone):
            return
        photo = self.shot(self.plan.seed * 1_000_003 + r.n, f"report r{r.n}")
        name = self.categories.get(r.category, r.category)
        fields = {
            "category": r.category,
            "lat": str(r.lat),
            "lon": str(r.lon),
            "accuracy_m": "6",
            "description": f"{name}（巡查发现）{self.mark(tag)}",
            # The phone's clock: the simulated one when the server runs on it too.
            "captured_at": (
                self.clock.at(r.at) if self.on_our_clock else datetime.now(UTC)
            ).isoformat(),
        }
        with self.world.lock:
            self.world.attempted[r.key] = tag

        def send() -> Answer:
            return phone.session.call(
                "POST",
                "/api/tickets",
                key=self.send_key(r.key),
                data=fields,
                files=[("photo", (f"IMG_{r.n:05d}.jpg", photo, "image/jpeg"))],
            )

        def done(answer: Answer) -> None:
            if not answer.ok:
                with self.world.lock:
                    self.world.refused.append((tag, answer.status, answer.body))
                return
            ticket = answer.body
            with self.world.lock:
                self.world.acked[r.key] = ticket["id"]
            self.world.count("report filed")
            self.follow(ticket, tag, r.fate, r.inspector)

        copies = [
            threading.Thread(target=self._resend, args=(send, tag, r.key)) for _ in range(r.resend)
        ]
        for t in copies:
            t.start()
        phone.submit(Queued(r.key, tag, send, done))
        for t in copies:
            t.join()

    def _resend(self, send: Any, tag: str, key: str) -> None:
        """The same report again with its key (a double tap, a retry racing the first)."""
        answer = send()
        self.world.count("report resent")
        with self.world.lock:
            if answer.ok:
                self.world.resent.append((key, answer.body["id"]))
            else:
                self.world.replay_mismatch.append(f"{tag}: resend answered {answer.status}")

    def _add_photo(self, r: Report, phone: Phone) -> bool:
        """The same problem found again: add a photo to the open ticket near it, if there is one."""
        found = phone.session.get(
            "/api/tickets",
            params={"near": f"{r.lat},{r.lon}", "sort": "distance", "category": r.category,
                    "status": OPEN, "limit": 3},
        )  # fmt: skip
        near = [
            t
            for t in (found.body or {}).get("data", [])
            if self._metres(t["lat"], t["lon"], r.lat, r.lon) < 50
        ]
        if not found.ok or not near:
            return False
        ticket_id = near[0]["id"]
        photo = self.shot(self.plan.seed * 1_000_003 + r.n, f"add-photo r{r.n}")
        tag = f"r{r.n}"

        def send() -> Answer:
            return phone.session.call(
                "POST",
                f"/api/tickets/{ticket_id}/photos",
                key=self.send_key(r.key),
                data={"note": f"同一问题再次发现 {self.mark(tag)}"},
                files=[("photo", (f"IMG_{r.n:05d}.jpg", photo, "image/jpeg"))],
            )

        def done(answer: Answer) -> None:
            if answer.ok:
                with self.world.lock:
                    self.world.added_photo[r.key] = (ticket_id, tag)
                self.world.count("photo added to an open ticket")
            elif answer.status == 409:  # closed meanwhile: that is fine, nothing to add
                self.world.count("photo refused: ticket closed meanwhile")
            else:
                with self.world.lock:
                    self.world.refused.append((tag + " add-photo", answer.status, answer.body))

        phone.submit(Queued(r.key, tag, send, done))
        return True

    def _metres(self, lat1: float, lon1: float, lat2: float, lon2: float) -> float:
        return math.dist(self.town.xy(lon1, lat1), self.town.xy(lon2, lat2))

    # ---- chiefs and departments: rectify -----------------------------------------------------

    def follow(self, ticket: dict[str, Any], origin: str, fate: Fate, reporter: str | None) -> None:
        with self.world.lock:
            track = self.world.tracks.get(ticket["id"])
            if track is None:
                track = Track(ticket["id"], origin, fate, reporter, fate.rejections)
                self.world.tracks[ticket["id"]] = track
        if ticket["status"] == "assigned":
            self._schedule_work(ticket, track)

    def _span(self, ticket: dict[str, Any]) -> float:
        """The ticket's time limit in seconds (its due time less when it was assigned)."""
        due, start = (
            parse_time(ticket.get("due_at")),
            parse_time(ticket.get("assigned_at") or ticket.get("received_at")),
        )
        if due is None or start is None:
            return 8 * HOUR
        return max(HOUR, (due - start).total_seconds())

    def _schedule_work(
        self, ticket: dict[str, Any], track: Track, share: float | None = None
    ) -> None:
        share = track.fate.work_share if share is None else share
        at = working(self.clock.offset() + share * self._span(ticket), self.clock)
        self.later(at, f"work t{track.ticket_id}", self.work, track.ticket_id)

    def work(self, ticket_id: int) -> None:
        """The assignee (a chief or department staff) goes there and fixes it."""
        track = self.world.tracks[ticket_id]
        if not track.busy.acquire(blocking=False):
            return  # someone is on it already
        try:
            self._work(ticket_id, track)
        finally:
            track.busy.release()

    def _work(self, ticket_id: int, track: Track) -> None:
        seen = self.supervisor.get(f"/api/tickets/{ticket_id}")
        if not seen.ok:
            self.world.problem(f"t{ticket_id}: the supervisor cannot read it ({seen.status})")
            return
        ticket = seen.body
        if ticket["status"] != "assigned" or not ticket.get("assignee"):
            return
        who = self.person(ticket["assignee"]["username"])
        lead = ticket.get("lead_department")
        if track.fate.handoff and not track.handed_off and lead and not ticket.get("department"):
            track.handed_off = True
            answer = who.call(
                "POST",
                f"/api/tickets/{ticket_id}/handoff",
                key=self.key("handoff", ticket_id),
                json={"department_id": lead["id"], "note": "属职能部门职责，转交处置"},
            )
            if answer.ok:
                self.world.count("handed off to a department")
                self._schedule_work(answer.body, track, share=min(0.5, track.fate.work_share))
                return
            self.world.problem(f"t{ticket_id}: handoff by {who.username} → {answer.status}")
        track.attempts += 1
        photo = self.shot(
            self.plan.seed * 1_000_003 + 500_000 + ticket_id * 7 + track.attempts,
            f"rectify t{ticket_id} #{track.attempts}",
        )
        answer = who.call(
            "POST",
            f"/api/tickets/{ticket_id}/rectify",
            key=self.key("rectify", ticket_id, track.attempts),
            data={"note": "已整改到位" if track.attempts == 1 else "返工后重新整改"},
            files=[("photo", (f"after_{ticket_id}.jpg", photo, "image/jpeg"))],
        )
        if answer.ok:
            track.rectified += 1
            self.world.count("rectified")
        elif answer.status != 409:
            self.world.problem(
                f"t{ticket_id}: rectify by {who.username} → {answer.status} {_detail(answer)}"
            )

    # ---- verification: the reporting inspector in the afternoon, else a supervisor -----------

    def verify_round(self, inspector: str) -> None:
        """The afternoon's 核查 of what this inspector reported (one round at a time)."""
        with self.session_lock:
            busy = self.verifying.setdefault(inspector, threading.Lock())
        if not busy.acquire(blocking=False):
            return
        try:
            self._verify_round(inspector)
        finally:
            busy.release()

    def _verify_round(self, inspector: str) -> None:
        found = self.phone(inspector).session.get(
            "/api/tickets", params={"status": "rectified", "reporter": "me", "limit": 200}
        )
        for ticket in (found.body or {}).get("data", []):
            self._verify(self.phone(inspector).session, ticket)

    def _verify(self, who: Session, ticket: dict[str, Any]) -> None:
        track = self.world.tracks.get(ticket["id"])
        reject = track is not None and track.rejections_left > 0
        body = {
            "approved": not reject,
            "note": "整改不到位，返工" if reject else "复核通过",
            "lat": ticket["lat"],
            "lon": ticket["lon"],
            "accuracy_m": 8,
        }
        rework = ticket.get("rework_count", 0)
        answer = who.call(
            "POST",
            f"/api/tickets/{ticket['id']}/verify",
            key=self.key("verify", ticket["id"], rework),
            json=body,
        )
        if not answer.ok:
            if answer.status != 409:
                self.world.problem(
                    f"t{ticket['id']}: verify by {who.username} → {answer.status} {_detail(answer)}"
                )
            return
        if reject and track is not None:
            track.rejections_left -= 1
            self.world.count("sent back at 核查")
            self._schedule_work(answer.body, track, share=track.fate.work_share / 2)
        else:
            self.world.count("closed")

    # ---- supervisors: dispatch, triage, verify what no inspector follows, reviews ------------

    def supervisor_round(self) -> None:
        if not self.sup_lock.acquire(blocking=False):
            return  # the last round is still going
        try:
            self._dispatch_pending()
            self._triage()
            self._verify_unfollowed()
            self._reviews()
        finally:
            self.sup_lock.release()

    def _dispatch_pending(self) -> None:
        found = self.supervisor.get("/api/tickets", params={"status": "pending", "limit": 200})
        for ticket in (found.body or {}).get("data", []):
            candidates = ticket.get("route_candidates") or []
            road = (
                candidates[0]["road_id"]
                if candidates
                else self.town.nearest_road(ticket["lat"], ticket["lon"])
            )
            answer = self.supervisor.call(
                "POST",
                f"/api/tickets/{ticket['id']}/dispatch",
                json={"road_id": road, "note": "指挥中心派遣至就近路段"},
            )
            if answer.ok:
                self.world.count("dispatched")
                track = self._track_of(ticket)
                self._schedule_work(answer.body, track)
            elif answer.status != 409:
                self.world.problem(f"t{ticket['id']}: dispatch → {answer.status} {_detail(answer)}")

    def _track_of(self, ticket: dict[str, Any]) -> Track:
        with self.world.lock:
            track = self.world.tracks.get(ticket["id"])
            if track is None:
                # Not one the plan filed (a demo ticket): a fate from its id, fixed per seed.
                fate = Fate(0.5 + (ticket["id"] * 7919 + self.plan.seed) % 40 / 100, 0, False)
                track = Track(ticket["id"], "d", fate)
                self.world.tracks[ticket["id"]] = track
            return track

    def _triage(self) -> None:
        with self.triage_lock:
            queue = self.supervisor.get("/api/citizen/triage", params={"limit": 200})
            body = queue.body or {}
            items = body.get("data", body.get("items", [])) if isinstance(body, dict) else body
            for item in items or []:
                self._decide(item)

    def _decide(self, item: dict[str, Any]) -> None:
        text = item.get("description", "")
        case: CitizenCase | Open311Case | None = None
        origin = ""
        for c in self.plan.citizens:
            if self.mark(f"c{c.n}") in text:
                case, origin = c, f"c{c.n}"
        for o in self.plan.open311:
            if self.mark(f"o{o.n}") in text:
                case, origin = o, f"o{o.n}"
        decision = case.triage if isinstance(case, CitizenCase) else "accept"
        rid = item["id"]
        if decision == "reject":
            answer = self.supervisor.call(
                "POST", f"/api/citizen/triage/{rid}/reject", json={"reason": "不属于城市管理范围"}
            )
            self.world.count("citizen report rejected" if answer.ok else "triage refused")
            return
        if decision == "merge":
            near = self.supervisor.get(
                "/api/tickets",
                params={"near": f"{item['lat']},{item['lon']}", "sort": "distance",
                        "status": "assigned", "limit": 1},
            )  # fmt: skip
            data = (near.body or {}).get("data", [])
            if data:
                answer = self.supervisor.call(
                    "POST",
                    f"/api/citizen/triage/{rid}/merge",
                    json={"ticket_id": data[0]["id"], "note": "与已有案卷为同一问题"},
                )
                if answer.ok:
                    self.world.count("citizen report merged")
                    return
        answer = self.supervisor.call(
            "POST", f"/api/citizen/triage/{rid}/accept", json={"note": "受理"}
        )
        if not answer.ok:
            if answer.status != 409:
                self.world.problem(f"triage {rid}: accept → {answer.status} {_detail(answer)}")
            return
        self.world.count("citizen report accepted")
        ticket_id = answer.body["ticket"]["id"]
        full = self.supervisor.get(f"/api/tickets/{ticket_id}")
        if full.ok and case is not None:
            self.follow(full.body, origin, case.fate, None)
        elif full.ok:
            track = self._track_of(full.body)
            if full.body["status"] == "assigned":
                self._schedule_work(full.body, track)

    def _verify_unfollowed(self) -> None:
        found = self.supervisor.get("/api/tickets", params={"status": "rectified", "limit": 200})
        for ticket in (found.body or {}).get("data", []):
            track = self.world.tracks.get(ticket["id"])
            if track is not None and track.reporter is not None:
                continue  # its inspector verifies it
            self._verify(self.supervisor, ticket)

    def _reviews(self) -> None:
        found = self.supervisor.get("/api/citizen/reviews")
        for rating in found.body or []:
            answer = self.supervisor.call(
                "POST",
                f"/api/citizen/reviews/{rating['id']}",
                json={"decision": "uphold", "note": "经复核，整改到位"},
            )
            self.world.count("不满意 reviewed" if answer.ok else "review refused")

    # ---- citizens ----------------------------------------------------------------------------

    def citizen(self, case: CitizenCase) -> None:
        ch = self.api.call("GET", "/api/citizen/challenge")
        if not ch.ok:
            self.world.problem(f"c{case.n}: challenge → {ch.status}")
            return
        c = ch.body
        solution = solve_challenge_v1(c["challenge"], c["salt"], c["algorithm"], c["maxnumber"])
        proof = base64.b64encode(
            json.dumps(
                {
                    "algorithm": c["algorithm"],
                    "challenge": c["challenge"],
                    "number": solution.number if solution else 0,
                    "salt": c["salt"],
                    "signature": c["signature"],
                }
            ).encode()
        ).decode()
        headers = {"X-Device-Id": case.device, "Idempotency-Key": self.send_key(case.key)}
        if self.forwarded_for:
            headers["X-Forwarded-For"] = case.address
        name = self.categories.get(case.category, case.category)
        answer = self.api.call(
            "POST",
            "/api/citizen/reports",
            headers=headers,
            data={
                "category": case.category,
                "lat": str(case.lat),
                "lon": str(case.lon),
                "accuracy_m": "12",
                "description": f"{name}，请尽快处理 {self.mark(f'c{case.n}')}",
                "altcha": proof,
            },
            files=[
                (
                    "photo",
                    (
                        f"c{case.n}.jpg",
                        self.shot(self.plan.seed * 7 + case.n, f"随手拍 c{case.n}"),
                        "image/jpeg",
                    ),
                )
            ],
        )
        if answer.ok:
            with self.world.lock:
                self.world.citizen_tokens[case.n] = answer.body["token"]
            self.world.count("随手拍 filed")
        else:
            self.world.problem(f"c{case.n}: 随手拍 → {answer.status} {_detail(answer)}")

    def citizens_check(self) -> None:
        """Evening: each reporter opens their tracking link; rates a closed one."""
        for n, token in sorted(self.world.citizen_tokens.items()):
            page = self.api.call("GET", f"/api/citizen/track/{token}")
            if not page.ok or not page.body.get("can_rate"):
                continue
            score = self.citizen_cases[n].rating
            body = {"score": score, "reason": "问题反复出现" if score == "unsatisfied" else ""}
            answer = self.api.call("POST", f"/api/citizen/track/{token}/rating", json=body)
            if answer.ok:
                self.world.count(f"rated {score}")

    # ---- the Open311 client system -----------------------------------------------------------

    def open311_post(self, case: Open311Case) -> None:
        if not self.open311_key:
            return
        answers = self._service_answers(case.category)
        answer = self.api.call(
            "POST",
            "/open311/v2/requests.json",
            data={
                "api_key": self.open311_key,
                "service_code": case.category,
                "lat": str(case.lat),
                "long": str(case.lon),
                "description": f"12345热线转办 {self.mark(f'o{case.n}')}",
                **answers,
            },
        )
        if answer.ok and isinstance(answer.body, list) and answer.body:
            with self.world.lock:
                self.world.open311_tokens[case.n] = answer.body[0]["token"]
            self.world.count("Open311 request posted")
        else:
            self.world.problem(f"o{case.n}: Open311 POST → {answer.status} {_detail(answer)}")

    def _service_answers(self, code: str) -> dict[str, str]:
        """The service definition's required questions, answered (the first listed value)."""
        if code not in self.services:
            got = self.api.call("GET", f"/open311/v2/services/{code}.json")
            attributes = (got.body or {}).get("attributes", []) if got.ok else []
            self.services[code] = {
                f"attribute[{a['code']}]": (a.get("values") or [{"key": "是"}])[0]["key"]
                for a in attributes
                if a.get("required")
            }
        return self.services[code]

    def open311_poll(self) -> None:
        for n, token in sorted(self.world.open311_tokens.items()):
            t = self.api.call("GET", f"/open311/v2/tokens/{token}.json")
            if not t.ok or not t.body:
                continue
            rid = t.body[0].get("service_request_id")
            if rid:
                r = self.api.call("GET", f"/open311/v2/requests/{rid}.json")
                if r.ok and r.body:
                    with self.world.lock:
                        self.world.open311_seen[f"o{n}"] = r.body[0]

    # ---- 测评: a quarterly round drawn at random, scored at the sites, closed ------------------

    def evaluation_create(self) -> None:
        e = self.plan.evaluation
        first = self.clock.at(e.create_at).astimezone(LOCAL).date()
        last = self.clock.at(e.close_at).astimezone(LOCAL).date()
        body = {
            "name": f"演练季度测评（种子 {self.plan.seed}）",
            "kind": "quarterly",
            "starts_on": first.isoformat(),
            "ends_on": last.isoformat(),
            "inspector_ids": [self.inspector_ids[n] for n in e.inspectors],
            "draw": {"per_type_per_zone": 1, "seed": e.draw_seed},
        }
        answer = self.supervisor.call("POST", "/api/rounds", json=body)
        if not answer.ok:
            self.world.problem(f"测评 round → {answer.status} {_detail(answer)}")
            return
        rnd = answer.body
        self.world.round_id = rnd["id"]
        self.world.count("测评 round created")
        sites = sorted(rnd["sites"], key=lambda s: s["id"])
        self.sheets_due = len(sites)
        if not sites:
            self.sheets_done.set()
        span = e.score_until - e.score_from
        for i, site in enumerate(sites):
            inspector = e.inspectors[i % len(e.inspectors)]
            at = e.score_from + span * (i + 0.5) / max(1, len(sites))
            self.later(at, f"sheet s{site['id']}", self.sheet, inspector, site, rnd["checklist"])

    def sheet(self, inspector: str, site: dict[str, Any], checklist: list[dict[str, Any]]) -> None:
        try:
            self._sheet(inspector, site, checklist)
        finally:
            with self.world.lock:
                self.sheets_due -= 1
                if self.sheets_due <= 0:
                    self.sheets_done.set()

    def _sheet(self, inspector: str, site: dict[str, Any], checklist: list[dict[str, Any]]) -> None:
        rid = self.world.round_id
        items = [i for i in checklist if site["type"] in i["site_types"]]
        results: list[dict[str, Any]] = []
        files: list[tuple[str, tuple[str, bytes, str]]] = []
        for item in items:
            roll = zlib.crc32(f"{self.plan.seed}:{site['id']}:{item['code']}".encode()) / 2**32
            if roll < self.plan.evaluation.deduct_share:
                field_name = f"p{len(files)}"
                seed = self.plan.seed * 31 + site["id"] * 1000 + len(files)
                photo = self.shot(seed, f"测评 sheet s{site['id']} {item['code']}")
                files.append((field_name, (f"{field_name}.jpg", photo, "image/jpeg")))
                results.append(
                    {"item_code": item["code"], "outcome": "deduct", "occurrences": 1,
                     "note": "现场发现问题", "photo_field": field_name}
                )  # fmt: skip
            else:
                results.append({"item_code": item["code"], "outcome": "pass"})
        session = self.phone(inspector).session
        answer = session.call(
            "POST",
            f"/api/rounds/{rid}/sheets",
            key=self.key("sheet", rid, site["id"]),
            data={
                "site_id": str(site["id"]),
                "checked_in_lat": str(site["lat"]),
                "checked_in_lon": str(site["lon"]),
                "accuracy_m": "6",
                "results": json.dumps(results),
            },
            files=files or None,
        )
        if not answer.ok:
            self.world.problem(f"sheet s{site['id']} → {answer.status} {_detail(answer)}")
            return
        self.world.count("测评 sheet")
        for ticket_id in answer.body.get("tickets", []):
            full = self.supervisor.get(f"/api/tickets/{ticket_id}")
            record = {"ticket_id": ticket_id, "site": site["name"], "unit": site.get("unit"),
                      "filed": full.body if full.ok else full.status}  # fmt: skip
            with self.world.lock:
                self.world.deductions.append(record)
            if full.ok:
                fate = Fate(0.6, 0, False)
                self.follow(full.body, f"e{ticket_id}", fate, None)

    def evaluation_close(self) -> None:
        """The command centre closes the round once every site is scored (or at day's end)."""
        if self.world.round_id is None:
            return
        got = self.supervisor.get(f"/api/rounds/{self.world.round_id}")
        progress = (got.body or {}).get("progress", {}) if got.ok else {}
        now = self.clock.offset()
        if progress.get("done", 0) < progress.get("sites", 0) and now < self.plan.end - HOUR:
            self.later(now + HOUR, "测评 close", self.evaluation_close)
            return
        # A run behind its plan (a busy machine): the sheets still on their way come first.
        self.sheets_done.wait(timeout=300)
        answer = self.supervisor.call("POST", f"/api/rounds/{self.world.round_id}/close")
        self.world.count("测评 round closed" if answer.ok else "测评 close refused")
        if not answer.ok:
            self.world.problem(f"close round → {answer.status} {_detail(answer)}")

    # ---- the weekly 通报 -----------------------------------------------------------------------

    def bulletin(self) -> None:
        got = self.supervisor.get("/api/bulletin")
        if not got.ok:
            self.world.problem(f"bulletin → {got.status}")
            return
        requirements = got.body["settings"]["requirements"]
        issued = self.supervisor.call(
            "PUT", "/api/bulletin/issue", json={"requirements": requirements}
        )
        with self.world.lock:
            self.world.bulletin = issued.body if issued.ok else got.body
        self.world.count("通报 issued" if issued.ok else "通报 issue refused")
        if not issued.ok:
            self.world.problem(f"issue bulletin → {issued.status} {_detail(issued)}")


def _detail(answer: Answer) -> str:
    body = answer.body
    if isinstance(body, dict):
        return str(body.get("detail", body))[:200]
    return str(body)[:200] if body else answer.error
