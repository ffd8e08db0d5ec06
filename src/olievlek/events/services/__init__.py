"""Everything that writes meetings: one module per subdomain.

Other apps import from here, not from the modules below it.
"""

from .attendance import registration_mark_attendance
from .divisions import (
    availability_set,
    division_create,
    division_move,
    division_publish,
    division_send_invitations,
    division_solve,
    division_solve_start,
)
from .events import event_create, event_update
from .followups import follow_up_create, follow_up_set_done
from .registrations import (
    Person,
    registration_cancel,
    registration_confirm,
    registration_register_members,
    registration_register_visitor,
    registration_resend_confirmation,
)
from .review import event_publish, event_reject, event_reject_preview

__all__ = [
    "event_publish",
    "event_reject",
    "event_reject_preview",
    "Person",
    "availability_set",
    "division_create",
    "division_move",
    "division_publish",
    "division_send_invitations",
    "division_solve",
    "division_solve_start",
    "event_create",
    "event_update",
    "follow_up_create",
    "follow_up_set_done",
    "registration_cancel",
    "registration_confirm",
    "registration_mark_attendance",
    "registration_register_members",
    "registration_register_visitor",
    "registration_resend_confirmation",
]
