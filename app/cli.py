"""The `roadchief` command: serve, migrate, demo, user add/enable/passwd, import, fsck, sweep,
channel."""

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from app.core.config import get_settings
from app.core.errors import AppError

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M", bound="BaseModel")


def _migrate() -> None:
    from app.core.db import session_scope
    from app.core.migrate import upgrade
    from app.seed import seed_reference_data

    upgrade(get_settings().database_url)
    with session_scope() as session:
        seed_reference_data(session)


def cmd_openapi(args: argparse.Namespace) -> None:
    """Write the OpenAPI document without serving it: the PWA's API types are generated from
    it (frontend: npm run api:generate / api:check). Opens no database and no socket."""
    from app.main import create_app

    text = json.dumps(create_app().openapi(), ensure_ascii=False, indent=2) + "\n"
    if args.file == "-":
        sys.stdout.write(text)
    else:
        Path(args.file).write_text(text, encoding="utf-8")


def cmd_migrate(_args: argparse.Namespace) -> None:
    _migrate()
    print("database is at the newest schema")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    _migrate()
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        # The app reads X-Forwarded-For itself, from ROADCHIEF_TRUSTED_PROXIES only (app.core.net).
        proxy_headers=False,
        # No `server: uvicorn` banner: what runs behind the proxy is nobody's business.
        server_header=False,
        log_level="info",
    )


def cmd_demo(args: argparse.Namespace) -> None:
    from app.core.db import session_scope
    from app.demo.org import load_demo_org
    from app.demo.tickets import load_demo_tickets
    from app.evaluation.demo import load_demo_evaluation

    _migrate()
    with session_scope() as session:
        load_demo_org(session, args.password)
    with session_scope() as session:
        made = load_demo_tickets(session)
    with session_scope() as session:
        load_demo_evaluation(session)
    print(f"demo town loaded (password '{args.password}'); {made} sample tickets added")


