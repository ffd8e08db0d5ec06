"""The person's own API keys: list, make (the secret is shown once) and revoke."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from olievlek.site.forms import add_service_errors

from .access import session_completed_mfa
from .forms import ApiTokenForm
from .tokens import api_token_create, api_token_revoke, api_tokens_of


@never_cache  # the page with a new secret must not stay in any cache
@require_http_methods(["GET", "POST"])
@login_required
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    created = None
    mfa_completed = session_completed_mfa(request)
    if request.method == "POST" and form.is_valid():
        try:
            created = api_token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                days=form.cleaned_data["days"],
                mfa_completed=mfa_completed,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            form = ApiTokenForm()
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "form": form,
            "created": created,
            "tokens": api_tokens_of(user=request.user),
            "staff_without_mfa": request.user.is_staff and not mfa_completed,
        },
    )


@require_POST
@login_required
def api_token_revoke_view(request, pk: int):
    token = get_object_or_404(api_tokens_of(user=request.user), pk=pk)
    api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The key “%(name)s” no longer works.") % {"name": token.name})
    return redirect("accounts:api_tokens")
