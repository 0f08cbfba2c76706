"""Filing as a citizen: solve the proof-of-work as the widget does, then post the form."""

import base64
import json
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from altcha import solve_challenge_v1

from app.core.db import WriteOutsideTransaction
from tests.factories import LAT0, LON0, jpeg_bytes


@contextmanager
def no_write_outside_transaction() -> Iterator[None]:
    """Fail the test if a request wrote outside `write_transaction` (app/core/db.py).

    Raising the warning as an error inside the request would only turn it into a 500 that a
    test of a refusal might not notice, so every warning is recorded and checked at the end
    (the others are passed on to pytest's summary).
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    stray = [w for w in caught if issubclass(w.category, WriteOutsideTransaction)]
    for w in caught:
        if w not in stray:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if stray:
        where = "; ".join(f"{w.filename}:{w.lineno}" for w in stray)
        pytest.fail(f"{len(stray)} write(s) outside write_transaction: {where}", pytrace=False)


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
