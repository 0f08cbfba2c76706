"""Rounds: unannounced visibility, draws, sheets that file tickets, scores, ledger (the rules at
the action level where HTTP adds nothing, the contract over the API)."""

import datetime as dt
import io
import json
import uuid

import pytest
from sqlmodel import Session, col, select

from app.auth.policy import Actor, Jurisdiction, can_view_round
from app.core.errors import Invalid
from app.evaluation import actions, flows, rounds, survey
from app.evaluation.models import ItemOutcome, Round, RoundKind, Sheet
from app.evaluation.scores import site_score
from app.ledger.models import Event
from app.tickets.models import Ticket
from tests.evaluation.factories import create_world, round_body, sheet_form, xlsx
from tests.factories import create_town, jpeg_bytes, login


def _setup(client, db: Session):
    town = create_town(db)
    world = create_world(db, town)
    sup = login(client, town.supervisor)
    r = client.post("/api/rounds", json=round_body(world), headers=sup)
    assert r.status_code == 201, r.text
    return world, sup, r.json()


def _submit(client, headers, round_id, form, files=None, key=None):
    return client.post(
        f"/api/rounds/{round_id}/sheets",
        data=form,
        files=files or [],
        headers={**headers, "Idempotency-Key": key or uuid.uuid4().hex},
    )


def test_chiefs_and_departments_get_404_on_an_open_round_until_it_is_closed(client, db):
    world, sup, rnd = _setup(client, db)
    town = world.town
    # The rule, for every unit role (no HTTP): unannounced until closed.
    round_ = db.get(Round, rnd["id"])
    named = rounds.inspector_ids(db, round_)
    units = (town.road_chief, town.zone_chief, town.leader, town.dept_staff)
    assert not any(can_view_round(Actor(u, Jurisdiction()), round_, named) for u in units)
    assert can_view_round(Actor(town.inspector, Jurisdiction()), round_, named)
    # The contract: a 404, as for a ticket one may not see, and absent from the list.
    staff = login(client, town.dept_staff)
    assert client.get(f"/api/rounds/{rnd['id']}", headers=staff).status_code == 404
    assert client.get(f"/api/rounds/{rnd['id']}/scores", headers=staff).status_code == 404
    assert client.get("/api/rounds", headers=staff).json()["count"] == 0
    assert client.post(f"/api/rounds/{rnd['id']}/close", headers=sup).status_code == 200
    db.refresh(round_)
    assert all(can_view_round(Actor(u, Jurisdiction()), round_, named) for u in units)
    assert client.get(f"/api/rounds/{rnd['id']}", headers=staff).status_code == 200
    assert client.get(f"/api/rounds/{rnd['id']}/scores", headers=staff).status_code == 200


def test_a_chief_named_a_rounds_inspector_sees_and_scores_it_while_it_is_open(client, db):
    town = create_town(db)
    world = create_world(db, town)
    sup = login(client, town.supervisor)
    body = round_body(world, inspector_ids=[town.other_chief.id])
    rnd = client.post("/api/rounds", json=body, headers=sup).json()
    chief = login(client, town.other_chief)
    assert client.get(f"/api/rounds/{rnd['id']}", headers=chief).status_code == 200
    assert [r["id"] for r in client.get("/api/rounds", headers=chief).json()["data"]] == [rnd["id"]]
    toilet = next(s for s in world.sites if s.name == "toilet-2")
    assert _submit(client, chief, rnd["id"], sheet_form(toilet, [])).status_code == 201
    # Still unannounced to the chiefs it does not name.
    other = login(client, town.road_chief)
    assert client.get(f"/api/rounds/{rnd['id']}", headers=other).status_code == 404


def test_a_self_check_is_visible_to_its_own_unit_only(client, db):
    town = create_town(db)
    world = create_world(db, town)
    staff = login(client, town.dept_staff)
    body = round_body(
        world,
        kind="self",
        inspector_ids=[],
        site_ids=None,
        draw={"per_type_per_zone": 2, "seed": 7},
    )
    r = client.post("/api/rounds", json=body, headers=staff)
    assert r.status_code == 201, r.text
    # Only the department's own sites (the markets) can be drawn.
    assert {s["type"] for s in r.json()["sites"]} == {"market"}
    assert client.get(f"/api/rounds/{r.json()['id']}", headers=staff).status_code == 200
    chief = login(client, town.other_chief)
    assert client.get(f"/api/rounds/{r.json()['id']}", headers=chief).status_code == 404


