"""Dividing a group over sessions, in the back office (project team only)."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.network.choices import sector_name
from olievlek.network.views.access import staff_required
from olievlek.site.forms import add_service_errors
from olievlek.site.listing import Column, list_page

from .. import services
from ..forms import DivisionForm
from ..models import Division
from ..services.divisions import AvailabilityConflict, invitee_addresses

DIVISION_COLUMNS = [
    Column(key="title", label=_lazy("Title"), sort=("title",)),
    Column(key="sessions", label=_lazy("Sessions")),
    Column(key="status", label=_lazy("Status"), sort=("state",)),
    Column(key="created", label=_lazy("Created"), sort=("created_at",)),
]


@require_GET
@staff_required
def division_list(request):
    listing = list_page(
        request=request,
        queryset=Division.objects.prefetch_related("sessions"),
        columns=DIVISION_COLUMNS,
        per_page=25,
    )
    return render(request, "events/divisions/list.html", {"listing": listing})


@require_http_methods(["GET", "POST"])
@staff_required
def division_create(request):
    form = DivisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            division = services.division_create(
                title=form.cleaned_data["title"],
                sessions=form.cleaned_data["sessions"],
                organisations=form.organisations(),
                actor=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The division has been created."))
            return redirect(division)
    return render(request, "events/divisions/create.html", {"form": form})


def _overview(division: Division) -> dict:
    sessions = list(division.sessions.order_by("starts_at", "pk"))
    invitees = list(
        division.invitees.select_related("organisation", "assigned_session")
        .prefetch_related("available_sessions", "organisation__contacts__user")
        .order_by("organisation__name", "pk")
    )
    per_session = Counter(i.assigned_session_id for i in invitees if i.assigned_session_id)
    sectors = {
        s.pk: Counter(
            sector_name(i.organisation.sector) for i in invitees if i.assigned_session_id == s.pk
        ).most_common()
        for s in sessions
    }
    rows = [
        {
            "invitee": i,
            "available": {s.pk for s in i.available_sessions.all()},
            "has_address": bool(invitee_addresses(i.organisation)),
        }
        for i in invitees
    ]
    return {
        "sessions": [
            {"event": s, "assigned": per_session.get(s.pk, 0), "sectors": sectors[s.pk]}
            for s in sessions
        ],
        "rows": rows,
        "responded": sum(1 for i in invitees if i.responded_at),
        "unplaced": sum(1 for i in invitees if not i.assigned_session_id),
        "without_address": sum(1 for r in rows if not r["has_address"]),
    }


@require_GET
@staff_required
def division_detail(request, pk: int):
    division = get_object_or_404(Division, pk=pk)
    if request.htmx and request.GET.get("part") == "status":
        return render(request, "events/divisions/_status.html", {"division": division})
    return render(
        request,
        "events/divisions/detail.html",
        {"division": division, **_overview(division)},
    )


def _act(request, pk: int, action) -> Division:
    division = get_object_or_404(Division, pk=pk)
    try:
        message = action(division)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if message:
            messages.success(request, message)
    return division


@require_POST
@staff_required
def division_invite(request, pk: int):
    def send(division):
        mailed = services.division_send_invitations(division=division, actor=request.user)
        return _("The invitation has been mailed to %(count)d organisations.") % {"count": mailed}

    return redirect(_act(request, pk, send))


@require_POST
@staff_required
def division_solve(request, pk: int):
    def start(division):
        services.division_solve_start(division=division, actor=request.user)
        return ""

    return redirect(_act(request, pk, start))


@require_POST
@staff_required
def division_move(request, pk: int, invitee_pk: int):
    """Move an invitee. A session that does not suit its availability first shows a
    warning naming the conflict, with a button to move it anyway."""
    division = get_object_or_404(Division, pk=pk)
    invitee = get_object_or_404(division.invitees.select_related("organisation"), pk=invitee_pk)
    session_pk = request.POST.get("session")
    session = get_object_or_404(division.sessions, pk=session_pk) if session_pk else None
    try:
        services.division_move(
            invitee=invitee,
            session=session,
            actor=request.user,
            confirmed=request.POST.get("confirm") == "1",
        )
    except AvailabilityConflict as conflict:
        return render(
            request,
            "events/divisions/move_confirm.html",
            {
                "division": division,
                "invitee": invitee,
                "session": session,
                "conflict": " ".join(conflict.messages),
            },
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s has been moved to %(session)s.")
            % {"name": invitee.organisation.name, "session": session or _("no session")},
        )
    return redirect(f"{division.get_absolute_url()}#invitee-{invitee.pk}")


@require_POST
@staff_required
def division_publish(request, pk: int):
    def publish(division):
        created = services.division_publish(division=division, actor=request.user)
        return _("The division has been published; %(count)d confirmations have been mailed.") % {
            "count": created
        }

    return redirect(_act(request, pk, publish))
