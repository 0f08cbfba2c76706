"""`roadchief user add/enable/passwd`: an operator can always get an admin back in."""

import datetime as dt
import io
import json
import os
import subprocess
import sys

import pytest
from sqlmodel import Session, select

from app.auth.models import AuthSession
from app.auth.passwords import verify_password
from app.cli import main
from app.core.config import get_settings
from app.core.db import get_engine, make_engine
from app.evaluation.models import Site
from app.ledger.models import Event
from app.org.models import Road, Role, User
from tests.conftest import BACKENDS, create_database, drop_database


@pytest.fixture(params=BACKENDS)
def cli_database(request, tmp_path, monkeypatch):
    url = create_database(request.param, tmp_path)
    monkeypatch.setenv("ROADCHIEF_DATABASE_URL", url)
    monkeypatch.setenv("ROADCHIEF_VAR_DIR", str(tmp_path))
    get_settings.cache_clear()
    get_engine.cache_clear()
    yield url
    get_engine().dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()
    drop_database(url)


def run(monkeypatch, *argv: str, stdin: str = "") -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    main(list(argv))


def user(url: str, username: str) -> User:
    engine = make_engine(url)
    with Session(engine) as session:
        found = session.exec(select(User).where(User.username == username)).one()
    engine.dispose()
    return found


def test_enable_and_passwd_bring_a_disabled_admin_back(cli_database, monkeypatch, capsys):
    run(monkeypatch, "user", "add", "boss", "--role", "admin", stdin="first-pw\n")
    engine = make_engine(cli_database)
    with Session(engine) as session:
        boss = session.exec(select(User).where(User.username == "boss")).one()
        boss.is_active = False
        session.add(boss)
        session.commit()
    engine.dispose()

    run(monkeypatch, "user", "enable", "boss")
    assert user(cli_database, "boss").is_active
    run(monkeypatch, "user", "passwd", "boss", stdin="second-pw\n")
    changed = user(cli_database, "boss")
    assert verify_password(changed.password_hash, "second-pw")
    assert not verify_password(changed.password_hash, "first-pw")
    assert "password of 'boss' changed" in capsys.readouterr().out

    with pytest.raises(SystemExit) as exit_:
        run(monkeypatch, "user", "passwd", "nobody", stdin="third-pw\n")
    assert exit_.value.code == 2
    with pytest.raises(SystemExit):
        run(monkeypatch, "user", "passwd", "boss", stdin="short\n")
    assert verify_password(user(cli_database, "boss").password_hash, "second-pw")


def test_import_roads_from_the_command_line_makes_their_evaluation_sites(
    cli_database, monkeypatch, tmp_path, capsys
):
    """The CLI calls the same action as the admin page: the roads' 测评 sites and the ledger
    entry come with it."""
    ring = [[120.0, 30.0], [120.02, 30.0], [120.02, 30.02], [120.0, 30.02], [120.0, 30.0]]
    line = [[120.001, 30.01], [120.019, 30.01]]
    geojson = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "河东片区", "area": "测试乡"},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            },
            {
                "type": "Feature",
                "properties": {"name": "人民路", "zone": "河东片区"},
                "geometry": {"type": "LineString", "coordinates": line},
            },
        ],
    }
    path = tmp_path / "town.geojson"
    path.write_text(json.dumps(geojson, ensure_ascii=False), encoding="utf-8")

    run(monkeypatch, "import", "roads", str(path))

    assert "roads: 1 created" in capsys.readouterr().out
    engine = make_engine(cli_database)
    with Session(engine) as session:
        road = session.exec(select(Road).where(Road.name == "人民路")).one()
        site = session.exec(select(Site).where(Site.road_id == road.id)).one()
        imported = session.exec(select(Event).where(Event.action == "roads.import")).one()
    engine.dispose()
    assert site.name == "人民路"
    assert imported.data["file"] == "town.geojson" and imported.actor_id is None


def test_passwd_in_its_own_process_ends_the_persons_sessions(cli_database, tmp_path):
    """Run as the operator runs it: a process where only the CLI registers org's hooks."""
    engine = make_engine(cli_database)
    with Session(engine) as session:
        boss = User(username="boss", name="boss", role=Role.admin, password_hash="x")
        session.add(boss)
        session.flush()
        expires = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
        session.add(
            AuthSession(user_id=boss.id, token_hash="t" * 64, csrf_token="c", expires_at=expires)
        )
        session.commit()
    env = dict(os.environ, ROADCHIEF_DATABASE_URL=cli_database, ROADCHIEF_VAR_DIR=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "user", "passwd", "boss"],
        input="new-secret\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with Session(engine) as session:
        sessions = session.exec(select(AuthSession)).all()
    engine.dispose()
    assert [s.revoked_at is not None for s in sessions] == [True]
