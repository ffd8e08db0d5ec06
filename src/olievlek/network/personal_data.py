"""Everything the platform holds about one organisation, gathered from every app.

Each app that stores data linked to an organisation has a `personal_data` module with

- `organisation_data(*, organisation, emails) -> dict[str, list[dict]]`: a selector, one
  table of plain rows per kind of record (what the organisation's download contains);
- `organisation_anonymise(*, organisation, emails) -> None`: a service, run inside the
  transaction that deletes the organisation, that blanks names and addresses of people
  while keeping the rows, so that the programme's totals stay right;
- optionally `person_anonymise(*, emails)`: the same for one person who leaves.

`emails` are the addresses of the organisation's contact people: records that name a
person by address (a meeting registration) belong to the person as well.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from importlib import import_module

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, QuerySet

# The network's own tables come first; the other apps follow in this order.
SOURCES = (
    "olievlek.network.personal_data_network",
    "olievlek.payitforward.personal_data",
    "olievlek.events.personal_data",
    "olievlek.knowledge.personal_data",
)
# Links that give access to something (a registration, an invitation) are no data of
# the person; a download that leaks must not hand them over.
NEVER_EXPORTED = frozenset({"token", "password", "key"})


def _modules():
    return [import_module(path) for path in SOURCES]


def table_rows(queryset: QuerySet, *, exclude: Iterable[str] = ()) -> list[dict]:
    """The stored values of every concrete field, as plain JSON-ready rows."""
    model: type[Model] = queryset.model
    skip = NEVER_EXPORTED | set(exclude)
    columns = [f.attname for f in model._meta.concrete_fields if f.name not in skip]
    return list(queryset.order_by("pk").values(*columns))


def organisation_data(*, organisation) -> dict[str, list[dict]]:
    emails = organisation_emails(organisation=organisation)
    tables: dict[str, list[dict]] = {}
    for module in _modules():
        tables.update(module.organisation_data(organisation=organisation, emails=emails))
    return tables


def organisation_emails(*, organisation) -> list[str]:
    return list(organisation.contacts.values_list("user__email", flat=True))


def organisation_anonymise_everywhere(*, organisation, emails: list[str]) -> None:
    for module in _modules():
        module.organisation_anonymise(organisation=organisation, emails=emails)


def person_anonymise_everywhere(*, emails: list[str]) -> None:
    """For one person leaving an organisation that stays: the apps that store people by
    address (`person_anonymise`) blank them."""
    for module in _modules():
        if hasattr(module, "person_anonymise"):
            module.person_anonymise(emails=emails)


def organisation_data_zip(*, organisation) -> bytes:
    """One zip: `gegevens.json` with every table, and one CSV file per table."""
    tables = organisation_data(organisation=organisation)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "gegevens.json",
            json.dumps(tables, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        )
        for name, rows in tables.items():
            archive.writestr(f"{name}.csv", _csv(rows))
    return buffer.getvalue()


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    columns = list(rows[0]) if rows else []
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=";")
    writer.writeheader()
    encoder = DjangoJSONEncoder()
    for row in rows:
        writer.writerow({k: _cell(v, encoder) for k, v in row.items()})
    # A byte-order mark, so that Excel opens the file as UTF-8.
    return "\ufeff" + out.getvalue()


def _cell(value, encoder) -> str:
    if value is None:
        return ""
    if isinstance(value, str | int | float | bool):
        return str(value)
    if isinstance(value, dict | list):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return str(encoder.default(value))
