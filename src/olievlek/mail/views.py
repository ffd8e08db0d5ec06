"""The project team's view of outgoing mail (/beheer/mail/): what went out, what is still
being retried, what failed and why; and sending a mail again."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from olievlek.accounts.access import team_required

from . import selectors, services
from .models import OutboundMail

PAGE_SIZE = 50


@require_GET
@team_required
def mail_list(request):
    state = request.GET.get("state", "")
    if state not in OutboundMail.State.values:
        state = ""
    page = Paginator(selectors.mail_list(state=state), PAGE_SIZE).get_page(request.GET.get("page"))
    counts = selectors.mail_state_counts()
    return render(
        request,
        "mail/backoffice/list.html",
        {
            "page_obj": page,
            "state": state,
            "states": [(v, label, counts[v]) for v, label in OutboundMail.State.choices],
        },
    )


@require_GET
@team_required
def mail_detail(request, pk: int):
    mail = get_object_or_404(OutboundMail.objects.select_related("resent_from"), pk=pk)
    return render(
        request,
        "mail/backoffice/detail.html",
        {"mail": mail, "copies": mail.resends.order_by("-created_at", "-pk")},
    )


@require_POST
@team_required
def mail_resend(request, pk: int):
    mail = get_object_or_404(OutboundMail, pk=pk)
    try:
        copy = services.mail_resend(mail=mail, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("mail:detail", pk=mail.pk)
    messages.success(
        request, _("The mail to %(recipient)s is being sent again.") % {"recipient": mail.recipient}
    )
    return redirect("mail:detail", pk=copy.pk)
