"""The ledger's hash-chain check as the API answers it."""

from typing import Literal

from app.core.schemas import Read


class BadEvent(Read):
    id: int
    ticket_id: int | None
    subject: str | None
    reason: str


class LedgerIntact(Read):
    ok: Literal[True]
    checked: int
    first_bad: None
    head: str | None


class LedgerBroken(Read):
    ok: Literal[False]
    checked: int
    first_bad: BadEvent


LedgerVerify = LedgerIntact | LedgerBroken
