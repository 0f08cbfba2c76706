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
    # Grade words and the lowest score of each (JSON in the environment); a score below every
    # floor gets the word with the lowest floor.
    grades: dict[str, float] = {"优秀": 90, "良好": 80, "合格": 60, "较差": 0}
    # How many of the last-ranked units are marked (末位), when more units than that are ranked.
    bottom_n: int = 3

    # The 通报 as a document. 红头: empty means "<area name>路长制工作领导小组办公室".
    issuer: str = ""
    # 文号: {year} is the year of issue, {seq} the running number within it.
    doc_number: str = "路长办〔{year}〕{seq}号"
    addressee: str = "各片区、各级路长、各职能部门："
    # 工作要求 until a supervisor edits the week's text on the bulletin page.
    requirements: str = (
        "1. 各级路长要对照本通报逐项销号，逾期问题须在收到通报后 2 个工作日内整改到位。\n"
        "2. 排名末位的单位要分析原因，于下周一前向路长办书面报告整改措施。\n"
        "3. 各职能部门要加强巡查，对反复出现的问题建立长效管理机制。"
    )
    cc: str = "镇党委、镇政府主要领导，路长制工作领导小组各成员单位"

    def grade(self, score: float) -> str:
        ladder = sorted(self.grades.items(), key=lambda kv: -kv[1])
        for word, floor in ladder:
            if score >= floor:
                return word
        return ladder[-1][0]


def get_bulletin_settings() -> BulletinSettings:
    return BulletinSettings()
