"""The models of the knowledge and campaign part, one module per subdomain."""

from .campaign import CampaignDownload, CampaignItem, UsageRequest
from .manifesto import Endorsement, ManifestoFactor
from .search import SearchDocument
from .stories import Story, StoryEvent, StoryImage, StoryTheme

__all__ = [
    "CampaignDownload",
    "CampaignItem",
    "Endorsement",
    "ManifestoFactor",
    "SearchDocument",
    "Story",
    "StoryEvent",
    "StoryImage",
    "StoryTheme",
    "UsageRequest",
]
