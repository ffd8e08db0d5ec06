"""The project team deletes an organisation: anonymised, so the totals stay right."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from olievlek.site.forms import add_service_errors

from .. import services
from ..choices import Status
from ..forms import OrganisationDeleteForm
from ..models import Organisation
from .access import staff_required


@require_http_methods(["GET", "POST"])
@staff_required
def organisation_delete(request, pk: int):
    organisation = get_object_or_404(Organisation.objects.exclude(status=Status.DELETED), pk=pk)
    form = OrganisationDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        name = organisation.name
        try:
            services.organisation_delete(organisation=organisation, actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s has been deleted.") % {"name": name})
            return redirect("backoffice:organisations")
    return render(
        request,
        "network/backoffice/organisation_delete.html",
        {"organisation": organisation, "form": form},
    )