def test_the_draw_is_reproducible_from_its_seed(db):
    town = create_town(db)
    create_world(db, town)
    sup = Actor(town.supervisor, Jurisdiction())

    def draw(n: int, seed: int | None) -> Round:
        new = rounds.NewRound(
            name="季度测评", kind=RoundKind.quarterly, standards_version="T-1",
            starts_on=dt.date(2026, 11, 1), ends_on=dt.date(2026, 11, 30),
            inspector_ids=[town.inspector.id], site_ids=None, draw=rounds.Draw(n, seed),
        )  # fmt: skip
        return actions.create_round(db, sup, new)

    def drawn(rnd: Round) -> list[int]:
        return sorted(s["id"] for s in rounds.round_detail(db, rnd)["sites"])

    made = [draw(2, seed) for seed in (11, 11, 12345)]
    assert [r.draw["seed"] for r in made] == [11, 11, 12345]  # type: ignore[index]
    assert drawn(made[0]) == drawn(made[1])
    # Two per type per zone: town's roads (2 main roads), 2 markets, 2 toilets.
    assert len(drawn(made[0])) == 6
    # No seed given: one is made up and stored, so the draw can still be re-run.
    unseeded = draw(1, None)
    again = draw(1, unseeded.draw["seed"])  # type: ignore[index]
    assert drawn(unseeded) == drawn(again)


def test_a_sheet_with_two_deductions_files_two_routed_tickets_and_a_retry_counts_once(client, db):
    world, _sup, rnd = _setup(client, db)
    insp = login(client, world.town.inspector)
    market = world.sites[0]
    results = [
        {"item_code": "A1", "outcome": "deduct", "occurrences": 3, "photo_field": "p1"},
        {"item_code": "A2", "outcome": "deduct", "occurrences": 1, "photo_field": "p2"},
        {"item_code": "A3", "outcome": "na"},
    ]
    files = [
        ("p1", ("a.jpg", jpeg_bytes(1), "image/jpeg")),
        ("p2", ("b.jpg", jpeg_bytes(2), "image/jpeg")),
    ]
    key = uuid.uuid4().hex
    r = _submit(client, insp, rnd["id"], sheet_form(market, results), files, key)
    assert r.status_code == 201, r.text
    sheet = r.json()
    # 3 × 0.5 = 1.5 (cap 2) and 1 × 1 → 97.5
    assert sheet["score"] == 97.5
    assert len(sheet["tickets"]) == 2
    tickets = [db.get(Ticket, t) for t in sheet["tickets"]]
    assert sorted(t.category_code for t in tickets) == ["0201", "0505"]
    # On 人民路, but the market's unit answers for it: the department's queue.
    assert all(t.road_id == world.town.east_west.id for t in tickets)
    assert all(t.assignee_id == world.town.dept_staff.id for t in tickets)
    assert all(t.department_id == world.town.department.id for t in tickets)
    assert all(
        len(client.get(f"/api/tickets/{t.id}", headers=insp).json()["photos"]) == 1 for t in tickets
    )
    again = _submit(client, insp, rnd["id"], sheet_form(market, results), files, key)
    assert again.status_code == 200 and again.json()["id"] == sheet["id"]
    assert len(db.exec(select(Sheet).where(Sheet.round_id == rnd["id"])).all()) == 1
    assert db.exec(select(Ticket).where(col(Ticket.id).in_(sheet["tickets"]))).all()
    count = len(db.exec(select(Ticket)).all())
    assert count == 2
    # The same key for another body is refused; another key for the same site is a conflict.
    changed = sheet_form(market, results[1:])
    assert _submit(client, insp, rnd["id"], changed, files, key).status_code == 422
    assert _submit(client, insp, rnd["id"], sheet_form(market, results), files).status_code == 409


def test_a_deduction_needing_a_photo_is_refused_without_one(client, db):
    world, _sup, rnd = _setup(client, db)
    insp = login(client, world.town.inspector)
    r = _submit(
        client,
        insp,
        rnd["id"],
        sheet_form(world.sites[0], [{"item_code": "A1", "outcome": "deduct", "occurrences": 1}]),
    )
    assert r.status_code == 422 and "A1" in r.json()["detail"]
    assert db.exec(select(Sheet)).all() == []


