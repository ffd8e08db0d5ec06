"""The project team's log of campaign activities (radio, banners, press) and their reach."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from olievlek.accounts.access import team_required
from olievlek.site.listing import Column, list_page

from .. import selectors_cases, services
from ..forms import ActivityForm
from ..models import CampaignActivity

ACTIVITY_COLUMNS = [
    Column(key="title", label=gettext_lazy("Title"), sort=("title",)),
    Column(key="kind", label=gettext_lazy("Kind"), sort=("kind",)),
    Column(key="from", label=gettext_lazy("From"), sort=("started_on",)),
    Column(key="reach", label=gettext_lazy("Estimated reach"), sort=("estimated_reach",)),
]


@require_http_methods(["GET", "POST"])
@team_required
def activities(request):
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.activity_create(actor=request.user, data=form.cleaned_data)
        messages.success(request, _("The campaign activity is saved."))
        return redirect("impact:activities")
    return render(
        request,
        "impact/activities.html",
        {
            "form": form,
            "listing": list_page(
                request=request,
                queryset=selectors_cases.activities_list(),
                columns=ACTIVITY_COLUMNS,
            ),
        },
    )


@require_http_methods(["GET", "POST"])
@team_required
def activity_edit(request, pk: int):
    activity = get_object_or_404(CampaignActivity, pk=pk)
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        services.activity_update(actor=request.user, activity=activity, data=form.cleaned_data)
        messages.success(request, _("The campaign activity is saved."))
        return redirect("impact:activities")
    return render(request, "impact/activity_edit.html", {"form": form, "activity": activity})


@require_POST
@team_required
def activity_delete(request, pk: int):
    activity = get_object_or_404(CampaignActivity, pk=pk)
    services.activity_delete(actor=request.user, activity=activity)
    messages.success(request, _("The campaign activity is deleted."))
    return redirect("impact:activities")
