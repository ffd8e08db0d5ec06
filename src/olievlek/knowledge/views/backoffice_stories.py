"""The project team's review of stories, at /beheer/verhalen/."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.network.views.access import staff_required
from olievlek.programme.services import set_lines
from olievlek.site.backoffice_menu import forget_waiting_work
from olievlek.site.confirm import Confirm, confirm_page, mailed_to, wants_confirm_step
from olievlek.site.forms import add_service_errors
from olievlek.site.listing import Column, list_filters, list_page
from olievlek.site.markdown_fields import wants_preview as wants_markdown_preview
from olievlek.site.reasons import wants_preview

from .. import links, selectors, services
from ..choices import StoryStatus
from ..filters import StoryListFilter
from ..forms import NoteForm, StoryForm
from ..models import Story
from ..services._common import contact_emails

STORY_COLUMNS = [
    Column(key="select", label=_lazy("Select")),
    Column(key="title", label=_lazy("Title"), sort=("title",)),
    Column(key="organisation", label=_lazy("Organisation"), sort=("organisation__name",)),
    Column(key="status", label=_lazy("Status"), sort=("status",)),
    Column(key="submitted", label=_lazy("Submitted"), sort=("submitted_at",)),
]


@require_GET
@staff_required
def story_queue(request):
    form, filters = list_filters(request, StoryListFilter, counts=selectors.story_counts())
    listing = list_page(
        request=request,
        queryset=selectors.story_review_queue(**filters),
        columns=STORY_COLUMNS,
        filter_form=form,
        filtered=bool(filters),
    )
    return render(
        request,
        "knowledge/backoffice/stories.html",
        {
            "listing": listing,
            "publishable": {StoryStatus.SUBMITTED, StoryStatus.CHANGES_REQUESTED},
            "bulk_actions": [("publish", _("Publish"))],
        },
    )


@require_POST
@staff_required
def story_bulk(request):
    """Publish several stories: a confirm step, then each through ``story_publish`` (audit,
    mail); a story that cannot be published is reported and does not stop the others."""
    ids = [int(v) for v in request.POST.getlist("ids") if v.isdigit()]
    stories = list(
        Story.objects.filter(pk__in=ids)
        .exclude(status__in=[StoryStatus.PUBLISHED, StoryStatus.DRAFT])
        .select_related("organisation")
        .order_by("title", "pk")
    )
    if request.POST.get("action") != "publish":
        messages.error(request, _("Choose what to do with the selected stories."))
        return redirect("knowledge:backoffice_stories")
    if not stories:
        messages.error(request, _("Select at least one story that waits to be published."))
        return redirect("knowledge:backoffice_stories")
    if not request.POST.get("confirmed"):
        return confirm_page(
            request,
            confirm=Confirm(
                title=ngettext(
                    "Publish %(count)d story?", "Publish %(count)d stories?", len(stories)
                )
                % {"count": len(stories)},
                text=_("They appear on the public site, and each organisation gets an email."),
                items=tuple(f"{s.title} ({s.organisation.name})" for s in stories),
                recipients=tuple(
                    sorted({e for s in stories for e in contact_emails(s.organisation)})
                ),
                button=_("Publish"),
                action=reverse("knowledge:backoffice_story_bulk"),
                cancel_href=reverse("knowledge:backoffice_stories"),
            ),
        )
    published, recipients = [], []
    for story in stories:
        try:
            services.story_publish(story=story, actor=request.user)
        except ValidationError as error:
            messages.error(
                request,
                _("%(title)s was not published: %(reason)s")
                % {"title": story.title, "reason": " ".join(error.messages)},
            )
        else:
            published.append(story.title)
            recipients += contact_emails(story.organisation)
    if published:
        messages.success(
            request,
            _("Published: %(titles)s.") % {"titles": ", ".join(published)}
            + " "
            + mailed_to(recipients),
        )
    forget_waiting_work()
    return redirect("knowledge:backoffice_stories")


@require_http_methods(["GET", "POST"])
@staff_required
def story_review(request, pk: int):
    story = get_object_or_404(Story.objects.select_related("organisation"), pk=pk)
    decision = request.POST.get("decision")
    note_form = NoteForm(request.POST if decision == "changes" else None)
    preview = None
    if wants_confirm_step(request) and decision == "publish":
        return confirm_page(
            request,
            confirm=Confirm(
                title=_("Publish %(title)s?") % {"title": story.title},
                text=_("The story appears on the public site, in the feed and in the search."),
                recipients=tuple(contact_emails(story.organisation)),
                button=_("Publish"),
                cancel_href=reverse("knowledge:backoffice_story", args=[story.pk]),
            ),
        )
    if request.method == "POST":
        recipients = contact_emails(story.organisation)
        try:
            if decision == "publish":
                services.story_publish(story=story, actor=request.user)
                messages.success(
                    request,
                    _("The story has been published.")
                    + " "
                    + mailed_to(recipients)
                    + " "
                    + _("You can undo this on this page for ten minutes."),
                )
                forget_waiting_work()
                return redirect("knowledge:backoffice_story", pk=story.pk)
            if decision == "changes" and note_form.is_valid() and wants_preview(request):
                preview = services.story_request_changes_preview(
                    story=story, note=note_form.cleaned_data["note"]
                )
            elif decision == "changes" and note_form.is_valid():
                services.story_request_changes(
                    story=story, actor=request.user, note=note_form.cleaned_data["note"]
                )
                messages.success(
                    request,
                    _("The story has been sent back to the employer.")
                    + " "
                    + mailed_to(recipients),
                )
                forget_waiting_work()
                return redirect("knowledge:backoffice_stories")
        except ValidationError as error:
            add_service_errors(note_form, error)
    return render(
        request,
        "knowledge/backoffice/story_review.html",
        {
            "story": story,
            "note_form": note_form,
            "preview": preview,
            "events": links.events_by_ids(story.event_links.values_list("event_id", flat=True)),
            "undoable": services.story_publish_undoable(story=story),
        },
    )


@require_POST
@staff_required
def story_unpublish(request, pk: int):
    """The undo of a publication just made (offered on the review page)."""
    story = get_object_or_404(Story, pk=pk)
    try:
        services.story_unpublish(story=story, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "The story is offline again and back in the queue. The email about the "
                "publication had already been sent."
            ),
        )
        forget_waiting_work()
    return redirect("knowledge:backoffice_story", pk=story.pk)


@require_http_methods(["GET", "POST"])
@staff_required
def story_edit(request, pk: int):
    story = get_object_or_404(Story.objects.select_related("organisation"), pk=pk)
    form = StoryForm(request.POST or None, initial=StoryForm.initial_for(story))
    if request.method == "POST" and not wants_markdown_preview(request, form) and form.is_valid():
        try:
            services.story_update(story=story, actor=request.user, data=form.to_data())
            set_lines(obj=story, lines=form.cleaned_data["lines"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The story has been saved."))
            return redirect("knowledge:backoffice_story", pk=story.pk)
    return render(request, "knowledge/backoffice/story_edit.html", {"form": form, "story": story})


@require_http_methods(["GET", "POST"])
@staff_required
def story_delete(request, pk: int):
    story = get_object_or_404(Story, pk=pk)
    if request.method == "POST":
        services.story_delete(story=story, actor=request.user)
        messages.success(request, _("The story has been deleted."))
        return redirect("knowledge:backoffice_stories")
    return render(request, "knowledge/backoffice/story_delete.html", {"story": story})
