"""Everything that writes knowledge and campaign data: one module per subdomain.

Other apps import from here (and from `olievlek.knowledge.search`), not from below.
"""

from .campaign import (
    CampaignItemData,
    UsageRequestData,
    campaign_download_record,
    campaign_item_create,
    campaign_item_update,
    usage_request_approve,
    usage_request_close_preview,
    usage_request_create,
    usage_request_reject,
    usage_request_revoke,
)
from .loop import story_drafts_from_match
from .manifesto import (
    FactorData,
    endorsement_remove,
    endorsement_withdraw,
    factor_delete,
    factor_save,
    manifesto_endorse,
)
from .stories import (
    StoryData,
    story_create,
    story_delete,
    story_image_add,
    story_image_remove,
    story_publish,
    story_publish_undoable,
    story_request_changes,
    story_request_changes_preview,
    story_submit,
    story_unpublish,
    story_update,
)

__all__ = [
    "story_drafts_from_match",
    "CampaignItemData",
    "FactorData",
    "StoryData",
    "UsageRequestData",
    "campaign_download_record",
    "campaign_item_create",
    "campaign_item_update",
    "endorsement_remove",
    "endorsement_withdraw",
    "factor_delete",
    "factor_save",
    "manifesto_endorse",
    "story_create",
    "story_delete",
    "story_image_add",
    "story_image_remove",
    "story_publish",
    "story_publish_undoable",
    "story_unpublish",
    "story_request_changes",
    "story_request_changes_preview",
    "story_submit",
    "story_update",
    "usage_request_approve",
    "usage_request_create",
    "usage_request_close_preview",
    "usage_request_reject",
    "usage_request_revoke",
]
