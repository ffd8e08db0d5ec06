"""The project team's Pay it Forward back office: rounds, proposals, matches."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.network.selectors import contact_emails_of
from olievlek.network.views.access import staff_required
from olievlek.site.backoffice_menu import forget_waiting_work
from olievlek.site.confirm import Confirm, confirm_page, mailed_to, wants_confirm_step
from olievlek.site.forms import add_service_errors
from olievlek.site.listing import Column, list_filters, list_page

from .. import selectors, services
from ..choices import MatchState
from ..forms import MatchFilterForm, ProposalChangeForm, RoundStartForm, StaffMatchForm
from ..models import HelpRequest, Match, MatchRound, Offer
from ..round_insight import round_unmatched, unreachable_organisations

ROUND_COLUMNS = [
    Column(key="round", label=_lazy("Round")),
    Column(key="started", label=_lazy("Started"), sort=("created_at",)),
    Column(key="state", label=_lazy("State"), sort=("state",)),
    Column(key="proposals", label=_lazy("Proposals"), sort=("proposal_count",)),
    Column(key="deadline", label=_lazy("Answer before"), sort=("deadline",)),
]
MATCH_COLUMNS = [
    Column(key="mentor", label=_lazy("Mentor"), sort=("mentor__name",)),
    Column(key="learner", label=_lazy("Learner"), sort=("learner__name",)),
    Column(key="state", label=_lazy("State"), sort=("state",)),
    Column(key="deadline", label=_lazy("Answer before"), sort=("deadline",)),
    Column(key="score", label=_lazy("Score"), sort=("score",)),
    Column(key="details", label=_lazy("Details")),
]


@require_GET
@staff_required
def home(request):
    return render(
        request,
        "payitforward/backoffice/home.html",
        {
            "counts": selectors.backoffice_counts(),
            "rounds": selectors.rounds_list()[:5],
        },
    )


@require_http_methods(["GET", "POST"])
@staff_required
def rounds(request):
    form = RoundStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            match_round = services.round_start(
                actor=request.user, response_days=form.cleaned_data["response_days"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("payitforward:bo_round", pk=match_round.pk)
    listing = list_page(
        request=request, queryset=selectors.rounds_list(), columns=ROUND_COLUMNS, per_page=20
    )
    return render(
        request,
        "payitforward/backoffice/rounds.html",
        {"form": form, "listing": listing, "counts": selectors.backoffice_counts()},
    )


@require_GET
@staff_required
def round_detail(request, pk: int):
    match_round = get_object_or_404(MatchRound, pk=pk)
    template = (
        "payitforward/backoffice/_round_body.html"
        if request.htmx
        else "payitforward/backoffice/round.html"
    )
    return render(
        request,
        template,
        {
            "round": match_round,
            "proposals": selectors.round_proposals(match_round=match_round),
            "unmatched": round_unmatched(match_round=match_round),
            "unreachable": unreachable_organisations(match_round=match_round)
            if match_round.state == "ready"
            else [],
        },
    )


def _round_emails(matches) -> list[str]:
    ids = {i for pair in matches.values_list("mentor_id", "learner_id") for i in pair}
    return contact_emails_of(organisation_ids=ids)


@require_POST
@staff_required
def round_publish(request, pk: int):
    match_round = get_object_or_404(MatchRound, pk=pk)
    if wants_confirm_step(request):
        drafts = match_round.matches.filter(state=MatchState.DRAFT)
        return confirm_page(
            request,
            confirm=Confirm(
                title=_("Publish %(round)s?") % {"round": match_round},
                text=ngettext(
                    "%(count)d proposal goes out; mentor and learner are asked to answer.",
                    "%(count)d proposals go out; mentor and learner are asked to answer.",
                    drafts.count(),
                )
                % {"count": drafts.count()},
                recipients=tuple(_round_emails(drafts)),
                button=_("Publish the proposals"),
                action=reverse("payitforward:bo_round_publish", args=[match_round.pk]),
                cancel_href=reverse("payitforward:bo_round", args=[match_round.pk]),
            ),
        )
    try:
        match_round, dropped = services.round_publish(match_round=match_round, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        proposed = match_round.matches.filter(state=MatchState.PROPOSED)
        messages.success(
            request,
            _("The round has been published.") + " " + mailed_to(_round_emails(proposed)),
        )
        forget_waiting_work()
        if dropped:
            messages.warning(
                request,
                _("%(count)d proposals were dropped because the offer or request had changed.")
                % {"count": dropped},
            )
    return redirect("payitforward:bo_round", pk=match_round.pk)


@require_http_methods(["GET", "POST"])
@staff_required
def round_discard(request, pk: int):
    match_round = get_object_or_404(MatchRound, pk=pk)
    if request.method == "POST":
        try:
            services.round_discard(match_round=match_round, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The round has been discarded."))
        return redirect("payitforward:bo_rounds")
    return render(
        request,
        "payitforward/confirm.html",
        {
            "title": _("Discard this round?"),
            "text": _("All its proposals are removed. Nobody has seen them yet."),
            "button": _("Discard the round"),
            "cancel_href": reverse("payitforward:bo_round", args=[match_round.pk]),
            "backoffice": True,
        },
    )


def _proposal(pk: int, match_pk: int) -> Match:
    return get_object_or_404(
        Match.objects.select_related("mentor", "learner", "request", "offer"),
        pk=match_pk,
        round_id=pk,
        state=MatchState.DRAFT,
    )


@require_http_methods(["GET", "POST"])
@staff_required
def proposal_remove(request, pk: int, match_pk: int):
    match = _proposal(pk, match_pk)
    if request.method == "POST":
        try:
            services.proposal_remove(match=match, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The proposal has been removed."))
        return redirect("payitforward:bo_round", pk=pk)
    return render(
        request,
        "payitforward/confirm.html",
        {
            "title": _("Remove this proposal?"),
            "text": _("%(mentor)s would help %(learner)s. The learner stays in the pool.")
            % {"mentor": match.mentor.name, "learner": match.learner.name},
            "button": _("Remove the proposal"),
            "cancel_href": reverse("payitforward:bo_round", args=[pk]),
            "backoffice": True,
        },
    )


@require_http_methods(["GET", "POST"])
@staff_required
def proposal_change(request, pk: int, match_pk: int):
    match = _proposal(pk, match_pk)
    alternatives = services.proposal_alternatives(match=match)
    form = ProposalChangeForm(request.POST or None, alternatives=alternatives)
    if request.method == "POST" and form.is_valid():
        offer = Offer.objects.get(pk=form.cleaned_data["offer"])
        try:
            services.proposal_change(match=match, offer=offer, actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The proposal has been changed."))
            return redirect("payitforward:bo_round", pk=pk)
    return render(
        request,
        "payitforward/backoffice/proposal_change.html",
        {"match": match, "form": form, "alternatives": alternatives},
    )


@require_GET
@staff_required
def matches(request):
    form, filters = list_filters(request, MatchFilterForm)
    listing = list_page(
        request=request,
        queryset=selectors.backoffice_matches(**filters),
        columns=MATCH_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
        per_page=25,
    )
    return render(request, "payitforward/backoffice/matches.html", {"listing": listing})


@require_http_methods(["GET", "POST"])
@staff_required
def match_new(request):
    requests, offers = selectors.staff_match_choices()
    form = StaffMatchForm(request.POST or None, requests=requests, offers=offers)
    if request.method == "POST" and form.is_valid():
        try:
            match = services.match_propose_by_staff(
                offer=get_object_or_404(Offer, pk=form.cleaned_data["offer"]),
                request=get_object_or_404(HelpRequest, pk=form.cleaned_data["request"]),
                actor=request.user,
                days=form.cleaned_data["days"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The proposal has been sent to both sides."))
            return redirect("payitforward:bo_match", pk=match.pk)
    return render(request, "payitforward/backoffice/match_new.html", {"form": form})


@require_GET
@staff_required
def match_detail(request, pk: int):
    match = get_object_or_404(
        Match.objects.select_related("mentor", "learner", "offer", "request", "round").exclude(
            state=MatchState.DRAFT
        ),
        pk=pk,
    )
    return render(request, "payitforward/backoffice/match.html", {"match": match})