def test_a_deduction_that_files_no_ticket_keeps_its_photo_on_the_sheet_and_in_the_export(
    client, db
):
    from openpyxl import load_workbook

    world, sup, rnd = _setup(client, db)
    insp = login(client, world.town.inspector)
    market = world.sites[0]
    # A3 (公平秤) is not a street problem: it files no ticket, but its photo is evidence.
    results = [
        {"item_code": "A3", "outcome": "deduct", "occurrences": 1, "photo_field": "scale"},
        {"item_code": "A2", "outcome": "deduct", "occurrences": 1, "photo_field": "car"},
    ]
    files = [
        ("scale", ("s.jpg", jpeg_bytes(7), "image/jpeg")),
        ("car", ("c.jpg", jpeg_bytes(8), "image/jpeg")),
    ]
    r = _submit(client, insp, rnd["id"], sheet_form(market, results), files)
    assert r.status_code == 201, r.text
    sheet = r.json()
    assert len(sheet["tickets"]) == 1  # only A2 files one
    by_code = {x["item_code"]: x for x in sheet["results"]}
    assert by_code["A3"]["ticket"] is None and by_code["A3"]["points"] == 2
    [kept] = by_code["A3"]["photos"]
    [on_ticket] = by_code["A2"]["photos"]
    assert on_ticket["url"].startswith("/api/photos/")
    for url in (kept["url"], kept["thumb_url"]):
        got = client.get(url, headers=sup)
        assert got.status_code == 200 and got.content[:2] == b"\xff\xd8", url
    # The sheet read back shows it too; a chief cannot reach it while the round is open.
    again = client.get(f"/api/rounds/{rnd['id']}/sheets/{sheet['id']}", headers=sup).json()
    assert [p["url"] for x in again["results"] if x["item_code"] == "A3" for p in x["photos"]] == [
        kept["url"]
    ]
    assert client.get(kept["url"], headers=login(client, world.town.road_chief)).status_code == 404
    book = client.get(f"/api/rounds/{rnd['id']}/scores.xlsx", headers=sup).content
    rows = list(load_workbook(io.BytesIO(book))["扣分明细"].iter_rows(min_row=4, values_only=True))
    by_item = {row[1]: row for row in rows}
    assert set(by_item) == {"A2", "A3"}
    assert by_item["A3"][6] == "（不派单）" and by_item["A3"][7] == kept["url"]
    assert by_item["A2"][6] == db.get(Ticket, sheet["tickets"][0]).number
    assert by_item["A2"][7] == on_ticket["url"]


def test_a_check_in_outside_the_radius_is_flagged_not_refused(client, db):
    world, sup, rnd = _setup(client, db)
    insp = login(client, world.town.inspector)
    site = world.sites[1]
    r = _submit(client, insp, rnd["id"], sheet_form(site, [], lat=site.lat + 0.01))
    assert r.status_code == 201, r.text
    assert r.json()["far"] is True and r.json()["distance_m"] > 1000
    detail = client.get(f"/api/rounds/{rnd['id']}", headers=sup).json()
    assert detail["progress"] == {"sites": 8, "done": 1, "flagged": 1}


