"""Filing as a citizen: solve the proof-of-work as the widget does, then post the form."""

import base64
import json
import uuid
from typing import Any

from altcha import solve_challenge_v1

from tests.factories import LAT0, LON0, jpeg_bytes


def solve(client: Any) -> str:
    """The base64 payload the ALTCHA widget puts in the form's `altcha` field."""
    ch = client.get("/api/citizen/challenge").json()
    solution = solve_challenge_v1(ch["challenge"], ch["salt"], ch["algorithm"], ch["maxnumber"])
    assert solution is not None
    payload = {
        "algorithm": ch["algorithm"],
        "challenge": ch["challenge"],
        "number": solution.number,
        "salt": ch["salt"],
        "signature": ch["signature"],
    }
    return base64.b64encode(json.dumps(payload).encode()).decode()


def file(
    client: Any,
    *,
    proof: str | None = "solve",
    device: str | None = None,
    seed: int = 1,
    lat: float = LAT0 + 0.0001,
    lon: float = LON0 - 0.002,
    category: str = "0201",
    phone: str = "",
    key: str | None = None,
    **headers: str,
) -> Any:
    data: dict[str, str] = {
        "category": category,
        "lat": str(lat),
        "lon": str(lon),
        "accuracy_m": "10",
        "description": "小广告贴满了电线杆",
        "phone": phone,
    }
    if proof == "solve":
        proof = solve(client)
    if proof is not None:
        data["altcha"] = proof
    hdrs = dict(headers)
    hdrs["X-Device-Id"] = device or str(uuid.uuid4())
    if key:
        hdrs["Idempotency-Key"] = key
    return client.post(
        "/api/citizen/reports",
        data=data,
        files=[("photo", (f"c{seed}.jpg", jpeg_bytes(seed), "image/jpeg"))],
        headers=hdrs,
    )
