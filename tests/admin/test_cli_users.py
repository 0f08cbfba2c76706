"""`roadchief user add/enable/passwd`: an operator can always get an admin back in."""

import io

import pytest
from sqlmodel import Session, select

from app.auth.passwords import verify_password
from app.cli import main
from app.core.config import get_settings
from app.core.db import get_engine, make_engine
from app.org.models import User
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
