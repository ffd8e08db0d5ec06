"""The public side of meetings: the calendar, a meeting's page, iCal, registering, and
the personal links from the mails (a registration, an invitation to sessions)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.network.selectors import organisation_of_user, user_is_member
from olievlek.site.forms import add_service_errors
from olievlek.site.throttle import throttle_posts

from .. import ical, selectors, services
from ..choices import Audience, RegistrationState
from ..forms import (
    AvailabilityForm,
    CalendarFilterForm,
    FollowUpForm,
    MemberRegistrationForm,
    VisitorRegistrationForm,
)
from ..models import DivisionInvitee, Registration

PAGE_SIZE = 20


@require_GET
def calendar(request):
    form = CalendarFilterForm(request.GET or None)
    filters = (
        selectors.CalendarFilters(**form.filters())
        if form.is_bound
        else (selectors.CalendarFilters())
    )
    page = Paginator(
        selectors.event_calendar(user=request.user, filters=filters), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    context = {"form": form, "page_obj": page, "filters": filters}
    template = "events/_calendar_results.html" if request.htmx else "events/calendar.html"
    return render(request, template, context)


def _visible_event(request, slug: str):
    event = selectors.event_visible_get(user=request.user, slug=slug)
    if event is None:
        raise Http404
    return event


def _member_organisation(user):
    """The approved organisation of a logged-in member (not staff without one)."""
    if not user_is_member(user):
        return None
    return organisation_of_user(user)


@require_GET
def detail(request, slug: str):
    event = _visible_event(request, slug)
    organisation = _member_organisation(request.user)
    own = (
        selectors.organisation_registrations(organisation=organisation).filter(event=event)
        if organisation
        else []
    )
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "counts": selectors.seat_counts(event),
            "registration_status": event.registration_status(),
            "own_registrations": own,
            # The link is for confirmed places only, never for a waiting list or a cancel.
            "show_online_url": bool(event.online_url)
            and any(r.state == RegistrationState.CONFIRMED for r in own),
            "is_member": organisation is not None,
        },
    )


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, slug: str):
    event = _visible_event(request, slug)
    return _ics_response(ical.calendar_for([event], name=event.title), f"{event.slug}.ics")


@require_GET
def registration_ics(request, token: str):
    """A registrant's own calendar file: with the online link once the place is confirmed."""
    registration = get_object_or_404(Registration.objects.select_related("event"), token=token)
    event = registration.event
    content = ical.calendar_for(
        [event],
        name=event.title,
        with_online_url=registration.state == RegistrationState.CONFIRMED,
    )
    return _ics_response(content, f"{event.slug}.ics")


@require_GET
def feed_ics(request):
    content = ical.calendar_for(selectors.public_feed_events(), name=_("Olievlek meetings"))
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="olievlek-bijeenkomsten.ics"'
    return response


@require_http_methods(["GET", "POST"])
@throttle_posts("event_registration", field="email")
def register(request, slug: str):
    event = _visible_event(request, slug)
    organisation = _member_organisation(request.user)
    data = request.POST if request.method == "POST" else None
    if organisation is not None:
        form = MemberRegistrationForm(data, organisation=organisation)
    elif event.audience == Audience.PUBLIC:
        form = VisitorRegistrationForm(data)
    else:
        form = None  # the page explains who may register and links to the login
    status = event.registration_status()
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            if organisation is not None:
                registrations = services.registration_register_members(
                    event=event,
                    organisation=organisation,
                    actor=request.user,
                    people=[services.Person(name=n, email=e) for n, e in form.people()],
                )
                _report_outcome(request, registrations)
                return redirect("events:my_events")
            registration = services.registration_register_visitor(
                event=event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                organisation_name=form.cleaned_data["organisation_name"],
            )
            request.session[_pending_key(event)] = registration.pk
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("events:register_done", slug=event.slug)
    return render(
        request,
        "events/register.html",
        {
            "event": event,
            "form": form,
            "registration_status": status,
            "counts": selectors.seat_counts(event),
            "is_member": organisation is not None,
        },
    )


