"""曝光台: nothing public until published; what is published leaks no person, GPS or original."""

import io
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageStat
from sqlmodel import Session

from app.tickets.models import Ticket
from tests.citizens.helpers import file
from tests.factories import LAT0, LON0, create_town, jpeg_bytes, login, report

ITEM_FIELDS = {
    "id", "board", "title", "note", "road", "unit", "category", "published_at", "facts", "photos",
}  # fmt: skip
PHOTO_FIELDS = {"kind", "url", "width", "height"}
FACT_FIELDS = {"received_on", "closed_on", "overdue_days", "rework_count"}
PAGE_FIELDS = {"board", "page", "count", "data", "by_unit"}


def gps_jpeg(seed: int) -> bytes:
    """A JPEG whose EXIF carries GPS coordinates, as a phone writes them."""
    img = Image.open(io.BytesIO(jpeg_bytes(seed)))
    draw = ImageDraw.Draw(img)
    for x in range(0, img.width, 8):  # fine detail, like a number plate's characters
        for y in range(0, img.height, 8):
            if (x + y) // 8 % 2:
                draw.rectangle([x, y, x + 3, y + 3], fill=(250, 250, 250))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (31.0, 0.0, 0.36), 3: "E", 4: (119.0, 53.0, 52.8)})
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes())
    return buf.getvalue()


def edges(img: Image.Image) -> float:
    """Mean edge strength: high for sharp shapes, near zero for a pixelated, blurred area."""
    return float(ImageStat.Stat(img.filter(ImageFilter.FIND_EDGES)).mean[0])


def _closed_ticket(client: Any, town: Any) -> dict[str, Any]:
    inspector = login(client, town.inspector)
    r = client.post(
        "/api/tickets",
        data={"category": "0201", "lat": str(LAT0 + 0.0001), "lon": str(LON0 - 0.002)},
        files=[("photo", ("b.jpg", gps_jpeg(31), "image/jpeg"))],
        headers={**inspector, "Idempotency-Key": "board-test-0001"},
    )
    assert r.status_code == 201, r.text
    ticket = r.json()
    client.post(
        f"/api/tickets/{ticket['id']}/rectify",
        data={"note": "已清理"},
        files=[("photo", ("a.jpg", gps_jpeg(32), "image/jpeg"))],
        headers=login(client, town.road_chief),
    )
    r = client.post(
        f"/api/tickets/{ticket['id']}/verify", json={"approved": True}, headers=inspector
    )
    assert r.json()["status"] == "closed"
    return r.json()