def _read_password() -> str:
    password = (
        getpass.getpass("password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    )
    if len(password) < 6:
        raise AppError("the password must have at least 6 characters")
    return password


def _org_hooks() -> None:
    """Register what follows an org edit: sessions ended, 测评 sites kept per road."""
    import app.auth.service  # noqa: F401
    import app.evaluation.sites  # noqa: F401


def _checked(model: type[M], **values: object) -> M:
    """The same request model the admin API parses, its refusal said in one line."""
    from pydantic import ValidationError

    try:
        return model.model_validate(values)
    except ValidationError as exc:
        raise AppError(
            "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        ) from None


def cmd_user_add(args: argparse.Namespace) -> None:
    from sqlmodel import select

    from app import org
    from app.auth.passwords import hash_password
    from app.core.db import session_scope
    from app.org.edits import UserCreate
    from app.org.models import Department

    password = _read_password()
    password_hash = hash_password(password)
    _migrate()
    _org_hooks()
    with session_scope() as session:
        department = None
        if args.department:
            department = session.exec(
                select(Department).where(Department.code == args.department)
            ).first()
            if department is None:
                raise AppError(f"no department with code '{args.department}'")
        new = _checked(
            UserCreate,
            username=args.username,
            name=args.name or args.username,
            role=args.role,
            level=args.level,
            password=password,
            department_id=department.id if department else None,
        )
        org.create_user(session, None, new, password_hash)
    print(f"user '{args.username}' added as {args.role}")


def _change_user(username: str, password: str | None = None) -> None:
    """Enable a user (and set a new password); their old sessions end when the password does."""
    from sqlmodel import select

    from app import org
    from app.auth.passwords import hash_password
    from app.core.db import session_scope
    from app.org.edits import UserUpdate
    from app.org.models import User

    edit = _checked(UserUpdate, is_active=True, **({"password": password} if password else {}))
    password_hash = hash_password(password) if password is not None else None
    _migrate()
    _org_hooks()
    with session_scope() as session:
        user = session.exec(select(User).where(User.username == username)).first()
        if user is None or user.id is None:
            raise AppError(f"no user '{username}'")
        org.update_user(session, None, user.id, edit, password_hash)


def cmd_user_enable(args: argparse.Namespace) -> None:
    _change_user(args.username)
    print(f"user '{args.username}' can sign in again")


def cmd_user_passwd(args: argparse.Namespace) -> None:
    _change_user(args.username, _read_password())
    print(f"password of '{args.username}' changed; their sessions were ended")


def cmd_import_roads(args: argparse.Namespace) -> None:
    from app import org
    from app.core.db import session_scope

    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise AppError(f"cannot read {args.file}: {exc}") from None
    _migrate()
    _org_hooks()  # every road is also an evaluation site
    with session_scope() as session:
        result = org.import_road_network(session, None, data, Path(args.file).name)
    print(result)


def cmd_import_sites(args: argparse.Namespace) -> None:
    from app.core.db import session_scope
    from app.evaluation.actions import import_sites
    from app.evaluation.sites import parse_sites_file

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise AppError(f"cannot read {args.file}: {exc}") from None
    rows = parse_sites_file(args.file, data)
    _migrate()
    with session_scope() as session:
        result = import_sites(session, rows)
    print(f"sites: {result.created} created, {result.updated} updated")


def cmd_import_standards(args: argparse.Namespace) -> None:
    from app.core.db import session_scope
    from app.evaluation.actions import import_standards

    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise AppError(f"cannot read {args.file}: {exc}") from None
    _migrate()
    with session_scope() as session:
        version, items = import_standards(session, data, replace=args.replace)
    print(f"standards version {version.code}: {items} items")


def cmd_fsck(args: argparse.Namespace) -> None:
    from app.citizens.photos import referenced_keys
    from app.core.db import session_scope
    from app.evaluation.flows import sheet_photo_keys
    from app.photos.fsck import fsck
    from app.photos.storage import storage_from_url
    from app.tasks.service import task_photo_keys

    with session_scope() as session:
        storage = storage_from_url(get_settings().storage_url)
        keep = referenced_keys(session) | task_photo_keys(session) | sheet_photo_keys(session)
        report = fsck(session, storage, fix=args.fix, also_referenced=keep)
    print(report)
    if not report.ok:
        raise SystemExit(1)


def cmd_apikey(args: argparse.Namespace) -> None:
    from sqlmodel import select

    from app.citizens.models import Open311Client
    from app.core.db import session_scope
    from app.open311.service import add_client, revoke_client

    if args.action != "list" and not args.name.strip():
        raise SystemExit("name the client system, e.g. roadchief apikey add 12345热线")
    _migrate()
    with session_scope() as session:
        try:
            if args.action == "add":
                client, key = add_client(session, args.name)
                print(f"api_key for {client.name} (shown once; only its hash is kept):")
                print(key)
            elif args.action == "revoke":
                revoke_client(session, args.name)
                print(f"api_key of {args.name} revoked")
            else:
                for c in session.exec(select(Open311Client).order_by(Open311Client.name)):
                    state = f"revoked {c.revoked_at:%Y-%m-%d}" if c.revoked_at else "active"
                    print(f"{c.name}\t{c.key_prefix}…\t{state}")
        except ValueError as exc:
            raise SystemExit(str(exc)) from None


def cmd_sweep(_args: argparse.Namespace) -> None:
    from app.core.db import session_scope
    from app.tasks.service import escalate_overdue as escalate_overdue_tasks
    from app.tickets.actions import escalate_overdue

    with session_scope() as session:
        print(f"{escalate_overdue(session)} overdue tickets escalated")
        print(f"{escalate_overdue_tasks(session)} overdue tasks escalated")


def cmd_channel_add(args: argparse.Namespace) -> None:
    from app.core.db import session_scope
    from app.notify.actions import add_channel

    _migrate()
    with session_scope() as session:
        channel = add_channel(
            session,
            args.kind,
            args.name,
            args.url,
            args.secret,
            args.scope,
            unsigned=args.unsigned,
        )
        print(f"channel '{channel.name}' ({channel.kind}, scope {channel.scope}) added")


def cmd_channel_list(_args: argparse.Namespace) -> None:
    from app.core.db import session_scope
    from app.notify.service import list_channels

    with session_scope() as session:
        for c in list_channels(session):
            state = "" if c["active"] else " (inactive)"
            print(f"{c['id']}\t{c['kind']}\t{c['name']}\t{c['scope']}\t{c['url']}{state}")


def cmd_notify_drain(_args: argparse.Namespace) -> None:
    from app.core.db import get_engine
    from app.notify.dispatcher import Dispatcher, lower_priority

    lower_priority()
    dispatcher = Dispatcher(get_engine())
    try:
        print(f"{dispatcher.drain()} notification(s) tried")
    finally:
        dispatcher.close()


def cmd_simulate(args: argparse.Namespace) -> None:
    from app.simulate.report import everything
    from app.simulate.run import Options, Runner

    opts = Options(
        days=args.days,
        speed=args.speed,
        inspectors=args.inspectors,
        citizens=args.citizens,
        seed=args.seed,
        against=args.against or "",
        report=args.report,
        database_url=args.database_url or "",
        password=args.password,
        open311_key=args.open311_key or "",
        workers=args.workers,
        keep=args.keep,
    )
    outcome = Runner(opts).run()
    print(everything(outcome))
    if not outcome.ok:
        raise SystemExit(1)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="roadchief", description="路长通 RoadChief")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", help="migrate to head, then serve the API and the PWA")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--workers", type=int, default=1)
    s.set_defaults(func=cmd_serve)

    sub.add_parser("migrate", help="upgrade the database to the newest schema").set_defaults(
        func=cmd_migrate
    )

    o = sub.add_parser("openapi", help="write the OpenAPI document (for generated clients)")
    o.add_argument("file", nargs="?", default="-", help="where to write it (default: stdout)")
    o.set_defaults(func=cmd_openapi)

    d = sub.add_parser("demo", help="load the demo town (idempotent)")
    d.add_argument("--password", default="demo")
    d.set_defaults(func=cmd_demo)

    u = sub.add_parser("user", help="manage users").add_subparsers(
        dest="user_command", required=True
    )
    ua = u.add_parser("add", help="add a user; the password is read from stdin")
    ua.add_argument("username")
    ua.add_argument(
        "--role", required=True, choices=["inspector", "chief", "department", "supervisor", "admin"]
    )
    ua.add_argument("--name")
    ua.add_argument("--level", type=int, choices=[1, 2, 3])
    ua.add_argument("--department", help="the department's code (department staff)")
    ua.set_defaults(func=cmd_user_add)
    ue = u.add_parser("enable", help="let a disabled user sign in again (e.g. the last admin)")
    ue.add_argument("username")
    ue.set_defaults(func=cmd_user_enable)
    up = u.add_parser("passwd", help="set a user's password (read from stdin) and enable them")
    up.add_argument("username")
    up.set_defaults(func=cmd_user_passwd)

    i = sub.add_parser("import", help="import data").add_subparsers(
        dest="import_command", required=True
    )
    ir = i.add_parser("roads", help="roads and zones with their chiefs, from GeoJSON")
    ir.add_argument("file")
    ir.set_defaults(func=cmd_import_roads)
    isi = i.add_parser("sites", help="evaluation sites (点位) from GeoJSON or XLSX")
    isi.add_argument("file")
    isi.set_defaults(func=cmd_import_sites)
    ist = i.add_parser("standards", help="an evaluation standards version (测评体系) from XLSX")
    ist.add_argument("file")
    ist.add_argument("--replace", action="store_true", help="replace a version no round uses")
    ist.set_defaults(func=cmd_import_standards)

    f = sub.add_parser(
        "fsck", help="find photo files no row references, and rows whose file is missing"
    )
    f.add_argument("--fix", action="store_true", help="remove the unreferenced files")
    f.set_defaults(func=cmd_fsck)

    k = sub.add_parser("apikey", help="Open311 api_keys of client systems")
    k.add_argument("action", choices=["add", "revoke", "list"])
    k.add_argument("name", nargs="?", default="", help="the client system, e.g. 12345热线")
    k.set_defaults(func=cmd_apikey)

    sub.add_parser("sweep", help="escalate overdue tickets once, now").set_defaults(func=cmd_sweep)

    c = sub.add_parser("channel", help="notification channels (group robots, webhooks)")
    cs = c.add_subparsers(dest="channel_command", required=True)
    ca = cs.add_parser("add", help="add a WeCom/DingTalk/Feishu robot or a signed webhook")
    ca.add_argument("kind", choices=["webhook", "wecom", "dingtalk", "feishu"])
    ca.add_argument("name")
    ca.add_argument("url")
    ca.add_argument("--secret", default="", help="signing secret (webhook, DingTalk, Feishu)")
    ca.add_argument("--scope", default="all", help="all | zone:ID | department:CODE")
    ca.add_argument(
        "--unsigned",
        action="store_true",
        help="a webhook without --secret: send it unsigned, knowingly (refused otherwise)",
    )
    ca.set_defaults(func=cmd_channel_add)
    cs.add_parser("list", help="list the channels").set_defaults(func=cmd_channel_list)

    sim = sub.add_parser(
        "simulate", help="rehearse a county's week through the HTTP API, with faults; check it"
    )
    sim.add_argument("--days", type=int, default=7, choices=range(1, 8), metavar="1-7")
    sim.add_argument("--speed", type=float, default=600.0, help="simulated seconds per second")
    sim.add_argument("--inspectors", type=int, default=40)
    sim.add_argument("--citizens", type=int, default=200)
    sim.add_argument("--seed", type=int, default=1)
    sim.add_argument("--against", help="a running server's URL (its clock stays real)")
    sim.add_argument("--report", default="simulate-report.html", help="the HTML report's path")
    sim.add_argument(
        "--database-url",
        help="PostgreSQL server URL: a fresh database is made there (default: a throwaway SQLite)",
    )
    sim.add_argument("--password", default="demo", help="the demo accounts' password")
    sim.add_argument("--open311-key", help="an Open311 api_key (with --against)")
    sim.add_argument("--workers", type=int, default=1, help="server processes (own server)")
    sim.add_argument("--keep", action="store_true", help="keep the throwaway database")
    sim.set_defaults(func=cmd_simulate)

    n = sub.add_parser("notify", help="notifications").add_subparsers(
        dest="notify_command", required=True
    )
    n.add_parser("drain", help="send every due notification now").set_defaults(
        func=cmd_notify_drain
    )
    return p


def main(argv: list[str] | None = None) -> None:
    from app.notify.outbox import install

    args = parser().parse_args(argv)
    install()  # ledger events written by commands (sweep, demo) queue their notifications too
    try:
        args.func(args)
    except AppError as exc:
        print(f"roadchief: {exc.message}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
