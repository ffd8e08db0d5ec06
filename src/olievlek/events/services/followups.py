"""*Vervolgactiviteiten*: the actions participants take on after a meeting."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import Attendance, RegistrationState
from ..models import FollowUp, Registration


def follow_up_create(
    *, registration: Registration, description: str, theme: str, due_date: date, actor=None
) -> FollowUp:
    """Log an action for a meeting the participant had a seat at (and did attend)."""
    event = registration.event
    if registration.state != RegistrationState.CONFIRMED or (
        registration.attendance == Attendance.NO_SHOW
    ):
        raise ValidationError(_("Only participants of the meeting can log follow-up actions."))
    if not event.has_started:
        raise ValidationError(_("Follow-up actions can be logged once the meeting has started."))
    if due_date < timezone.localtime(event.starts_at).date():
        raise ValidationError({"due_date": _("Choose a date on or after the meeting.")})
    follow_up = FollowUp(
        event=event,
        registration=registration,
        organisation=registration.organisation,
        created_by=actor if actor is not None and actor.is_authenticated else None,
        description=description.strip(),
        theme=theme,
        due_date=due_date,
    )
    follow_up.full_clean()
    follow_up.save()
    return follow_up


def follow_up_set_done(*, follow_up: FollowUp, done: bool) -> FollowUp:
    follow_up.done_at = timezone.now() if done else None
    follow_up.save(update_fields=["done_at"])
    return follow_up
