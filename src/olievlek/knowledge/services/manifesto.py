"""The manifesto: its success factors (kept by the project team) and its signatories."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.audit.services import audit_record
from olievlek.network.choices import Status, Theme

from ..choices import StoryStatus
from ..models import Endorsement, ManifestoFactor, Story
from ._common import acts_for, require_staff


@dataclass(frozen=True, kw_only=True)
class FactorData:
    number: int
    title: str
    description: str
    themes: tuple[str, ...] = ()
    session: str = ""
    story_ids: frozenset[int] = field(default_factory=frozenset)


def factor_save(*, actor, data: FactorData, factor: ManifestoFactor | None = None):
    """Create or change a success factor; only published stories can illustrate it."""
    require_staff(actor)
    if not set(data.themes) <= set(Theme.values):
        raise ValidationError({"themes": _("Choose themes from the list.")})
    factor = factor or ManifestoFactor()
    factor.number = data.number
    factor.title = data.title.strip()
    factor.description = data.description.strip()
    factor.themes = [t for t in Theme.values if t in data.themes]
    factor.session = data.session.strip()
    factor.full_clean()
    stories = Story.objects.filter(pk__in=data.story_ids, status=StoryStatus.PUBLISHED)
    with transaction.atomic():
        creating = factor.pk is None
        factor.save()
        factor.stories.set(stories)
        audit_record(
            actor=actor,
            action="manifesto.factor_create" if creating else "manifesto.factor_update",
            target=factor,
        )
    return factor


def factor_delete(*, actor, factor: ManifestoFactor) -> None:
    require_staff(actor)
    with transaction.atomic():
        audit_record(actor=actor, action="manifesto.factor_delete", target=factor)
        factor.delete()


def manifesto_endorse(*, organisation, actor) -> Endorsement:
    """Sign the manifesto on behalf of an approved organisation."""
    if not acts_for(actor, organisation):
        raise PermissionDenied
    if organisation.status != Status.APPROVED:
        raise ValidationError(_("Only organisations in the network can sign the manifesto."))
    existing = Endorsement.objects.filter(organisation=organisation).first()
    if existing is not None:
        if existing.removed_at is not None:
            raise ValidationError(
                _(
                    "The project team has taken your signature off the list. Contact the "
                    "project team if you want to sign again."
                )
            )
        raise ValidationError(_("Your organisation has already signed the manifesto."))
    try:
        with transaction.atomic():
            return Endorsement.objects.create(organisation=organisation, endorsed_by=actor)
    except IntegrityError as error:  # a colleague signed at the same moment
        raise ValidationError(_("Your organisation has already signed the manifesto.")) from error


def endorsement_withdraw(*, organisation, actor) -> None:
    """The organisation takes back its own signature."""
    if not acts_for(actor, organisation):
        raise PermissionDenied
    deleted, _rows = Endorsement.objects.filter(
        organisation=organisation, removed_at__isnull=True
    ).delete()
    if not deleted:
        raise ValidationError(_("Your organisation has not signed the manifesto."))


def endorsement_remove(*, endorsement: Endorsement, actor, reason: str) -> Endorsement:
    """The project team takes a signature off the list, with a reason."""
    require_staff(actor)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for removing the signature.")})
    with transaction.atomic():
        endorsement = Endorsement.objects.select_for_update().get(pk=endorsement.pk)
        if endorsement.removed_at is not None:
            raise ValidationError(_("This signature has already been removed."))
        endorsement.removed_at = timezone.now()
        endorsement.removed_by = actor
        endorsement.removal_reason = reason
        endorsement.save()
        audit_record(
            actor=actor, action="manifesto.signature_remove", target=endorsement, reason=reason
        )
    return endorsement
