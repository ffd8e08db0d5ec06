"""Managing meetings (/beheer/bijeenkomsten/): the project team for every meeting, a
partner for the meetings its organisation organises. Registrations, the check-in list
and the follow-up actions per meeting."""

from __future__ import annotations

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.site.confirm import Confirm, confirm_page, mailed_to, wants_confirm_step
from olievlek.site.forms import add_service_errors
from olievlek.site.listing import Column, list_filters, list_page
from olievlek.site.markdown_fields import wants_preview

from .. import selectors, services
from ..access import event_manager_required, organiser_required
from ..filters import RegistrationListFilter
from ..forms import AttendanceForm, EventForm, ManageFilterForm, RejectForm

# "datum" and "titel" are the sort keys the list had before it sorted on its columns.
EVENT_COLUMNS = [
    Column(key="titel", label=_lazy("Title"), sort=("title",)),
    Column(key="type", label=_lazy("Type"), sort=("kind",)),
    Column(key="datum", label=_lazy("Starts"), sort=("starts_at",)),
    Column(key="review", label=_lazy("Review"), sort=("review_state",)),
    Column(key="registered", label=_lazy("Registered"), sort=("confirmed_count",)),
    Column(key="waiting", label=_lazy("Waiting list"), sort=("waiting_count",)),
    Column(key="lists", label=_lazy("Lists")),
]
REGISTRATION_COLUMNS = [
    Column(key="arrival", label=_lazy("Arrival"), sort=("sequence",)),
    Column(key="name", label=_lazy("Name"), sort=("name",)),
    Column(key="organisation", label=_lazy("Organisation"), sort=("organisation__name",)),
    Column(key="email", label=_lazy("Email address"), sort=("email",)),
    Column(key="status", label=_lazy("Status"), sort=("state",)),
    Column(key="action", label=_lazy("Action")),
]


@require_GET
@organiser_required
def event_list(request, partner):
    form, filters = list_filters(request, ManageFilterForm)
    listing = list_page(
        request=request,
        queryset=selectors.manageable_events(user=request.user, partner=partner, **filters),
        columns=EVENT_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
        per_page=25,
    )
    return render(request, "events/backoffice/list.html", {"listing": listing, "partner": partner})


def _relations(form) -> dict:
    data = dict(form.cleaned_data)
    return {
        "themes": data.pop("themes"),
        "hosts": data.pop("hosts"),
        "invited": data.pop("invited"),
        "lines": data.pop("lines", None),
        "data": data,
    }


@require_http_methods(["GET", "POST"])
@organiser_required
def event_create(request, partner):
    form = EventForm(request.POST or None)
    if request.method == "POST" and not wants_preview(request, form) and form.is_valid():
        try:
            event = services.event_create(actor=request.user, organiser=partner, **_relations(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting has been created."))
            return redirect("events:manage_edit", pk=event.pk)
    return render(request, "events/backoffice/form.html", {"form": form, "event": None})


@require_http_methods(["GET", "POST"])
@event_manager_required
def event_edit(request, event):
    # The form validates a copy, so the service sees the unchanged meeting.
    form = EventForm(request.POST or None, instance=copy.copy(event))
    if request.method == "POST" and not wants_preview(request, form) and form.is_valid():
        try:
            services.event_update(event=event, actor=request.user, **_relations(form))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting has been saved."))
            return redirect("events:manage_edit", pk=event.pk)
    return render(
        request,
        "events/backoffice/form.html",
        {
            "form": form,
            "event": event,
            "counts": selectors.seat_counts(event),
            "reject_form": RejectForm(),
        },
    )


@require_GET
@event_manager_required
def event_registrations(request, event):
    form, filters = list_filters(request, RegistrationListFilter)
    listing = list_page(
        request=request,
        queryset=selectors.event_registrations(
            event=event, state=filters.get("status", ""), q=filters.get("q", "")
        ),
        columns=REGISTRATION_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
    )
    return render(
        request,
        "events/backoffice/registrations.html",
        {"event": event, "listing": listing, "counts": selectors.seat_counts(event)},
    )


@require_POST
@event_manager_required
def registration_cancel(request, event, registration_pk: int):
    registration = get_object_or_404(event.registrations, pk=registration_pk)
    if wants_confirm_step(request):
        return confirm_page(
            request,
            confirm=Confirm(
                title=_("Cancel the registration of %(name)s?") % {"name": registration.name},
                text=_("The place goes to the first person on the waiting list."),
                recipients=(registration.email,),
                button=_("Cancel the registration"),
                cancel_href=reverse("events:manage_registrations", args=[event.pk]),
            ),
        )
    try:
        services.registration_cancel(registration=registration, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The registration of %(name)s has been cancelled.") % {"name": registration.name}
            + " "
            + mailed_to([registration.email]),
        )
    return redirect("events:manage_registrations", pk=event.pk)


@require_GET
@event_manager_required
def checkin(request, event):
    return render(
        request,
        "events/backoffice/checkin.html",
        {
            "event": event,
            "registrations": selectors.checkin_list(event=event),
            "counts": selectors.seat_counts(event),
        },
    )


@require_POST
@event_manager_required
def checkin_mark(request, event, registration_pk: int):
    registration = get_object_or_404(event.registrations, pk=registration_pk)
    form = AttendanceForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.registration_mark_attendance(
                registration=registration,
                attendance=form.cleaned_data["attendance"],
                actor=request.user,
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
    else:
        error = _("Unknown attendance.")
    if request.htmx:
        return render(
            request,
            "events/backoffice/_checkin_row.html",
            {"event": event, "r": registration, "error": error},
        )
    if error:
        messages.error(request, error)
    return redirect("events:checkin", pk=event.pk)


@require_GET
@event_manager_required
def event_follow_ups(request, event):
    return render(
        request,
        "events/backoffice/follow_ups.html",
        {"event": event, "follow_ups": selectors.event_follow_ups(event=event)},
    )
