"""Fixed vocabularies of meetings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    """The kinds of meeting in the network.

    A *sessie* is a working session by invitation (e.g. four sessions of 25 employers
    that collected the manifesto's success factors); a *kijkje in de keuken* ("a look in
    the kitchen") is a visit to a member who shows its approach at work.
    """

    BIJEENKOMST = "bijeenkomst", _("Meeting")
    MASTERCLASS = "masterclass", _("Masterclass")
    SESSIE = "sessie", _("Session by invitation")
    KIJKJE = "kijkje", _("Look in the kitchen")
    WORKSHOP = "workshop", _("Workshop")
    REGIONAAL = "regionaal", _("Regional meeting")


class ReviewState(models.TextChoices):
    """Where a meeting stands before the public sees it. One state for every meeting: a
    meeting the project team makes starts as a *draft* and is published on purpose; one
    organised by a partner or proposed by a member waits (*pending*) until the project
    team publishes (or rejects) it. Only *published* meetings are seen outside the team."""

    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members of the network")
    INVITED = "invited", _("Invited organisations only")


class RegistrationState(models.TextChoices):
    """A visitor's registration is *pending* until the email address is confirmed; only
    *confirmed* registrations hold a seat."""

    PENDING = "pending", _("Awaiting email confirmation")
    CONFIRMED = "confirmed", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATES = (RegistrationState.PENDING, RegistrationState.CONFIRMED, RegistrationState.WAITING)


class Attendance(models.TextChoices):
    UNKNOWN = "", _("Not recorded")
    PRESENT = "present", _("Present")
    NO_SHOW = "no_show", _("Did not come")


class DivisionState(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    COLLECTING = "collecting", _("Collecting availability")
    SOLVING = "solving", _("Calculating a proposal")
    PROPOSED = "proposed", _("Proposal ready")
    PUBLISHED = "published", _("Published")
    FAILED = "failed", _("Calculation failed")
