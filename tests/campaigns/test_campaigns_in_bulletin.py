"""专项整治 in the weekly bulletin: the campaigns running that week, found and rectified in the
week and so far, against their target; a campaign outside the week is not listed."""

import datetime as dt
import io

import openpyxl

from app.campaigns.models import Campaign
from app.stats.document import document
from app.stats.render import bulletin_html, bulletin_xlsx
from app.stats.service import Week, bulletin
from app.stats.settings import BulletinSettings
from app.tickets.models import Status
from tests.campaigns.test_figures import _ticket, at
from tests.factories import create_town


def test_campaigns_running_in_the_week_are_in_the_bulletin(db):
    town = create_town(db)
    running = Campaign(
        name="牛皮癣百日攻坚", starts_on=dt.date(2030, 5, 20), ends_on=dt.date(2030, 8, 31),
        category_codes=["0201"], department_id=town.department.id, target_rate=0.9,
    )  # fmt: skip
    over = Campaign(name="春季整治", starts_on=dt.date(2030, 3, 1), ends_on=dt.date(2030, 5, 31))
    db.add_all([running, over])
    db.flush()
    # W23 is 3–9 June 2030. One found the week before (30 May), three in the week: two
    # rectified within 4 working hours of assignment, one past it and still open.
    common = {"category_code": "0201", "zone_id": town.zone.id, "assignee_id": town.road_chief.id}
    _ticket(db, town, received_at=at(5, 8) - dt.timedelta(days=6),
            assigned_at=at(5, 9) - dt.timedelta(days=6), status=Status.closed,
            rectified_at=at(5, 10) - dt.timedelta(days=6), **common)  # fmt: skip
    for rectified in (at(5, 10), at(5, 11)):
        _ticket(db, town, assigned_at=at(5, 9), status=Status.rectified,
                rectified_at=rectified, **common)  # fmt: skip
    _ticket(db, town, assigned_at=at(5, 9), status=Status.assigned, due_at=at(6, 17), **common)

    cfg = BulletinSettings()
    data = bulletin(db, Week.parse("2030-W23", "Asia/Shanghai"), at(9, 20), cfg)
    data["document"] = document(db, data, cfg, "Asia/Shanghai")
    (row,) = data["campaigns"]
    assert (row["name"], row["department"], row["status"]) == (
        "牛皮癣百日攻坚",
        "交警大队",
        "active",
    )
    assert (row["found_in_week"], row["rectified_in_week"]) == (3, 2)
    assert (row["found"], row["rectified"], row["overdue"]) == (4, 3, 1)
    assert row["on_time"] == 3 and row["due"] == 4
    assert row["meets_target"] is False and row["lagging"] == ["王主任"]

    book = openpyxl.load_workbook(io.BytesIO(bulletin_xlsx(data)))
    cells = next(book["专项整治"].iter_rows(min_row=4, values_only=True))
    assert cells[:5] == ("牛皮癣百日攻坚", "交警大队", "2030-05-20 至 2030-08-31", 3, 2)
    assert cells[-1] == "未达标"
    page = bulletin_html(data)
    assert "专项整治" in page and "牛皮癣百日攻坚" in page and "春季整治" not in page
