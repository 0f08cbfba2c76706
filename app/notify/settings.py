"""Notification settings (ROADCHIEF_NOTIFY_*)."""

from functools import lru_cache

from pydantic import model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.core.config import get_settings


class NotifySettings(BaseSettings):
    """How the outbox is drained and when people are told; e.g. ROADCHIEF_NOTIFY_MAX_ATTEMPTS=5."""

    model_config = SettingsConfigDict(
        env_prefix="ROADCHIEF_NOTIFY_", env_file=".env", extra="ignore"
    )

    # Where links in messages point (the PWA's public address). Production must say it: the
    # default is this machine's loopback, which no phone in a group chat can open.
    public_url: str = "http://127.0.0.1:8000"
    # Dispatcher: seconds between polls when idle (0 disables it in this process), notifications
    # claimed per round, sends in flight at once, and how long a claim lasts before another
    # process may take the notification over (a process that died mid-send).
    dispatch_interval_s: float = 1.0
    batch: int = 100
    concurrency: int = 16
    claim_s: int = 120
    timeout_s: float = 10.0
    # Dispatcher threads run this much nicer than requests (Linux niceness, 0 = same).
    nice: int = 10
    # Sends per second per process at most (0: no cap). Niceness alone still let two
    # dispatchers draining at full speed (~1 700/s) slow ticket POSTs by 12-19 % (their
    # database work runs at the database's priority); paced, a backlog of 10 000 drains in
    # about 17 s with two processes (600/s) and requests keep their speed (bench/notify.py).
    max_rate: float = 300.0
    # Retries: delay = min(cap, base · 2^(tries−1)) · jitter(0.5–1.5); dead after max_attempts.
    max_attempts: int = 8
    backoff_base_s: float = 15.0
    backoff_cap_s: float = 3600.0
    # At most one message per ticket per person (or robot) within this many minutes.
    coalesce_minutes: int = 10
    # Categories whose code starts with this are 突发事件: they ignore quiet hours.
    urgent_prefix: str = "04"
    # Scheduled notices: yellow lights, triage waiting too long, digests, the bulletin.
    scan_interval_s: float = 60.0
    triage_limit_minutes: int = 60
    digest_time: str = "08:30"  # local time, on working days
    weekly_digest_weekday: int = 0  # Monday
    bulletin_time: str = "09:00"  # Monday, local: the weekly bulletin is announced to zone groups
    # Web Push: the contact the push services may write to about this server.
    vapid_subject: str = "mailto:admin@roadchief.invalid"
    # The push services browsers subscribe with (Chrome/Edge-on-Android: FCM; Firefox: Mozilla;
    # Edge: WNS; Safari: Apple). An endpoint elsewhere is refused when a browser subscribes and
    # again when sending. HTTPS only; an entry written as http://HOST allows plain HTTP to that
    # host (a test push service on this machine).
    push_services: str = (
        "fcm.googleapis.com,android.googleapis.com,updates.push.services.mozilla.com,"
        "*.notify.windows.com,web.push.apple.com,*.push.apple.com"
    )
    # SMS: "log" writes messages to the log (development); a county plugs its provider in here.
    sms_provider: str = "log"

    @model_validator(mode="after")
    def _public_url(self) -> "NotifySettings":
        if not self.public_url.startswith(("https://", "http://")):
            raise ValueError("ROADCHIEF_NOTIFY_PUBLIC_URL must be an http(s):// address")
        if "public_url" not in self.model_fields_set and get_settings().environment == "production":
            raise ValueError(
                "ROADCHIEF_NOTIFY_PUBLIC_URL must be set in production: every link in a robot "
                "message and every webhook's ticket.url points there (e.g. https://rcz.county.gov.cn)"
            )
        return self


@lru_cache
def get_notify_settings() -> NotifySettings:
    return NotifySettings()
