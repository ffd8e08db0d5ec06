"""Campaign material: the library (project team), requests to use an item (members),
decisions, and the signed download links that an approval unlocks."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from olievlek.accounts.access import is_team
from olievlek.accounts.languages import send_in_language
from olievlek.audit.services import audit_record
from olievlek.network.choices import Status
from olievlek.site.reasons import MailPreview, mail_preview, reason_clean

from ..choices import RequestStatus
from ..models import CampaignDownload, CampaignItem, UsageRequest
from ..uploads import check_campaign_file, check_image
from ._common import acts_for, contact_emails, require_staff

LINK_SALT = "olievlek.knowledge.campaign-download"
MAX_PERIOD_DAYS = 366


def link_days() -> int:
    return getattr(settings, "OLIEVLEK_CAMPAIGN_LINK_DAYS", 14)


@dataclass(frozen=True, kw_only=True)
class CampaignItemData:
    title: str
    kind: str
    description: str
    format: str
    terms: str
    is_active: bool = True
    preview_alt: str = ""


@dataclass(frozen=True, kw_only=True)
class UsageRequestData:
    purpose: str
    channel: str
    period_start: date
    period_end: date


def _unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:150] or "materiaal"
    taken = set(
        CampaignItem.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug


def _apply_item(item: CampaignItem, data: CampaignItemData, upload, preview) -> list:
    """Copy the data and check the files; returns the files to store once valid."""
    item.title = data.title.strip()
    item.kind = data.kind
    item.description = data.description.strip()
    item.format = data.format.strip()
    item.terms = data.terms.strip()
    item.is_active = data.is_active
    item.preview_alt = data.preview_alt.strip()
    errors, to_save = {}, []
    if upload is not None:
        try:
            item.content_type = check_campaign_file(upload)
            item.filename = upload.name.rsplit("/", 1)[-1][:200]
            item.size = upload.size
            to_save.append(("file", upload.name, upload))
        except ValidationError as error:
            errors["file"] = error.messages
    if preview is not None:
        try:
            checked = check_image(preview)
            to_save.append(("preview", checked.content.name, checked.content))
        except ValidationError as error:
            errors["preview"] = error.messages
    has_preview = bool(item.preview) or any(name == "preview" for name, *_ in to_save)
    if has_preview and not item.preview_alt:
        errors["preview_alt"] = _("Describe the preview for people who cannot see it.")
    if errors:
        raise ValidationError(errors)
    return to_save


def _store(item: CampaignItem, to_save: list) -> None:
    for name, filename, content in to_save:
        old = getattr(item, name)
        old_name = old.name if old else ""
        getattr(item, name).save(filename, content, save=False)
        if old_name:
            storage = old.storage
            transaction.on_commit(lambda s=storage, n=old_name: s.delete(n))


def campaign_item_create(*, actor, data: CampaignItemData, upload, preview=None) -> CampaignItem:
    require_staff(actor)
    if upload is None:
        raise ValidationError({"file": _("Choose the file to offer.")})
    item = CampaignItem(created_by=actor, slug=_unique_slug(data.title))
    to_save = _apply_item(item, data, upload, preview)
    item.full_clean(exclude=["file", "preview"])
    with transaction.atomic():
        _store(item, to_save)
        item.save()
        audit_record(actor=actor, action="campaign.item_create", target=item)
    return item


def campaign_item_update(
    *, item: CampaignItem, actor, data: CampaignItemData, upload=None, preview=None
) -> CampaignItem:
    require_staff(actor)
    to_save = _apply_item(item, data, upload, preview)
    item.full_clean(exclude=["file", "preview"])
    with transaction.atomic():
        _store(item, to_save)
        item.save()
        audit_record(actor=actor, action="campaign.item_update", target=item)
    return item


def usage_request_create(
    *, item: CampaignItem, organisation, actor, data: UsageRequestData
) -> UsageRequest:
    """Ask to use an item under the programme's flag."""
    if not acts_for(actor, organisation):
        raise PermissionDenied
    if organisation.status != Status.APPROVED:
        raise ValidationError(_("Only organisations in the network can use campaign material."))
    if not item.is_active:
        raise ValidationError(_("This item is no longer offered."))
    errors = {}
    if data.period_end < data.period_start:
        errors["period_end"] = _("The end of the period lies before its start.")
    elif (data.period_end - data.period_start).days > MAX_PERIOD_DAYS:
        errors["period_end"] = _("Ask for at most one year at a time.")
    if data.period_end < timezone.localdate():
        errors["period_end"] = _("The period has already ended.")
    if errors:
        raise ValidationError(errors)
    request = UsageRequest(
        item=item,
        organisation=organisation,
        requested_by=actor,
        purpose=data.purpose.strip(),
        channel=data.channel.strip(),
        period_start=data.period_start,
        period_end=data.period_end,
    )
    request.full_clean(exclude=["item", "organisation"], validate_constraints=False)
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError as error:
        raise ValidationError(
            _("Your organisation already has a request for this item awaiting a decision.")
        ) from error
    return request


def download_token(request: UsageRequest) -> str:
    """The signed token of an approved request's download link."""
    return signing.dumps({"r": request.pk, "n": request.link_nonce}, salt=LINK_SALT)


