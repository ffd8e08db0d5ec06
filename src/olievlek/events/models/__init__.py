"""Meetings, registrations and follow-up actions; dividing a group over sessions."""

from .divisions import Division, DivisionInvitee
from .events import Event, EventTheme, FollowUp, Registration

__all__ = ["Division", "DivisionInvitee", "Event", "EventTheme", "FollowUp", "Registration"]
