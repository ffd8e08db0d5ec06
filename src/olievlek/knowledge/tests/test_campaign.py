"""Campaign material: requests, decisions, signed expiring links, counted downloads."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from olievlek.audit.models import AuditEntry

from ..choices import CampaignKind, RequestStatus
from ..models import CampaignDownload, CampaignItem
from ..selectors import campaign_reach
from ..services import (
    CampaignItemData,
    UsageRequestData,
    campaign_item_create,
    campaign_item_update,
    usage_request_approve,
    usage_request_create,
    usage_request_reject,
    usage_request_revoke,
)
from ..services.campaign import LINK_SALT, download_path
from .factories import PDF_BYTES, CampaignItemFactory, UsageRequestFactory, image_bytes

pytestmark = pytest.mark.django_db


def _period(days_from=0, days=30):
    start = timezone.localdate() + timedelta(days=days_from)
    return UsageRequestData(
        purpose="Op onze website.",
        channel="Website",
        period_start=start,
        period_end=start + timedelta(days=days),
    )


def test_request_approve_download_and_count(
    org_a, user_a, staff_user, client_for, django_capture_on_commit_callbacks
):
    item = CampaignItemFactory()
    request = usage_request_create(item=item, organisation=org_a, actor=user_a, data=_period())
    assert request.status == RequestStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        request = usage_request_approve(request=request, actor=staff_user)
    assert request.link_is_valid
    assert mail.outbox[-1].to == ["a@example.nl"]
    link = re.search(r"/campagne/download/\S+", mail.outbox[-1].body).group(0)

    response = client_for(user_a).get(link)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith('attachment; filename="poster.pdf"')
    assert response["Cache-Control"] == "private, no-store"
    client_for(user_a).get(link)
    client_for(staff_user).get(link)  # the project team checking a file is not reach
    reach = campaign_reach()
    assert (reach.total, reach.organisations, reach.per_item) == (2, 1, {item.slug: 2})


def test_a_second_open_request_for_the_same_item_is_refused(org_a, user_a):
    item = CampaignItemFactory()
    usage_request_create(item=item, organisation=org_a, actor=user_a, data=_period())
    with pytest.raises(ValidationError, match="al een aanvraag|already has a request"):
        usage_request_create(item=item, organisation=org_a, actor=user_a, data=_period())


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_period(days=-1), "period_end"),
        (_period(days_from=-40, days=10), "period_end"),
        (_period(days=400), "period_end"),
    ],
)
def test_the_period_must_make_sense(org_a, user_a, data, field):
    with pytest.raises(ValidationError) as error:
        usage_request_create(
            item=CampaignItemFactory(), organisation=org_a, actor=user_a, data=data
        )
    assert field in error.value.message_dict


def test_only_contacts_of_approved_organisations_ask_for_active_items(org_a, user_a, user_b):
    with pytest.raises(PermissionDenied):
        usage_request_create(
            item=CampaignItemFactory(), organisation=org_a, actor=user_b, data=_period()
        )
    with pytest.raises(ValidationError):
        usage_request_create(
            item=CampaignItemFactory(is_active=False),
            organisation=org_a,
            actor=user_a,
            data=_period(),
        )
    org_a.status = "pending"
    org_a.save()
    with pytest.raises(ValidationError):
        usage_request_create(
            item=CampaignItemFactory(), organisation=org_a, actor=user_a, data=_period()
        )


def test_reject_needs_a_reason_and_is_audited(org_a, staff_user):
    request = UsageRequestFactory(organisation=org_a)
    with pytest.raises(ValidationError):
        usage_request_reject(request=request, actor=staff_user, reason="")
    request = usage_request_reject(request=request, actor=staff_user, reason="Niet passend.")
    assert request.status == RequestStatus.REJECTED and not request.link_is_valid
    assert AuditEntry.objects.filter(action="campaign.request_rejected").exists()
    with pytest.raises(ValidationError):
        usage_request_approve(request=request, actor=staff_user)


def test_only_staff_decide(org_a, user_a):
    request = UsageRequestFactory(organisation=org_a)
    with pytest.raises(PermissionDenied):
        usage_request_approve(request=request, actor=user_a)


# --- the link ------------------------------------------------------------------------------


def test_a_link_of_organisation_a_does_not_work_for_b(org_a, user_a, user_b, client_for):
    request = UsageRequestFactory(organisation=org_a, requested_by=user_a, approved=True)
    response = client_for(user_b).get(download_path(request))
    assert response.status_code == 403
    assert not CampaignDownload.objects.exists()


def test_an_anonymous_visitor_is_asked_to_log_in_and_gets_no_file(org_a, client):
    request = UsageRequestFactory(organisation=org_a, approved=True)
    response = client.get(download_path(request))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_revoked_link_stops_working_for_everyone(org_a, user_a, user_b, staff_user, client_for):
    request = UsageRequestFactory(organisation=org_a, requested_by=user_a, approved=True)
    link = download_path(request)
    assert client_for(user_a).get(link).status_code == 200
    usage_request_revoke(request=request, actor=staff_user, reason="Verkeerd gebruikt.")
    for user in (user_a, user_b):
        response = client_for(user).get(link)
        assert response.status_code == 410
        assert not hasattr(response, "streaming_content")


def test_a_link_past_its_stored_expiry_stops_working(org_a, user_a, client_for):
    request = UsageRequestFactory(organisation=org_a, requested_by=user_a, approved=True)
    link = download_path(request)
    request.link_expires_at = timezone.now() - timedelta(seconds=1)
    request.save()
    assert client_for(user_a).get(link).status_code == 410


def test_a_link_whose_signature_is_too_old_stops_working(org_a, user_a, client_for):
    request = UsageRequestFactory(organisation=org_a, requested_by=user_a, approved=True)

    class SignedLongAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 15 * 86400)

    token = SignedLongAgo(salt=LINK_SALT).sign_object({"r": request.pk, "n": request.link_nonce})
    response = client_for(user_a).get(f"/campagne/download/{token}")
    assert response.status_code == 410


def test_a_tampered_or_foreign_token_gives_nothing(org_a, org_b, user_b, client_for):
    mine = UsageRequestFactory(organisation=org_b, requested_by=user_b, approved=True)
    other = UsageRequestFactory(organisation=org_a, approved=True, link_nonce="f" * 32)
    token = download_path(mine).rsplit("/", 1)[1]
    forged = signing.dumps({"r": other.pk, "n": mine.link_nonce}, salt="iets-anders")
    assert client_for(user_b).get(f"/campagne/download/{token[:-2]}xx").status_code == 404
    assert client_for(user_b).get(f"/campagne/download/{forged}").status_code == 404
    # A genuine token for another request, with B's nonce, does not match A's nonce.
    swapped = signing.dumps({"r": other.pk, "n": mine.link_nonce}, salt=LINK_SALT)
    assert client_for(user_b).get(f"/campagne/download/{swapped}").status_code == 410


# --- the library -------------------------------------------------------------------------


def _item_data(**changes):
    values = {
        "title": "Radiospot gezond werken",
        "kind": CampaignKind.RADIO,
        "description": "Dertig seconden.",
        "format": "WAV",
        "terms": "Niet inkorten.",
    }
    return CampaignItemData(**{**values, **changes})


WAV = b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 40


def test_staff_add_an_item_with_a_checked_file_stored_privately(staff_user, settings):
    item = campaign_item_create(
        actor=staff_user,
        data=_item_data(),
        upload=SimpleUploadedFile("spot.wav", WAV, content_type="audio/wav"),
    )
    assert (item.content_type, item.filename, item.size) == ("audio/wav", "spot.wav", len(WAV))
    assert not item.file.path.startswith(str(settings.MEDIA_ROOT))
    assert "spot" not in item.file.name  # the stored name cannot be guessed from the title


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("programma.exe", b"MZ\x90\x00"),
        ("poster.pdf", image_bytes("PNG")),  # a PNG that calls itself a PDF
        ("spot.mp3", b"%PDF-1.4 not audio"),
        ("tekst.txt", b"\x00\x01\x02binary"),
        ("leeg.pdf", b""),
    ],
)
def test_bad_campaign_files_are_refused(staff_user, name, data):
    with pytest.raises(ValidationError) as error:
        campaign_item_create(
            actor=staff_user, data=_item_data(), upload=SimpleUploadedFile(name, data)
        )
    assert "file" in error.value.message_dict
    assert not CampaignItem.objects.exists()


def test_a_too_large_campaign_file_is_refused(staff_user, settings):
    settings.OLIEVLEK_CAMPAIGN_MAX_BYTES = 100
    with pytest.raises(ValidationError):
        campaign_item_create(
            actor=staff_user,
            data=_item_data(),
            upload=SimpleUploadedFile("poster.pdf", PDF_BYTES + b" " * 200),
        )


def test_a_preview_needs_a_description_and_members_cannot_manage(staff_user, user_a):
    with pytest.raises(ValidationError) as error:
        campaign_item_create(
            actor=staff_user,
            data=_item_data(),
            upload=SimpleUploadedFile("spot.wav", WAV),
            preview=SimpleUploadedFile("voorbeeld.png", image_bytes()),
        )
    assert "preview_alt" in error.value.message_dict
    with pytest.raises(PermissionDenied):
        campaign_item_create(
            actor=user_a, data=_item_data(), upload=SimpleUploadedFile("spot.wav", WAV)
        )


def test_replacing_the_file_keeps_the_item(staff_user):
    item = CampaignItemFactory()
    campaign_item_update(
        item=item,
        actor=staff_user,
        data=_item_data(title="Nieuwe titel", kind=CampaignKind.POSTER),
        upload=SimpleUploadedFile("nieuw.pdf", PDF_BYTES),
    )
    item.refresh_from_db()
    assert (item.title, item.filename) == ("Nieuwe titel", "nieuw.pdf")
