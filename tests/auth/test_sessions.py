"""Sign-in, server-side sessions, cookies with CSRF, throttling."""

from sqlmodel import select

from tests.factories import PASSWORD, create_user


def test_token_and_me(client, db):
    user = create_user(db, "inspector", "insp_a", name="张三")
    r = client.post("/api/auth/token", data={"username": "insp_a", "password": PASSWORD})
    assert r.status_code == 200 and r.json()["token_type"] == "bearer"
    me = client.get(
        "/api/me", headers={"Authorization": f"Bearer {r.json()['access_token']}"}
    ).json()
    assert me["username"] == "insp_a" and me["role"] == "inspector" and me["id"] == user.id


def test_wrong_password_and_unknown_user_are_401_without_detail_leak(client, db):
    create_user(db, "inspector", "insp_b")
    for username in ("insp_b", "nobody"):
        r = client.post("/api/auth/token", data={"username": username, "password": "wrong"})
        assert r.status_code == 401 and r.json()["detail"] == "wrong username or password"


def test_logout_and_disabling_end_sessions(client, db):
    user = create_user(db, "inspector", "insp_c")
    token = client.post(
        "/api/auth/token", data={"username": "insp_c", "password": PASSWORD}
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/me", headers=headers).status_code == 200
    assert client.post("/api/auth/logout", headers=headers).status_code == 204
    assert client.get("/api/me", headers=headers).status_code == 401

    token = client.post(
        "/api/auth/token", data={"username": "insp_c", "password": PASSWORD}
    ).json()["access_token"]
    user.is_active = False
    db.flush()
    assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_cookie_session_needs_csrf_header_for_writes(client, db):
    create_user(db, "inspector", "insp_d")
    r = client.post("/api/auth/token", data={"username": "insp_d", "password": PASSWORD})
    csrf = r.json()["csrf_token"]
    assert client.cookies.get("rc_session")
    assert client.get("/api/me").status_code == 200  # reads need no CSRF token
    assert client.post("/api/auth/logout").status_code == 403
    assert client.post("/api/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 204
    assert client.get("/api/me").status_code == 401


def test_repeated_failures_are_slowed_down(client, db):
    create_user(db, "inspector", "insp_e")
    codes = [
        client.post("/api/auth/token", data={"username": "insp_e", "password": "x"}).status_code
        for _ in range(6)
    ]
    assert codes == [401] * 5 + [429]
    r = client.post("/api/auth/token", data={"username": "insp_e", "password": PASSWORD})
    assert r.status_code == 429 and "wait" in r.json()["detail"]


def test_many_usernames_from_one_address_are_slowed_down(client, db, monkeypatch):
    from app.core.config import get_settings

    monkeypatch.setenv("ROADCHIEF_LOGIN_MAX_FAILURES_PER_ADDRESS", "4")
    get_settings.cache_clear()
    create_user(db, "inspector", "insp_f")
    codes = [
        client.post("/api/auth/token", data={"username": f"guess{i}", "password": "x"}).status_code
        for i in range(4)
    ]
    assert codes == [401] * 4
    # Even the right password of a real account waits now, from this address.
    r = client.post("/api/auth/token", data={"username": "insp_f", "password": PASSWORD})
    assert r.status_code == 429


def test_a_client_cannot_choose_its_address_through_x_forwarded_for(client, db):
    from app.auth.models import LoginFailure

    create_user(db, "inspector", "insp_xff")
    client.post(
        "/api/auth/token",
        data={"username": "insp_xff", "password": "x"},
        headers={"X-Forwarded-For": "203.0.113.7"},
    )
    row = db.exec(select(LoginFailure).where(LoginFailure.username == "insp_xff")).one()
    assert row.address == "testclient"  # the peer, since no proxy is trusted by default


def _request(peer: str, *forwarded: str):
    from starlette.requests import Request

    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    return Request({"type": "http", "client": (peer, 40000), "headers": headers})


def test_x_forwarded_for_is_read_only_from_trusted_proxies(monkeypatch):
    from app.core.config import get_settings
    from app.core.net import client_address

    monkeypatch.setenv("ROADCHIEF_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.10")
    get_settings.cache_clear()
    try:
        # Through two trusted proxies: the first address from the right they did not add.
        assert client_address(_request("10.0.0.5", "198.51.100.1, 203.0.113.9, 10.1.2.3")) == (
            "203.0.113.9"
        )
        assert client_address(_request("192.0.2.10", "203.0.113.9", "10.1.1.1")) == "203.0.113.9"
        # Loopback is not trusted unless listed: its header is a client's claim.
        assert client_address(_request("127.0.0.1", "203.0.113.9")) == "127.0.0.1"
        assert client_address(_request("10.0.0.5")) == "10.0.0.5"
    finally:
        get_settings.cache_clear()


def test_passwords_are_hashed_with_argon2id_at_owasp_parameters():
    from argon2 import extract_parameters

    from app.auth.passwords import hash_password

    params = extract_parameters(hash_password("correct horse"))
    assert params.type.name == "ID"
    assert 19 * 1024 <= params.memory_cost <= 46 * 1024
    assert params.parallelism == 1 and params.time_cost >= 1


def test_a_password_check_costs_about_a_twentieth_of_a_second_of_cpu():
    import time

    from app.auth.passwords import hash_password, verify_password

    stored = hash_password("correct horse")
    costs = []
    for _ in range(3):
        started = time.process_time()  # CPU of every thread: a busy machine does not skew it
        assert verify_password(stored, "correct horse")
        costs.append(time.process_time() - started)
    # argon2-cffi's defaults cost about 0.2 s of CPU here (wall: 0.6–1 s); OWASP's 0.055 s.
    assert 0.01 < min(costs) < 0.12, costs


def test_an_older_hash_is_replaced_on_the_next_sign_in(client, db):
    from argon2 import PasswordHasher, extract_parameters

    from app.auth.passwords import MEMORY_KIB

    old = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4).hash(PASSWORD)
    user = create_user(db, "inspector", "insp_old")
    user.password_hash = old
    db.flush()
    r = client.post("/api/auth/token", data={"username": "insp_old", "password": PASSWORD})
    assert r.status_code == 200, r.text
    db.refresh(user)
    assert user.password_hash != old
    assert extract_parameters(user.password_hash).memory_cost == MEMORY_KIB
    again = client.post("/api/auth/token", data={"username": "insp_old", "password": PASSWORD})
    assert again.status_code == 200


def test_the_throttle_refuses_before_any_hash_is_computed(client, db, monkeypatch):
    from app.auth import service

    create_user(db, "inspector", "insp_h")
    checked = []
    real = service.verify_password

    def counting(stored: str, password: str) -> bool:
        checked.append(password)
        return real(stored, password)

    monkeypatch.setattr(service, "verify_password", counting)
    codes = [
        client.post("/api/auth/token", data={"username": "insp_h", "password": "x"}).status_code
        for _ in range(8)
    ]
    assert codes == [401] * 5 + [429] * 3
    assert len(checked) == 5  # the refused attempts cost no hash
