"""Deleting an organisation or an account: personal data goes, the programme's totals stay.

An organisation's matches, meeting registrations and stories are part of what the
programme reports (the chain, the reach of meetings). So deleting an organisation keeps
those rows and blanks what names a person: its contacts' accounts are deleted, its
invitations removed, names and addresses on registrations anonymised (through each app's
`personal_data` module), and the organisation itself renamed and marked deleted.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.http import int_to_base36
from django.utils.translation import gettext as _

from olievlek.audit.services import audit_record
from olievlek.site.cache import bump

from .. import personal_data
from ..choices import Status
from ..models import ContactPerson, Organisation, ThemeProfile
from .search import reindex_organisation

DELETED_NAME = "Verwijderde organisatie"


def organisation_delete(*, organisation: Organisation, actor) -> Organisation:
    """Anonymise `organisation` everywhere; by the project team or its last contact."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if organisation.status == Status.DELETED:
            raise ValidationError(_("This organisation has already been deleted."))
        users = [c.user for c in organisation.contacts.select_related("user")]
        emails = [user.email for user in users]
        audit_record(
            actor=actor,
            action="organisation.delete",
            target=organisation,
            before={"name": organisation.name, "status": organisation.status},
            after={"name": DELETED_NAME, "status": Status.DELETED},
            contacts=len(users),
        )
        personal_data.organisation_anonymise_everywhere(organisation=organisation, emails=emails)
        organisation.invitations.all().delete()
        organisation.profile_changes.all().delete()
        ThemeProfile.objects.filter(organisation=organisation).update(
            experience="", help_question=""
        )
        for user in users:
            user.delete()
        _blank(organisation)
        organisation.save()
        transaction.on_commit(lambda: bump("network"))
        transaction.on_commit(lambda: reindex_organisation(organisation))
    return organisation


def _blank(organisation: Organisation) -> None:
    organisation.name = DELETED_NAME
    organisation.slug = f"verwijderd-{organisation.pk}"
    # Unique and never a real KvK number (those are 8 digits): the number is free again.
    organisation.kvk_number = "D" + int_to_base36(organisation.pk).rjust(7, "0")
    organisation.city = ""
    organisation.website = ""
    organisation.description = ""
    organisation.email = ""
    organisation.phone = ""
    organisation.status_reason = ""
    organisation.is_koploper = organisation.is_ambassador = organisation.is_partner = False
    organisation.status = Status.DELETED


def account_delete(*, user, password: str) -> None:
    """A contact deletes its own account. The last contact of an organisation deletes the
    organisation with it (nobody would be left to act for it)."""
    if not user.check_password(password):
        raise ValidationError({"password": _("This password is not correct.")})
    with transaction.atomic():
        contact = ContactPerson.objects.filter(user=user).first()
        if contact is None:
            get_user_model().objects.filter(pk=user.pk).delete()
            return
        organisation = Organisation.objects.select_for_update().get(pk=contact.organisation_id)
        if organisation.contacts.count() <= 1:
            organisation_delete(organisation=organisation, actor=user)
            return
        audit_record(
            actor=user,
            action="contact.delete_self",
            target=organisation,
            before={"contact": str(user)},
            after={"contact": ""},
        )
        personal_data.person_anonymise_everywhere(emails=[user.email])
        was_primary = contact.is_primary
        user.delete()
        if was_primary:
            successor = organisation.contacts.order_by("created_at").first()
            successor.is_primary = True
            successor.save(update_fields=["is_primary"])


def signup_discard(*, organisation: Organisation, action: str) -> None:
    """Remove a sign-up that never became a member, with its accounts: nothing of it is
    needed any more, and its KvK number is free again. Called by the scheduled tasks."""
    with transaction.atomic():
        audit_record(actor=None, action=action, target=organisation, status=organisation.status)
        users = [c.user for c in organisation.contacts.select_related("user")]
        try:
            with transaction.atomic():
                for user in users:
                    user.delete()
                organisation.delete()
        except ProtectedError:
            # Something of the programme's record points at it: anonymise instead.
            organisation_delete(organisation=organisation, actor=None)
