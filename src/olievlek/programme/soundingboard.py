"""The sounding-board group (*klankbordgroep*): who is in it, proposals, votes, comments
and the decision mailed to the group."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from olievlek.accounts.languages import send_in_language
from olievlek.audit.services import audit_record
from olievlek.network.choices import Status
from olievlek.network.models import ContactPerson
from olievlek.network.selectors import organisation_of_user

from .models import BoardComment, BoardProposal, BoardVote, SoundingBoardSeat, VoteChoice


def board_organisation_of(user):
    """The approved organisation in the group that `user` is a contact of, or None."""
    if not user.is_authenticated:
        return None
    organisation = organisation_of_user(user)
    if (
        organisation is not None
        and organisation.status == Status.APPROVED
        and SoundingBoardSeat.objects.filter(organisation=organisation).exists()
    ):
        return organisation
    return None


def is_board_member(user) -> bool:
    return board_organisation_of(user) is not None


def board_member_emails() -> list[str]:
    return list(
        ContactPerson.objects.filter(
            organisation__sounding_board_seat__isnull=False,
            organisation__status=Status.APPROVED,
            user__is_active=True,
        )
        .values_list("user__email", flat=True)
        .distinct()
    )


def seats() -> QuerySet[SoundingBoardSeat]:
    return SoundingBoardSeat.objects.select_related("organisation")


def seat_set(*, actor, organisation, member: bool) -> None:
    with transaction.atomic():
        if member:
            SoundingBoardSeat.objects.get_or_create(organisation=organisation)
        else:
            SoundingBoardSeat.objects.filter(organisation=organisation).delete()
        audit_record(actor=actor, action="programme.board_seat", target=organisation, member=member)


def proposal_create(*, actor, title: str, draft: str, deadline) -> BoardProposal:
    if deadline <= timezone.now():
        raise ValidationError({"deadline": _("The deadline must be in the future.")})
    with transaction.atomic():
        proposal = BoardProposal.objects.create(
            title=title, draft=draft, deadline=deadline, created_by=actor
        )
        audit_record(actor=actor, action="programme.board_proposal", target=proposal)
    return proposal


def vote_cast(*, proposal: BoardProposal, user, choice: str) -> BoardVote:
    """One vote per person, which they may change until the deadline."""
    if not is_board_member(user):
        raise PermissionDenied
    if choice not in VoteChoice.values:
        raise ValidationError({"choice": _("Choose agree, disagree or abstain.")})
    if not proposal.is_open():
        raise ValidationError(_("The deadline has passed; votes can no longer be changed."))
    vote, _created = BoardVote.objects.update_or_create(
        proposal=proposal, voter=user, defaults={"choice": choice}
    )
    return vote


def comment_add(*, proposal: BoardProposal, user, text: str) -> BoardComment:
    organisation = board_organisation_of(user)
    if organisation is None:
        raise PermissionDenied
    if not proposal.is_open():
        raise ValidationError(_("The deadline has passed; comments are closed."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write a comment.")})
    return BoardComment.objects.create(
        proposal=proposal, author=user, organisation_name=organisation.name, text=text
    )


def proposal_summary(*, proposal: BoardProposal) -> dict[str, int]:
    counts = dict(
        proposal.votes.values_list("choice").annotate(n=Count("id")).values_list("choice", "n")
    )
    return {choice: counts.get(choice, 0) for choice in VoteChoice.values}


def decision_publish(*, proposal: BoardProposal, actor, text: str) -> BoardProposal:
    """Publish the decision and mail it to every member of the group."""
    text = text.strip()
    if not text:
        raise ValidationError({"decision": _("Write the decision.")})
    with transaction.atomic():
        proposal.decision = text
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["decision", "decided_at"])
        audit_record(actor=actor, action="programme.board_decision", target=proposal)
        recipients = board_member_emails()
        context = {"proposal": proposal, "path": f"/mijn/klankbord/{proposal.pk}/"}
        transaction.on_commit(
            lambda: send_in_language(
                template="programme/emails/decision", recipients=recipients, context=context
            )
        )
    return proposal
