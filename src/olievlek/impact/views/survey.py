"""The visitor survey's two actions: answer, or dismiss it for good."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import services
from ..forms import SurveyForm
from ..middleware import mark_survey_done


def _back(request, target: str):
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return redirect(target if target and safe and target.startswith("/") else "/")


@require_POST
def answer(request):
    form = SurveyForm(request.POST)
    target = request.POST.get("next", "/")
    if not form.is_valid():
        messages.error(request, _("Answer at least one question, or close the survey."))
        return _back(request, target)
    try:
        services.survey_submit(
            answers=form.answers(),
            honeypot=form.cleaned_data["website"],
            address=request.META.get("REMOTE_ADDR", ""),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:500],
        )
    except services.SurveyRefused as refused:
        if refused.reason == "rate":
            messages.error(request, _("You have answered several times already. Thank you!"))
            response = _back(request, target)
            mark_survey_done(response)
            return response
        # A bot gets the same thanks as a person, so it learns nothing.
    messages.success(request, _("Thank you for your answers."))
    response = _back(request, target)
    mark_survey_done(response)
    return response


@require_POST
def dismiss(request):
    response = _back(request, request.POST.get("next", "/"))
    mark_survey_done(response)
    return response
