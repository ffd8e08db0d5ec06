from django.utils.text import slugify

from ..models import Organisation


def unique_slug(name: str, *, taken: set[str] | None = None) -> str:
    """A slug for `name` that no organisation (and nothing in `taken`) has yet."""
    base = slugify(name)[:200] or "organisatie"
    existing = set(
        Organisation.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    ) | (taken or set())
    slug, n = base, 2
    while slug in existing:
        slug = f"{base}-{n}"
        n += 1
    return slug
