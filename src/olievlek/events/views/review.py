"""The project team publishes or rejects a meeting waiting for review."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from olievlek.accounts.access import team_required

from .. import services
from ..models import Event


@require_POST
@team_required
def event_publish(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    try:
        services.event_publish(event=event, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The meeting has been published."))
    return redirect("events:manage_edit", pk=pk)


@require_POST
@team_required
def event_reject(request, pk: int):
    event = get_object_or_404(Event, pk=pk)
    try:
        services.event_reject(
            event=event, actor=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The meeting has been rejected; the organiser is told why."))
    return redirect("events:manage_edit", pk=pk)
