"""The member area for stories (*mijn verhalen*): write, illustrate, submit."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from olievlek.network.views.access import member_required
from olievlek.programme.services import set_lines
from olievlek.site.forms import add_service_errors
from olievlek.site.markdown_fields import wants_preview

from .. import selectors, services
from ..choices import EDITABLE_STATUSES
from ..forms import StoryForm, StoryImageForm
from ..models import Story, StoryImage


def _own_story(organisation, pk: int) -> Story:
    return get_object_or_404(Story, pk=pk, organisation=organisation)


@require_GET
@member_required()
def my_stories(request, organisation):
    return render(
        request,
        "knowledge/member/stories.html",
        {
            "organisation": organisation,
            "stories": selectors.stories_of_organisation(organisation=organisation),
        },
    )


@require_http_methods(["GET", "POST"])
@member_required()
def story_new(request, organisation):
    form = StoryForm(request.POST or None)
    if request.method == "POST" and not wants_preview(request, form) and form.is_valid():
        try:
            story = services.story_create(
                organisation=organisation, author=request.user, data=form.to_data()
            )
            set_lines(obj=story, lines=form.cleaned_data["lines"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The draft has been saved. Add images or submit it for review.")
            )
            return redirect("knowledge:my_story_images", pk=story.pk)
    return render(request, "knowledge/member/story_form.html", {"form": form, "story": None})


@require_http_methods(["GET", "POST"])
@member_required()
def story_edit(request, organisation, pk: int):
    story = _own_story(organisation, pk)
    if story.status not in EDITABLE_STATUSES:
        messages.info(request, _("This story cannot be changed while it is being reviewed."))
        return redirect("knowledge:my_stories")
    form = StoryForm(request.POST or None, initial=StoryForm.initial_for(story))
    if request.method == "POST" and not wants_preview(request, form) and form.is_valid():
        try:
            services.story_update(story=story, actor=request.user, data=form.to_data())
            set_lines(obj=story, lines=form.cleaned_data["lines"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The story has been saved."))
            return redirect("knowledge:my_stories")
    return render(request, "knowledge/member/story_form.html", {"form": form, "story": story})


@require_http_methods(["GET", "POST"])
@member_required()
def story_images(request, organisation, pk: int):
    story = _own_story(organisation, pk)
    editable = story.status in EDITABLE_STATUSES
    form = StoryImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and editable and form.is_valid():
        try:
            services.story_image_add(
                story=story,
                actor=request.user,
                upload=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
                caption=form.cleaned_data["caption"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The image has been added."))
            return redirect("knowledge:my_story_images", pk=story.pk)
    return render(
        request,
        "knowledge/member/story_images.html",
        {"story": story, "form": form, "editable": editable, "images": story.images.all()},
    )


@require_POST
@member_required()
def story_image_remove(request, organisation, pk: int, image_pk: int):
    story = _own_story(organisation, pk)
    image = get_object_or_404(StoryImage, pk=image_pk, story=story)
    try:
        services.story_image_remove(image=image, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The image has been removed."))
    return redirect("knowledge:my_story_images", pk=story.pk)


@require_POST
@member_required()
def story_submit(request, organisation, pk: int):
    story = _own_story(organisation, pk)
    try:
        services.story_submit(story=story, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Thank you. The project team will review your story and let you know.")
        )
    return redirect("knowledge:my_stories")


@require_http_methods(["GET", "POST"])
@member_required()
def story_delete(request, organisation, pk: int):
    story = _own_story(organisation, pk)
    if story.is_published:
        messages.error(request, _("A published story can only be removed by the project team."))
        return redirect("knowledge:my_stories")
    if request.method == "POST":
        services.story_delete(story=story, actor=request.user)
        messages.success(request, _("The story has been deleted."))
        return redirect("knowledge:my_stories")
    return render(request, "knowledge/member/story_delete.html", {"story": story})
