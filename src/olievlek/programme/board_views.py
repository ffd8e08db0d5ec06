"""Pages of the sounding-board group: members under /mijn/klankbord/, the project team
under /beheer/klankbord/."""

from __future__ import annotations

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.accounts.access import team_required
from olievlek.events.forms import DateTimeLocalInput
from olievlek.network.choices import Status
from olievlek.network.models import Organisation
from olievlek.site.forms import StyledFormMixin, add_service_errors
from olievlek.site.listing import Column, list_page

from . import soundingboard as board
from .models import BoardProposal, BoardVote, VoteChoice

PROPOSAL_COLUMNS = [
    Column(key="title", label=gettext_lazy("Proposal"), sort=("title",)),
    Column(key="deadline", label=gettext_lazy("Deadline"), sort=("deadline",)),
    Column(key="decided", label=gettext_lazy("Decided"), sort=("decided_at",)),
]


class ProposalForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    draft = forms.CharField(
        label=gettext_lazy("Draft text"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )
    deadline = forms.DateTimeField(
        label=gettext_lazy("Deadline"),
        widget=DateTimeLocalInput(),
        help_text=gettext_lazy("Dutch time (Europe/Amsterdam)."),
    )


class VoteForm(StyledFormMixin, forms.Form):
    choice = forms.ChoiceField(
        label=gettext_lazy("Your vote"), choices=VoteChoice.choices, widget=forms.RadioSelect
    )


class CommentForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Your comment"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecisionForm(StyledFormMixin, forms.Form):
    decision = forms.CharField(
        label=gettext_lazy("Decision"), max_length=20000, widget=forms.Textarea(attrs={"rows": 6})
    )


def board_member_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not board.is_board_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_GET
@board_member_required
def member_list(request):
    return render(
        request, "programme/board/member_list.html", {"proposals": BoardProposal.objects.all()}
    )


@require_http_methods(["GET", "POST"])
@board_member_required
def member_detail(request, pk: int):
    proposal = get_object_or_404(BoardProposal, pk=pk)
    mine = BoardVote.objects.filter(proposal=proposal, voter=request.user).first()
    vote_form = VoteForm(initial={"choice": mine.choice if mine else None})
    comment_form = CommentForm()
    if request.method == "POST":
        is_vote = "choice" in request.POST
        form = VoteForm(request.POST) if is_vote else CommentForm(request.POST)
        if form.is_valid():
            try:
                if is_vote:
                    board.vote_cast(proposal=proposal, user=request.user, **form.cleaned_data)
                else:
                    board.comment_add(proposal=proposal, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Your vote has been saved.") if is_vote else _("Thank you.")
                )
                return redirect("programme:board_member_detail", pk=pk)
        if is_vote:
            vote_form = form
        else:
            comment_form = form
    return render(
        request,
        "programme/board/member_detail.html",
        {
            "proposal": proposal,
            "mine": mine,
            "vote_form": vote_form,
            "comment_form": comment_form,
            "comments": proposal.comments.all(),
        },
    )


@require_GET
@team_required
def staff_list(request):
    return render(
        request,
        "programme/board/staff_list.html",
        {
            "listing": list_page(
                request=request, queryset=BoardProposal.objects.all(), columns=PROPOSAL_COLUMNS
            ),
            "seats": board.seats(),
            "candidates": Organisation.objects.filter(
                status=Status.APPROVED, sounding_board_seat__isnull=True
            ).order_by("name"),
        },
    )


@require_POST
@team_required
def staff_seat(request):
    organisation = get_object_or_404(Organisation, pk=request.POST.get("organisation") or 0)
    member = request.POST.get("member") == "1"
    board.seat_set(actor=request.user, organisation=organisation, member=member)
    messages.success(request, _("The sounding-board group has been changed."))
    return redirect("programme:board_staff_list")


@require_http_methods(["GET", "POST"])
@team_required
def staff_create(request):
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = board.proposal_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect("programme:board_staff_detail", pk=proposal.pk)
    return render(request, "programme/board/staff_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@team_required
def staff_detail(request, pk: int):
    proposal = get_object_or_404(BoardProposal, pk=pk)
    form = DecisionForm(request.POST or None, initial={"decision": proposal.decision})
    if request.method == "POST" and form.is_valid():
        try:
            board.decision_publish(
                proposal=proposal, actor=request.user, text=form.cleaned_data["decision"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The decision has been published and mailed to the group."))
            return redirect("programme:board_staff_detail", pk=pk)
    summary = board.proposal_summary(proposal=proposal)
    return render(
        request,
        "programme/board/staff_detail.html",
        {
            "proposal": proposal,
            "form": form,
            "summary": [(label, summary[value]) for value, label in VoteChoice.choices],
            "comments": proposal.comments.all(),
        },
    )
