"""The area's extent for the pin picker, and refusing reports far outside every zone."""

import pytest

from tests.factories import LAT0, LON0, create_town, login, report

KM_LAT = 1 / 111.195  # degrees of latitude per kilometre


def test_config_names_the_towns_extent(client, db):
    create_town(db)
    bbox = client.get("/api/config").json()["area_bbox"]
    # The test town's zone spans ±0.02° around (LON0, LAT0).
    expected = [LON0 - 0.02, LAT0 - 0.02, LON0 + 0.02, LAT0 + 0.02]
    assert bbox == pytest.approx(expected, abs=1e-6)


def test_a_point_just_outside_is_pending_and_far_outside_is_refused(client, db):
    town = create_town(db)
    headers = login(client, town.inspector)
    zone_edge = LAT0 + 0.02
    just_outside = report(client, headers, lat=zone_edge + 1 * KM_LAT, lon=LON0)
    assert just_outside.status_code == 201, just_outside.text
    assert just_outside.json()["status"] == "pending"

    far = report(client, headers, lat=zone_edge + 6 * KM_LAT, lon=LON0)
    assert far.status_code == 422
    body = far.json()
    assert "辖区外约 6.0 公里" in body["detail"] and "5 公里" in body["detail"]
    assert body["outside_m"] > 5000

    # Tiananmen, where the pin picker used to open without GPS.
    assert report(client, headers, lat=39.9087, lon=116.3975).status_code == 422
