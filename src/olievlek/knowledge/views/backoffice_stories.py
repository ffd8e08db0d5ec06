"""The project team's review of stories, at /beheer/verhalen/."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from olievlek.network.views.access import staff_required
from olievlek.programme.services import set_lines
from olievlek.site.forms import add_service_errors
from olievlek.site.markdown_fields import wants_preview as wants_markdown_preview
from olievlek.site.reasons import wants_preview

from .. import links, selectors, services
from ..choices import StoryStatus
from ..forms import NoteForm, StoryForm
from ..models import Story


@require_GET
@staff_required
def story_queue(request):
    status = request.GET.get("status", "")
    status = status if status in StoryStatus.values else ""
    page = Paginator(selectors.story_review_queue(status=status), 50).get_page(
        request.GET.get("page")
    )
    counts = selectors.story_counts()
    return render(
        request,
        "knowledge/backoffice/stories.html",
        {
            "page_obj": page,
            "status": status,
            "statuses": [(v, label, counts.get(v, 0)) for v, label in StoryStatus.choices],
        },
    )


@require_http_methods(["GET", "POST"])
@staff_required
def story_review(request, pk: int):
    story = get_object_or_404(Story.objects.select_related("organisation"), pk=pk)
    decision = request.POST.get("decision")
    note_form = NoteForm(request.POST if decision == "changes" else None)
    preview = None
    if request.method == "POST":
        try:
            if decision == "publish":
                services.story_publish(story=story, actor=request.user)
                messages.success(request, _("The story has been published."))
                return redirect("knowledge:backoffice_stories")
            if decision == "changes" and note_form.is_valid() and wants_preview(request):
                preview = services.story_request_changes_preview(
                    story=story, note=note_form.cleaned_data["note"]
                )
            elif decision == "changes" and note_form.is_valid():
                services.story_request_changes(
                    story=story, actor=request.user, note=note_form.cleaned_data["note"]
                )
                messages.success(request, _("The story has been sent back to the employer."))
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
        },
    )


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
