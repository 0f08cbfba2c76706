"""Settings from the environment (ROADCHIEF_*)."""

from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEV_SECRET = "dev-insecure-secret-change-me"


def parse_simulated_clock(value: str) -> tuple[datetime, float, float]:
    """ "SIM_ISO,REAL_UNIX,SPEED" → (simulated moment, real unix time it was then, speed)."""
    try:
        sim, real, speed = value.split(",")
        moment = datetime.fromisoformat(sim.strip())
        if moment.tzinfo is None or float(speed) <= 0:
            raise ValueError
        return moment.astimezone(UTC), float(real), float(speed)
    except ValueError:
        raise ValueError(
            "ROADCHIEF_SIMULATED_CLOCK must be SIM_ISO,REAL_UNIX,SPEED "
            "(e.g. 2026-12-07T06:00:00+08:00,1796580000,600)"
        ) from None


class Settings(BaseSettings):
    """One settings object for the whole app; every field can be set as ROADCHIEF_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="ROADCHIEF_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = ""
    storage_url: str = ""
    secret_key: str = DEV_SECRET
    var_dir: Path = Path("var")

    timezone: str = "Asia/Shanghai"
    # Routing: snap radius in metres; a second road within this margin of the best is kept
    # as a candidate so a supervisor can re-route in one tap.
    routing_radius_m: float = 30.0
    routing_tie_margin_m: float = 5.0
    # A report farther than this outside every zone is refused (a wrong fix, or the pin left at
    # a default place); closer ones are accepted as pending for the command centre.
    report_max_outside_m: float = 5000.0

    # Working hours of the business-time clock (local time, HH:MM).
    workday_periods: str = "08:30-12:00,14:00-17:30"

    session_days: int = 30
    # Secure cookies (and HSTS); on by default in production, which runs behind HTTPS.
    cookie_secure: bool = False
    login_max_failures: int = 5
    # Per address: many usernames tried from one place (password spraying).
    login_max_failures_per_address: int = 20
    login_window_s: int = 300
    # Peers whose X-Forwarded-For is believed (IPs or CIDRs, comma-separated); none by default,
    # so a client cannot pick its own address, and behind a proxy list the proxy here.
    trusted_proxies: str = ""

    # Load: request threads (the database pool is sized to them), photo work slots (0: one per
    # core), the memory photo decodes may use at once, and how long a request may be expected
    # to queue for a slot before the server says 503 + Retry-After instead.
    threads: int = 40
    photo_workers: int = 0
    photo_memory_mb: int = 768
    photo_queue_max_wait_s: float = 90.0

    # Photos.
    max_photo_bytes: int = 15 * 1024 * 1024
    max_request_bytes: int = 40 * 1024 * 1024
    max_photo_pixels: int = 64_000_000
    # PNG decodes at full size (JPEG decodes scaled down), so its cap is far lower.
    max_png_pixels: int = 16_000_000
    max_photos_per_request: int = 6
    watermark: bool = True
    after_photo_max_distance_m: float = 100.0
    # A verifier farther than this from the ticket (beyond their GPS accuracy) is flagged.
    verify_max_distance_m: float = 200.0

    # Escalation sweep interval (seconds); 0 disables the in-process loop.
    sweep_interval_s: int = 60

    # Map tiles.
    tianditu_key: str = ""

    # Outbound requests (webhooks, robots, push; app/core/outbound.py) never reach a loopback,
    # private, link-local, CGNAT or metadata address, except these hosts, *.domains or CIDRs
    # that the county lists for its own systems, comma-separated: "oa.county.local,10.8.0.0/16".
    outbound_allow: str = ""

    # A rehearsal server's clock (`roadchief simulate`): "SIM_ISO,REAL_UNIX,SPEED" — at real
    # time REAL_UNIX it is SIM_ISO, and it runs SPEED times as fast. Refused unless the
    # environment is `test`, so a production server always keeps the real time.
    simulated_clock: str = ""

    @model_validator(mode="after")
    def _defaults(self) -> "Settings":
        if not self.database_url:
            self.database_url = f"sqlite:///{(self.var_dir / 'roadchief.db').as_posix()}"
        if not self.storage_url:
            self.storage_url = f"file://{(self.var_dir / 'photos').resolve().as_posix()}"
        if self.environment == "production" and "cookie_secure" not in self.model_fields_set:
            self.cookie_secure = True
        if self.environment == "production" and self.secret_key == DEV_SECRET:
            raise ValueError("ROADCHIEF_SECRET_KEY must be set outside development")
        if self.simulated_clock:
            if self.environment != "test":
                raise ValueError("ROADCHIEF_SIMULATED_CLOCK is for test servers only")
            parse_simulated_clock(self.simulated_clock)
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