def test_scores_rank_units_with_ties_and_close_publishes_what_the_ledger_recomputes(client, db):
    world, sup, rnd = _setup(client, db)
    insp = login(client, world.town.inspector)
    markets = [s for s in world.sites if s.type_code == "market"]
    toilets = [s for s in world.sites if s.type_code == "toilet"]
    for i, site in enumerate(markets[:2]):
        results = [{"item_code": "A3", "outcome": "deduct", "occurrences": 1}] if i else []
        assert _submit(client, insp, rnd["id"], sheet_form(site, results)).status_code == 201
    r = _submit(
        client,
        insp,
        rnd["id"],
        sheet_form(toilets[0], [{"item_code": "B1", "outcome": "deduct", "occurrences": 2}]),
    )
    assert r.status_code == 201 and r.json()["score"] == 98
    scores = client.get(f"/api/rounds/{rnd['id']}/scores", headers=sup).json()
    units = {u["name"]: u for u in scores["units"]}
    assert units["交警大队"]["score"] == 99 and units["交警大队"]["rank"] == 1
    assert scores["units"][1]["score"] == 98 and scores["units"][1]["rank"] == 2
    assert scores["items"][0]["item_code"] in ("A3", "B1")
    assert scores["tickets"]["filed"] == 1  # B1 files a ticket, A3 (no category) does not
    book = client.get(f"/api/rounds/{rnd['id']}/scores.xlsx", headers=sup).content
    from openpyxl import load_workbook

    units_sheet = load_workbook(io.BytesIO(book))["按责任单位"]
    assert [c.value for c in units_sheet[4]][:4] == ["1", "交警大队", 2, 99]
    page = client.get(f"/api/rounds/{rnd['id']}/scores/print", headers=sup).text
    assert "<script" not in page and "交警大队" in page
    closed = client.post(f"/api/rounds/{rnd['id']}/close", headers=sup)
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert client.post(f"/api/rounds/{rnd['id']}/close", headers=sup).status_code == 409
    published = client.get(f"/api/rounds/{rnd['id']}/scores", headers=sup).json()

    # Recompute the published unit scores from the ledger alone.
    events = db.exec(
        select(Event).where(col(Event.ticket_id).is_(None)).order_by(col(Event.id))
    ).all()
    mine = [e for e in events if e.data.get("round_id") == rnd["id"]]
    created = next(e for e in mine if e.action == "round_create")
    assert sorted(created.data["site_ids"]) == sorted(s.id for s in world.sites)
    sheets = {e.data["sheet_id"]: e.data for e in mine if e.action == "sheet_submit"}
    lost: dict[int, list] = {sid: [] for sid in sheets}
    for e in mine:
        if e.action == "item_result" and e.to_status == "deduct":
            lost[e.data["sheet_id"]].append(
                (e.data["occurrences"], e.data["points_each"], e.data["cap"])
            )
    close = next(e for e in mine if e.action == "round_close")
    units_from_ledger: dict[str, list[float]] = {}
    for sid, data in sheets.items():
        score, _ = site_score(lost[sid])
        assert close.data["sites"][str(data["site_id"])] == score
        key = (
            f"department:{data['unit_department_id']}"
            if data["unit_department_id"]
            else f"chief:{data['unit_chief_id']}"
        )
        units_from_ledger.setdefault(key, []).append(score)
    recomputed = {k: round(sum(v) / len(v), 2) for k, v in units_from_ledger.items()}
    assert recomputed == {u["key"]: u["score"] for u in published["units"]}
    assert client.get("/api/ledger/verify", headers=sup).json()["ok"] is True


def test_survey_answers_are_counted_once_per_respondent_with_wilson_intervals(client, db):
    from app.evaluation.demo import QUESTIONNAIRE, QUESTIONS
    from app.evaluation.models import Questionnaire, SurveyQuestion

    town = create_town(db)
    world = create_world(db, town)
    q = Questionnaire(code=QUESTIONNAIRE[0], name=QUESTIONNAIRE[1])
    db.add(q)
    db.flush()
    for code, text, measure, options in QUESTIONS:
        db.add(
            SurveyQuestion(
                questionnaire_id=q.id,
                code=code,
                text=text,
                measure=measure,
                options=[{"code": c, "label": lb, "positive": p} for c, lb, p in options],
            )
        )
    db.flush()
    sup = login(client, town.supervisor)
    rnd = client.post(
        "/api/rounds", json=round_body(world, questionnaire=q.code), headers=sup
    ).json()
    # Nine respondents at the action level, the tenth over the API (the contract: 201, then 200
    # for the same respondent again, counted once).
    inspector, round_ = Actor(town.inspector, Jurisdiction()), db.get(Round, rnd["id"])
    for i in range(9):
        answers = {"Q1": "yes" if i < 8 else "no"}
        respondent = survey.Respondent(answers, 31.0, 119.9, None)
        assert actions.answer_survey(db, inspector, round_, respondent, uuid.uuid4().hex)[1]
    insp = login(client, town.inspector)
    key = uuid.uuid4().hex
    for status in (201, 200):
        r = client.post(
            f"/api/rounds/{rnd['id']}/survey",
            json={"answers": {"Q1": "no"}, "lat": 31.0, "lon": 119.9},
            headers={**insp, "Idempotency-Key": key},
        )
        assert r.status_code == status, r.text
    res = client.get(f"/api/rounds/{rnd['id']}/survey/results", headers=sup).json()
    q1 = res["questions"][0]["overall"]
    assert (q1["n"], q1["positive"], q1["rate"]) == (10, 8, 0.8)
    # Wilson 95 % for 8/10: 0.4902 – 0.9433
    assert (q1["low"], q1["high"]) == (0.4902, 0.9433)
    assert res["questions"][0]["zones"][0]["zone"] == "城东片区"


