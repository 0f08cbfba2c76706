"""测评: sites, standards, rounds, score sheets, scores and the street survey.

Its use cases — what views, the CLI and jobs call to change anything — are the actions below
(`app.evaluation.actions`); the other modules hold the steps and the reads.
"""

from app.evaluation.actions import (
    add_site_type,
    answer_survey,
    close_round,
    create_round,
    import_sites,
    import_standards,
    submit_sheet,
    update_site_type,
)

__all__ = [
    "add_site_type",
    "answer_survey",
    "close_round",
    "create_round",
    "import_sites",
    "import_standards",
    "submit_sheet",
    "update_site_type",
]
