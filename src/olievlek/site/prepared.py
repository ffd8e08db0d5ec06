"""Querysets compiled to SQL once per process, for the queries of the most visited pages.

Django turns a queryset into SQL anew on every evaluation: resolving lookups and joins,
ordering, the select list. For a member's start page that was a third of the page's
time, for queries whose shape never changes, only their values. A `PreparedQuery` builds
its queryset once with marker values, keeps the SQL, the parameters and Django's own
description of the select list (which columns make which model, and how the models of
`select_related` hang together), and on each call runs that SQL with the real values and
builds the same instances the ORM would (`Model.from_db`, the backend's converters, the
related objects cached on both sides).

Only the parts of the ORM that map rows to instances are supported: `filter`, `exclude`,
`order_by`, `select_related`, `only`/`defer`, `annotate`, slicing. `values()` and
`prefetch_related` raise at the first call, so a query that outgrows this fails loudly
rather than differing from the ORM.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.query import ModelIterable, get_related_populators

# Values no real parameter has: the build function gets one per argument, and their
# places in the compiled parameters are where the real values go.
MARKERS = tuple(-7_340_987_151_601 - i for i in range(8))


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    slots: tuple[tuple[int, int], ...]  # (place in params, argument number)
    annotations: dict  # name: column
    model: type[Model]
    root: slice  # the columns of the queried model
    names: list[str]  # their attributes
    converters: list  # (column, the converters, expression), for the backend's types
    populators: list  # Django's builders of the select_related instances


class PreparedQuery:
    """`PreparedQuery(lambda organisation_id: Model.objects.filter(...))`; calling it with
    the values returns the list of instances."""

    def __init__(self, build: Callable[..., QuerySet]):
        self.build = build
        self._model: type[Model] | None = None
        self._compiled: dict[tuple[str, str, int], _Compiled] = {}

    def __call__(self, *values) -> list[Model]:
        if self._model is None:
            self._model = self.build(*MARKERS[: len(values)]).model
        alias = router.db_for_read(self._model)
        connection = connections[alias]
        key = (alias, connection.vendor, len(values))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(alias, len(values))
        params = list(compiled.params)
        for place, argument in compiled.slots:
            params[place] = values[argument]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        return list(_instances(compiled, rows, alias, connection))

    def _compile(self, alias: str, arity: int) -> _Compiled:
        queryset = self.build(*MARKERS[:arity])
        if queryset._iterable_class is not ModelIterable or queryset._prefetch_related_lookups:
            raise TypeError("PreparedQuery takes querysets of model instances only")
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        # A text field's lookup turns the marker into text: it is found either way.
        markers = {marker: n for n, marker in enumerate(MARKERS[:arity])}
        markers.update({str(marker): n for marker, n in list(markers.items())})
        slots = tuple(
            (place, markers[value])
            for place, value in enumerate(params)
            if isinstance(value, int | str) and value in markers
        )
        if {argument for _place, argument in slots} != set(range(arity)):
            raise ValueError("every argument of the build function must reach the SQL")
        # What Django's ModelIterable works out on each evaluation, worked out once: which
        # columns make the model, the converters (the same for every connection of a
        # backend: they read settings, not the connection's state) and the populators
        # of the related models (no state of their own between rows).
        connection = connections[alias]
        converters = []
        for place, column in enumerate(compiler.select):
            expression = column[0]
            found = connection.ops.get_db_converters(expression)
            found += expression.get_db_converters(connection)
            if found:
                converters.append((place, found, expression))
        info = compiler.klass_info
        root = slice(info["select_fields"][0], info["select_fields"][-1] + 1)
        return _Compiled(
            sql,
            tuple(params),
            slots,
            dict(compiler.annotation_col_map or {}),
            info["model"],
            root,
            [column[0].target.attname for column in compiler.select[root]],
            converters,
            get_related_populators(info, compiler.select, alias),
        )


def first_only(queryset: QuerySet) -> QuerySet:
    """The queryset that `queryset.first()` runs: its own order, or the primary key's."""
    return (queryset if queryset.ordered else queryset.order_by("pk"))[:1]


def _instances(compiled: _Compiled, rows, alias: str, connection):
    """What Django's ModelIterable does with the rows of a compiled query."""
    for raw in rows:
        row = list(raw)
        for place, found, expression in compiled.converters:
            for convert in found:
                row[place] = convert(row[place], expression, connection)
        instance = compiled.model.from_db(alias, compiled.names, row[compiled.root])
        for populator in compiled.populators:
            populator.populate(row, instance)
        for name, place in compiled.annotations.items():
            setattr(instance, name, row[place])
        yield instance