def test_standards_xlsx_round_trips_and_a_malformed_file_names_row_and_column(client, db):
    town = create_town(db)
    create_world(db, town)
    admin = login(client, town.supervisor)
    exported = client.get("/api/admin/standards/export.xlsx?version=T-1", headers=admin)
    assert exported.status_code == 200
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(exported.content))
    sheet = book.worksheets[0]
    sheet["B1"] = "T-2"
    buf = io.BytesIO()
    book.save(buf)
    r = client.post(
        "/api/admin/standards/import", files={"file": ("s.xlsx", buf.getvalue())}, headers=admin
    )
    assert r.status_code == 200, r.text
    assert r.json() == {"version": "T-2", "name": "测试体系", "items": 4}
    tree = client.get("/api/standards?version=T-2", headers=admin).json()
    assert tree["projects"][0]["contents"][0]["items"][0]["code"] == "A1"

    from app.evaluation.standards import COLUMNS

    bad = xlsx(
        [
            ["版本", "T-3"],
            COLUMNS,
            ["01", "环境", "0101", "市容", "X1", "无小广告", "农贸市场", 1, 2, "是", "0201"],
            ["01", "环境", "0101", "市容", "X2", "无乱停车", "农贸市场", "三分", 2, "否", ""],
        ]
    )
    r = client.post("/api/admin/standards/import", files={"file": ("b.xlsx", bad)}, headers=admin)
    assert r.status_code == 422
    assert "第4行 H列（每处扣分）" in r.json()["detail"] and "三分" in r.json()["detail"]
    r = client.post(
        "/api/admin/standards/import", files={"file": ("b.xlsx", b"not a zip")}, headers=admin
    )
    assert r.status_code == 422


def test_sites_import_from_xlsx_and_geojson_refuses_bad_cells_by_row_and_column(client, db):
    town = create_town(db)
    admin = login(client, town.supervisor)
    good = xlsx(
        [
            ["名称", "类型", "经度", "纬度", "责任单位", "签到半径(米)"],
            ["东门菜场", "农贸市场", 119.9, 31.0, town.department.name, 40],
        ]
    )
    r = client.post("/api/admin/sites/import", files={"file": ("s.xlsx", good)}, headers=admin)
    assert r.status_code == 200 and r.json()["created"] == 1, r.text
    bad = xlsx(
        [
            ["名称", "类型", "经度", "纬度", "责任单位"],
            ["甲", "农贸市场", 119.9, 31.0, "x"],
            ["乙", "农贸市场", "东经", 31.0, "x"],
        ]
    )
    r = client.post("/api/admin/sites/import", files={"file": ("s.xlsx", bad)}, headers=admin)
    assert r.status_code == 422 and "第3行 C列（经度）" in r.json()["detail"]
    geo = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [119.91, 31.0]},
                "properties": {"name": "南站", "type": "车站", "unit": town.other_chief.username},
            }
        ],
    }
    r = client.post(
        "/api/admin/sites/import",
        files={"file": ("s.geojson", json.dumps(geo).encode())},
        headers=admin,
    )
    assert r.status_code == 200 and r.json()["created"] == 1, r.text
    sites = client.get("/api/sites", headers=admin).json()["features"]
    props = {f["properties"]["name"]: f["properties"] for f in sites}
    assert props["南站"]["zone"] == "城东片区" and props["南站"]["unit"]["name"].startswith(
        "李所长"
    )
    # Roads are sites without being entered again.
    assert props["人民路"]["type"] == "main_road"


