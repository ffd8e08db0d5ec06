"""Reads of what members and the team keep on the platform: saved business cases and
logged campaign activities (the dashboard's figures are in `selectors`)."""

from __future__ import annotations

from .models import BusinessCase, CampaignActivity


def cases_of(organisation) -> list[BusinessCase]:
    return list(BusinessCase.objects.filter(organisation=organisation))


def case_of(*, organisation, pk: int) -> BusinessCase | None:
    return BusinessCase.objects.filter(organisation=organisation, pk=pk).first()


def activities_list():
    return CampaignActivity.objects.all()
