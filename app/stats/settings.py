"""Bulletin weights and grade thresholds, as settings (ROADCHIEF_BULLETIN_*)."""

from pydantic_settings import BaseSettings, SettingsConfigDict


class BulletinSettings(BaseSettings):
    """How the weekly bulletin scores and grades; e.g. ROADCHIEF_BULLETIN_WEIGHT_ON_TIME=0.5."""

    model_config = SettingsConfigDict(
        env_prefix="ROADCHIEF_BULLETIN_", env_file=".env", extra="ignore"
    )

    # Weights of the four measures in the score (any scale; they are normalised).
    weight_closure: float = 0.3  # 结案率
    weight_on_time: float = 0.4  # 按期结案率
    weight_rework: float = 0.15  # 1 − 返工率
    weight_overdue: float = 0.15  # 1 − 逾期占比
    # Lowest score for each grade; below grade_d is E.
    grade_a: float = 90
    grade_b: float = 80
    grade_c: float = 70
    grade_d: float = 60
    # How many of the last-ranked units are marked (末位), when more units than that are ranked.
    bottom_n: int = 3


def get_bulletin_settings() -> BulletinSettings:
    return BulletinSettings()