def test_the_next_round_of_the_same_kind_shows_the_change_and_type_weights_apply(
    client, db, monkeypatch
):
    from app.evaluation.settings import get_evaluation_settings

    world, sup, first = _setup(client, db)
    insp = login(client, world.town.inspector)
    market, toilet = world.sites[0], world.sites[1]
    deduct_b1 = [{"item_code": "B1", "outcome": "deduct", "occurrences": 4}]
    assert _submit(client, insp, first["id"], sheet_form(toilet, deduct_b1)).status_code == 201
    assert client.post(f"/api/rounds/{first['id']}/close", headers=sup).status_code == 200
    second = client.post(
        "/api/rounds", json=round_body(world, ends_on="2026-12-30"), headers=sup
    ).json()
    assert _submit(client, insp, second["id"], sheet_form(toilet, [])).status_code == 201
    # The chief's toilet went from 96 to 100; the market is new and has nothing to compare.
    assert (
        _submit(
            client,
            insp,
            second["id"],
            sheet_form(market, [{"item_code": "A3", "outcome": "deduct", "occurrences": 1}]),
        ).status_code
        == 201
    )
    scores = client.get(f"/api/rounds/{second['id']}/scores", headers=sup).json()
    units = {u["kind"]: u for u in scores["units"]}
    assert units["chief"]["delta"] == 4 and units["department"]["delta"] is None
    assert scores["round"]["previous"]["id"] == first["id"]
    zone = scores["zones"][0]
    assert zone["score"] == 99 and zone["delta"] == 3  # mean of 100 and 98, against 96

    # Markets weigh three times a toilet in the zone's mean: (3 × 98 + 100) / 4.
    monkeypatch.setenv("ROADCHIEF_EVALUATION_TYPE_WEIGHTS", '{"market": 3}')
    get_evaluation_settings.cache_clear()
    try:
        scores = client.get(f"/api/rounds/{second['id']}/scores", headers=sup).json()
    finally:
        get_evaluation_settings.cache_clear()
    assert scores["zones"][0]["score"] == 98.5


