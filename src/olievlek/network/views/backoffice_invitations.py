"""The project team sees who has not accepted an invitation, and sends it again."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import services
from ..models import Invitation
from .access import staff_required


@require_GET
@staff_required
def invitation_list(request):
    invitations = (
        Invitation.objects.filter(accepted_at=None)
        .select_related("organisation", "invited_by")
        .order_by("created_at", "id")
    )
    page = Paginator(invitations, 50).get_page(request.GET.get("page"))
    return render(request, "network/backoffice/invitations.html", {"page_obj": page})


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
