"""Knowledge and campaign's part of an organisation's data (see `network.personal_data`)."""

from __future__ import annotations

from olievlek.network.personal_data import table_rows

from .models import CampaignDownload, Endorsement, Story, StoryImage, StoryTheme, UsageRequest


def organisation_data(*, organisation, emails: list[str]) -> dict[str, list[dict]]:
    stories = Story.objects.filter(organisation=organisation)
    return {
        "verhalen": table_rows(stories, exclude={"body_html"}),
        "verhaal_themas": table_rows(StoryTheme.objects.filter(story__in=stories)),
        "verhaal_afbeeldingen": table_rows(StoryImage.objects.filter(story__in=stories)),
        "campagne_aanvragen": table_rows(UsageRequest.objects.filter(organisation=organisation)),
        "campagne_downloads": table_rows(
            CampaignDownload.objects.filter(organisation=organisation)
        ),
        "manifest_onderschrijving": table_rows(
            Endorsement.objects.filter(organisation=organisation)
        ),
    }


def organisation_anonymise(*, organisation, emails: list[str]) -> None:
    """Stories, requests and endorsements belong to the organisation, and their authors
    are linked by account only: deleting the accounts leaves no name behind."""
