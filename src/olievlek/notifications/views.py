"""The notification centre and the choice per kind, for every logged-in person."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.accounts.languages import user_language_set
from olievlek.accounts.models import Language

from . import selectors, services
from .choices import Cadence, Kind


@require_GET
@login_required
def notification_list(request):
    page = Paginator(selectors.notifications_for(user=request.user), 30).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/list.html", {"page_obj": page})


@require_POST
@login_required
def mark_read(request, pk: int):
    services.notification_mark_read(user=request.user, pk=pk)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


@require_POST
@login_required
def mark_all_read(request):
    count = services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("%(count)d notifications marked as read.") % {"count": count})
    return redirect("notifications:list")


@require_http_methods(["GET", "POST"])
@login_required
def preferences(request):
    current = selectors.preferences_for(user=request.user)
    language = request.user.language
    errors = False
    if request.method == "POST":
        chosen = {kind: request.POST.get(kind, "") for kind in Kind.values}
        # A form without the language (an older page) keeps the current one.
        language = request.POST.get("language", request.user.language)
        errors = language not in Language.values or any(
            value not in Cadence.values for value in chosen.values()
        )
        if not errors:
            services.preferences_save(user=request.user, cadences=chosen)
            user_language_set(user=request.user, language=language)
            messages.success(request, _("Your choices have been saved."))
            return redirect("notifications:preferences")
        current = {k: v if v in Cadence.values else current[k] for k, v in chosen.items()}
        language = language if language in Language.values else request.user.language
    rows = [(kind, label, current[kind]) for kind, label in Kind.choices]
    return render(
        request,
        "notifications/preferences.html",
        {
            "rows": rows,
            "cadences": Cadence.choices,
            "errors": errors,
            "languages": Language.choices,
            "language": language,
        },
    )
