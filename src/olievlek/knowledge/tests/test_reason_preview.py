"""Sending a story back and rejecting or revoking a campaign request: the reason has a
maximum length, and the team can see the mail first without anything being sent."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from olievlek.site.reasons import MAX_REASON_LENGTH

from .. import services
from ..choices import RequestStatus, StoryStatus
from .factories import StoryFactory, UsageRequestFactory

pytestmark = pytest.mark.django_db
TOO_LONG = "x" * (MAX_REASON_LENGTH + 1)


def test_the_story_note_preview_shows_the_mail_and_sends_nothing(client_for, staff_user, org_a):
    story = StoryFactory(organisation=org_a, submitted=True, title="Ons verhaal")
    response = client_for(staff_user).post(
        f"/beheer/verhalen/{story.pk}/",
        {"decision": "changes", "note": "Graag een kortere inleiding.", "preview": "1"},
    )
    page = response.content.decode()
    assert "Voorbeeld van de e-mail" in page
    assert "a@example.nl" in page and "Ons verhaal" in page
    assert page.count("Graag een kortere inleiding.") == 2
    story.refresh_from_db()
    assert story.status == StoryStatus.SUBMITTED and mail.outbox == []


def test_a_too_long_story_note_is_refused(client_for, staff_user, org_a):
    story = StoryFactory(organisation=org_a, submitted=True)
    response = client_for(staff_user).post(
        f"/beheer/verhalen/{story.pk}/", {"decision": "changes", "note": TOO_LONG}
    )
    assert "hoogstens 1000 tekens" in " ".join(response.context["note_form"].errors["note"])
    with pytest.raises(ValidationError, match="hoogstens 1000 tekens"):
        services.story_request_changes(story=story, actor=staff_user, note=TOO_LONG)


def test_the_campaign_rejection_preview_sends_nothing(client_for, staff_user, org_a):
    usage = UsageRequestFactory(organisation=org_a)
    response = client_for(staff_user).post(
        f"/beheer/campagne/aanvragen/{usage.pk}/",
        {"decision": "reject", "reason": "Niet voor reclame.", "preview": "1"},
    )
    page = response.content.decode()
    assert "Voorbeeld van de e-mail" in page and "Niet voor reclame." in page
    usage.refresh_from_db()
    assert usage.status == RequestStatus.PENDING and mail.outbox == []


def test_the_campaign_revocation_preview_uses_the_revocation_mail(staff_user, org_a):
    usage = UsageRequestFactory(organisation=org_a, approved=True)
    preview = services.usage_request_close_preview(
        request=usage, reason="Verkeerd gebruikt.", status=RequestStatus.REVOKED
    )
    rejected = services.usage_request_close_preview(
        request=usage, reason="Verkeerd gebruikt.", status=RequestStatus.REJECTED
    )
    assert "Verkeerd gebruikt." in preview.text and preview.recipients == ("a@example.nl",)
    assert preview.subject != rejected.subject


def test_a_too_long_campaign_reason_is_refused_by_the_service(staff_user, org_a):
    usage = UsageRequestFactory(organisation=org_a)
    with pytest.raises(ValidationError, match="hoogstens 1000 tekens"):
        services.usage_request_reject(request=usage, actor=staff_user, reason=TOO_LONG)
