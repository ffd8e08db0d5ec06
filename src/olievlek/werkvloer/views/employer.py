"""The employer's pages: rounds, invitation codes, anonymous team results and the team
dialogue kit. Every page goes through `member_required` and looks rounds up within the
contact's own organisation, so another organisation's ids give a 404."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.knowledge.selectors import StoryFilters, stories_published
from olievlek.network.choices import Theme
from olievlek.network.views.access import member_required
from olievlek.payitforward.selectors import open_offers
from olievlek.site.forms import add_service_errors
from olievlek.site.pdf import pdf_response

from .. import selectors, services
from ..forms import CodesForm, RoundForm, TeamActionForm
from ..questions import TEAM_QUESTIONS
from .common import REASONS, THEME_LABELS, result_context


def _round_or_404(organisation, pk: int):
    scan_round = selectors.employer_round(organisation=organisation, pk=pk)
    if scan_round is None:
        raise Http404
    if scan_round.is_open and scan_round.closes_on < timezone.localdate():
        scan_round = services.round_close(scan_round=scan_round)
    return scan_round


@require_GET
@member_required()
def home(request, organisation):
    return render(
        request,
        "werkvloer/employer/home.html",
        {
            "organisation": organisation,
            "rounds": selectors.employer_rounds(organisation=organisation),
        },
    )


@require_http_methods(["GET", "POST"])
@member_required()
def round_new(request, organisation):
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            scan_round = services.round_create(
                organisation=organisation,
                name=form.cleaned_data["name"],
                closes_on=form.cleaned_data["closes_on"],
                teams=form.cleaned_data["teams"],
                user=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The round has started. Make codes for each team."))
            return redirect("werkvloer:round_detail", pk=scan_round.pk)
    return render(request, "werkvloer/employer/round_form.html", {"form": form})


def _theme_links() -> dict[str, dict]:
    """Per theme: published stories and open Pay it Forward offers, to act on a result."""
    links = {}
    for theme in Theme.values:
        links[theme] = {
            "stories": list(stories_published(filters=StoryFilters(theme=theme))[:3]),
            "offers": open_offers(theme=theme)[:3],
        }
    return links


@require_GET
@member_required()
def round_detail(request, organisation, pk: int):
    scan_round = _round_or_404(organisation, pk)
    context = {"scan_round": scan_round, "organisation": organisation}
    if scan_round.is_open:
        context["responses"] = selectors.round_response_count(scan_round=scan_round)
        context["teams"] = scan_round.teams.all()
        context["codes_form"] = CodesForm()
    else:
        context["view"] = selectors.round_view(scan_round=scan_round)
        context["theme_links"] = _theme_links()
    context.update(reasons=REASONS, theme_labels=THEME_LABELS, **result_context())
    return render(request, "werkvloer/employer/round.html", context)


@require_http_methods(["GET", "POST"])
@member_required()
def round_close(request, organisation, pk: int):
    scan_round = _round_or_404(organisation, pk)
    if not scan_round.is_open:
        return redirect("werkvloer:round_detail", pk=pk)
    if request.method == "POST":
        services.round_close(scan_round=scan_round, user=request.user)
        messages.success(request, _("The round is closed. The team results are ready."))
        return redirect("werkvloer:round_detail", pk=pk)
    return render(
        request,
        "werkvloer/employer/confirm_close.html",
        {"scan_round": scan_round, "cancel_href": reverse("werkvloer:round_detail", args=[pk])},
    )


@require_POST
@member_required()
def codes(request, organisation, pk: int, team_pk: int):
    team = selectors.employer_team(organisation=organisation, round_pk=pk, team_pk=team_pk)
    if team is None:
        raise Http404
    form = CodesForm(request.POST)
    batch: list[str] = []
    if form.is_valid():
        try:
            batch = services.invitations_create(team=team, count=form.cleaned_data["count"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Make between 1 and 500 codes at a time."))
    if not batch:
        return redirect("werkvloer:round_detail", pk=pk)
    sheet = []
    for code in batch:
        url = request.build_absolute_uri(reverse("werkvloer:invitation", args=[code]))
        sheet.append(
            {"code": code, "url": url, "qr": segno.make(url, error="m").svg_data_uri(scale=3)}
        )
    response = render(
        request,
        "werkvloer/employer/codes.html",
        {
            "team": team,
            "sheet": sheet,
            "start_url": request.build_absolute_uri(reverse("werkvloer:start")),
        },
    )
    # The codes exist only in this page: it must not be stored anywhere on the way.
    response["Cache-Control"] = "no-store"
    return response


def _team_kit_context(organisation, pk: int, team_pk: int) -> dict:
    scan_round = _round_or_404(organisation, pk)
    if scan_round.is_open:
        raise Http404
    view = selectors.round_view(scan_round=scan_round)
    figures = next((f for f in view.teams if f.team_pk == team_pk), None)
    if figures is None:
        raise Http404
    weak = view.weak_themes(figures) if figures.shown else []
    team = scan_round.teams.get(pk=team_pk)
    return {
        "scan_round": scan_round,
        "team": team,
        "figures": figures,
        "view": view,
        "weak": [(t, THEME_LABELS[t], TEAM_QUESTIONS[t]) for t in weak],
        "actions": team.actions.all(),
        "reasons": REASONS,
        "theme_labels": THEME_LABELS,
        **result_context(),
    }


@require_http_methods(["GET", "POST"])
@member_required()
def team_kit(request, organisation, pk: int, team_pk: int):
    context = _team_kit_context(organisation, pk, team_pk)
    form = TeamActionForm(request.POST or None)
    if request.method == "POST" and context["figures"].shown and form.is_valid():
        services.team_action_create(team=context["team"], user=request.user, **form.cleaned_data)
        messages.success(request, _("The action has been recorded."))
        return redirect("werkvloer:team_kit", pk=pk, team_pk=team_pk)
    context["form"] = form
    return render(request, "werkvloer/employer/team_kit.html", context)


@require_GET
@member_required()
def team_kit_pdf(request, organisation, pk: int, team_pk: int):
    context = _team_kit_context(organisation, pk, team_pk)
    if not context["figures"].shown:
        raise Http404
    return pdf_response(
        request,
        inline=True,
        template="werkvloer/pdf/team_kit.html",
        context=context,
        filename="teamsessie.pdf",
    )
