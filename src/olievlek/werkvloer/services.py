"""Writes of the self-scan: rounds, invitation codes, answers, closing and retention.

Answers never reach a log, an error message or the audit log: exceptions carry only
generic texts, and no audit entry is written for anything an employee does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from olievlek.audit.services import audit_record
from olievlek.engines.scan import ALL_ITEMS, ITEMS, SCALE, THEMES, theme_scores
from olievlek.site.cache import bump

from . import codes
from .aggregates import team_aggregates
from .choices import RoundState
from .models import MAX_TEAM_SIZE, Invitation, Response, ScanRound, ScanTeam, TeamAction, TeamResult
from .questions import PAGES
from .selectors import BENCHMARK_NAMESPACE

MAX_TEAMS = 100
MAX_BATCH = 500


class CodeRefused(Exception):
    """An invitation or return code that does not work. Deliberately one kind for every
    reason, so a guesser learns nothing."""


@dataclass(frozen=True, slots=True)
class TeamSpec:
    name: str
    expected_size: int


@transaction.atomic
def round_create(
    *, organisation, name: str, closes_on: dt.date, teams: list[TeamSpec], user=None
) -> ScanRound:
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": _("The closing date cannot be in the past.")})
    if not teams:
        raise ValidationError({"teams": _("Add at least one team.")})
    if len(teams) > MAX_TEAMS:
        raise ValidationError({"teams": _("A round has at most 100 teams.")})
    names = [t.name.strip().casefold() for t in teams]
    if len(set(names)) != len(names):
        raise ValidationError({"teams": _("Each team needs its own name.")})
    scan_round = ScanRound(organisation=organisation, name=name, closes_on=closes_on)
    scan_round.full_clean()
    scan_round.save()
    for spec in teams:
        team = ScanTeam(round=scan_round, name=spec.name.strip(), expected_size=spec.expected_size)
        team.full_clean()
        team.save()
    audit_record(actor=user, action="werkvloer.round_create", target=scan_round)
    return scan_round


@transaction.atomic
def invitations_create(*, team: ScanTeam, count: int) -> list[str]:
    """New codes for a team. They are returned once, to be shown or printed, and only
    their hashes are kept."""
    scan_round = ScanRound.objects.select_for_update().get(pk=team.round_id)
    if not scan_round.is_open:
        raise ValidationError(_("This round is closed; no new codes can be made."))
    if not 1 <= count <= MAX_BATCH:
        raise ValidationError(_("Make between 1 and 500 codes at a time."))
    if team.codes_issued + count > MAX_TEAM_SIZE:
        raise ValidationError(_("A team can have at most 2000 codes."))
    batch = [codes.new_code() for _ in range(count)]
    Invitation.objects.bulk_create(
        [Invitation(team=team, code_hash=codes.code_hash(code)) for code in batch]
    )
    ScanTeam.objects.filter(pk=team.pk).update(codes_issued=team.codes_issued + count)
    team.codes_issued += count
    return batch


def _round_accepts_answers(scan_round: ScanRound) -> bool:
    return scan_round.is_open and scan_round.closes_on >= timezone.localdate()


@sensitive_variables()
@transaction.atomic
def response_start(*, code: str) -> tuple[Response, str]:
    """Use an invitation: it is spent, and an empty response with a fresh return code
    starts. The response is not linked to the invitation."""
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("team__round")
        .filter(code_hash=codes.code_hash(code), used=False)
        .first()
    )
    if invitation is None or not _round_accepts_answers(invitation.team.round):
        raise CodeRefused
    invitation.used = True
    invitation.save(update_fields=["used"])
    return_code = codes.new_code()
    response = Response.objects.create(
        round=invitation.team.round,
        team=invitation.team,
        return_code_hash=codes.code_hash(return_code),
    )
    return response, return_code


@sensitive_variables()
def response_by_return_code(*, return_code: str) -> Response:
    response = (
        Response.objects.select_related("round", "team")
        .filter(return_code_hash=codes.code_hash(return_code))
        .first()
    )
    if response is None:
        raise CodeRefused
    return response


@sensitive_variables()
def _clean_page(page: str, data: dict) -> dict:
    """The model fields one page sets; raises ValidationError with a generic text."""
    if page == "was":
        value = data.get("was")
        if not isinstance(value, int) or not 0 <= value <= 10:
            raise ValidationError(_("Choose a number from 0 to 10."))
        return {"was": value}
    if page in THEMES:
        answers = {}
        for item in ITEMS[page]:
            value = data.get(item)
            if value is None:
                continue
            if value not in SCALE:
                raise ValidationError(_("Choose one of the five answers."))
            answers[item] = value
        return {"answers": answers}
    if page == "open":
        text = (data.get("open_answer") or "").strip()
        if len(text) > 2000:
            raise ValidationError(_("Please keep your answer under 2000 characters."))
        return {"open_answer": text}
    raise ValidationError(_("Unknown page."))


@sensitive_variables()
@transaction.atomic
def response_save_page(*, response: Response, page: str, data: dict) -> Response:
    """Save one page at once, so a lost connection loses at most that page."""
    response = Response.objects.select_for_update().select_related("round").get(pk=response.pk)
    if not _round_accepts_answers(response.round):
        raise ValidationError(_("This scan is closed; answers can no longer be changed."))
    values = _clean_page(page, data)
    fields = ["page"]
    if "answers" in values:
        answers = {k: v for k, v in response.answers.items() if k in ALL_ITEMS}
        for item in ITEMS[page]:
            answers.pop(item, None)
        answers.update(values["answers"])
        response.answers = answers
        setattr(response, f"score_{page}", theme_scores(answers)[page])
        fields += ["answers", f"score_{page}"]
    else:
        for name, value in values.items():
            setattr(response, name, value)
            fields.append(name)
    response.page = max(response.page, PAGES.index(page) + 1)
    if page == "open" and response.was is not None:
        response.completed = True
        fields.append("completed")
    response.save(update_fields=fields)
    return response


@transaction.atomic
def response_delete(*, response: Response) -> None:
    """The employee deletes their answers. Team results of a closed round were already
    computed from at least the minimum group and stay; they hold no individual answers."""
    Response.objects.filter(pk=response.pk).delete()


@transaction.atomic
def round_close(*, scan_round: ScanRound, user=None) -> ScanRound:
    """Close the round and compute its team results in the database, once: the
    employer's figures never change afterwards, whatever an employee later deletes."""
    scan_round = ScanRound.objects.select_for_update().get(pk=scan_round.pk)
    if not scan_round.is_open:
        return scan_round
    rows = {row.pop("team"): row for row in team_aggregates(scan_round.responses.all())}
    results = []
    for team in scan_round.teams.all():
        row = rows.get(team.pk, {})
        results.append(
            TeamResult(
                team=team, round=scan_round, organisation_id=scan_round.organisation_id, **row
            )
        )
    TeamResult.objects.bulk_create(results)
    scan_round.state = RoundState.CLOSED
    scan_round.closed_at = timezone.now()
    scan_round.respondents = sum(r.respondents for r in results)
    scan_round.save(update_fields=["state", "closed_at", "respondents"])
    # Unused codes are worthless now; drop them.
    Invitation.objects.filter(team__round=scan_round).delete()
    # Responses that were never finished do not count and are not kept.
    scan_round.responses.filter(completed=False).delete()
    audit_record(actor=user, action="werkvloer.round_close", target=scan_round)
    transaction.on_commit(lambda: bump(BENCHMARK_NAMESPACE))
    return scan_round