def test_publish_results_with_blur_and_list_every_public_field(client: Any, db: Session) -> None:
    town = create_town(db)
    file(client, phone="13812345678")  # a citizen's report exists, never published
    unpublished = report(client, login(client, town.inspector), seed=40).json()
    ticket = _closed_ticket(client, town)
    before = next(p for p in ticket["photos"] if p["kind"] == "before")
    after = next(p for p in ticket["photos"] if p["kind"] == "after")
    assert client.get("/api/public/boards/results").json()["count"] == 0

    sup = login(client, town.supervisor)
    body = {
        "ticket_id": ticket["id"],
        "board": "results",
        "title": "人民路小广告清理",
        "note": "当日整改完毕",
        "photos": [
            {"photo_id": before["id"], "blur": [[0.0, 0.0, 0.5, 0.5]]},
            {"photo_id": after["id"], "blur": []},
        ],
    }
    assert (
        client.post(
            "/api/citizen/publications", json=body, headers=login(client, town.inspector)
        ).status_code
        == 403
    )
    r = client.post("/api/citizen/publications", json=body, headers=login(client, town.supervisor))
    assert r.status_code == 201, r.text
    client.cookies.clear()

    r = client.get("/api/public/boards/results")
    assert r.status_code == 200 and r.headers["etag"]
    page = r.json()
    assert set(page) == PAGE_FIELDS and page["count"] == 1
    item = page["data"][0]
    assert set(item) == ITEM_FIELDS
    assert set(item["facts"]) == FACT_FIELDS
    assert all(set(p) == PHOTO_FIELDS for p in item["photos"])
    assert item["road"] == "人民路" and item["category"]
    text = r.text
    for secret in (
        "13812345678", town.inspector.name, town.road_chief.name, town.inspector.username,
        ticket["number"], unpublished["number"], f"{LAT0 + 0.0001:.4f}", "31.000", "119.89",
        "original", "/api/photos/",
    ):  # fmt: skip
        assert secret not in text, secret
    # Unchanged board: 304 on the ETag.
    again = client.get("/api/public/boards/results", headers={"If-None-Match": r.headers["etag"]})
    assert again.status_code == 304

    blurred = client.get(item["photos"][0]["url"])
    assert blurred.status_code == 200 and blurred.headers["content-type"] == "image/jpeg"
    img = Image.open(io.BytesIO(blurred.content))
    assert not img.getexif() and b"Exif" not in blurred.content[:2000]
    assert not img.info.get("exif")
    # The blurred corner is flat; the same corner of the private display copy is not.
    display = Image.open(io.BytesIO(client.get(before["url"], headers=sup).content))
    w, h = img.size
    corner = img.crop((0, 0, w // 2, h // 2)).convert("L")
    own = display.resize(img.size).crop((0, 0, w // 2, h // 2)).convert("L")
    assert edges(corner) < edges(own) / 3

    # Open311 readers see the published note and the blurred after-photo, nothing more.
    def open311() -> dict[str, Any]:
        listed = client.get("/open311/v2/requests.json").json()
        return next(r for r in listed if r["service_request_id"] == ticket["number"])

    after_url = next(p["url"] for p in item["photos"] if p["kind"] == "after")
    # media_url is a URL a client system can fetch, not a path on this site.
    assert (open311()["description"], open311()["media_url"]) == (
        "当日整改完毕",
        f"http://testserver{after_url}",
    )

    # Withdrawn: gone from the board, its photo URL and the Open311 lists, at once.
    pub_id = item["id"]
    assert (
        client.post(f"/api/citizen/publications/{pub_id}/withdraw", headers=sup).status_code == 200
    )
    client.cookies.clear()
    assert client.get("/api/public/boards/results").json()["count"] == 0
    assert client.get(item["photos"][0]["url"]).status_code == 404
    assert (open311()["description"], open311()["media_url"]) == ("", "")


def test_exposure_takes_only_overdue_or_reworked_cases(client: Any, db: Session) -> None:
    from datetime import timedelta

    from app.core.timeutil import utcnow

    town = create_town(db)
    fresh = report(client, login(client, town.inspector), seed=41).json()
    sup = login(client, town.supervisor)
    body = {
        "ticket_id": fresh["id"],
        "board": "exposure",
        "title": "超期未整改",
        "photos": [{"photo_id": fresh["photos"][0]["id"], "blur": []}],
    }
    assert client.post("/api/citizen/publications", json=body, headers=sup).status_code == 409
    row = db.get(Ticket, fresh["id"])
    assert row is not None
    row.due_at = utcnow() - timedelta(days=3)
    db.flush()
    cands = client.get("/api/citizen/publications/candidates?board=exposure", headers=sup).json()
    assert fresh["id"] in [c["id"] for c in cands]
    r = client.post("/api/citizen/publications", json=body, headers=sup)
    assert r.status_code == 201, r.text
    client.cookies.clear()
    page = client.get("/api/public/boards/exposure").json()
    assert page["data"][0]["facts"]["overdue_days"] >= 2
    assert page["by_unit"] == [{"unit": page["data"][0]["unit"], "count": 1}]
    assert town.road_chief.name not in str(page)


def test_blur_rectangles_outside_the_photo_are_refused(client: Any, db: Session) -> None:
    town = create_town(db)
    ticket = _closed_ticket(client, town)
    photos = [{"photo_id": p["id"], "blur": [[0.5, 0.5, 2, -1]]} for p in ticket["photos"][:2]]
    body = {"ticket_id": ticket["id"], "board": "results", "title": "t", "photos": photos}
    r = client.post("/api/citizen/publications", json=body, headers=login(client, town.supervisor))
    assert r.status_code == 422
