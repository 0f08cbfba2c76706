"""A throwaway database for a benchmark: created fresh and migrated, dropped afterwards.

    from bench.databases import create_database, drop_database
    url = create_database("postgresql", workdir, "roadchief_bench_eval")
    try: ... finally: drop_database(url)

SQLite lives in the run's working directory; PostgreSQL gets a database of its own on the
server named by ROADCHIEF_BENCH_PG_URL (default: the local one), dropped with FORCE.
"""

import os
import uuid
from pathlib import Path

from sqlalchemy import text

from app.core.db import make_engine
from app.core.migrate import upgrade

PG_ADMIN_URL = os.environ.get(
    "ROADCHIEF_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def create_database(backend: str, workdir: Path, name: str = "roadchief_bench") -> str:
    """A migrated, empty database; its URL."""
    if backend == "sqlite":
        url = f"sqlite:///{workdir / (name + '.db')}"
    else:
        db_name = f"{name}_{uuid.uuid4().hex[:8]}"
        admin = make_engine(PG_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{db_name}"'))
        admin.dispose()
        url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + db_name
    upgrade(url)
    return url


def drop_database(url: str) -> None:
    """Drop a PostgreSQL database made by `create_database` (SQLite goes with its directory)."""
    if url.startswith("postgresql"):
        name = url.rsplit("/", 1)[1]
        admin = make_engine(PG_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
