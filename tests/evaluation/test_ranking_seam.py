"""The 测评 scoreboard ranks as the 通报 does: 末位 never falls on a tie reaching above the last
places (issue 16: in one round all four zones were 末位, two of them tied first at 100)."""

import io
import uuid

from openpyxl import load_workbook

from app.evaluation.models import Round
from app.org.models import Zone
from tests.evaluation.factories import create_world, round_body, sheet_form
from tests.factories import create_town, login


def test_four_zones_two_tied_first_only_the_last_are_bottom_on_screen_and_in_print(client, db):
    town = create_town(db)
    world = create_world(db, town)
    zones = [town.zone]
    for name in ("城西片区", "城南片区", "城北片区"):
        zone = Zone(area_id=town.area.id, name=name, geometry=town.zone.geometry)
        db.add(zone)
        zones.append(zone)
    db.flush()
    # Sites go market-0, toilet-0, market-1, toilet-1, …: two per zone.
    for i, site in enumerate(world.sites):
        site.zone_id = zones[i // 2].id
        db.add(site)
    db.flush()
    sup = login(client, town.supervisor)
    rnd = client.post("/api/rounds", json=round_body(world), headers=sup).json()
    insp = login(client, town.inspector)
    lost = {5: 1, 7: 3}  # toilet-2 (城南) and toilet-3 (城北) lose points
    for i, site in enumerate(world.sites):
        results = (
            [{"item_code": "B1", "outcome": "deduct", "occurrences": lost[i]}] if i in lost else []
        )
        r = client.post(
            f"/api/rounds/{rnd['id']}/sheets",
            data=sheet_form(site, results),
            headers={**insp, "Idempotency-Key": uuid.uuid4().hex},
        )
        assert r.status_code == 201, r.text

    scores = client.get(f"/api/rounds/{rnd['id']}/scores", headers=sup).json()
    board = [(z["name"], z["score"], z["rank"], z["tied"], z["bottom"]) for z in scores["zones"]]
    assert [b[1:] for b in board[:2]] == [(100.0, 1, True, False)] * 2
    assert [(b[0], b[2], b[4]) for b in board[2:]] == [("城南片区", 3, True), ("城北片区", 4, True)]

    book = client.get(f"/api/rounds/{rnd['id']}/scores.xlsx", headers=sup).content
    sheet = load_workbook(io.BytesIO(book))["按片区"]
    printed = [[c.value for c in row] for row in sheet.iter_rows(min_row=4, max_row=7)]
    assert [(r[0], r[-1] or "") for r in printed] == [
        ("1（并列）", ""),
        ("1（并列）", ""),
        ("3", "末位"),
        ("4", "末位"),
    ]

    # Closed, its scores are frozen; a round frozen under the old rule (every zone 末位) is
    # shown by today's rule: its scores stay, its 末位 are given again.
    assert client.post(f"/api/rounds/{rnd['id']}/close", headers=sup).status_code == 200
    frozen = db.get(Round, rnd["id"])
    db.refresh(frozen)
    old = {**frozen.published, "zones": [{**z, "bottom": True} for z in frozen.published["zones"]]}
    frozen.published = old
    db.add(frozen)
    db.flush()
    shown = client.get(f"/api/rounds/{rnd['id']}/scores", headers=sup).json()["zones"]
    assert [(z["name"], z["score"], z["bottom"]) for z in shown][2:] == [
        ("城南片区", board[2][1], True),
        ("城北片区", board[3][1], True),
    ]
    assert not any(z["bottom"] for z in shown[:2])
