"""Placeholder router (filled in shortly)."""

from fastapi import APIRouter

router = APIRouter()
