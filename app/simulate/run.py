"""The runner: set the county up, play the plan on the simulated clock, inject the faults,
settle, check the invariants and write the report."""

import heapq
import itertools
import secrets
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

from app.simulate.clients import Api, Session
from app.simulate.clock import DAY, HOUR, SimClock
from app.simulate.faults import LocalServer, Receiver
from app.simulate.roles import County
from app.simulate.script import Fault, Plan, Town, make_plan


@dataclass
class Options:
    days: int = 7
    speed: float = 600.0
    inspectors: int = 40
    citizens: int = 200
    seed: int = 1
    against: str = ""
    report: str = "simulate-report.html"
    database_url: str = ""
    password: str = "demo"
    open311_key: str = ""
    workers: int = 1
    threads: int = 32
    keep: bool = False
    lead_s: float = 40.0  # real seconds to start and set up before Monday 06:00
    quiet: bool = False


@dataclass
class FaultLog:
    fault: Fault
    started: str = ""
    ended: str = ""
    effect: list[str] = field(default_factory=list)


@dataclass
class Outcome:
    options: Options
    plan: Plan
    clock: SimClock
    county: County
    faults: list[FaultLog]
    checks: list[Any]
    tickets: list[dict[str, Any]]
    lag: list[float]
    wall_s: float
    database: str
    report_path: str = ""

    @property
    def ok(self) -> bool:
        return all(c.ok or c.expected_to_fail for c in self.checks)


