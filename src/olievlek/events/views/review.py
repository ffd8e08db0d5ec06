"""The project team publishes or rejects a meeting waiting for review."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from olievlek.accounts.access import team_required
from olievlek.site.forms import add_service_errors
from olievlek.site.reasons import wants_preview

from .. import services
from ..forms import RejectForm
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
    """Reject with a reason. "Show the mail first" and a reason that is refused show the
    rejection page, with the text kept, instead of deciding."""
    event = get_object_or_404(Event, pk=pk)
    form = RejectForm(request.POST)
    preview = None
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            if wants_preview(request):
                preview = services.event_reject_preview(event=event, reason=reason)
            else:
                services.event_reject(event=event, actor=request.user, reason=reason)
                messages.success(
                    request, _("The meeting has been rejected; the organiser is told why.")
                )
                return redirect("events:manage_edit", pk=pk)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):  # the meeting's state, not the reason
                messages.error(request, " ".join(error.messages))
                return redirect("events:manage_edit", pk=pk)
            add_service_errors(form, error)
    return render(
        request,
        "events/backoffice/reject.html",
        {"event": event, "reject_form": form, "preview": preview},
    )
