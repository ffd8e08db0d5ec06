"""Model instances from a row of SQL written once per process.

For the few queries that run on (nearly) every request: Django compiles a queryset's SQL
anew on each call, which for a join of three tables costs more than the database takes to
answer it. Such a query is written once, with the columns of each model from `columns`,
and `instance` builds what the ORM would have built from the row (`Model.from_db`, with
the backend's converters, so SQLite's text dates become aware datetimes as usual).
"""

from __future__ import annotations

from django.db import models


def columns(model: type[models.Model], alias: str, connection) -> str:
    """The SELECT list of every concrete column of `model`, from table alias `alias`."""
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(f.column)}" for f in model._meta.concrete_fields)


def instance(
    model: type[models.Model], row, start: int, connection
) -> tuple[models.Model | None, int]:
    """The instance whose columns (as `columns` lists them) begin at `start` in `row`, or
    None when its primary key is NULL (an outer join found nothing); and where the next
    model's columns begin."""
    fields = model._meta.concrete_fields
    end = start + len(fields)
    values = list(row[start:end])
    if values[fields.index(model._meta.pk)] is None:
        return None, end
    for index, field in enumerate(fields):
        column = field.get_col(model._meta.db_table)
        for convert in connection.ops.get_db_converters(column) + field.get_db_converters(
            connection
        ):
            values[index] = convert(values[index], column, connection)
    return model.from_db(connection.alias, [f.attname for f in fields], values), end
