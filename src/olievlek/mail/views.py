"""The project team's view of outgoing mail (/beheer/mail/): what went out, what is still
being retried, what failed and why; and sending a mail again."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from olievlek.accounts.access import team_required
from olievlek.site.listing import Column, list_filters, list_page

from . import selectors, services
from .filters import MailListFilter
from .models import OutboundMail

PAGE_SIZE = 50
MAIL_COLUMNS = [
    Column(key="created", label=_lazy("Created"), sort=("created_at",)),
    Column(key="recipient", label=_lazy("Recipient"), sort=("recipient",)),
    Column(key="subject", label=_lazy("Subject"), sort=("subject",)),
    Column(key="state", label=_lazy("State"), sort=("state",)),
    Column(key="attempts", label=_lazy("Attempts"), sort=("attempts",)),
]


@require_GET
@team_required
def mail_list(request):
    form, filters = list_filters(request, MailListFilter, counts=selectors.mail_state_counts())
    listing = list_page(
        request=request,
        queryset=selectors.mail_list(**filters),
        columns=MAIL_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
        per_page=PAGE_SIZE,
    )
    return render(request, "mail/backoffice/list.html", {"listing": listing})


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
