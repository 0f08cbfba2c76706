"""What one password check costs: argon2id at RoadChief's parameters against argon2-cffi's
defaults, CPU (all threads of this process) and wall time, median of N checks.

    .venv/bin/python bench/passwords.py [--checks 21]
"""

import argparse
import statistics
import time

from argon2 import PasswordHasher

from app.auth.passwords import MEMORY_KIB, PARALLELISM, TIME_COST, hash_password, verify_password


def measure(check, checks: int) -> tuple[float, float]:
    cpu, wall = [], []
    for _ in range(checks):
        c, w = time.process_time(), time.perf_counter()
        assert check()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(cpu) * 1000, statistics.median(wall) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--checks", type=int, default=21)
    n = parser.parse_args().checks
    ours = hash_password("correct horse battery")
    old = PasswordHasher()
    theirs = old.hash("correct horse battery")
    rows = [
        (
            f"roadchief m={MEMORY_KIB // 1024} MiB t={TIME_COST} p={PARALLELISM}",
            measure(lambda: verify_password(ours, "correct horse battery"), n),
        ),
        (
            f"argon2-cffi default m={old.memory_cost // 1024} MiB t={old.time_cost} "
            f"p={old.parallelism}",
            measure(lambda: old.verify(theirs, "correct horse battery"), n),
        ),
    ]
    for name, (cpu, wall) in rows:
        print(f"{name:<44} cpu {cpu:6.1f} ms   wall {wall:6.1f} ms   (median of {n})")


if __name__ == "__main__":
    main()
