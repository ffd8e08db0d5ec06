"""On the day: who came and who did not."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.accounts.access import is_team
from olievlek.audit.services import audit_record

from ..choices import Attendance, RegistrationState
from ..models import Registration


def registration_mark_attendance(
    *, registration: Registration, attendance: str, actor
) -> Registration:
    """Record presence or a no-show; possible from the day of the meeting on."""
    if attendance not in Attendance.values:
        raise ValidationError(_("Unknown attendance."))
    if registration.state != RegistrationState.CONFIRMED:
        raise ValidationError(_("Only people with a seat can be checked in."))
    event_day = timezone.localtime(registration.event.starts_at).date()
    if timezone.localdate() < event_day:
        raise ValidationError(_("Attendance can be recorded from the day of the meeting."))
    if registration.attendance != attendance:
        before = registration.attendance
        registration.attendance = attendance
        registration.save(update_fields=["attendance"])
        if is_team(actor):
            audit_record(
                actor=actor,
                action="registration.attendance",
                target=registration,
                before=before,
                after=attendance,
            )
    return registration
