"""Ledger verification over HTTP."""

from typing import Any

from fastapi import APIRouter

from app.auth.deps import CurrentUser
from app.core.db import SessionDep
from app.ledger import service
from app.ledger.schemas import LedgerVerify

router = APIRouter(prefix="/api/ledger", tags=["ledger"])


@router.get("/verify", response_model=LedgerVerify)
def verify(_user: CurrentUser, session: SessionDep) -> dict[str, Any]:
    """Walk the hash chain; on a broken chain name the first bad event."""
    return service.verify(session)
