from django import template

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


@register.filter
def markdown(text: str) -> str:
    """Markdown as safe HTML, through the sanitising renderer that stories use."""
    from django.utils.safestring import mark_safe

    from olievlek.knowledge.markdown import render_markdown

    return mark_safe(render_markdown(text or ""))  # noqa: S308 (sanitised by nh3)
