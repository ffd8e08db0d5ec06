"""Campaign activities that the project team logs with an estimated reach."""

from __future__ import annotations

from django.db import transaction

from olievlek.audit.services import audit_record

from ..models import CampaignActivity


@transaction.atomic
def activity_create(*, actor, data: dict) -> CampaignActivity:
    activity = CampaignActivity(**data, created_by=actor)
    activity.full_clean()
    activity.save()
    audit_record(actor=actor, action="campaign_activity.create", target=activity)
    return activity


@transaction.atomic
def activity_update(*, actor, activity: CampaignActivity, data: dict) -> CampaignActivity:
    for name, value in data.items():
        setattr(activity, name, value)
    activity.full_clean()
    activity.save()
    audit_record(actor=actor, action="campaign_activity.update", target=activity)
    return activity


@transaction.atomic
def activity_delete(*, actor, activity: CampaignActivity) -> None:
    audit_record(actor=actor, action="campaign_activity.delete", target=activity)
    activity.delete()
