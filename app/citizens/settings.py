"""Citizen-facing settings (ROADCHIEF_CITIZEN_*): triage limit, retention, abuse limits."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class CitizenSettings(BaseSettings):
    """E.g. ROADCHIEF_CITIZEN_CONTACT_RETENTION_DAYS=90."""

    model_config = SettingsConfigDict(
        env_prefix="ROADCHIEF_CITIZEN_", env_file=".env", extra="ignore"
    )

    # 受理时限: working hours from arrival to accept / merge / reject.
    triage_work_hours: int = 4
    # A reporter's phone, e-mail and name are erased this many days after the report.
    contact_retention_days: int = 180
    # Reports allowed per window from one network address and from one device.
    reports_per_address: int = 20
    reports_per_device: int = 5
    rate_window_s: int = 3600
    # ALTCHA proof-of-work: the search space (≈ 0.1–0.5 s on a phone) and its lifetime.
    pow_max_number: int = 50_000
    pow_expires_s: int = 600
    # Open311: requests per minute per network address (every endpoint), reports per hour per
    # API key; counted in the database, so they hold across app processes.
    open311_requests_per_minute: int = 300
    open311_reports_per_hour: int = 120


def get_citizen_settings() -> CitizenSettings:
    return CitizenSettings()