def rounds_close_due(*, today: dt.date | None = None) -> int:
    today = today or timezone.localdate()
    due = ScanRound.objects.filter(state=RoundState.OPEN, closes_on__lt=today)
    closed = 0
    for scan_round in due:
        round_close(scan_round=scan_round)
        closed += 1
    return closed


def _months_before(moment: dt.datetime, months: int) -> dt.datetime:
    year, month = divmod(moment.month - 1 - months, 12)
    target_year, target_month = moment.year + year, month + 1
    day = min(moment.day, 28)
    return moment.replace(year=target_year, month=target_month, day=day)


@transaction.atomic
def answers_purge(*, now: dt.datetime | None = None) -> int:
    """Delete the raw answers of rounds closed longer ago than the retention period;
    the team results stay. Returns the number of responses deleted."""
    now = now or timezone.now()
    cutoff = _months_before(now, settings.OLIEVLEK_SCAN_RETENTION_MONTHS)
    due = ScanRound.objects.filter(
        state=RoundState.CLOSED, closed_at__lte=cutoff, purged_at__isnull=True
    )
    deleted, _per_model = Response.objects.filter(round__in=due).delete()
    due.update(purged_at=now)
    return deleted


@transaction.atomic
def team_action_create(*, team: ScanTeam, theme: str, text: str, owner: str, user) -> TeamAction:
    action = TeamAction(
        team=team, theme=theme, text=text.strip(), owner=owner.strip(), created_by=user
    )
    action.full_clean()
    action.save()
    audit_record(actor=user, action="werkvloer.team_action_create", target=action)
    return action
