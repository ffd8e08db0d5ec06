"""Links to the apps this one only points at: meetings (events) and Pay it Forward.

Both may be absent or still without their models (they are built alongside this app),
so every function here looks the model up lazily and returns nothing when it is not
there. This is the one place that knows their field names.
"""

from __future__ import annotations

from django.apps import apps


def _model(app_label: str, name: str):
    if not apps.is_installed(f"olievlek.{app_label}"):
        return None
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def event_model():
    return _model("events", "Event")


def _field_names(model) -> set[str]:
    return {f.name for f in model._meta.get_fields()}


def public_events():
    """The meetings anyone may see, for the search index and for linking to stories."""
    Event = event_model()
    if Event is None:
        return []
    try:
        from olievlek.events import selectors as event_selectors

        public = getattr(event_selectors, "events_public", None)
        if public is not None:
            return public()
    except ImportError:
        pass
    qs = Event.objects.all()
    names = _field_names(Event)
    if "is_public" in names:
        qs = qs.filter(is_public=True)
    if "status" in names:
        qs = qs.filter(status="published")
    return qs


def events_by_ids(ids) -> list:
    """The public meetings among `ids`, in the order of their start when known."""
    ids = list(ids)
    Event = event_model()
    if Event is None or not ids:
        return []
    events = public_events()
    if isinstance(events, list):
        return []
    events = events.filter(pk__in=ids)
    names = _field_names(Event)
    for field in ("starts_at", "start", "start_at", "date"):
        if field in names:
            events = events.order_by(field)
            break
    return list(events)


def event_choices(limit: int = 200) -> list[tuple[int, str]]:
    """Meetings a story may be linked to, newest first, as form choices."""
    events = public_events()
    if isinstance(events, list):
        return []
    return [(e.pk, str(e)) for e in events.order_by("-pk")[:limit]]


def event_document(event) -> dict:
    """The searchable text of a meeting, read defensively from the events model."""
    title = getattr(event, "title", "") or getattr(event, "name", "") or str(event)
    parts = [
        getattr(event, name, "") or ""
        for name in ("description", "summary", "programme", "city", "location", "venue")
    ]
    themes = getattr(event, "themes", None)
    if callable(themes):
        themes = themes()
    if hasattr(themes, "all"):
        themes = [getattr(t, "theme", t) for t in themes.all()]
    themes = [str(t) for t in (themes or []) if isinstance(t, str) or hasattr(t, "theme")]
    start = next(
        (
            getattr(event, n)
            for n in ("starts_at", "start", "start_at", "date")
            if hasattr(event, n)
        ),
        None,
    )
    return {
        "title": str(title),
        "body": "\n".join(str(p) for p in parts if p),
        "themes": themes,
        "url": event.get_absolute_url() if hasattr(event, "get_absolute_url") else "",
        "start": start,
    }


def payitforward_offers(organisation) -> list:
    """The organisation's open Pay it Forward offers (advice or a *kijkje in de keuken*,
    a visit to see the approach at work), when that app has them."""
    Offer = _model("payitforward", "Offer")
    if Offer is None:
        return []
    try:
        from olievlek.payitforward import selectors as pif_selectors

        public = getattr(pif_selectors, "offers_of_organisation", None)
        if public is not None:
            return list(public(organisation=organisation))
    except ImportError:
        pass
    names = _field_names(Offer)
    if "organisation" not in names:
        return []
    qs = Offer.objects.filter(organisation=organisation)
    if "is_active" in names:
        qs = qs.filter(is_active=True)
    return [o for o in qs[:5] if hasattr(o, "get_absolute_url")]
