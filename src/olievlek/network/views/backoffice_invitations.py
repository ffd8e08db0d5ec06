"""The project team sees who has not accepted an invitation, and sends it again."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from olievlek.site.listing import Column, list_filters, list_page

from .. import selectors, services
from ..filters import InvitationListFilter
from ..models import Invitation
from .access import staff_required

INVITATION_COLUMNS = [
    Column(key="email", label=_lazy("Email address"), sort=("email",)),
    Column(key="organisation", label=_lazy("Organisation"), sort=("organisation__name",)),
    Column(key="sent", label=_lazy("Sent"), sort=("created_at",)),
    Column(key="valid", label=_lazy("Link valid until"), sort=("expires_at",)),
    Column(key="action", label=_lazy("Action")),
]


@require_GET
@staff_required
def invitation_list(request):
    form, filters = list_filters(request, InvitationListFilter)
    listing = list_page(
        request=request,
        queryset=selectors.invitations_open(**filters),
        columns=INVITATION_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
    )
    return render(request, "network/backoffice/invitations.html", {"listing": listing})


@require_POST
@staff_required
def invitation_resend(request, pk: int):
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.invitation_resend(invitation=invitation, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The invitation to %(email)s has been sent again.") % {"email": invitation.email},
        )
    return redirect("backoffice:invitations")
