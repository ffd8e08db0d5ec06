"""One match in the member area: answer the proposal, plan and log the meeting, rate,
complete, and pass it on. Every view looks the match up through the member's own
organisation, so another organisation's match is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.network.views.access import member_required
from olievlek.site.forms import add_service_errors
from olievlek.site.reasons import wants_preview

from .. import selectors, services
from ..choices import Answer, MatchState
from ..forms import DeclineForm, MeetingForm, PlanForm, PledgeForm, RateForm
from ..services.common import contact_emails


def _match(organisation, pk):
    match = selectors.member_match(organisation=organisation, pk=pk)
    if match is None:
        raise Http404
    return match


def _actions(match, side) -> dict:
    state = match.state
    pending = state == MatchState.PROPOSED and match.answer_of(side) == Answer.PENDING
    return {
        "answer": pending,
        "plan": state in (MatchState.ACCEPTED, MatchState.PLANNED),
        "log": state in (MatchState.ACCEPTED, MatchState.PLANNED),
        "rate": state in (MatchState.HELD, MatchState.COMPLETED) and match.rating_of(side) is None,
        "complete": state == MatchState.HELD
        and match.mentor_rating is not None
        and match.learner_rating is not None,
        "pledge": side == "learner"
        and state == MatchState.COMPLETED
        and not hasattr(match, "pledge"),
    }


@require_GET
@member_required()
def detail(request, organisation, pk: int):
    match = _match(organisation, pk)
    side = match.side_of(organisation)
    other = match.learner if side == "mentor" else match.mentor
    shares_contacts = match.state in (
        MatchState.ACCEPTED,
        MatchState.PLANNED,
        MatchState.HELD,
        MatchState.COMPLETED,
    )
    return render(
        request,
        "payitforward/member/match.html",
        {
            "match": match,
            "side": side,
            "other": other,
            "organisation": organisation,
            "actions": _actions(match, side),
            "other_contacts": contact_emails([other]) if shares_contacts else [],
            "rate_form": RateForm(initial={"rating": match.rating_of(side)}),
        },
    )


def _done(request, match, text):
    messages.success(request, text)
    return redirect("payitforward:member_match", pk=match.pk)


def _failed(request, match, error):
    messages.error(request, " ".join(error.messages))
    return redirect("payitforward:member_match", pk=match.pk)


@require_POST
@member_required()
def accept(request, organisation, pk: int):
    match = _match(organisation, pk)
    try:
        match = services.match_accept(match=match, organisation=organisation)
    except ValidationError as error:
        return _failed(request, match, error)
    if match.state == MatchState.ACCEPTED:
        return _done(request, match, _("Both sides have accepted: the match is made."))
    return _done(request, match, _("You have accepted. We are waiting for the other side."))


@require_http_methods(["GET", "POST"])
@member_required()
def decline(request, organisation, pk: int):
    match = _match(organisation, pk)
    form = DeclineForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if wants_preview(request):
                preview = services.match_decline_preview(
                    match=match, organisation=organisation, reason=reason
                )
            else:
                services.match_decline(match=match, organisation=organisation, reason=reason)
                return _done(request, match, _("You have declined the proposal."))
        except ValidationError as error:
            add_service_errors(form, error)
    return render(
        request,
        "payitforward/member/match_form.html",
        {
            "match": match,
            "form": form,
            "title": _("Decline the proposal"),
            "intro": _("The other side receives your reason by email."),
            "button": _("Decline"),
            "preview": preview,
            "can_preview": True,
        },
    )


@require_http_methods(["GET", "POST"])
@member_required()
def plan(request, organisation, pk: int):
    match = _match(organisation, pk)
    initial = {"planned_at": match.meeting_planned_at, "mode": match.meeting_mode or None}
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.match_plan(match=match, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(request, match, _("The first meeting has been planned."))
    return render(
        request,
        "payitforward/member/match_form.html",
        {"match": match, "form": form, "title": _("Plan the first meeting"), "button": _("Save")},
    )


@require_http_methods(["GET", "POST"])
@member_required()
def meeting(request, organisation, pk: int):
    match = _match(organisation, pk)
    form = MeetingForm(
        request.POST or None,
        initial={"mode": match.meeting_mode or None},
        ask_rating=match.rating_of(match.side_of(organisation)) is None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.match_log_meeting(match=match, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(request, match, _("The meeting has been logged."))
    return render(
        request,
        "payitforward/member/match_form.html",
        {
            "match": match,
            "form": form,
            "title": _("Log the meeting"),
            "intro": _("Record the advice or visit that took place, with your rating."),
            "button": _("Save"),
        },
    )


@require_POST
@member_required()
def rate(request, organisation, pk: int):
    match = _match(organisation, pk)
    form = RateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a rating from 1 to 5."))
        return redirect("payitforward:member_match", pk=match.pk)
    try:
        services.match_rate(
            match=match, organisation=organisation, rating=form.cleaned_data["rating"]
        )
    except ValidationError as error:
        return _failed(request, match, error)
    return _done(request, match, _("Your rating has been saved."))


@require_POST
@member_required()
def complete(request, organisation, pk: int):
    match = _match(organisation, pk)
    try:
        services.match_complete(match=match, organisation=organisation)
    except ValidationError as error:
        return _failed(request, match, error)
    return _done(request, match, _("The match has been completed. Thank you!"))


@require_http_methods(["GET", "POST"])
@member_required()
def pledge(request, organisation, pk: int):
    match = _match(organisation, pk)
    form = PledgeForm(request.POST or None, initial={"themes": match.request.themes})
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_create(
                match=match, organisation=organisation, data=services.OfferData(**form.cleaned_data)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _done(
                request, match, _("Thank you for passing it on! You will be in the next rounds.")
            )
    return render(
        request,
        "payitforward/member/match_form.html",
        {
            "match": match,
            "form": form,
            "title": _("Pass it on"),
            "intro": _(
                "You were helped; now help others. Pledge places (usually two) and the themes "
                "you can help with. From the next match round you take part as a mentor."
            ),
            "button": _("Pass it on"),
        },
    )
