"""Admins configure channels over the API and the CLI, send a test message and read the log;
everyone else is kept out. Users manage their push subscriptions and preferences."""

import subprocess
import sys
from pathlib import Path

from sqlmodel import select

from app.notify.models import Channel, DeliveryStatus, Notification, PushSubscription
from tests.factories import create_town, create_user, login
from tests.notify.helpers import name


def test_admin_adds_a_channel_queues_a_test_and_reads_the_log(client, db):
    admin = login(client, create_user(db, "admin", name="管理员"))
    town = create_town(db)
    chief = login(client, town.road_chief)
    body = {
        "kind": "dingtalk",
        "name": name(),
        "url": "https://oapi.dingtalk.com/robot/send?access_token=abc",
        "secret": "SEC123",
        "scope": f"zone:{town.zone.id}",
    }
    assert client.post("/api/admin/channels", json=body, headers=chief).status_code == 403
    r = client.post("/api/admin/channels", json=body, headers=admin)
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["has_secret"] and "secret" not in made and made["scope"] == body["scope"]
    assert client.post("/api/admin/channels", json=body, headers=admin).status_code == 422
    bad = {**body, "name": name(), "scope": "zone:不存在的片区"}
    assert client.post("/api/admin/channels", json=bad, headers=admin).status_code == 422
    bad = {**body, "name": name(), "kind": "email"}
    assert client.post("/api/admin/channels", json=bad, headers=admin).status_code == 422

    test = client.post(f"/api/admin/channels/{made['id']}/test", headers=admin)
    assert test.status_code == 202
    row = test.json()
    assert row["status"] == DeliveryStatus.queued and row["event"] == "test"
    log = client.get(f"/api/admin/notifications?channel_id={made['id']}", headers=admin).json()
    assert [d["id"] for d in log["data"]] == [row["id"]]
    one = client.get(f"/api/admin/notifications/{row['id']}", headers=admin).json()
    assert one["message_id"] == row["message_id"]
    # Only a dead message can be sent again by hand.
    assert (
        client.post(f"/api/admin/notifications/{row['id']}/retry", headers=admin).status_code == 422
    )
    db.get(Notification, row["id"]).status = DeliveryStatus.dead
    db.flush()
    again = client.post(f"/api/admin/notifications/{row['id']}/retry", headers=admin).json()
    assert again["status"] == "queued" and again["attempts"] == 0

    other = client.post("/api/admin/channels", json={**body, "name": name()}, headers=admin)
    taken = client.patch(
        f"/api/admin/channels/{other.json()['id']}", json={"name": body["name"]}, headers=admin
    )
    assert taken.status_code == 422 and "exists already" in taken.json()["detail"]
    off = client.patch(f"/api/admin/channels/{made['id']}", json={"active": False}, headers=admin)
    assert off.json()["active"] is False
    listed = {c["name"]: c for c in client.get("/api/admin/channels", headers=admin).json()}
    assert listed[body["name"]]["active"] is False
    assert client.get("/api/admin/notifications", headers=chief).status_code == 403


def test_a_user_subscribes_sets_quiet_hours_and_unsubscribes(client, db):
    town = create_town(db)
    chief = login(client, town.road_chief)
    key = client.get("/api/notify/vapid", headers=chief).json()["public_key"]
    assert len(key) == 87  # base64url of an uncompressed P-256 point
    assert client.get("/api/notify/vapid", headers=chief).json()["public_key"] == key
    sub = {"endpoint": "https://fcm.googleapis.com/fcm/send/abc", "expirationTime": None,
           "keys": {"p256dh": "BNc", "auth": "tBH"}}  # fmt: skip
    assert client.post("/api/notify/subscriptions", json=sub, headers=chief).status_code == 201
    prefs = client.get("/api/notify/preferences", headers=chief).json()
    assert prefs == {"channels": ["webpush"], "quiet_start": "22:00", "quiet_end": "07:30",
                     "digest": True, "push_devices": 1, "has_phone": False}  # fmt: skip
    put = {"quiet_start": "23:00", "quiet_end": "06:00", "channels": ["webpush", "sms"]}
    assert (
        client.put("/api/notify/preferences", json=put, headers=chief).json()["quiet_end"]
        == "06:00"
    )
    bad = client.put("/api/notify/preferences", json={"quiet_start": "25:00"}, headers=chief)
    assert bad.status_code == 422
    gone = client.post(
        "/api/notify/subscriptions/remove", json={"endpoint": sub["endpoint"]}, headers=chief
    )
    assert gone.status_code == 204
    assert (
        db.exec(
            select(PushSubscription).where(PushSubscription.user_id == town.road_chief.id)
        ).all()
        == []
    )