def test_the_cli_imports_sites_and_standards(db, tmp_path, monkeypatch, capsys, database_url):
    from app.cli import main
    from app.core.config import get_settings
    from app.core.db import get_engine
    from app.evaluation.standards import COLUMNS

    if not database_url.startswith("sqlite"):
        pytest.skip("the command's migrate/commit path is the same on both; one run suffices")
    monkeypatch.setenv("ROADCHIEF_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    get_settings.cache_clear()
    get_engine.cache_clear()
    try:
        standards = tmp_path / "standards.xlsx"
        standards.write_bytes(
            xlsx(
                [
                    ["版本", "CLI-1", "名称", "命令行导入"],
                    COLUMNS,
                    [
                        "01",
                        "环境",
                        "0101",
                        "市容",
                        "C1",
                        "无小广告",
                        "农贸市场",
                        0.5,
                        2,
                        "是",
                        "0201",
                    ],
                ]
            )
        )
        main(["import", "standards", str(standards)])
        assert "standards version CLI-1: 1 items" in capsys.readouterr().out
        sites = tmp_path / "sites.xlsx"
        sites.write_bytes(
            xlsx(
                [
                    ["名称", "类型", "经度", "纬度", "责任单位"],
                    ["东门菜场", "农贸市场", 119.9, 31.0, "市场监管所"],
                ]
            )
        )
        main(["import", "sites", str(sites)])
        assert "sites: 1 created, 0 updated" in capsys.readouterr().out
        bad = tmp_path / "bad.xlsx"
        bad.write_bytes(
            xlsx(
                [
                    ["名称", "类型", "经度", "纬度", "责任单位"],
                    ["西门菜场", "农贸市场", 119.9, "北纬", "市场监管所"],
                ]
            )
        )
        try:
            main(["import", "sites", str(bad)])
            raise AssertionError("a malformed file must be refused")
        except SystemExit as exc:
            assert exc.code == 2
        assert "第2行 D列（纬度）" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()
        get_engine.cache_clear()


def test_a_sheet_over_an_items_cap_is_scored_stored_and_ledgered_at_the_cap(client, db):
    from app.evaluation.models import SheetResult

    world, sup, rnd = _setup(client, db)
    insp = login(client, world.town.inspector)
    market = next(s for s in world.sites if s.type_code == "market")
    # A3 (公平秤): 2 points each, at most 2 per site; five found would be 10 without the cap.
    results = [{"item_code": "A3", "outcome": "deduct", "occurrences": 5}]
    r = _submit(client, insp, rnd["id"], sheet_form(market, results))
    assert r.status_code == 201, r.text
    sheet = r.json()
    assert sheet["score"] == 98
    stored = db.exec(select(SheetResult).where(SheetResult.sheet_id == sheet["id"])).all()
    (deducted,) = [s for s in stored if s.outcome == "deduct"]
    assert (deducted.occurrences, deducted.points) == (5, 2)
    events = [
        e
        for e in db.exec(select(Event).where(col(Event.ticket_id).is_(None)))
        if e.data.get("sheet_id") == sheet["id"]
    ]
    item = next(e for e in events if e.action == "item_result" and e.to_status == "deduct")
    assert (item.data["occurrences"], item.data["points"], item.data["cap"]) == (5, 2, 2)
    assert next(e for e in events if e.action == "sheet_submit").data["score"] == 98
    scores = client.get(f"/api/rounds/{rnd['id']}/scores", headers=sup).json()
    assert any(u["score"] == 98 for u in scores["units"])
    assert client.post(f"/api/rounds/{rnd['id']}/close", headers=sup).status_code == 200
    close = db.exec(
        select(Event).where(Event.action == "round_close").order_by(col(Event.id).desc())
    ).first()
    assert close is not None and close.data["sites"][str(market.id)] == 98


def test_a_closed_round_refuses_a_new_sheet_but_a_replay_still_answers(client, db):
    world, sup, rnd = _setup(client, db)
    insp = login(client, world.town.inspector)
    first, second = [s for s in world.sites if s.type_code == "market"][:2]
    results = [{"item_code": "A3", "outcome": "deduct", "occurrences": 1}]
    key = uuid.uuid4().hex
    accepted = _submit(client, insp, rnd["id"], sheet_form(first, results), key=key)
    assert accepted.status_code == 201, accepted.text
    assert client.post(f"/api/rounds/{rnd['id']}/close", headers=sup).status_code == 200
    late = _submit(client, insp, rnd["id"], sheet_form(second, results))
    assert late.status_code in (409, 422), late.text
    assert db.exec(select(Sheet).where(Sheet.site_id == second.id)).all() == []
    # The phone that sent the accepted sheet retries (its answer was lost): the same sheet.
    replay = _submit(client, insp, rnd["id"], sheet_form(first, results), key=key)
    assert replay.status_code == 200, replay.text
    assert replay.json()["id"] == accepted.json()["id"]
    assert client.get(f"/api/rounds/{rnd['id']}/scores", headers=sup).json()["units"]


def test_a_retried_sheet_is_answered_before_any_photo_work(app, db, monkeypatch):
    from tests.photos.conftest import upload

    town = create_town(db)
    world = create_world(db, town)
    market = world.sites[0]
    new = rounds.NewRound(
        name="日常督查", kind=RoundKind.daily, standards_version="T-1",
        starts_on=dt.date(2026, 11, 1), ends_on=dt.date(2026, 11, 30),
        inspector_ids=[town.inspector.id], site_ids=[market.id], draw=None,
    )  # fmt: skip
    rnd = actions.create_round(db, Actor(town.supervisor, Jurisdiction()), new)
    inspector = Actor(town.inspector, Jurisdiction())
    results = [flows.ResultIn("A2", ItemOutcome.deduct, 1, "", "p")]
    data = flows.SheetIn(market.id, market.lat, market.lon, 8, results)
    key = uuid.uuid4().hex
    first = actions.submit_sheet(db, inspector, rnd, data, key, {"p": [upload(jpeg_bytes(8))]})
    assert first.created and len(first.tickets) == 1

    def decode_again(_files):
        raise AssertionError("a retry decoded and stored its photos again")

    monkeypatch.setattr(actions, "prepare_photos", decode_again)
    again = actions.submit_sheet(db, inspector, rnd, data, key, {"p": [upload(jpeg_bytes(8))]})
    assert not again.created and again.sheet.id == first.sheet.id
    assert again.tickets == first.tickets
    with pytest.raises(Invalid):  # another photo under the key: refused before any work
        actions.submit_sheet(db, inspector, rnd, data, key, {"p": [upload(jpeg_bytes(9))]})
