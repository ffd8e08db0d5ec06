"""The member area for meetings: the organisation's registrations and its follow-up
actions (*vervolgactiviteiten*)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.network.views.access import member_required
from olievlek.site.forms import add_service_errors

from .. import selectors, services
from ..access import partner_of
from ..choices import RegistrationState
from ..forms import MemberFollowUpForm
from ..models import FollowUp, Registration


@require_GET
@member_required()
def my_events(request, organisation):
    registrations = selectors.organisation_registration_list(organisation=organisation)
    now = timezone.now()
    return render(
        request,
        "events/member/my_events.html",
        {
            "organisation": organisation,
            "upcoming": [r for r in registrations if r.event.ends_at > now],
            "past": [r for r in registrations if r.event.ends_at <= now][::-1],
            "follow_ups": selectors.organisation_follow_ups(organisation=organisation),
            "can_follow_up": selectors.follow_up_possible(registrations=registrations, now=now),
            "is_partner": partner_of(request.user) is not None,
        },
    )


@require_POST
@member_required()
def my_cancel(request, organisation, pk: int):
    registration = get_object_or_404(Registration, pk=pk, organisation=organisation)
    try:
        services.registration_cancel(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The registration of %(name)s has been cancelled.") % {"name": registration.name},
        )
    return redirect("events:my_events")


@require_http_methods(["GET", "POST"])
@member_required()
def follow_up_add(request, organisation):
    events = selectors.follow_up_candidates(organisation=organisation)
    form = MemberFollowUpForm(
        request.POST or None, events=events, initial={"event": request.GET.get("bijeenkomst")}
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        event = data.pop("event")
        registration = (
            event.registrations.filter(organisation=organisation, state=RegistrationState.CONFIRMED)
            .order_by("sequence")
            .first()
        )
        try:
            services.follow_up_create(registration=registration, actor=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The follow-up action has been saved."))
            return redirect("events:my_events")
    return render(
        request,
        "events/member/follow_up_form.html",
        {"form": form, "organisation": organisation, "has_events": events.exists()},
    )


@require_POST
@member_required()
def follow_up_done(request, organisation, pk: int):
    follow_up = get_object_or_404(FollowUp, pk=pk, organisation=organisation)
    done = request.POST.get("done") == "1"
    services.follow_up_set_done(follow_up=follow_up, done=done)
    messages.success(
        request,
        _("Marked as done.") if done else _("Marked as not done yet."),
    )
    return redirect("events:my_events")
