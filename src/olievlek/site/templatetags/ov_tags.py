from django import template
from django.conf import settings
from django.template.loader_tags import BLOCK_CONTEXT_KEY
from django.utils.safestring import mark_safe

from olievlek.site.breadcrumbs import parents

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for paging and sorting)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.filter
def page_window(page, radius: int = 2) -> list[int | None]:
    """Page numbers around the current one, with the first and last, and None for gaps."""
    last = page.paginator.num_pages
    shown = {1, last, *range(max(1, page.number - radius), min(last, page.number + radius) + 1)}
    numbers: list[int | None] = []
    previous = 0
    for number in sorted(shown):
        if number - previous > 1:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context) -> dict:
    """The trail above the current page (``olievlek.site.breadcrumbs``), ending with the
    current page named by its ``{% block title %}``."""
    request = context.get("request")
    trail = parents(request.path) if request is not None else []
    return {
        "trail": trail,
        "current": _current_title(context) if trail else "",
        "path": request.path if request is not None else "",
    }


def _current_title(context) -> str:
    # The most specific {% block title %} of the page being rendered, rendered once more:
    # the page names itself once, for the <title>, the trail and the social preview.
    block_context = context.render_context.get(BLOCK_CONTEXT_KEY)
    block = block_context.get_block("title") if block_context else None
    if block is None:
        return ""
    with context.push(block=block):
        return mark_safe(block.nodelist.render(context).strip())  # noqa: S308 (rendered, so escaped)


@register.simple_tag(takes_context=True)
def page_title(context) -> str:
    """The page's own title (its ``{% block title %}``), for meta tags."""
    return _current_title(context)


@register.simple_tag(takes_context=True)
def absolute(context, path: str) -> str:
    """An absolute URL for ``path`` on this site (Open Graph and Twitter want them)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL.rstrip("/") + "/" + path.lstrip("/")


@register.filter
def markdown(text: str) -> str:
    """Markdown as safe HTML, through the sanitising renderer that stories use."""
    from django.utils.safestring import mark_safe

    from olievlek.knowledge.markdown import render_markdown

    return mark_safe(render_markdown(text or ""))  # noqa: S308 (sanitised by nh3)
