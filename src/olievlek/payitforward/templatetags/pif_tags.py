from django import template

from ..selectors import reason_texts

register = template.Library()


@register.filter
def reasons(match) -> list[str]:
    """The reasons a pair fits, in words."""
    return reason_texts(match.reasons or {})


@register.filter
def side_for(match, organisation) -> str | None:
    return match.side_of(organisation) if organisation is not None else None


@register.filter
def lookup(mapping, key):
    return (mapping or {}).get(key, [])
