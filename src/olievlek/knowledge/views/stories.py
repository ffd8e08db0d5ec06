"""Public story pages: the list with filters, a story, its images."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from olievlek.network.selectors import organisation_of_user

from .. import links, selectors
from ..forms import StoryFilterForm
from ..models import StoryImage
from ._files import file_response

PAGE_SIZE = 12


@require_GET
def story_list(request):
    form = StoryFilterForm(request.GET or None)
    filters = selectors.StoryFilters(**form.filters()) if form.is_bound else None
    page = Paginator(selectors.stories_published(filters=filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"form": form, "page_obj": page}
    template = "knowledge/stories/_results.html" if request.htmx else "knowledge/stories/list.html"
    return render(request, template, context)


@require_GET
def story_detail(request, slug: str):
    story = selectors.story_get(slug=slug, user=request.user)
    if story is None:
        raise Http404
    own = organisation_of_user(request.user)
    return render(
        request,
        "knowledge/stories/detail.html",
        {
            "story": story,
            "is_own": own is not None and own.pk == story.organisation_id,
            "help_links": links.help_links(story.organisation),
            "events": links.events_by_ids(story.event_links.values_list("event_id", flat=True)),
            "related": selectors.related_stories(story=story) if story.is_published else [],
            "factors": story.manifesto_factors.all() if story.is_published else [],
        },
    )


@require_GET
def story_image(request, slug: str, pk: int):
    image = get_object_or_404(StoryImage.objects.select_related("story"), pk=pk, story__slug=slug)
    if not selectors.user_may_see_story(request.user, image.story):
        raise Http404
    return file_response(
        image.file, content_type=image.content_type, public=image.story.is_published
    )
