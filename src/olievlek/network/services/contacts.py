"""Contact people of an organisation: invitations, acceptance and removal."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.accounts.languages import active_language, send_in_language
from olievlek.audit.services import audit_record

from ..models import ContactPerson, Invitation, Organisation


def invitation_create(*, organisation: Organisation, email: str, actor) -> Invitation:
    email = email.strip().lower()
    validate_email(email)
    if get_user_model().objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("This person already has an account.")})
    if organisation.invitations.filter(
        email=email, accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).exists():
        raise ValidationError({"email": _("This person has already been invited.")})
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organisation=organisation, email=email, invited_by=actor
        )
        audit_record(actor=actor, action="contact.invite", target=organisation, email=email)
        context = {
            "organisation": organisation,
            "inviter": actor,
            "path": reverse("network:invitation_accept", kwargs={"token": invitation.token}),
            "expires_at": invitation.expires_at,
        }
        transaction.on_commit(
            lambda: send_in_language(
                template="network/emails/invitation", recipients=[email], context=context
            )
        )
    return invitation


def invitation_resend(*, invitation: Invitation, actor) -> Invitation:
    """Send an invitation nobody accepted again, with a new link and a new expiry (the old
    link stops working)."""
    from ..models import _invitation_expiry, _invitation_token

    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise ValidationError(_("This invitation has already been accepted."))
        invitation.token = _invitation_token()
        invitation.expires_at = _invitation_expiry()
        invitation.save(update_fields=["token", "expires_at"])
        audit_record(
            actor=actor,
            action="contact.invite",
            target=invitation.organisation,
            email=invitation.email,
        )
        context = {
            "organisation": invitation.organisation,
            "inviter": actor,
            "path": reverse("network:invitation_accept", kwargs={"token": invitation.token}),
            "expires_at": invitation.expires_at,
        }
        email = invitation.email
        transaction.on_commit(
            lambda: send_in_language(
                template="network/emails/invitation", recipients=[email], context=context
            )
        )
    return invitation


def invitation_accept(*, invitation: Invitation, first_name: str, last_name: str, password: str):
    """Create the invited person's account; following the emailed link proves the
    address, so it is verified at once."""
    if not invitation.is_open:
        raise ValidationError(_("This invitation has expired or has already been used."))
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("This person already has an account."))
    user = User(
        email=invitation.email,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        language=active_language(),
    )
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from error
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.accepted_at is not None:
            raise ValidationError(_("This invitation has expired or has already been used."))
        user.set_password(password)
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
        ContactPerson.objects.create(user=user, organisation=invitation.organisation)
        audit_record(
            actor=user,
            action="contact.add",
            target=invitation.organisation,
            before={"contact": ""},
            after={"contact": str(user)},
            invited_by=str(invitation.invited_by or ""),
        )
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
    return user


def contact_remove(*, contact: ContactPerson, actor) -> None:
    """Remove a contact person and their account. The last contact cannot be removed:
    an organisation must stay reachable."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=contact.organisation_id)
        if organisation.contacts.count() <= 1:
            raise ValidationError(_("An organisation needs at least one contact person."))
        was_primary = contact.is_primary
        label = str(contact.user)
        contact.user.delete()
        if was_primary:
            successor = organisation.contacts.order_by("created_at").first()
            successor.is_primary = True
            successor.save(update_fields=["is_primary"])
        audit_record(
            actor=actor,
            action="contact.remove",
            target=organisation,
            contact=label,
            before={"contact": label},
            after={"contact": ""},
        )
