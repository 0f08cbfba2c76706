"""Argon2id password hashing at OWASP's parameters (Password Storage Cheat Sheet).

OWASP lists equivalent argon2id settings from m=46 MiB, t=1 to m=7 MiB, t=5, all p=1. We take
its first, m=46 MiB, t=1, p=1: on this project's 2-core machine a check costs about 55 ms of
CPU (`bench/passwords.py`; m=19 MiB, t=2 cost 21 ms, under OWASP's 50 ms floor for a hash
meant to be slow), where argon2-cffi's defaults (m=64 MiB, t=3, p=4: four threads) cost
several times more, so a handful of parallel sign-ins saturated the machine before the
throttle's counters mattered. A hash made with other parameters still verifies and is
replaced on the user's next sign-in.
"""

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

MEMORY_KIB = 46 * 1024
TIME_COST = 1
PARALLELISM = 1

_hasher = PasswordHasher(
    time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM, type=Type.ID
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True for a hash made with other parameters (or another algorithm's)."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True
