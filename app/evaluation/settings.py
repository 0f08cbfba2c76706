"""Evaluation settings (ROADCHIEF_EVALUATION_*): per-type weights of unit and zone scores."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class EvaluationSettings(BaseSettings):
    """E.g. ROADCHIEF_EVALUATION_TYPE_WEIGHTS='{"market": 2, "main_road": 1.5}'."""

    model_config = SettingsConfigDict(
        env_prefix="ROADCHIEF_EVALUATION_", env_file=".env", extra="ignore"
    )

    # Weight of a site type in the mean of a unit's or zone's sites (missing types weigh 1).
    type_weights: dict[str, float] = {}
    # How many of the last-ranked units and zones are marked 末位.
    bottom_n: int = 3
    # Deduction photos per sheet (a sheet may carry many deductions at once).
    max_photos_per_sheet: int = 40

    def weight(self, site_type: str) -> float:
        return self.type_weights.get(site_type, 1.0)


@lru_cache
def get_evaluation_settings() -> EvaluationSettings:
    return EvaluationSettings()