class Runner:
    def __init__(self, opts: Options) -> None:
        self.opts = opts
        self.server: LocalServer | None = None
        self.queue: list[tuple[float, int, str, Callable[..., None], tuple[Any, ...]]] = []
        self.seq = itertools.count()
        self.cv = threading.Condition()
        self.running = 0  # events started and not yet done: they may schedule more
        self.lag: list[float] = []
        self.errors: list[str] = []
        self.fault_logs: list[FaultLog] = []
        self.fault_threads: list[threading.Thread] = []
        self.server_faults = threading.Lock()
        self.receiver = Receiver(secret=secrets.token_hex(16))

    def say(self, text: str) -> None:
        if not self.opts.quiet:
            print(text, flush=True)

    # ---- set-up ---------------------------------------------------------------------------------

    def start(self) -> tuple[str, SimClock, str]:
        """The server (own, or the one given) and the week's clock; the Open311 key.

        Our own server runs on the week's clock from the start: the town is loaded on the
        Saturday before (a clock of its own), and the server starts in the night before Monday
        06:00, which comes `lead` real seconds later: the time to start and set up."""
        o = self.opts
        lead = min(o.lead_s, 30 * HOUR / o.speed)
        if o.against:
            clock = SimClock.begin(o.speed, 6 * HOUR, time.time() + lead)
            return o.against.rstrip("/"), clock, o.open311_key
        saturday = SimClock.begin(1.0, -2 * DAY + 6 * HOUR)
        self.server = LocalServer(saturday.env(), o.database_url, o.workers, o.keep)
        # A notification's claim is a lease on a send in progress, taken with the server's
        # clock: in simulated seconds it must last as long as in real ones.
        # 30 real seconds: three times a send's timeout.
        self.server.extra_env["ROADCHIEF_NOTIFY_CLAIM_S"] = str(int(30 * o.speed))
        self.say(f"database: {self.server.database_url}")
        t = time.monotonic()
        self.server.cli("demo", "--password", o.password)
        key = self.server.cli("apikey", "add", "12345热线（演练）").strip().splitlines()[-1]
        self.say(f"demo town loaded in {time.monotonic() - t:.0f} s")
        clock = SimClock(saturday.start, time.time() + lead, 6 * HOUR, o.speed)
        self.server.clock_env = clock.env()
        took = self.server.start()
        self.say(f"server up in {took:.1f} s at {self.server.url} ({clock.label(clock.offset())})")
        return self.server.url, clock, key

    def setup(self, county: County) -> None:
        """Accounts, the webhook channel, and everyone signed in once (as phones stay)."""
        county.enrol()
        self.receiver.start()
        body = {
            "kind": "webhook",
            "name": f"演练接收端 {county.run or county.plan.seed}",
            "url": self.receiver.url,
            "secret": self.receiver.secret,
            "scope": "all",
        }
        answer = county.admin.call("POST", "/api/admin/channels", json=body)
        if not answer.ok:
            raise RuntimeError(f"cannot add the webhook channel: {answer.status} {answer.body}")
        county.channel_id = answer.body["id"]
        users = county.admin.get("/api/admin/users").body or []
        staff = [u["username"] for u in users if u["role"] in ("chief", "department")]
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(lambda n: county.phone(n).session.sign_in(), county.plan.inspectors))
            list(pool.map(lambda n: county.person(n).sign_in(), staff + ["supervisor1"]))

    # ---- the event queue ------------------------------------------------------------------------

    def later(self, offset: float, label: str, fn: Callable[..., None], *args: Any) -> None:
        with self.cv:
            heapq.heappush(self.queue, (offset, next(self.seq), label, fn, args))
            self.cv.notify()

    def play(self, clock: SimClock, end: float, api: Api) -> None:
        """Start each event at its moment (or at once, when the run lags behind), until the
        week's end: every planned event runs; follow-ups due after the end are left."""
        pool = ThreadPoolExecutor(max_workers=self.opts.threads, thread_name_prefix="sim")
        next_tick = 0.0
        try:
            while True:
                with self.cv:
                    while True:
                        if not self.queue or self.queue[0][0] > end:
                            if clock.offset() >= end and not self.running:
                                pool.shutdown(wait=True)
                                return
                            self.cv.wait(0.2)
                            continue
                        due = self.queue[0][0]
                        wait = clock.real_of(due) - time.time()
                        if wait <= 0:
                            offset, _, label, fn, args = heapq.heappop(self.queue)
                            break
                        self.cv.wait(min(wait, 0.5))
                self.lag.append(max(0.0, clock.offset() - offset))
                with self.cv:
                    self.running += 1
                pool.submit(self._task, label, fn, *args)
                if clock.offset() >= next_tick:
                    next_tick = clock.offset() + 6 * HOUR
                    self.say(f"  {clock.label(clock.offset())}  queued {len(self.queue)}")
        except BaseException:
            api.stopped.set()  # interrupted (Ctrl-C): the clients stop retrying
            pool.shutdown(wait=False, cancel_futures=True)
            raise

    def _task(self, label: str, fn: Callable[..., None], *args: Any) -> None:
        try:
            self._safely(label, fn, *args)
        finally:
            with self.cv:
                self.running -= 1
                self.cv.notify()

    def _safely(self, label: str, fn: Callable[..., None], *args: Any) -> None:
        try:
            fn(*args)
        except Exception:
            self.errors.append(f"{label}: {traceback.format_exc(limit=3)}")

    # ---- faults ---------------------------------------------------------------------------------

    def fault_thread(self, log: FaultLog, clock: SimClock, county: County) -> None:
        """A fault runs on its own thread: a pool full of retrying clients must not delay it."""
        thread = threading.Thread(
            target=self._safely, args=("fault", self.fault, log, clock, county), daemon=True
        )
        thread.start()
        self.fault_threads.append(thread)

    def fault(self, log: FaultLog, clock: SimClock, county: County) -> None:
        f = log.fault
        log.started = clock.label(clock.offset())
        if f.kind in ("kill", "locks"):
            if self.server is None:
                log.effect.append("skipped: --against a server this run does not own")
                return
            # One at a time: a lock held while the server restarts would only slow its start.
            with self.server_faults:
                log.started = clock.label(clock.offset())
                self._server_fault(log, clock, county)
        elif f.kind == "offline":
            for name in f.params["inspectors"]:
                county.phone(name).offline = True
            self.later(f.until, "back online", self._online, log, clock, county)
        elif f.kind == "receiver_down":
            self.receiver.down = True
            self.later(f.until, "receiver up", self._receiver_up, log, clock, county)
        elif f.kind == "storm":
            storm = [r for r in county.plan.reports if r.storm]
            log.effect.append(f"{len(storm)} reports, each sent 6 times at once with its key")

    def _server_fault(self, log: FaultLog, clock: SimClock, county: County) -> None:
        assert self.server is not None
        if log.fault.kind == "kill":
            self.server.kill()
            log.effect.append("server process group killed with SIGKILL")
            time.sleep(2.0)
            took = self.server.start()
            log.ended = clock.label(clock.offset())
            log.effect.append(f"restarted; answering again after {took:.1f} s (real)")
            return
        calls = len(county.api.metrics.calls)
        log.effect.append(self.server.hold_locks(log.fault.params["seconds"]))
        log.ended = clock.label(clock.offset())
        during = county.api.metrics.calls[calls:]
        slow = sorted(c.seconds for c in during if c.status is not None)
        statuses = Counter(str(c.status) for c in during)
        log.effect.append(
            f"{len(during)} requests meanwhile, slowest {slow[-1] if slow else 0:.1f} s, "
            + ", ".join(f"{n}× {s}" for s, n in sorted(statuses.items()))
        )

    def _online(self, log: FaultLog, clock: SimClock, county: County) -> None:
        waiting = 0
        for name in log.fault.params["inspectors"]:
            phone = county.phone(name)
            waiting += phone.pending()
            phone.offline = False
        log.effect.append(f"{waiting} actions waited in the outboxes")
        deadline, left = time.monotonic() + 120, waiting
        while left and time.monotonic() < deadline:
            for name in log.fault.params["inspectors"]:
                county.phone(name).drain()
            left = sum(county.phone(n).pending() for n in log.fault.params["inspectors"])
            if left:
                time.sleep(0.5)
        log.ended = clock.label(clock.offset())
        log.effect.append(f"outboxes drained; {left} still waiting")

    def _receiver_up(self, log: FaultLog, clock: SimClock, county: County) -> None:
        self.receiver.down = False
        log.ended = clock.label(clock.offset())
        log.effect.append(f"{self.receiver.refused_while_down} deliveries refused while down")
        log.effect.append(f"{self.retry_dead(county)} given up (dead) and retried by the admin")

    def retry_dead(self, county: County) -> int:
        """The admin retries what the delivery log gave up on (the receiver is back)."""
        dead = county.admin.get(
            "/api/admin/notifications",
            params={"channel_id": county.channel_id, "status": "dead", "limit": 200},
        )
        rows = (dead.body or {}).get("data", []) if dead.ok else []
        for row in rows:
            county.admin.call("POST", f"/api/admin/notifications/{row['id']}/retry")
        return len(rows)

    # ---- the week -------------------------------------------------------------------------------

    def schedule(self, plan: Plan, clock: SimClock, county: County) -> None:
        for r in plan.reports:
            self.later(r.at, f"report r{r.n}", county.report, r)
        for c in plan.citizens:
            self.later(c.at, f"citizen c{c.n}", county.citizen, c)
        for o in plan.open311:
            self.later(o.at, f"open311 o{o.n}", county.open311_post, o)
        for at in plan.supervisor_rounds:
            self.later(at, "supervisor", county.supervisor_round)
            if int(at / HOUR) % 2 == 0:
                self.later(at + 0.5 * HOUR, "open311 poll", county.open311_poll)
        for at in plan.verify_rounds:
            for name in plan.inspectors:
                self.later(at, f"verify {name}", county.verify_round, name)
        for day in range(plan.days):
            self.later(day * DAY + 20 * HOUR - 60, "citizens check", county.citizens_check)
        e = plan.evaluation
        self.later(e.create_at, "测评 round", county.evaluation_create)
        self.later(e.close_at, "测评 close", county.evaluation_close)
        self.later(plan.bulletin_at, "通报", county.bulletin)
        for f in plan.faults:
            log = FaultLog(f)
            self.fault_logs.append(log)
            self.later(f.at, f"fault {f.kind}", self.fault_thread, log, clock, county)

    def settle(self, county: County) -> None:
        """After the week: every phone back online and drained; notifications delivered."""
        self.receiver.down = False
        for phone in list(county.phones.values()):
            phone.offline = False
            phone.drain()
        self.retry_dead(county)
        deadline = time.monotonic() + 150  # a killed sender's claim lapses after 30 s
        while time.monotonic() < deadline:
            waiting = 0
            for status in ("queued", "sending"):
                log = county.admin.get(
                    "/api/admin/notifications",
                    params={"channel_id": county.channel_id, "status": status, "limit": 1},
                )
                waiting += (log.body or {}).get("count", 1) if log.ok else 1
            if not waiting:
                break
            time.sleep(1.0)

    def run(self) -> Outcome:
        from app.simulate import invariants

        started = time.monotonic()
        url, clock, key = self.start()
        api = Api(url, clock.offset, seed=self.opts.seed)
        try:
            return self._run(api, clock, key, url, started, invariants)
        finally:
            api.close()
            self.receiver_stop()
            if self.server is not None:
                self.server.dispose()

    def receiver_stop(self) -> None:
        if getattr(self.receiver, "server", None) is not None:
            self.receiver.stop()

    def _run(
        self, api: Api, clock: SimClock, key: str, url: str, started: float, invariants: Any
    ) -> Outcome:
        o = self.opts
        reader = Session(api, "supervisor1", o.password)
        town = Town(reader.get("/api/roads").body, reader.get("/api/zones").body)
        cats = sorted(c["code"] for c in reader.get("/api/categories").body if len(c["code"]) == 4)
        plan = make_plan(o.seed, o.days, o.inspectors, o.citizens, town, cats)
        self.say("plan: " + ", ".join(f"{v} {k}" for k, v in plan.summary().items()))
        county = County(api, clock, plan, town, o.password, self.later, key,
                        forwarded_for=self.server is not None,
                        on_our_clock=self.server is not None)  # fmt: skip
        self.setup(county)
        self.say(f"set up by {clock.label(clock.offset())}")
        self.schedule(plan, clock, county)
        self.say(f"playing {o.days} day(s) at ×{o.speed:g} from {clock.label(clock.offset())}")
        self.play(clock, plan.end, api)
        for thread in self.fault_threads:
            thread.join()
        self.say("settling: outboxes, notifications")
        self.settle(county)
        county.world.problems += [f"simulation error: {e}" for e in self.errors]
        tickets = invariants.all_tickets(county)
        checks = invariants.check_all(county, tickets, self.receiver, self.server, api)
        return Outcome(
            options=o,
            plan=plan,
            clock=clock,
            county=county,
            faults=self.fault_logs,
            checks=checks,
            tickets=tickets,
            lag=self.lag,
            wall_s=time.monotonic() - started,
            database=self.server.database_url.split(":", 1)[0] if self.server else url,
        )


def ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/categories", timeout=5).status_code < 500
    except httpx.HTTPError:
        return False
