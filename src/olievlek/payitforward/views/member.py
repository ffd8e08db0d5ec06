"""The member area for Pay it Forward: the organisation's offer, request, exclusions
and the list of its matches."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.network.views.access import member_required
from olievlek.programme.services import set_lines
from olievlek.site.forms import add_service_errors

from .. import selectors, services
from ..choices import LIVE_STATES, OfferStatus, RequestStatus
from ..forms import ExclusionForm, OfferForm, RequestForm
from ..models import Exclusion, HelpRequest, Offer


@require_GET
@member_required()
def home(request, organisation):
    matches = list(selectors.member_match_overview(organisation=organisation))
    return render(
        request,
        "payitforward/member/home.html",
        {
            "organisation": organisation,
            "offer": selectors.member_open_offer(organisation=organisation),
            "active_request": selectors.member_active_request(organisation=organisation),
            "live": [m for m in matches if m.state in LIVE_STATES],
            "closed": [m for m in matches if m.state not in LIVE_STATES],
            "exclusions": selectors.member_exclusions(organisation=organisation),
        },
    )


def _offer_initial(offer: Offer) -> dict:
    return {
        "themes": offer.themes,
        "places": offer.places,
        "offers_advice": offer.offers_advice,
        "offers_visit": offer.offers_visit,
        "description": offer.description,
        "lines": list(offer.programme_lines.all()),
    }


@require_http_methods(["GET", "POST"])
@member_required()
def offer_form(request, organisation, pk: int | None = None):
    offer = None
    if pk is not None:
        offer = get_object_or_404(Offer, pk=pk, organisation=organisation, status=OfferStatus.OPEN)
    form = OfferForm(request.POST or None, initial=_offer_initial(offer) if offer else None)
    if request.method == "POST" and form.is_valid():
        cleaned = dict(form.cleaned_data)
        lines = cleaned.pop("lines", [])
        data = services.OfferData(**cleaned)
        try:
            if offer is None:
                offer = services.offer_create(organisation=organisation, data=data)
            else:
                offer = services.offer_update(offer=offer, data=data)
            set_lines(obj=offer, lines=lines)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your offer of help has been saved."))
            return redirect("payitforward:member_home")
    return render(
        request,
        "payitforward/member/offer_form.html",
        {"form": form, "offer": offer, "organisation": organisation},
    )


@require_http_methods(["GET", "POST"])
@member_required()
def offer_withdraw(request, organisation, pk: int):
    offer = get_object_or_404(Offer, pk=pk, organisation=organisation, status=OfferStatus.OPEN)
    if request.method == "POST":
        try:
            services.offer_withdraw(offer=offer)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your offer has been withdrawn."))
        return redirect("payitforward:member_home")
    return render(
        request,
        "payitforward/confirm.html",
        {
            "title": _("Withdraw the offer?"),
            "text": _(
                "Matches that both sides have accepted go on. Proposals that have not been "
                "accepted yet lapse, and those learners go back to the pool."
            ),
            "button": _("Withdraw the offer"),
            "cancel_href": reverse("payitforward:member_home"),
        },
    )


def _request_initial(help_request: HelpRequest) -> dict:
    return {
        "themes": help_request.themes,
        "question": help_request.question,
        "preferred_mode": help_request.preferred_mode,
    }


@require_http_methods(["GET", "POST"])
@member_required()
def request_form(request, organisation, pk: int | None = None):
    help_request = None
    if pk is not None:
        help_request = get_object_or_404(
            HelpRequest,
            pk=pk,
            organisation=organisation,
            status__in=[RequestStatus.OPEN, RequestStatus.MATCHED],
        )
    form = RequestForm(
        request.POST or None, initial=_request_initial(help_request) if help_request else None
    )
    if request.method == "POST" and form.is_valid():
        data = services.RequestData(**form.cleaned_data)
        try:
            if help_request is None:
                services.request_create(organisation=organisation, data=data)
            else:
                services.request_update(request=help_request, data=data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your request for help has been saved."))
            return redirect("payitforward:member_home")
    return render(
        request,
        "payitforward/member/request_form.html",
        {"form": form, "help_request": help_request, "organisation": organisation},
    )


@require_http_methods(["GET", "POST"])
@member_required()
def request_withdraw(request, organisation, pk: int):
    help_request = get_object_or_404(
        HelpRequest, pk=pk, organisation=organisation, status=RequestStatus.OPEN
    )
    if request.method == "POST":
        try:
            services.request_withdraw(request=help_request)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your request for help has been withdrawn."))
        return redirect("payitforward:member_home")
    return render(
        request,
        "payitforward/confirm.html",
        {
            "title": _("Withdraw the request for help?"),
            "text": _("The request leaves the pool; it is not part of later match rounds."),
            "button": _("Withdraw the request"),
            "cancel_href": reverse("payitforward:member_home"),
        },
    )


@require_http_methods(["GET", "POST"])
@member_required()
def exclusions(request, organisation):
    form = ExclusionForm(
        request.POST or None,
        candidates=selectors.exclusion_candidates(organisation=organisation),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.exclusion_add(
                organisation=organisation, excluded=form.cleaned_data["excluded"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The organisation has been added to your list."))
            return redirect("payitforward:member_exclusions")
    return render(
        request,
        "payitforward/member/exclusions.html",
        {
            "form": form,
            "organisation": organisation,
            "exclusions": selectors.member_exclusions(organisation=organisation),
        },
    )


@require_POST
@member_required()
def exclusion_remove(request, organisation, pk: int):
    exclusion = get_object_or_404(Exclusion, pk=pk, organisation=organisation)
    services.exclusion_remove(exclusion=exclusion)
    messages.success(request, _("The organisation has been removed from your list."))
    return redirect("payitforward:member_exclusions")


@require_http_methods(["GET", "POST"])
@member_required()
def ask(request, organisation, offer_pk: int):
    """A learner asks a mentor of its choice directly."""
    offer = selectors.open_offer(pk=offer_pk)
    if offer is None:
        raise Http404
    help_request = selectors.member_active_request(organisation=organisation)
    if request.method == "POST":
        if help_request is None:
            messages.error(request, _("Describe your question first."))
            return redirect("payitforward:member_request_new")
        try:
            match = services.match_ask(offer=offer, request=help_request, organisation=organisation)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Your question has been sent to %(name)s.") % {"name": offer.organisation.name},
            )
            return redirect("payitforward:member_match", pk=match.pk)
    return render(
        request,
        "payitforward/member/ask.html",
        {"offer": offer, "help_request": help_request, "organisation": organisation},
    )
