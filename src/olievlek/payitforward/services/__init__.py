"""Everything that writes to Pay it Forward; other modules import from here."""

from .matches import (
    match_accept,
    match_ask,
    match_decline,
    match_decline_preview,
    match_propose_by_staff,
    matches_expire,
)
from .meetings import match_complete, match_log_meeting, match_plan, match_rate, pledge_create
from .offers import (
    OfferData,
    RequestData,
    exclusion_add,
    exclusion_remove,
    offer_create,
    offer_update,
    offer_withdraw,
    request_create,
    request_update,
    request_withdraw,
)
from .rounds import (
    proposal_alternatives,
    proposal_change,
    proposal_remove,
    round_discard,
    round_publish,
    round_run,
    round_start,
)

__all__ = [
    "OfferData",
    "RequestData",
    "exclusion_add",
    "exclusion_remove",
    "match_accept",
    "match_ask",
    "match_complete",
    "match_decline",
    "match_decline_preview",
    "match_log_meeting",
    "match_plan",
    "match_propose_by_staff",
    "match_rate",
    "matches_expire",
    "offer_create",
    "offer_update",
    "offer_withdraw",
    "pledge_create",
    "proposal_alternatives",
    "proposal_change",
    "proposal_remove",
    "request_create",
    "request_update",
    "request_withdraw",
    "round_discard",
    "round_publish",
    "round_run",
    "round_start",
]