def test_cli_channel_add_as_the_contract_says(own_engine, tmp_path):
    url = own_engine.url.render_as_string(hide_password=False)
    cli = str(Path(sys.executable).parent / "roadchief")
    env = {
        "ROADCHIEF_DATABASE_URL": url,
        "ROADCHIEF_VAR_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    channel = name()
    done = subprocess.run(
        [cli, "channel", "add", "feishu", channel, "https://open.feishu.cn/open-apis/bot/v2/hook/x",
         "--secret", "s3", "--scope", "all"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert channel in done.stdout
    wrong = subprocess.run(
        [cli, "channel", "add", "wecom", name(), "ftp://x", "--scope", "zone:nowhere"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert wrong.returncode == 2 and "roadchief:" in wrong.stderr
    from sqlmodel import Session

    with Session(own_engine) as s:
        row = s.exec(select(Channel).where(Channel.name == channel)).one()
    assert (row.kind, row.secret, row.scope) == ("feishu", "s3", "all")


def test_a_webhook_without_a_secret_is_refused_unless_said_unsigned(
    client, db, own_engine, tmp_path
):
    admin = login(client, create_user(db, "admin", name="管理员"))
    body = {"kind": "webhook", "name": name(), "url": "https://hotline.example.cn/hook"}
    r = client.post("/api/admin/channels", json=body, headers=admin)
    assert r.status_code == 422 and "unsigned" in r.json()["detail"]
    r = client.post("/api/admin/channels", json={**body, "unsigned": True}, headers=admin)
    assert r.status_code == 201 and r.json()["has_secret"] is False
    signed = client.post(
        "/api/admin/channels", json={**body, "name": name(), "secret": "s"}, headers=admin
    ).json()
    # Clearing a webhook's secret later is the same choice, said the same way.
    cleared = client.patch(
        f"/api/admin/channels/{signed['id']}", json={"secret": ""}, headers=admin
    )
    assert cleared.status_code == 422 and "unsigned" in cleared.json()["detail"]
    cleared = client.patch(
        f"/api/admin/channels/{signed['id']}", json={"secret": "", "unsigned": True}, headers=admin
    )
    assert cleared.status_code == 200 and cleared.json()["has_secret"] is False
    # A robot's secret is its platform's choice (WeCom has none): no flag needed.
    robot = {
        "kind": "wecom",
        "name": name(),
        "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
    }
    assert client.post("/api/admin/channels", json=robot, headers=admin).status_code == 201

    # The CLI says the same.
    cli = str(Path(sys.executable).parent / "roadchief")
    env = {
        "ROADCHIEF_DATABASE_URL": own_engine.url.render_as_string(hide_password=False),
        "ROADCHIEF_VAR_DIR": str(tmp_path),
        "PATH": "/usr/bin:/bin",
    }
    hook = name()
    args = [cli, "channel", "add", "webhook", hook, "https://hotline.example.cn/hook"]
    refused = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "--unsigned" in refused.stderr
    done = subprocess.run(
        [*args, "--unsigned"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    from sqlmodel import Session

    with Session(own_engine) as s:
        row = s.exec(select(Channel).where(Channel.name == hook)).one()
    assert (row.kind, row.secret) == ("webhook", "")
