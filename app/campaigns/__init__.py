"""专项整治: time-boxed campaigns, their automatic tagging and figures against the target.

Its use cases — what views and the CLI call to change anything — are the actions below
(`app.campaigns.actions`); `service` holds the steps and the reads.
"""

from app.campaigns.actions import NewCampaign, create_campaign, tag_ticket, untag_ticket

__all__ = ["NewCampaign", "create_campaign", "tag_ticket", "untag_ticket"]
