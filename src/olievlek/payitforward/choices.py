"""Fixed vocabularies of Pay it Forward: modes of help and the states of offers,
requests, match rounds and matches."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Mode(models.TextChoices):
    """How a mentor helps. A *kijkje in de keuken* ("a look in the kitchen") is a visit
    to the mentor's workplace to see its approach at work."""

    ADVICE = "advice", _("One-to-one advice")
    VISIT = "visit", _("A look behind the scenes (visit)")


class PreferredMode(models.TextChoices):
    ADVICE = "advice", _("One-to-one advice")
    VISIT = "visit", _("A look behind the scenes (visit)")
    EITHER = "either", _("Either is fine")


class OfferStatus(models.TextChoices):
    OPEN = "open", _("Open")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a mentor")
    MATCHED = "matched", _("In a match")
    DONE = "done", _("Helped")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Origin(models.TextChoices):
    ROUND = "round", _("Match round")
    STAFF = "staff", _("Matched by the project team")
    DIRECT = "direct", _("Asked directly by the learner")


class MatchState(models.TextChoices):
    """The lifecycle of a match. ``draft`` is a proposal in a round that staff have not
    published yet; nobody outside the project team sees it."""

    DRAFT = "draft", _("Draft proposal")
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted by both")
    PLANNED = "planned", _("First meeting planned")
    HELD = "held", _("Meeting held")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


# A mentor's place is held from the moment both sides have accepted; a completed match
# has used its place for good. Proposals hold nothing, so a learner who asks a mentor
# directly can never block the mentor's places by not answering.
HOLDING_STATES = (
    MatchState.ACCEPTED,
    MatchState.PLANNED,
    MatchState.HELD,
    MatchState.COMPLETED,
)
# States in which a match is still going somewhere; a request in one of them is taken.
LIVE_STATES = (MatchState.PROPOSED, MatchState.ACCEPTED, MatchState.PLANNED, MatchState.HELD)
# Matches that count as "made" in the figures the project team reports.
MADE_STATES = HOLDING_STATES


class Answer(models.TextChoices):
    PENDING = "pending", _("No answer yet")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class RoundState(models.TextChoices):
    RUNNING = "running", _("Calculating")
    READY = "ready", _("Ready for review")
    PUBLISHED = "published", _("Published")
    DISCARDED = "discarded", _("Discarded")
    FAILED = "failed", _("Failed")


class Side(models.TextChoices):
    MENTOR = "mentor", _("Mentor")
    LEARNER = "learner", _("Learner")