def download_path(request: UsageRequest) -> str:
    return reverse("knowledge:campaign_download", kwargs={"token": download_token(request)})


def _decide(request: UsageRequest, actor, *, allowed_from: set[str]) -> UsageRequest:
    locked = UsageRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status not in allowed_from:
        raise ValidationError(_("This request has already been handled."))
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    return locked


def usage_request_approve(*, request: UsageRequest, actor) -> UsageRequest:
    """Approve: a fresh signed link, valid for `OLIEVLEK_CAMPAIGN_LINK_DAYS` days, is
    mailed to the organisation's contacts."""
    require_staff(actor)
    with transaction.atomic():
        request = _decide(request, actor, allowed_from={RequestStatus.PENDING})
        request.status = RequestStatus.APPROVED
        request.decision_reason = ""
        request.link_nonce = secrets.token_hex(16)
        request.link_expires_at = timezone.now() + timedelta(days=link_days())
        request.save()
        audit_record(actor=actor, action="campaign.request_approve", target=request)
        recipients = contact_emails(request.organisation)
        context = {"usage_request": request, "path": download_path(request)}
        transaction.on_commit(
            lambda: send_in_language(
                template="knowledge/emails/request_approved",
                recipients=recipients,
                context=context,
            )
        )
    return request


def _closing_reason(reason: str) -> str:
    return reason_clean(reason, empty_message=_("Give the reason; the employer will read it."))


def usage_request_close_preview(*, request: UsageRequest, reason: str, status: str) -> MailPreview:
    """The mail rejecting (`status` rejected) or revoking (revoked) the request with this
    reason would send, without deciding anything."""
    reason = _closing_reason(reason)
    return mail_preview(
        template=f"knowledge/emails/request_{status}",
        recipients=contact_emails(request.organisation),
        context={"usage_request": request, "reason": reason},
    )


def _close(request: UsageRequest, actor, reason: str, *, status: str, allowed_from: set[str]):
    require_staff(actor)
    reason = _closing_reason(reason)
    with transaction.atomic():
        request = _decide(request, actor, allowed_from=allowed_from)
        request.status = status
        request.decision_reason = reason
        request.link_nonce = ""  # every link handed out so far stops working
        request.save()
        audit_record(
            actor=actor, action=f"campaign.request_{status}", target=request, reason=reason
        )
        recipients = contact_emails(request.organisation)
        context = {"usage_request": request, "reason": reason}
        transaction.on_commit(
            lambda: send_in_language(
                template=f"knowledge/emails/request_{status}",
                recipients=recipients,
                context=context,
            )
        )
    return request


def usage_request_reject(*, request: UsageRequest, actor, reason: str) -> UsageRequest:
    return _close(
        request,
        actor,
        reason,
        status=RequestStatus.REJECTED,
        allowed_from={RequestStatus.PENDING},
    )


def usage_request_revoke(*, request: UsageRequest, actor, reason: str) -> UsageRequest:
    """Withdraw an approval: the download link stops working at once."""
    return _close(
        request,
        actor,
        reason,
        status=RequestStatus.REVOKED,
        allowed_from={RequestStatus.APPROVED},
    )


class DownloadRefused(Exception):
    """The link does not give this user the file; `reason` says why (for the page)."""

    def __init__(self, reason: str, status: int = 403):
        super().__init__(reason)
        self.reason, self.status = reason, status


def usage_request_for_download(*, token: str, user) -> UsageRequest:
    """The approved request behind a download link, if it may serve `user` now.

    The signature proves the link was made here; its timestamp and the request's stored
    expiry bound its life; the nonce dies on revocation; and only a contact of the
    requesting organisation (or the project team) can use it."""
    try:
        payload = signing.loads(token, salt=LINK_SALT, max_age=timedelta(days=link_days()))
    except signing.SignatureExpired as error:
        raise DownloadRefused(_("This download link has expired."), status=410) from error
    except signing.BadSignature as error:
        raise DownloadRefused(_("This download link is not valid."), status=404) from error
    request = (
        UsageRequest.objects.select_related("item", "organisation")
        .filter(pk=payload.get("r"))
        .first()
    )
    if request is None or not payload.get("n") or payload.get("n") != request.link_nonce:
        raise DownloadRefused(_("This download link is no longer valid."), status=410)
    if request.status != RequestStatus.APPROVED:
        raise DownloadRefused(_("This download link is no longer valid."), status=410)
    if request.link_expires_at is None or request.link_expires_at <= timezone.now():
        raise DownloadRefused(_("This download link has expired."), status=410)
    if not user.is_authenticated:
        raise DownloadRefused(_("Log in to download."), status=401)
    if not (is_team(user) or acts_for(user, request.organisation)):
        raise DownloadRefused(_("This link was issued to another organisation."), status=403)
    return request


def campaign_download_record(*, request: UsageRequest, user) -> CampaignDownload | None:
    """Count one download for the impact figures; the project team checking a file is
    not reach, so its downloads are not counted."""
    if is_team(user):
        return None
    return CampaignDownload.objects.create(
        request=request,
        item=request.item,
        organisation=request.organisation,
        user=user if user.is_authenticated else None,
    )