def _report_outcome(request, registrations: list[Registration]) -> None:
    confirmed = [r.name for r in registrations if r.state == RegistrationState.CONFIRMED]
    waiting = [r.name for r in registrations if r.state == RegistrationState.WAITING]
    if confirmed:
        messages.success(request, _("Registered: %(names)s.") % {"names": ", ".join(confirmed)})
    if waiting:
        messages.warning(
            request,
            _("The meeting is full. On the waiting list: %(names)s.")
            % {"names": ", ".join(waiting)},
        )


def _pending_key(event) -> str:
    return f"events:pending-registration:{event.pk}"


def _pending_registration(request, event) -> Registration | None:
    """The visitor's own registration for this meeting that waits for the address to be
    confirmed (remembered in the session when it was made)."""
    pk = request.session.get(_pending_key(event))
    if pk is None:
        return None
    return Registration.objects.filter(pk=pk, event=event, state=RegistrationState.PENDING).first()


@require_GET
def register_done(request, slug: str):
    event = _visible_event(request, slug)
    return render(
        request,
        "events/register_done.html",
        {"event": event, "pending": _pending_registration(request, event)},
    )


@require_POST
def register_resend(request, slug: str):
    """The visitor asks for the confirmation mail again."""
    event = _visible_event(request, slug)
    registration = _pending_registration(request, event)
    if registration is None:
        raise Http404
    try:
        services.registration_resend_confirmation(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("We have sent the email again to %(email)s.") % {"email": registration.email},
        )
    return redirect("events:register_done", slug=event.slug)


@require_http_methods(["GET", "POST"])
def registration(request, token: str):
    """A person's own registration, reached through the link in the mails: confirm the
    email address, cancel, and log follow-up actions afterwards."""
    registration = get_object_or_404(
        Registration.objects.select_related("event", "organisation"), token=token
    )
    action = request.POST.get("action")
    follow_up_form = FollowUpForm(request.POST if action == "follow_up" else None)
    if request.method == "POST":
        try:
            if action == "confirm":
                registration = services.registration_confirm(registration=registration)
                if registration.state == RegistrationState.CONFIRMED:
                    messages.success(request, _("Your registration is confirmed. See you there!"))
                else:
                    messages.warning(
                        request, _("The meeting is full; you are on the waiting list.")
                    )
                return redirect("events:registration", token=token)
            if action == "cancel":
                services.registration_cancel(registration=registration, actor=request.user)
                messages.success(request, _("Your registration has been cancelled."))
                return redirect("events:registration", token=token)
            if action == "follow_up" and follow_up_form.is_valid():
                services.follow_up_create(
                    registration=registration, actor=request.user, **follow_up_form.cleaned_data
                )
                messages.success(request, _("The follow-up action has been saved."))
                return redirect("events:registration", token=token)
            if action == "done":
                # A tampered id ("abc") is a missing follow-up, not a server error.
                follow_up_id = request.POST.get("follow_up", "")
                follow_up = get_object_or_404(
                    registration.follow_ups,
                    pk=int(follow_up_id) if follow_up_id.isdigit() else None,
                )
                services.follow_up_set_done(
                    follow_up=follow_up, done=request.POST.get("done") == "1"
                )
                return redirect("events:registration", token=token)
        except ValidationError as error:
            if action == "follow_up":
                add_service_errors(follow_up_form, error)
            else:
                messages.error(request, " ".join(error.messages))
                return redirect("events:registration", token=token)
    return render(
        request,
        "events/registration.html",
        {
            "registration": registration,
            "event": registration.event,
            "position": selectors.waiting_position(registration),
            "follow_up_form": follow_up_form,
            "follow_ups": registration.follow_ups.all(),
            "can_follow_up": registration.state == RegistrationState.CONFIRMED
            and registration.event.has_started,
        },
    )


@require_http_methods(["GET", "POST"])
def availability(request, token: str):
    """An invitee says which sessions it can attend (the link in the invitation)."""
    invitee = get_object_or_404(
        DivisionInvitee.objects.select_related("division", "organisation"), token=token
    )
    division = invitee.division
    sessions = division.sessions.order_by("starts_at", "pk")
    form = AvailabilityForm(
        request.POST or None,
        sessions=sessions,
        initial={"sessions": list(invitee.available_sessions.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.availability_set(invitee=invitee, sessions=form.cleaned_data["sessions"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you; your answer has been saved."))
            return redirect("events:availability", token=token)
    return render(
        request,
        "events/availability.html",
        {"invitee": invitee, "division": division, "form": form},
    )
