from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def labelled(values, labels):
    """Pairs (label, value, percentage of the shown total) for a row of bars; a hidden
    bar has value None."""
    if values is None:
        return []
    total = sum(v for v in values if v)
    return [
        (label, value, round(100 * value / total) if value and total else 0)
        for label, value in zip(labels, values, strict=True)
    ]
