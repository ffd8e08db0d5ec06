"""The member's own data: download everything about the organisation, delete the account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from olievlek.site.forms import add_service_errors

from .. import personal_data, services
from ..forms import AccountDeleteForm
from .access import member_required


@require_GET
@member_required(approved=False)
def my_data(request, organisation):
    return render(
        request,
        "network/member/my_data.html",
        {"organisation": organisation, "last_contact": organisation.contacts.count() <= 1},
    )


@require_GET
@member_required(approved=False)
def my_data_download(request, organisation):
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(
        personal_data.organisation_data_zip(organisation=organisation),
        content_type="application/zip",
    )
    response["Content-Disposition"] = f'attachment; filename="olievlek-gegevens-{stamp}.zip"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@member_required(approved=False)
def account_delete(request, organisation):
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(user=request.user, password=form.cleaned_data["password"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted."))
            return redirect("home")
    return render(
        request,
        "network/member/account_delete.html",
        {
            "form": form,
            "organisation": organisation,
            "last_contact": organisation.contacts.count() <= 1,
        },
    )
