"""The printable 通报 printed by Chromium to A4 portrait: page count, text, and no cut table.

No server: the page the API renders is handed to Chromium through a routed URL, with the
packaged font behind it, exactly as `/api/bulletin/print` and `/api/bulletin/font.otf` serve
them. The PDF and a PNG of the first page are kept in test-artifacts/ to look at.
"""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import Session

from app.photos.imaging import FONT_PATH
from app.tickets.models import Status
from tests.console.factories import create_ticket
from tests.factories import create_user, login
from tests.stats.test_bulletin import WEEK, local
from tests.stats.test_notice import roads

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
BASE = "http://roadchief.test"
A4_CONTENT_PX = (210 - 18 - 18) / 25.4 * 96  # the page's width inside its @page margins


@pytest.fixture
def busy_week(db: Session):
    from tests.factories import create_town

    town = create_town(db)
    names = [f"{n}路" for n in "东西南北中青山绿水文明和谐幸福平安"]
    for i, road in enumerate(roads(db, town, *names)):
        chief = create_user(db, "chief", level=3, name=f"路长{i:02d}", title="城管办副主任")
        road.chief_id = chief.id
        db.add(road)
        closed = {
            "status": Status.closed,
            "closed_at": local(11, "10:00"),
            "closed_in_time": i % 3 == 0,
        }
        for k in range(1 + i % 4):
            extra = closed if k % 2 == 0 else {}
            create_ticket(db, town, road=road, received_at=local(9, "09:00"),
                          due_at=local(10 + k % 3, "17:30"), **extra)  # fmt: skip
    db.flush()
    return town


@pytest.mark.browser
def test_the_notice_prints_on_a4_portrait_with_whole_tables(client, db, busy_week):
    from playwright.sync_api import sync_playwright

    sup = login(client, busy_week.supervisor)
    page_html = client.get("/api/bulletin/print", params={"week": WEEK}, headers=sup).text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": round(A4_CONTENT_PX), "height": 1000})
        page.route(f"{BASE}/print", lambda r: r.fulfill(body=page_html, content_type="text/html"))
        page.route(f"{BASE}/api/bulletin/font.otf", lambda r: r.fulfill(path=str(FONT_PATH)))
        page.goto(f"{BASE}/print")
        page.evaluate("document.fonts.ready")
        page.emulate_media(media="print")
        # Every ranking table fits the printable width: nothing is cut at the right margin.
        widths = page.eval_on_selector_all(
            "table", "ts => ts.map(t => Math.ceil(t.getBoundingClientRect().width))"
        )
        assert len(widths) == 3 and max(widths) <= A4_CONTENT_PX + 1, widths  # no department
        assert page.evaluate("document.fonts.check('12pt \"RoadChief CJK\"', '通报')")
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        (ARTIFACTS / "bulletin-print.pdf").write_bytes(pdf)
        page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
        page.screenshot(path=str(ARTIFACTS / "bulletin-print.png"), full_page=True)
        browser.close()

    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait, pt
    assert 2 <= len(reader.pages) <= 3, len(reader.pages)
    text = "".join(page.extract_text() for page in reader.pages)
    flat = "".join(text.split())
    expected = [
        "关于2026年第46周路长制工作情况的通报", "一、总体情况", "二、排名情况", "三、存在问题",
        "四、工作要求", "抄送", "东路（路长00）", "按职能部门排名", "本周无数据",
    ]  # fmt: skip
    for words in expected:
        assert words in flat, words
