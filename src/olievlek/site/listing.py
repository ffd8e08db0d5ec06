"""One way to sort, filter and page every list in the back office.

A view parses its filters with ``list_filters`` (a plain Django form; a value that does
not validate is dropped, never an error page), asks its selector for the queryset, and
hands it to ``list_page`` with its columns. Only the sort keys the columns name are
used: an unknown ``?sort=`` is ignored and the selector's own order stays, so a link
from outside can never order by an arbitrary field. The templates
``components/list_filters.html``, ``components/list_head.html`` and
``components/list_foot.html`` draw the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet

PER_PAGE = 50


@dataclass(frozen=True, kw_only=True)
class Column:
    """A column of a list. ``sort`` names the fields it sorts on; empty: not sortable."""

    key: str
    label: str
    sort: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Header:
    label: str
    key: str
    sortable: bool
    # "ascending" / "descending" for the column the list is sorted on (aria-sort).
    direction: str | None
    # The ?sort= value of the link: the other direction when this column is the sorted one.
    next_sort: str


@dataclass(frozen=True, kw_only=True)
class ListPage:
    page_obj: Page
    headers: list[Header]
    sort: str
    filter_form: forms.Form | None = None
    filtered: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return self.page_obj.paginator.count


def search_field(*, label) -> forms.CharField:
    """The free-text box every back-office list's filters start with."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )


def list_filters(
    request, form_class: type[forms.Form], **form_kwargs
) -> tuple[forms.Form, dict[str, Any]]:
    """The bound filter form and the values that are valid (empty ones left out)."""
    form = form_class(request.GET or None, **form_kwargs)
    if not request.GET:
        return form, {}
    form.is_valid()
    cleaned = getattr(form, "cleaned_data", {})
    return form, {k: v for k, v in cleaned.items() if v not in (None, "", [], ())}


def _sort_fields(fields: tuple[str, ...], descending: bool) -> list:
    if not descending:
        return [F(f).asc(nulls_last=True) for f in fields]
    return [F(f).desc(nulls_last=True) for f in fields]


def list_page(
    *,
    request,
    queryset: QuerySet,
    columns: list[Column],
    filter_form: forms.Form | None = None,
    filtered: bool = False,
    per_page: int = PER_PAGE,
) -> ListPage:
    """Sort ``queryset`` on the whitelisted column in ``?sort=`` (``-key``: descending)
    and cut out the page in ``?page=``."""
    wanted = request.GET.get("sort", "")
    key = wanted.removeprefix("-")
    descending = wanted.startswith("-")
    by_key = {c.key: c for c in columns if c.sort}
    sort = ""
    if key in by_key:
        sort = wanted
        # The primary key last: a stable order, so no row shows on two pages.
        queryset = queryset.order_by(*_sort_fields(by_key[key].sort, descending), "pk")
    headers = []
    for column in columns:
        current = bool(sort) and column.key == key
        headers.append(
            Header(
                label=str(column.label),
                key=column.key,
                sortable=bool(column.sort),
                direction=("descending" if descending else "ascending") if current else None,
                next_sort=f"-{column.key}" if current and not descending else column.key,
            )
        )
    page_obj = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    return ListPage(
        page_obj=page_obj,
        headers=headers,
        sort=sort,
        filter_form=filter_form,
        filtered=filtered,
    )
