"""The project team's work inbox: every app contributes what waits for a person through
an ``inbox_items(self)`` method on its AppConfig, returning ``InboxItem`` rows. Each app
keeps it to one count and one oldest date per kind (one aggregate query)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.db.models import Count, Min, QuerySet
from django.utils import timezone


@dataclass(frozen=True, kw_only=True)
class InboxItem:
    label: str
    count: int
    oldest: datetime | None
    url: str

    @property
    def age_days(self) -> int | None:
        if self.oldest is None:
            return None
        return max(0, (timezone.now() - self.oldest).days)


def inbox_row(*, label: str, queryset: QuerySet, date_field: str, url: str) -> InboxItem:
    """One count and the oldest date of a queryset, in one query."""
    found = queryset.aggregate(n=Count("pk"), oldest=Min(date_field))
    return InboxItem(label=str(label), count=found["n"], oldest=found["oldest"], url=url)


def inbox_collect() -> list[InboxItem]:
    """The rows with work waiting, oldest first (rows without a date last)."""
    rows = []
    for config in apps.get_app_configs():
        contribute = getattr(config, "inbox_items", None)
        if callable(contribute):
            rows.extend(row for row in contribute() if row.count)
    far_future = timezone.now().replace(year=9999)
    return sorted(rows, key=lambda r: (r.oldest or far_future, r.label))
